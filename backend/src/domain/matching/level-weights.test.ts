import { loadMatchingModels } from '../../adapters/reference/matching-models';
import { generateCrmDataset } from '../synthetic/crm-dataset';
import { referenceCompanyAt, referencePersonAt } from '../synthetic/reference-generator';
import { compareCandidate, comparedPair, defaultCandidateOptions, searchCandidates } from './candidates';
import { companyFields, comparisonsOf, ComparisonRow, personFields } from './compare/compare-fields';
import { LevelWeights } from './level-weights';
import { scoreOf } from './model';
import { ReferenceIndexBuilder } from './reference-index';

const ctx = { defaultCountry: 'AU' };

describe('level weights', () => {
  it('score every candidate exactly as training scores its comparisons (the calibration was fitted on those)', () => {
    const builder = new ReferenceIndexBuilder(ctx);
    for (let i = 0; i < 1_500; i++) builder.add(referenceCompanyAt(9, i));
    for (let i = 0; i < 3_000; i++) builder.add(referencePersonAt(9, i, { companies: 1_500 }));
    const index = builder.build();
    const models = loadMatchingModels();
    const weights = { company: new LevelWeights(models.company, companyFields), person: new LevelWeights(models.person, personFields) };
    let compared = 0;
    let withTermShares = 0;
    for (const { record } of generateCrmDataset({ seed: 10, referenceSeed: 9, companies: 1_500, people: 3_000, crmCompanies: 150, crmPeople: 150 })) {
      const search = searchCandidates(index, { record, ctx, options: defaultCandidateOptions });
      for (const r of search.records) {
        const row = new ComparisonRow(search.kind === 'company' ? companyFields.length : personFields.length);
        const ref = compareCandidate(index, search, r, row);
        const comparisons = comparisonsOf(comparedPair(search, { ref, row }));
        expect(weights[search.kind].score(row)).toBe(scoreOf(models[search.kind], comparisons));
        compared++;
        if (comparisons.some((c) => c.termShare !== undefined)) withTermShares++;
      }
    }
    // Enough pairs, and term-frequency weights among them, for the comparison to mean something.
    expect(compared).toBeGreaterThan(500);
    expect(withTermShares).toBeGreaterThan(100);
  });
});
