/**
 * Trains the matching models on generated data (never on the evaluation sets) and writes them as versioned JSON:
 *  1. build a reference index from a training reference set (its own seed);
 *  2. label the candidate pairs of a training CRM set and estimate Fellegi-Sunter weights from them;
 *  3. on a separate calibration CRM set, fit an isotonic map from each candidate pair's uncalibrated match
 *     probability to how often such pairs really match.
 * Usage: npm run train:matching -w @accord/backend
 */
import fs from 'node:fs';
import type { RecordKind } from '@accord/shared';
import { modelPath } from '../src/adapters/reference/matching-models';
import { findCandidates, defaultCandidateOptions } from '../src/domain/matching/candidates';
import { companyFields, personFields } from '../src/domain/matching/compare/compare-fields';
import { pairProbability, scoreOf, type MatchingModel } from '../src/domain/matching/model';
import { ReferenceIndexBuilder } from '../src/domain/matching/reference-index';
import { estimateWeights, type LabelledPair } from '../src/domain/matching/training/estimate-weights';
import { fitIsotonic } from '../src/domain/matching/training/isotonic';
import { generateCrmDataset } from '../src/domain/synthetic/crm-dataset';
import { referenceCompanyAt, referencePersonAt } from '../src/domain/synthetic/reference-generator';

const VERSION = '2026.11.28-1';
const REFERENCE_SEED = 101;
const TRAINING_SEED = 202;
const CALIBRATION_SEED = 303;
const COMPANIES = 60_000;
const PEOPLE = 120_000;
const CRM_PER_KIND = 25_000;
const ctx = { defaultCountry: 'AU' };

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function main(): void {
  const started = Date.now();
  const builder = new ReferenceIndexBuilder(ctx);
  for (let i = 0; i < COMPANIES; i++) builder.add(referenceCompanyAt(REFERENCE_SEED, i));
  for (let i = 0; i < PEOPLE; i++) builder.add(referencePersonAt(REFERENCE_SEED, i, { companies: COMPANIES }));
  const index = builder.build();
  log(`training reference: ${COMPANIES} companies, ${PEOPLE} people indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const dataset = (seed: number) =>
    generateCrmDataset({
      seed,
      referenceSeed: REFERENCE_SEED,
      companies: COMPANIES,
      people: PEOPLE,
      crmCompanies: CRM_PER_KIND,
      crmPeople: CRM_PER_KIND,
    });

  const pairs: Record<RecordKind, LabelledPair[]> = { company: [], person: [] };
  for (const { record, truth } of dataset(TRAINING_SEED)) {
    for (const c of findCandidates(index, { record, ctx, options: defaultCandidateOptions })) {
      pairs[record.kind].push({ comparisons: c.comparisons, isMatch: c.id === truth });
    }
  }

  const models = {} as Record<RecordKind, MatchingModel>;
  for (const kind of ['company', 'person'] as const) {
    const estimated = estimateWeights(kind === 'company' ? companyFields : personFields, pairs[kind]);
    models[kind] = {
      version: `${kind}-${VERSION}`,
      kind,
      trainedOn: {
        description: `generated: ${COMPANIES} reference companies, ${PEOPLE} people (seed ${REFERENCE_SEED}); ${CRM_PER_KIND} CRM records per kind`,
        seed: TRAINING_SEED,
        records: CRM_PER_KIND,
        candidatePairs: estimated.candidatePairs,
        matchedPairs: estimated.matchedPairs,
      },
      priorOdds: estimated.priorOdds,
      weights: estimated.weights,
      counts: estimated.counts,
      calibration: { x: [], y: [] },
    };
    log(`${kind}: ${estimated.candidatePairs} candidate pairs, ${estimated.matchedPairs} matches, prior odds ${estimated.priorOdds.toFixed(4)}`);
  }

  // Calibration: every candidate pair of a separate CRM set, its uncalibrated pair probability against the truth.
  const points: Record<RecordKind, { raw: number; correct: boolean }[]> = { company: [], person: [] };
  for (const { record, truth } of dataset(CALIBRATION_SEED)) {
    const model = models[record.kind];
    for (const c of findCandidates(index, { record, ctx, options: defaultCandidateOptions })) {
      points[record.kind].push({ raw: pairProbability(model, scoreOf(model, c.comparisons)), correct: c.id === truth });
    }
  }
  for (const kind of ['company', 'person'] as const) {
    models[kind].calibration = fitIsotonic(points[kind], { minBlock: 25 });
    fs.writeFileSync(modelPath(kind), `${JSON.stringify(models[kind], null, 2)}\n`);
    log(`${kind}: calibration from ${points[kind].length} records, ${models[kind].calibration.x.length} points → ${modelPath(kind)}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
