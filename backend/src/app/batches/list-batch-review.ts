/** A batch's records in the review band: skipped by the run, listed for a person to confirm or reject. */
import type { batchReviewReplySchema } from '@accord/shared';
import type { z } from 'zod';
import type { Tenant } from '../../domain/tenants/tenant';
import { loadBatch, type BatchDeps } from './batch-context';

type BatchReviewReply = z.infer<typeof batchReviewReplySchema>;

export async function listBatchReview(deps: Pick<BatchDeps, 'batches'>, input: { tenant: Tenant; batchId: string; limit?: number }): Promise<BatchReviewReply> {
  const batch = await loadBatch(deps, input.tenant, input.batchId);
  const items: BatchReviewReply['items'] = [];
  const limit = input.limit ?? 500;
  for (let afterSeq = -1; items.length < limit; ) {
    const page = await deps.batches.items(input.tenant.id, batch.id, { afterSeq, limit: 500 });
    if (page.length === 0) break;
    afterSeq = page[page.length - 1]!.seq;
    for (const item of page) {
      if (item.match?.band === 'review' && items.length < limit) items.push({ object: batch.object, recordId: item.crmRecordId, match: item.match });
    }
  }
  return { items };
}
