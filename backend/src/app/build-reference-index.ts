/** Builds the in-memory matching index from the reference database, streaming it page by page. */
import type { ReferenceStore } from '../adapters/db/reference.store';
import type { FeatureContext } from '../domain/matching/features';
import { ReferenceIndex, ReferenceIndexBuilder } from '../domain/matching/reference-index';

export async function buildReferenceIndex(deps: { reference: ReferenceStore }, ctx: FeatureContext): Promise<ReferenceIndex> {
  const builder = new ReferenceIndexBuilder(ctx);
  for await (const record of deps.reference.streamAll()) builder.add(record);
  return builder.build();
}
