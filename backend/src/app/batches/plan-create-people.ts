/**
 * One chunk of a "create people" batch, planned: for each selected company whose match may be used, the
 * reference company's people, less those the CRM already has (by email, or by name at that company) and those an
 * earlier attempt of this batch created. One people search per chunk, through the batch port. The estimate and
 * the run both plan this way, so the run re-checks the CRM right before it creates anyone.
 */
import type { FieldChange, MatchResult, ReferencePerson } from '@accord/shared';
import type { StoredBatch } from '../../adapters/db/batch.store';
import { crmPersonFields, MAX_PEOPLE_PER_COMPANY, newPersonChanges, peopleTargetOf, planCompanyPeople, toCrmPerson } from '../../domain/batches/create-people';
import type { Tenant } from '../../domain/tenants/tenant';
import { AppError } from '../app-error';
import { enrichableReason } from '../enrichment-context';
import { createKeys, type BatchDeps } from './batch-context';
import type { CrmBatchRecord, CrmCallFailure } from './crm-batch-port';

export interface PersonToCreate {
  person: ReferencePerson;
  changes: FieldChange[];
  cost: number;
}

export type CompanyPlan =
  | { status: 'skip'; reason: 'NO_MATCH' | 'MATCH_NEEDS_REVIEW' }
  | {
      status: 'planned';
      create: PersonToCreate[];
      alreadyInCrm: number;
      /** Created by an earlier attempt of this batch, found by Accord's stamp. */
      recovered: (PersonToCreate & { crmRecordId: string })[];
      confidence: number;
    };

export async function planCreatePeople(
  deps: Pick<BatchDeps, 'crm' | 'referencePeople' | 'enrichments'>,
  input: { tenant: Tenant; batch: StoredBatch; companies: readonly { record: CrmBatchRecord; match: MatchResult | null }[] },
): Promise<{ ok: true; plans: CompanyPlan[] } | CrmCallFailure> {
  const { tenant, batch } = input;
  const target = peopleTargetOfBatch(batch);
  const usable = await Promise.all(
    input.companies.map(async ({ record, match }) => {
      const blocked = match ? enrichableReason(match) : 'NO_MATCH';
      if (blocked || !match?.candidate) return { record, blocked: blocked ?? ('NO_MATCH' as const), match: null, candidates: [] };
      // Twice the cap, so people the CRM already has do not crowd out those it lacks.
      return { record, blocked: null, match, candidates: await deps.referencePeople(match.candidate.referenceId, MAX_PEOPLE_PER_COMPANY * 2) };
    }),
  );
  const planned = usable.filter((u) => u.blocked === null);
  let crmPeople: ReturnType<typeof toCrmPerson>[] = [];
  if (planned.length > 0) {
    const found = await deps.crm.findPeople(target.object, {
      emails: [...new Set(planned.flatMap((u) => u.candidates.flatMap((c) => (c.email ? [c.email.trim()] : []))))],
      companyRecordIds: planned.map((u) => u.record.id),
      fields: crmPersonFields(tenant.crm, target),
    });
    if (!found.ok) return found;
    crmPeople = found.people.map((p) => toCrmPerson(tenant.crm, target, p));
  }
  // A reference person is created once per batch, however many CRM companies match their company: not again in
  // this chunk, nor after an earlier chunk created and recorded them (one query for the chunk's candidates).
  const keyOf = new Map(planned.flatMap((u) => u.candidates.map((c) => [c.id, createKeys(batch.id, c.id).enrichmentKey] as const)));
  const written = await deps.enrichments.writtenKeys(tenant.id, [...keyOf.values()]);
  const taken = new Set([...keyOf].filter(([, key]) => written.has(key)).map(([id]) => id));
  const plans: CompanyPlan[] = [];
  for (const u of usable) {
    if (u.blocked !== null || !u.match) {
      plans.push({ status: 'skip', reason: u.blocked === 'MATCH_NEEDS_REVIEW' ? 'MATCH_NEEDS_REVIEW' : 'NO_MATCH' });
      continue;
    }
    const referenceId = u.match.candidate!.referenceId;
    const name = u.record.values[target.companyName];
    const plan = planCompanyPeople({
      batchId: batch.id,
      company: {
        crmRecordId: u.record.id,
        name: typeof name === 'string' ? name : '',
        sameCompany: new Set(planned.filter((o) => o.match!.candidate!.referenceId === referenceId).map((o) => o.record.id)),
      },
      candidates: u.candidates.filter((c) => !taken.has(c.id)),
      crmPeople,
    });
    for (const p of [...plan.create, ...plan.recovered.map((r) => ({ id: r.referenceId }))]) taken.add(p.id);
    const toCreate = (person: ReferencePerson): PersonToCreate => ({
      person,
      changes: newPersonChanges({ target, person, mapping: batch.mapping, defaultCountry: tenant.settings.defaultCountry }),
      cost: batch.policy.creditsPerRecord,
    });
    const byId = new Map(u.candidates.map((c) => [c.id, c]));
    plans.push({
      status: 'planned',
      create: plan.create.map(toCreate),
      alreadyInCrm: plan.duplicates.filter((d) => d.crmRecordId !== null).length,
      recovered: plan.recovered.map((r) => ({ ...toCreate(byId.get(r.referenceId)!), crmRecordId: r.crmRecordId })),
      confidence: u.match.confidence,
    });
  }
  return { ok: true, plans };
}

export function peopleTargetOfBatch(batch: Pick<StoredBatch, 'object'>) {
  const target = peopleTargetOf(batch.object);
  if (!target) throw new AppError('VALIDATION_FAILED', `People can be created only for companies (HubSpot companies or Salesforce Accounts), not ${batch.object}.`);
  return target;
}

/** The company fields a "create people" batch reads: the name (duplicates by name are per company) and what matching needs. */
export function companyFieldsRead(deps: Pick<BatchDeps, 'matcher'>, batch: StoredBatch): string[] {
  return [...new Set([peopleTargetOfBatch(batch).companyName, ...deps.matcher.fieldsFor(batch.object)])];
}
