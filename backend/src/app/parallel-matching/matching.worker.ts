/**
 * A matching worker thread: builds shards of the reference index, and matches CRM records against an index whose
 * arrays live in SharedArrayBuffers (so every worker reads the one copy the main thread holds).
 */
import { parentPort } from 'node:worker_threads';
import type { ReferenceCompany, ReferencePerson } from '@accord/shared';
import { createMatcher, defaultThresholds, type Matcher } from '../../domain/matching/matcher';
import { ReferenceIndex } from '../../domain/matching/reference-index';
import { CompanyShardBuilder, PersonShardBuilder } from '../../domain/matching/reference-shards';
import { runSelfCheck } from '../../domain/matching/self-check';
import { referenceCompanyAt, referencePersonAt } from '../../domain/synthetic/reference-generator';
import { matchLines } from './match-lines';
import type { GeneratedReference, MatchReply, ShardReply, WorkerRequest, WorkerResponse } from './messages';

let matcher: Matcher | undefined;

function indexShard<R, S>(
  request: { source: GeneratedReference; from: number; to: number },
  make: (source: GeneratedReference, i: number) => R,
  builder: { add(record: R): void; build(): S },
): ShardReply<S> {
  let indexNs = 0n;
  for (let i = request.from; i < request.to; i++) {
    const record = make(request.source, i);
    const t = process.hrtime.bigint();
    builder.add(record);
    indexNs += process.hrtime.bigint() - t;
  }
  const t = process.hrtime.bigint();
  const shard = builder.build();
  indexNs += process.hrtime.bigint() - t;
  return { shard, indexSeconds: Number(indexNs) / 1e9 };
}

const companyAt = (source: GeneratedReference, i: number): ReferenceCompany => referenceCompanyAt(source.seed, i);
const personAt = (source: GeneratedReference, i: number): ReferencePerson => referencePersonAt(source.seed, i, { companies: source.companies });

function handle(request: WorkerRequest): { value: unknown; transfer: ArrayBuffer[] } {
  switch (request.op) {
    case 'companyShard': {
      const reply = indexShard(request, companyAt, new CompanyShardBuilder({ ctx: request.ctx, firstRecord: request.from }));
      return { value: reply, transfer: [] };
    }
    case 'personShard': {
      const builder = new PersonShardBuilder({ ctx: request.ctx, firstRecord: request.from, companies: request.companies });
      const reply = indexShard(request, personAt, builder);
      return { value: reply, transfer: [] };
    }
    case 'useIndex': {
      const index = new ReferenceIndex(request.data);
      matcher = createMatcher({ index, models: request.models });
      if (request.selfCheck === null) return { value: null, transfer: [] };
      const { records, ctx } = request.selfCheck;
      return { value: runSelfCheck(matcher, index, { records, ctx, thresholds: defaultThresholds, now: new Date() }), transfer: [] };
    }
    case 'match': {
      if (!matcher) throw new Error('match before useIndex');
      const now = new Date(request.now);
      const latencies = new Float64Array(request.records.length);
      const results = [];
      for (let i = 0; i < request.records.length; i++) {
        const t = process.hrtime.bigint();
        const result = matcher.match({ record: request.records[i]!, ctx: request.ctx, thresholds: request.thresholds, now });
        latencies[i] = Number(process.hrtime.bigint() - t) / 1e6;
        if (request.withResults) results.push(result);
      }
      const reply: MatchReply = { results, latencies };
      return { value: reply, transfer: [latencies.buffer] };
    }
    case 'matchLines':
      if (!matcher) throw new Error('matchLines before useIndex');
      return { value: matchLines(matcher, request), transfer: [] };
  }
}

parentPort!.on('message', (message: { id: number; request: WorkerRequest }) => {
  let response: WorkerResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    const handled = handle(message.request);
    response = { id: message.id, ok: true, value: handled.value };
    transfer = handled.transfer;
  } catch (e) {
    response = { id: message.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(response, transfer);
});
