/** Display helpers shared by the card and the page. Credits are integers; confidences are probabilities 0..1. */
import type { FieldValue } from '@accord/shared';

export function formatCredits(credits: number): string {
  return `${credits.toLocaleString('en-US')} ${credits === 1 ? 'credit' : 'credits'}`;
}

export function formatPercent(probability: number): string {
  return `${Math.round(probability * 100)}%`;
}

export function formatFieldValue(value: FieldValue): string {
  if (value === null || value === '') return '—';
  return String(value);
}

/** Timestamps may carry any offset; show them in UTC so every viewer reads the same time. */
export function formatTimestamp(iso: string): string {
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
