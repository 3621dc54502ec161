/**
 * The matcher: for one CRM record, generate candidates from the blocking keys, score each with the
 * Fellegi-Sunter model, turn scores into a calibrated probability that the top candidate is the right one,
 * and explain it. A person's confirmed or rejected match overrides the model.
 */
import type { CrmRecord, MatchCandidate, MatchResult, RecordKind } from '@accord/shared';
import { compareCandidate, comparedPair, defaultCandidateOptions, searchCandidates, type CandidateOptions, type ReferenceFeatures } from './candidates';
import { companyFields, ComparisonRow, personFields } from './compare/compare-fields';
import type { FeatureContext } from './features';
import { LevelWeights } from './level-weights';
import { candidateProbabilities, type MatchingModel } from './model';
import type { ReferenceIndex } from './reference-index';

export interface MatchThresholds {
  /** At or above: applied without review (default 0.95). */
  auto: number;
  /** At or above (and below auto): shown for review. Below: no match. */
  review: number;
}

export const defaultThresholds: MatchThresholds = { auto: 0.95, review: 0.5 };

export interface MatcherOptions {
  index: ReferenceIndex;
  models: Record<RecordKind, MatchingModel>;
  candidates?: CandidateOptions;
  runnersUp?: number;
}

/** What people said about this record's match, remembered per tenant. */
export interface MatchOverrides {
  /** Reference id a person confirmed or picked for this record. */
  chosen?: { referenceId: string; decision: 'confirmed' | 'picked' };
  /** Reference ids a person said are wrong for this record ("wrong company"). */
  rejected?: readonly string[];
  /** A person said none of the candidates is right. */
  noneOfThese?: boolean;
}

export interface MatchRequest {
  record: CrmRecord;
  ctx: FeatureContext;
  thresholds: MatchThresholds;
  now: Date;
  overrides?: MatchOverrides;
}

export interface Matcher {
  match(request: MatchRequest): MatchResult;
}

export function createMatcher(options: MatcherOptions): Matcher {
  const { index, models } = options;
  const candidateOptions = options.candidates ?? defaultCandidateOptions;
  const runnersUpCount = options.runnersUp ?? 3;
  const weights: Record<RecordKind, LevelWeights> = {
    company: new LevelWeights(models.company, companyFields),
    person: new LevelWeights(models.person, personFields),
  };
  const clock = new IsoClock();
  // Comparison rows reused from record to record: candidate i of a query is compared into rows[kind][i].
  const rows: Record<RecordKind, ComparisonRow[]> = { company: [], person: [] };
  const rowAt = (kind: RecordKind, i: number): ComparisonRow => {
    const pool = rows[kind];
    while (pool.length <= i) pool.push(new ComparisonRow(kind === 'company' ? companyFields.length : personFields.length));
    return pool[i]!;
  };

  return {
    match({ record, ctx, thresholds, now, overrides }) {
      const kind = record.kind;
      const model = models[kind];
      const chosenId = overrides?.chosen?.referenceId;
      const chosenRecord = chosenId === undefined ? undefined : kind === 'company' ? index.findCompany(chosenId) : index.findPerson(chosenId);
      const rejected = overrides?.rejected ?? [];
      const search = searchCandidates(index, { record, ctx, options: candidateOptions, include: chosenRecord === undefined ? [] : [chosenRecord] });
      const scored: Scored[] = [];
      for (const r of search.records) {
        const id = rejected.length === 0 ? undefined : index.idOf(kind, r);
        if (id !== undefined && rejected.includes(id)) continue;
        const row = rowAt(kind, scored.length);
        const ref = compareCandidate(index, search, r, row);
        scored.push({ record: r, row, ref, score: weights[kind].score(row), id });
      }
      scored.sort((a, b) => b.score - a.score || (idOf(index, kind, a) < idOf(index, kind, b) ? -1 : 1));
      const referenceCount = kind === 'company' ? index.companyCount() : index.personCount();
      const scores: number[] = [];
      for (const s of scored) scores.push(s.score);
      const probabilities = candidateProbabilities(model, scores, referenceCount);
      // Only the candidates a person will see are explained; the rest only needed a score.
      // The top and its runners-up (a chosen record outside them is added below).
      const shown = scored.slice(0, runnersUpCount + 1);
      if (chosenRecord !== undefined && !shown.some((s) => s.record === chosenRecord)) {
        const chosen = scored.find((s) => s.record === chosenRecord);
        if (chosen) shown.unshift(chosen);
      }
      const candidates: MatchCandidate[] = [];
      for (const s of shown) {
        candidates.push({
          referenceId: idOf(index, kind, s),
          kind,
          label: index.labelOf(kind, s.record),
          score: Math.round(s.score * 100) / 100,
          probability: round4(probabilities[scored.indexOf(s)] ?? 0),
          reasons: weights[kind].reasons(comparedPair(search, s)),
        });
      }
      const stamp = { recordId: record.id, kind, modelVersion: model.version, matchedAt: clock.isoOf(now) };

      if (overrides?.chosen && chosenRecord !== undefined) {
        const chosen = candidates.find((c) => c.referenceId === overrides.chosen!.referenceId)!;
        const others = candidates.filter((c) => c !== chosen).slice(0, runnersUpCount);
        return resultOf(stamp, { candidate: chosen, confidence: 1, band: 'auto', runnersUp: others, decidedBy: overrides.chosen.decision });
      }
      const top = candidates[0];
      if (overrides?.noneOfThese || !top) {
        return resultOf(stamp, {
          candidate: null,
          confidence: 0,
          band: 'none',
          runnersUp: candidates.slice(0, runnersUpCount),
          decidedBy: overrides?.noneOfThese || rejected.length > 0 ? 'rejected' : 'model',
        });
      }
      const confidence = top.probability;
      const band = confidence >= thresholds.auto ? 'auto' : confidence >= thresholds.review ? 'review' : 'none';
      return resultOf(stamp, {
        candidate: band === 'none' ? null : top,
        confidence,
        band,
        runnersUp: candidates.slice(band === 'none' ? 0 : 1, (band === 'none' ? 0 : 1) + runnersUpCount),
        decidedBy: rejected.length > 0 ? 'rejected' : 'model',
      });
    },
  };
}

type ResultFields = Pick<MatchResult, 'candidate' | 'confidence' | 'band' | 'runnersUp' | 'decidedBy'>;

// Built field by field: object spread was measured to cost microseconds per call on this hot path.
function resultOf(stamp: Pick<MatchResult, 'recordId' | 'kind' | 'modelVersion' | 'matchedAt'>, fields: ResultFields): MatchResult {
  return {
    recordId: stamp.recordId,
    kind: stamp.kind,
    candidate: fields.candidate,
    confidence: fields.confidence,
    band: fields.band,
    runnersUp: fields.runnersUp,
    decidedBy: fields.decidedBy,
    modelVersion: stamp.modelVersion,
    matchedAt: stamp.matchedAt,
  };
}

/** `now` as ISO text, remembered for the last instant asked (a batch matches many records at one `now`). */
class IsoClock {
  private instant = Number.NaN;
  private iso = '';

  isoOf(now: Date): string {
    const t = now.getTime();
    if (t !== this.instant) {
      this.iso = now.toISOString();
      this.instant = t;
    }
    return this.iso;
  }
}

interface Scored {
  record: number;
  row: ComparisonRow;
  /** The reference record's features as compared. */
  ref: ReferenceFeatures;
  score: number;
  /** The reference id, read when first needed (ties, display, rejections). */
  id: string | undefined;
}

/** The candidate's reference id, read once. (A module function: a named closure per query costs microseconds under tsx.) */
function idOf(index: ReferenceIndex, kind: RecordKind, s: Scored): string {
  return (s.id ??= index.idOf(kind, s.record));
}

/** Four decimals, and never 1: certainty is reserved for a match a person confirmed. */
function round4(p: number): number {
  return Math.min(0.9999, Math.round(p * 10_000) / 10_000);
}
