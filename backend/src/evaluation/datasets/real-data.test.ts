/** Checks the loaders against the public benchmarks in ../shared/data; skips itself where that folder is absent. */
import fs from 'node:fs';
import path from 'node:path';
import { crmRecordSchema, referenceRecordSchema } from '@accord/shared';
import { loadChicagoOrgs } from './chicago-orgs';
import { loadFebrl4 } from './febrl4';
import type { LinkageDataset } from './linkage-dataset';

const DATA_DIR = path.resolve(__dirname, '../../../../../shared/data');

function expectConsistent(dataset: LinkageDataset): void {
  const referenceIds = new Set(dataset.reference.map((record) => record.id));
  expect(referenceIds.size).toBe(dataset.reference.length);
  expect(new Set(dataset.crm.map((record) => record.id)).size).toBe(dataset.crm.length);
  expect([...dataset.truth.keys()].sort()).toEqual(dataset.crm.map((record) => record.id).sort());
  const unknown = [...dataset.truth.values()].filter((id) => id !== null && !referenceIds.has(id));
  expect(unknown).toEqual([]);
  expect(dataset.reference.filter((record) => !referenceRecordSchema.safeParse(record).success)).toEqual([]);
  expect(dataset.crm.filter((record) => !crmRecordSchema.safeParse(record).success)).toEqual([]);
}

if (!fs.existsSync(DATA_DIR)) {
  it.skip(`real benchmark data: skipped, no data folder at ${DATA_DIR}`, () => undefined);
} else {
  describe('real benchmark data', () => {
    it('reads FEBRL4 as 5,000 reference people, 5,000 CRM people and 5,000 one-to-one links', () => {
      const dataset = loadFebrl4(path.join(DATA_DIR, 'febrl4'));
      expect(dataset.reference).toHaveLength(5_000);
      expect(dataset.crm).toHaveLength(5_000);
      expect(dataset.truth.size).toBe(5_000);
      const linked = [...dataset.truth.values()];
      expect(linked.filter((id) => id === null)).toHaveLength(0);
      expect(new Set(linked).size).toBe(5_000);
      expectConsistent(dataset);
    });

    it('adds date of birth and social security id to FEBRL4 when asked', () => {
      const dataset = loadFebrl4(path.join(DATA_DIR, 'febrl4'), { withDobAndSsn: true });
      expect(dataset.reference.every((person) => typeof person.socialSecurityId === 'string')).toBe(true);
      expect(dataset.crm.filter((person) => typeof person.dateOfBirth === 'string').length).toBeGreaterThan(4_500);
    });

    it('splits the 3,337 Chicago records of 1,162 entities into 1,162 reference and 2,175 CRM companies', () => {
      const dataset = loadChicagoOrgs(path.join(DATA_DIR, 'chicago-orgs'));
      expect(dataset.reference.length + dataset.crm.length).toBe(3_337);
      expect(dataset.reference).toHaveLength(1_162);
      expect(dataset.crm).toHaveLength(2_175);
      expect(dataset.truth.size).toBe(2_175);
      const linkedReferences = new Set(dataset.truth.values());
      expect(linkedReferences.has(null)).toBe(false);
      expect(linkedReferences.size).toBe(746);
      expect(dataset.reference.length - linkedReferences.size).toBe(416);
      expectConsistent(dataset);
    });
  });
}
