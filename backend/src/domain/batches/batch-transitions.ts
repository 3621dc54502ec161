/**
 * A batch's life cycle as data: every allowed (state, event) → state move, and nothing else. Use cases move a batch
 * only through `transition`, and the store applies the move only if the batch is still in the state it was read in.
 */
import type { BatchState } from '@accord/shared';

export const batchEvents = [
  'estimate',
  'estimated',
  'estimate_failed',
  'approve',
  'reject',
  'start',
  'pause',
  'resume',
  'complete',
  'complete_with_errors',
  'cancel',
  'undo',
  'undone',
] as const;
export type BatchEvent = (typeof batchEvents)[number];

export const batchTransitions: readonly { from: BatchState; event: BatchEvent; to: BatchState }[] = [
  { from: 'draft', event: 'estimate', to: 'estimating' },
  { from: 'estimating', event: 'estimated', to: 'awaiting_approval' },
  { from: 'estimating', event: 'estimate_failed', to: 'draft' },
  // An admin may ask for a fresh estimate (records changed since) before deciding.
  { from: 'awaiting_approval', event: 'estimate', to: 'estimating' },
  { from: 'awaiting_approval', event: 'approve', to: 'approved' },
  { from: 'awaiting_approval', event: 'reject', to: 'rejected' },
  { from: 'draft', event: 'reject', to: 'rejected' },
  { from: 'approved', event: 'start', to: 'running' },
  { from: 'running', event: 'pause', to: 'paused' },
  { from: 'paused', event: 'resume', to: 'running' },
  { from: 'running', event: 'complete', to: 'completed' },
  { from: 'running', event: 'complete_with_errors', to: 'completed_with_errors' },
  { from: 'approved', event: 'cancel', to: 'cancelled' },
  { from: 'running', event: 'cancel', to: 'cancelled' },
  { from: 'paused', event: 'cancel', to: 'cancelled' },
  { from: 'completed', event: 'undo', to: 'undoing' },
  { from: 'completed_with_errors', event: 'undo', to: 'undoing' },
  { from: 'cancelled', event: 'undo', to: 'undoing' },
  { from: 'paused', event: 'undo', to: 'undoing' },
  { from: 'undoing', event: 'undone', to: 'undone' },
];

export type TransitionResult = { ok: true; state: BatchState } | { ok: false; code: 'ILLEGAL_TRANSITION'; message: string };

export function transition(state: BatchState, event: BatchEvent): TransitionResult {
  const move = batchTransitions.find((t) => t.from === state && t.event === event);
  if (move) return { ok: true, state: move.to };
  return { ok: false, code: 'ILLEGAL_TRANSITION', message: `A batch that is ${state.replace(/_/g, ' ')} cannot ${event.replace(/_/g, ' ')}.` };
}

/** States no event leaves except undo: the batch holds no reservation and no worker touches it. */
export function isFinished(state: BatchState): boolean {
  return ['completed', 'completed_with_errors', 'cancelled', 'rejected', 'undone'].includes(state);
}
