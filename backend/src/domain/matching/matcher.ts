/**
 * The matcher: for one CRM record, generate candidates from the blocking keys, score each with the
 * Fellegi-Sunter model, turn scores into a calibrated probability that the top candidate is the right one,
 * and explain it. A person's confirmed or rejected match overrides the model.
 */
import type { CrmRecord, MatchCandidate, MatchResult, RecordKind } from '@accord/shared';
import { defaultCandidateOptions, findCandidates, type Candidate, type CandidateOptions } from './candidates';
import type { FeatureContext } from './features';
import { candidateProbabilities, explain, scoreOf, type MatchingModel } from './model';
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

  return {
    match({ record, ctx, thresholds, now, overrides }) {
      const kind = record.kind;
      const model = models[kind];
      const chosenId = overrides?.chosen?.referenceId;
      const chosenRecord = chosenId === undefined ? undefined : kind === 'company' ? index.findCompany(chosenId) : index.findPerson(chosenId);
      const rejected = new Set(overrides?.rejected ?? []);
      const found = findCandidates(index, { record, ctx, options: candidateOptions, include: chosenRecord === undefined ? [] : [chosenRecord] });
      const scored: Scored[] = [];
      for (const c of found) if (rejected.size === 0 || !rejected.has(c.id)) scored.push({ candidate: c, score: scoreOf(model, c.comparisons) });
      scored.sort(byScoreThenId);
      const referenceCount = kind === 'company' ? index.companyCount() : index.personCount();
      const scores: number[] = [];
      for (const s of scored) scores.push(s.score);
      const probabilities = candidateProbabilities(model, scores, referenceCount);
      // Only the candidates a person will see are explained; the rest only needed a score.
      const shown = scored.slice(0, runnersUpCount + 2);
      if (chosenRecord !== undefined && !shown.some((s) => s.candidate.record === chosenRecord)) {
        const chosen = scored.find((s) => s.candidate.record === chosenRecord);
        if (chosen) shown.unshift(chosen);
      }
      const candidates: MatchCandidate[] = [];
      for (const s of shown) {
        candidates.push({
          referenceId: s.candidate.id,
          kind,
          label: s.candidate.label,
          score: Math.round(s.score * 100) / 100,
          probability: round4(probabilities[scored.indexOf(s)] ?? 0),
          reasons: explain(model, s.candidate.comparisons),
        });
      }
      // Built field by field: object spread was measured to cost microseconds per call on this hot path.
      const result = (fields: Pick<MatchResult, 'candidate' | 'confidence' | 'band' | 'runnersUp' | 'decidedBy'>): MatchResult => ({
        recordId: record.id,
        kind,
        candidate: fields.candidate,
        confidence: fields.confidence,
        band: fields.band,
        runnersUp: fields.runnersUp,
        decidedBy: fields.decidedBy,
        modelVersion: model.version,
        matchedAt: now.toISOString(),
      });

      if (overrides?.chosen && chosenRecord !== undefined) {
        const chosen = candidates.find((c) => c.referenceId === overrides.chosen!.referenceId)!;
        const others = candidates.filter((c) => c !== chosen).slice(0, runnersUpCount);
        return result({ candidate: chosen, confidence: 1, band: 'auto', runnersUp: others, decidedBy: overrides.chosen.decision });
      }
      const top = candidates[0];
      if (overrides?.noneOfThese || !top) {
        return result({
          candidate: null,
          confidence: 0,
          band: 'none',
          runnersUp: candidates.slice(0, runnersUpCount),
          decidedBy: overrides?.noneOfThese || rejected.size > 0 ? 'rejected' : 'model',
        });
      }
      const confidence = top.probability;
      const band = confidence >= thresholds.auto ? 'auto' : confidence >= thresholds.review ? 'review' : 'none';
      return result({
        candidate: band === 'none' ? null : top,
        confidence,
        band,
        runnersUp: candidates.slice(band === 'none' ? 0 : 1, (band === 'none' ? 0 : 1) + runnersUpCount),
        decidedBy: rejected.size > 0 ? 'rejected' : 'model',
      });
    },
  };
}

interface Scored {
  candidate: Candidate;
  score: number;
}

function byScoreThenId(a: Scored, b: Scored): number {
  return b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : 1);
}

/** Four decimals, and never 1: certainty is reserved for a match a person confirmed. */
function round4(p: number): number {
  return Math.min(0.9999, Math.round(p * 10_000) / 10_000);
}
