/**
 * Reads the Chicago early-childhood organisations (dedupe-examples csv_example) as a linkage data set: per true
 * entity, the record with the lowest Id is the reference company and its other records are CRM companies; entities
 * with one record join the reference as distractors.
 *
 * Only Site name, Address, Zip, Phone and Website are mapped. Several sources are shifted by some columns (Email
 * Address holds NAEYC accreditation dates, emails sit under "Purple binder service type", websites under "Center
 * Director"), Program Name is a programme type (Head Start, Child Care) and Agency a parent organisation, so none of
 * those is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CrmCompany, ReferenceCompany } from '@accord/shared';
import { fieldOrNull, parseCsvObjects, type CsvObject } from '../csv';
import type { LinkageDataset } from './linkage-dataset';

export type ChicagoOrgsDataset = LinkageDataset<ReferenceCompany, CrmCompany>;

export const CHICAGO_ORGS_FILE = 'organisations_with_true_ids.csv';

const COLUMNS = ['True Id', 'Id', 'Site name', 'Address', 'Zip', 'Phone', 'Website'];

/** A bare or http(s) host with an optional path; the Website column also holds "Yes" and "No". */
const WEB_ADDRESS = /^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(\/\S*)?$/i;
/** Digits and phone punctuation only; drops spreadsheet damage such as "7.73E+016". */
const PHONE = /^[\d\s().+-]*\d[\d\s().+-]*$/;

interface SourceRecord {
  id: string;
  /** The numeric Id: the lowest of an entity is its reference record. */
  order: number;
  entity: string;
  row: CsvObject;
}

/** `dir` is the folder holding organisations_with_true_ids.csv. */
export function loadChicagoOrgs(dir: string): ChicagoOrgsDataset {
  return buildChicagoOrgsDataset(fs.readFileSync(path.join(dir, CHICAGO_ORGS_FILE), 'utf8'));
}

export function buildChicagoOrgsDataset(csv: string): ChicagoOrgsDataset {
  const records = parseCsvObjects(csv, { requiredColumns: COLUMNS }).map(toSourceRecord);
  const firstOfEntity = new Map<string, SourceRecord>();
  const seenIds = new Set<string>();
  for (const record of records) {
    if (seenIds.has(record.id)) throw new Error(`chicago-orgs repeats the Id ${record.order}`);
    seenIds.add(record.id);
    const first = firstOfEntity.get(record.entity);
    if (first === undefined || record.order < first.order) firstOfEntity.set(record.entity, record);
  }

  const reference: ReferenceCompany[] = [];
  const crm: CrmCompany[] = [];
  const truth = new Map<string, string | null>();
  for (const record of records) {
    const referenceId = firstOfEntity.get(record.entity)?.id ?? null;
    if (referenceId === record.id) {
      reference.push(toReferenceCompany(record));
    } else {
      crm.push(toCrmCompany(record));
      truth.set(record.id, referenceId);
    }
  }
  return { name: 'chicago-orgs', reference, crm, truth };
}

function toSourceRecord(row: CsvObject): SourceRecord {
  const raw = fieldOrNull(row, 'Id');
  const order = raw === null ? Number.NaN : Number(raw);
  if (!Number.isSafeInteger(order)) throw new Error(`chicago-orgs record has a non-integer Id "${raw ?? ''}"`);
  const entity = fieldOrNull(row, 'True Id');
  if (entity === null) throw new Error(`chicago-orgs record ${order} has no True Id`);
  return { id: `chi-${order}`, order, entity, row };
}

type SharedFields = Pick<ReferenceCompany, 'phone' | 'street' | 'city' | 'state' | 'postcode' | 'country'>;

function sharedFields(row: CsvObject): SharedFields {
  return {
    phone: phoneOrNull(fieldOrNull(row, 'Phone')),
    street: fieldOrNull(row, 'Address'),
    city: 'Chicago',
    state: 'IL',
    postcode: fieldOrNull(row, 'Zip'),
    country: 'US',
  };
}

function toReferenceCompany({ id, row }: SourceRecord): ReferenceCompany {
  const name = fieldOrNull(row, 'Site name');
  if (name === null) throw new Error(`chicago-orgs reference record ${id} has no Site name`);
  return { kind: 'company', id, name, domain: webAddressOrNull(fieldOrNull(row, 'Website')), ...sharedFields(row) };
}

function toCrmCompany({ id, row }: SourceRecord): CrmCompany {
  return {
    kind: 'company',
    id,
    name: fieldOrNull(row, 'Site name'),
    website: webAddressOrNull(fieldOrNull(row, 'Website')),
    ...sharedFields(row),
  };
}

function webAddressOrNull(value: string | null): string | null {
  return value !== null && WEB_ADDRESS.test(value) ? value : null;
}

function phoneOrNull(value: string | null): string | null {
  return value !== null && PHONE.test(value) ? value : null;
}
