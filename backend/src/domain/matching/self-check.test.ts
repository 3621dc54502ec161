import { crmRecordSchema } from '@accord/shared';
import { loadMatchingModels } from '../../adapters/reference/matching-models';
import { referenceCompanyAt, referencePersonAt } from '../synthetic/reference-generator';
import { createMatcher, defaultThresholds } from './matcher';
import { ReferenceIndexBuilder } from './reference-index';
import { createRandom } from '../synthetic/random';
import { crmCopyOf, runSelfCheck, totalOf } from './self-check';

const ctx = { defaultCountry: 'AU' };
const now = new Date('2026-11-27T00:00:00.000Z');
const models = loadMatchingModels();

function generatedIndex(seed: number) {
  const builder = new ReferenceIndexBuilder(ctx);
  for (let i = 0; i < 2_000; i++) builder.add(referenceCompanyAt(seed, i));
  for (let i = 0; i < 4_000; i++) builder.add(referencePersonAt(seed, i, { companies: 2_000 }));
  return builder.build();
}

describe('index self-check', () => {
  const index = generatedIndex(5);

  it('writes reference records back as valid CRM records of their own kind', () => {
    const random = createRandom(1);
    for (const [kind, count] of [
      ['company', index.companyCount()],
      ['person', index.personCount()],
    ] as const) {
      for (let record = 0; record < count; record += 97) {
        const crm = crmCopyOf(index, { kind, record, random, noise: 1 });
        expect(crmRecordSchema.safeParse(crm).success).toBe(true);
        expect([crm.kind, crm.id]).toEqual([kind, `self-check:${index.idOf(kind, record)}`]);
      }
    }
  });

  it('finds every faithfully copied reference record as its own best candidate', () => {
    const check = runSelfCheck(createMatcher({ index, models }), index, { records: 600, ctx, thresholds: defaultThresholds, now, noise: 0 });
    expect(check).toEqual({ checked: 600, foundThemselves: 600 });
  });

  it('finds nearly every copy with the noise of CRM data as its own best candidate', () => {
    const check = runSelfCheck(createMatcher({ index, models }), index, { records: 600, ctx, thresholds: defaultThresholds, now });
    expect(check.checked).toBe(600);
    expect(check.foundThemselves / check.checked).toBeGreaterThanOrEqual(0.9);
  });

  it('finds almost none when the matcher reads another index than the records came from', () => {
    const other = generatedIndex(6);
    const check = runSelfCheck(createMatcher({ index: other, models }), index, { records: 600, ctx, thresholds: defaultThresholds, now });
    expect(check.checked).toBe(600);
    expect(check.foundThemselves / check.checked).toBeLessThan(0.05);
  });

  it('checks each record once at most, no more records than asked, and none in an empty index', () => {
    const small = new ReferenceIndexBuilder(ctx);
    for (let i = 0; i < 3; i++) small.add(referenceCompanyAt(5, i));
    const three = small.build();
    expect(runSelfCheck(createMatcher({ index: three, models }), three, { records: 100, ctx, thresholds: defaultThresholds, now, noise: 0 })).toEqual({
      checked: 3,
      foundThemselves: 3,
    });
    expect(runSelfCheck(createMatcher({ index, models }), index, { records: 7, ctx, thresholds: defaultThresholds, now }).checked).toBe(7);
    const empty = new ReferenceIndexBuilder(ctx).build();
    expect(runSelfCheck(createMatcher({ index: empty, models }), empty, { records: 10, ctx, thresholds: defaultThresholds, now })).toEqual({
      checked: 0,
      foundThemselves: 0,
    });
  });

  it('adds up several workers\' checks', () => {
    expect(totalOf([{ checked: 200, foundThemselves: 197 }, { checked: 200, foundThemselves: 199 }])).toEqual({ checked: 400, foundThemselves: 396 });
    expect(totalOf([])).toEqual({ checked: 0, foundThemselves: 0 });
  });
});
