/**
 * Fills an empty reference database with generated demo data (deterministic: seed 2026), so `npm start` has
 * companies and people to match against. Does nothing when any reference record exists.
 */
import type { ReferenceRecord } from '@accord/shared';
import type { ReferenceStore } from '../adapters/db/reference.store';
import { referenceCompanyAt, referencePersonAt } from '../domain/synthetic/reference-generator';

export const DEMO_SEED = 2026;

export async function seedDemoReference(deps: { reference: ReferenceStore }, input: { companies: number; now: Date; batchSize?: number }): Promise<{ seeded: boolean; companies: number; people: number }> {
  const counts = await deps.reference.counts();
  if (counts.companies + counts.people > 0) return { seeded: false, ...counts };
  const batchSize = input.batchSize ?? 2_000;
  const people = input.companies * 2;
  let batch: ReferenceRecord[] = [];
  const flush = async () => {
    if (batch.length > 0) await deps.reference.upsertMany(batch, input.now);
    batch = [];
  };
  for (let i = 0; i < input.companies + people; i++) {
    batch.push(i < input.companies ? referenceCompanyAt(DEMO_SEED, i) : referencePersonAt(DEMO_SEED, i - input.companies, { companies: input.companies }));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { seeded: true, companies: input.companies, people };
}
