/** Runs the matcher over a linkage data set in-process and returns its predictions and timings. */
import type { CrmRecord, RecordKind, ReferenceRecord } from '@accord/shared';
import type { FeatureContext } from '../domain/matching/features';
import { createMatcher, type MatchThresholds } from '../domain/matching/matcher';
import type { MatchingModel } from '../domain/matching/model';
import { ReferenceIndexBuilder } from '../domain/matching/reference-index';
import type { Prediction } from './metrics';

export interface LinkageRun {
  predictions: Prediction[];
  indexSeconds: number;
  matchSeconds: number;
  recordsPerSecond: number;
}

export function runLinkage(options: {
  reference: Iterable<ReferenceRecord>;
  crm: Iterable<CrmRecord>;
  models: Record<RecordKind, MatchingModel>;
  thresholds: MatchThresholds;
  ctx: FeatureContext;
}): LinkageRun {
  const t0 = process.hrtime.bigint();
  const builder = new ReferenceIndexBuilder(options.ctx);
  for (const r of options.reference) builder.add(r);
  const index = builder.build();
  const t1 = process.hrtime.bigint();
  const matcher = createMatcher({ index, models: options.models });
  const now = new Date();
  const predictions: Prediction[] = [];
  for (const record of options.crm) {
    const result = matcher.match({ record, ctx: options.ctx, thresholds: options.thresholds, now });
    const top = result.candidate ?? result.runnersUp[0] ?? null;
    predictions.push({
      id: record.id,
      matchId: result.candidate?.referenceId ?? null,
      candidateId: top?.referenceId ?? null,
      confidence: result.confidence,
      band: result.band,
    });
  }
  const t2 = process.hrtime.bigint();
  const matchSeconds = Number(t2 - t1) / 1e9;
  return {
    predictions,
    indexSeconds: Number(t1 - t0) / 1e9,
    matchSeconds,
    recordsPerSecond: predictions.length / Math.max(matchSeconds, 1e-9),
  };
}
