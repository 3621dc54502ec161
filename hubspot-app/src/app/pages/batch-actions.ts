/** Which admin actions a batch offers in each state, their routes and their words. The backend enforces the same. */
import type { ApiRouteName, Batch, BatchAction, BatchState } from '@accord/shared';

const actionsByState: Record<BatchState, BatchAction[]> = {
  draft: [],
  estimating: ['cancel'],
  awaiting_approval: ['approve', 'canary', 'reject'],
  approved: ['pause', 'cancel'],
  running: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  completed: ['undo'],
  completed_with_errors: ['undo'],
  cancelled: [],
  rejected: [],
  undoing: [],
  undone: [],
};

/** Accord never deletes what it created, so a create-people batch has no undo (the backend answers ILLEGAL_TRANSITION). */
function offers(batch: Batch, action: BatchAction): boolean {
  if (action === 'canary') return batch.canarySize > 0;
  if (action === 'undo') return batch.type !== 'create_people';
  return true;
}

export function actionsFor(batch: Batch): BatchAction[] {
  return actionsByState[batch.state].filter((action) => offers(batch, action));
}

export const routeOfAction = {
  approve: 'approveBatch',
  reject: 'rejectBatch',
  canary: 'canaryBatch',
  pause: 'pauseBatch',
  resume: 'resumeBatch',
  cancel: 'cancelBatch',
  undo: 'undoBatch',
} as const satisfies Record<BatchAction, ApiRouteName>;

export const actionLabels: Record<BatchAction, string> = {
  approve: 'Approve',
  reject: 'Reject',
  canary: 'Run canary first',
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel',
  undo: 'Undo batch',
};

export const actionVariants: Record<BatchAction, 'primary' | 'secondary' | 'destructive'> = {
  approve: 'primary',
  reject: 'destructive',
  canary: 'secondary',
  pause: 'secondary',
  resume: 'primary',
  cancel: 'destructive',
  undo: 'destructive',
};

export const stateWords: Record<BatchState, { label: string; variant: 'default' | 'info' | 'warning' | 'success' | 'danger' }> = {
  draft: { label: 'Draft', variant: 'default' },
  estimating: { label: 'Estimating', variant: 'info' },
  awaiting_approval: { label: 'Awaiting approval', variant: 'warning' },
  approved: { label: 'Approved', variant: 'info' },
  running: { label: 'Running', variant: 'info' },
  paused: { label: 'Paused', variant: 'warning' },
  completed: { label: 'Completed', variant: 'success' },
  completed_with_errors: { label: 'Completed with errors', variant: 'warning' },
  cancelled: { label: 'Cancelled', variant: 'default' },
  rejected: { label: 'Rejected', variant: 'default' },
  undoing: { label: 'Undoing', variant: 'info' },
  undone: { label: 'Undone', variant: 'default' },
};

export type BatchGroup = 'awaiting' | 'active' | 'finished';

export const groupOfState: Record<BatchState, BatchGroup> = {
  draft: 'active',
  estimating: 'active',
  awaiting_approval: 'awaiting',
  approved: 'active',
  running: 'active',
  paused: 'active',
  undoing: 'active',
  completed: 'finished',
  completed_with_errors: 'finished',
  cancelled: 'finished',
  rejected: 'finished',
  undone: 'finished',
};
