import { createReferenceStore } from '../../src/adapters/db/reference.store';
import { buildReferenceIndex } from '../../src/app/build-reference-index';
import { seedDemoReference } from '../../src/app/seed-demo-reference';
import { describeEachDatabase } from '../helpers/test-databases';

const now = new Date('2026-11-27T00:00:00.000Z');

describeEachDatabase('demo reference data', (ctx) => {
  it('fills an empty reference database once, and the index is built from it', async () => {
    const reference = createReferenceStore(ctx.database);
    expect(await seedDemoReference({ reference }, { companies: 150, now, batchSize: 100 })).toEqual({ seeded: true, companies: 150, people: 300 });
    expect(await reference.counts()).toEqual({ companies: 150, people: 300 });
    expect(await seedDemoReference({ reference }, { companies: 999, now })).toEqual({ seeded: false, companies: 150, people: 300 });
    const index = await buildReferenceIndex({ reference }, { defaultCountry: 'AU' });
    expect(index.stats).toMatchObject({ companies: 150, people: 300 });
    expect(index.has('company', 'c-149')).toBe(true);
    expect(index.has('person', 'p-299')).toBe(true);
  });
});
