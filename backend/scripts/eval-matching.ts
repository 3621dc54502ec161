/**
 * `npm run eval:matching`: precision, recall, F1 at the auto and review thresholds, false-match rate, ECE and
 * records/second on (1) a generated set the models were not trained on and (2) the public benchmarks in
 * ../shared/data when present (FEBRL4 people without DOB/SSN; Chicago organisations).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CrmRecord, ReferenceRecord } from '@accord/shared';
import { loadMatchingModels } from '../src/adapters/reference/matching-models';
import { defaultThresholds } from '../src/domain/matching/matcher';
import { generateCrmDataset } from '../src/domain/synthetic/crm-dataset';
import { referenceCompanyAt, referencePersonAt } from '../src/domain/synthetic/reference-generator';
import { loadChicagoOrgs } from '../src/evaluation/datasets/chicago-orgs';
import { loadFebrl4 } from '../src/evaluation/datasets/febrl4';
import { evaluateMatching, formatMetricsTable, type MetricsTableRow } from '../src/evaluation/metrics';
import { runLinkage } from '../src/evaluation/run-linkage';

const EVAL_REFERENCE_SEED = 7;
const EVAL_CRM_SEED = 8;
const COMPANIES = 40_000;
const PEOPLE = 80_000;
const CRM_PER_KIND = 10_000;

const models = loadMatchingModels();
const thresholds = defaultThresholds;
const rows: MetricsTableRow[] = [];
const json = process.argv.includes('--json');

function evaluate(options: { name: string; reference: ReferenceRecord[]; crm: CrmRecord[]; truth: Map<string, string | null>; country: string }): void {
  const run = runLinkage({ reference: options.reference, crm: options.crm, models, thresholds, ctx: { defaultCountry: options.country } });
  const metrics = evaluateMatching({ predictions: run.predictions, truth: options.truth, thresholds });
  rows.push({ dataset: options.name, metrics, recordsPerSecond: run.recordsPerSecond });
  if (json) process.stdout.write(`${JSON.stringify({ dataset: options.name, ...metrics, recordsPerSecond: run.recordsPerSecond, indexSeconds: run.indexSeconds })}\n`);
  else process.stderr.write(`${options.name}: indexed ${options.reference.length} in ${run.indexSeconds.toFixed(2)} s, matched ${options.crm.length} in ${run.matchSeconds.toFixed(2)} s\n`);
}

function generated(): void {
  const reference: ReferenceRecord[] = [];
  for (let i = 0; i < COMPANIES; i++) reference.push(referenceCompanyAt(EVAL_REFERENCE_SEED, i));
  for (let i = 0; i < PEOPLE; i++) reference.push(referencePersonAt(EVAL_REFERENCE_SEED, i, { companies: COMPANIES }));
  const companies = { crm: [] as CrmRecord[], truth: new Map<string, string | null>() };
  const people = { crm: [] as CrmRecord[], truth: new Map<string, string | null>() };
  for (const { record, truth } of generateCrmDataset({
    seed: EVAL_CRM_SEED,
    referenceSeed: EVAL_REFERENCE_SEED,
    companies: COMPANIES,
    people: PEOPLE,
    crmCompanies: CRM_PER_KIND,
    crmPeople: CRM_PER_KIND,
  })) {
    const target = record.kind === 'company' ? companies : people;
    target.crm.push(record);
    target.truth.set(record.id, truth);
  }
  evaluate({ name: 'generated companies', reference, crm: companies.crm, truth: companies.truth, country: 'AU' });
  evaluate({ name: 'generated people', reference, crm: people.crm, truth: people.truth, country: 'AU' });
}

function publicBenchmarks(): void {
  const dataDir = path.resolve(__dirname, '../../../shared/data');
  if (!fs.existsSync(dataDir)) {
    process.stderr.write(`public benchmarks skipped: ${dataDir} not found\n`);
    return;
  }
  const febrl = loadFebrl4(path.join(dataDir, 'febrl4'));
  evaluate({ name: 'febrl4 (no DOB/SSN)', reference: febrl.reference, crm: febrl.crm, truth: febrl.truth, country: 'AU' });
  const chicago = loadChicagoOrgs(path.join(dataDir, 'chicago-orgs'));
  evaluate({ name: 'chicago orgs', reference: chicago.reference, crm: chicago.crm, truth: chicago.truth, country: 'US' });
}

generated();
publicBenchmarks();
if (!json) {
  process.stdout.write(`\nmodels: ${models.company.version}, ${models.person.version}; thresholds auto ${thresholds.auto}, review ${thresholds.review}\n`);
  process.stdout.write(`${formatMetricsTable(rows)}\n`);
}
