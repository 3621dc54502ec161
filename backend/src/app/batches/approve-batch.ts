/**
 * An admin of the tenant approves a batch: its maximum cost is reserved from the balance, within the batch cap
 * (the tenant's, and the creator's limit) and the monthly cap. Refused when the credits or caps do not allow it.
 */
import type { Batch } from '@accord/shared';
import { startOfMonth } from '../../domain/credits/periods';
import type { Tenant } from '../../domain/tenants/tenant';
import { AppError } from '../app-error';
import { batchView, loadBatch, moveBatch, requireAdmin, type BatchDeps } from './batch-context';

export async function approveBatch(deps: Pick<BatchDeps, 'batches' | 'credits'>, input: { tenant: Tenant; batchId: string; userId: string; isAdmin: boolean; now: Date }): Promise<Batch> {
  const { tenant, now } = input;
  requireAdmin(input.isAdmin);
  const batch = await loadBatch(deps, tenant, input.batchId);
  if (batch.state !== 'awaiting_approval' || !batch.estimate) {
    throw new AppError('ILLEGAL_TRANSITION', `A batch that is ${batch.state.replace(/_/g, ' ')} cannot be approved; it needs an estimate first.`);
  }
  const amount = batch.estimate.maxCredits;
  const { monthlyCap } = batch.policy;
  if (monthlyCap !== null && (await deps.credits.spentSince(tenant.id, { since: startOfMonth(now) })) + amount > monthlyCap) {
    throw new AppError('CAP_EXCEEDED', `This batch could cost ${amount} credits, more than is left of the monthly cap of ${monthlyCap}.`);
  }
  const caps = [batch.policy.perBatchCap, batch.maxCredits].filter((c): c is number => c !== null);
  const reserved = await deps.credits.reserve(tenant.id, { batchId: batch.id, amount, now, cap: caps.length > 0 ? Math.min(...caps) : null });
  if (reserved.status === 'insufficient') throw new AppError('INSUFFICIENT_CREDITS', `This batch could cost ${amount} credits; ${reserved.available} are available.`);
  if (reserved.status === 'cap_exceeded') throw new AppError('CAP_EXCEEDED', `This batch could cost ${amount} credits, more than its cap of ${reserved.limit}.`);
  try {
    return await batchView(deps, await moveBatch(deps, batch, 'approve', { now, set: { approvedBy: input.userId, reservedCredits: reserved.entry.amount } }));
  } catch (error) {
    // Rejected or cancelled meanwhile: nothing may stay reserved for it.
    const current = await deps.batches.get(tenant.id, batch.id);
    if (current?.state !== 'approved') await deps.credits.release(tenant.id, { batchId: batch.id, now });
    throw error;
  }
}
