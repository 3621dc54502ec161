/** Idempotency keys: one per user action, reused when that action is retried (HubSpot also retries 5xx once). */
import { idempotencyKeySchema } from '@accord/shared';

export function newIdempotencyKey(prefix: string): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 14)}`;
  return idempotencyKeySchema.parse(`${prefix}:${random}`);
}
