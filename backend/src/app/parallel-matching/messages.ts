/** What the main thread and the matching workers say to each other. */
import type { CrmRecord, MatchResult, RecordKind } from '@accord/shared';
import type { FeatureContext } from '../../domain/matching/features';
import type { MatchThresholds } from '../../domain/matching/matcher';
import type { MatchingModel } from '../../domain/matching/model';
import type { KindData, ReferenceIndexData } from '../../domain/matching/reference-index';
import type { PersonShard } from '../../domain/matching/reference-shards';
import type { SelfCheck } from '../../domain/matching/self-check';
import type { LinesReply, LinesRequest } from './match-lines';

/** Reference records a worker makes itself, so they need not be sent: the seeded generator's companies and people. */
export interface GeneratedReference {
  kind: 'generated';
  seed: number;
  companies: number;
}

export type WorkerRequest =
  | { op: 'companyShard'; source: GeneratedReference; from: number; to: number; ctx: FeatureContext }
  | { op: 'personShard'; source: GeneratedReference; from: number; to: number; ctx: FeatureContext; companies: KindData }
  | { op: 'useIndex'; data: ReferenceIndexData; models: Record<RecordKind, MatchingModel>; selfCheck: SelfCheckRequest | null }
  | { op: 'match'; records: CrmRecord[]; ctx: FeatureContext; thresholds: MatchThresholds; now: number; withResults: boolean }
  | ({ op: 'matchLines' } & LinesRequest);

/** Reference records a worker matches against the index it is handed (see self-check.ts), and the tenant context to read them in. */
export interface SelfCheckRequest {
  records: number;
  ctx: FeatureContext;
}

/** Seconds spent indexing, generating the records excluded. */
export type ShardReply<S> = { shard: S; indexSeconds: number };

export interface MatchReply {
  /** Empty unless asked for: copying results between threads costs about as much as matching them. */
  results: MatchResult[];
  /** Milliseconds each match took, in record order. */
  latencies: Float64Array;
}

export interface WorkerReplies {
  companyShard: ShardReply<KindData>;
  personShard: ShardReply<PersonShard>;
  useIndex: SelfCheck | null;
  match: MatchReply;
  matchLines: LinesReply;
}

export type WorkerResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
