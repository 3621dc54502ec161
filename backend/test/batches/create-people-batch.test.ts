/**
 * "Create people" batches end to end through the real clients, the rate governor and the sandbox CRMs, on both
 * databases: the estimate counts the people to create and those the CRM has already (by email, or by name at the
 * company), approval reserves their price, the run creates each person once at their company with Accord's
 * stamp, charges each once, survives a crash between the CRM's answer and the bookkeeping, refunds people the CRM
 * refuses, and has no undo (nothing is ever deleted). Each test gets its own sandbox: people are found by email.
 */
import type { MatchResult, ReferencePerson } from '@accord/shared';
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { startSalesforceSandbox, type SalesforceSandbox } from '../../src/adapters/crm/sandbox/salesforce';
import { createSalesforceClient } from '../../src/adapters/crm/salesforce/salesforce.client';
import { approveBatch } from '../../src/app/batches/approve-batch';
import { createBatch } from '../../src/app/batches/create-batch';
import { estimateBatch } from '../../src/app/batches/estimate-batch';
import { getBatch } from '../../src/app/batches/get-batch';
import { startBatch } from '../../src/app/batches/start-batch';
import { undoWholeBatch } from '../../src/app/batches/undo-whole-batch';
import { workBatch } from '../../src/app/batches/work-batch';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';
import { undoEnrichment } from '../../src/app/undo-enrichment';
import type { BatchMatcher } from '../../src/app/batches/batch-context';
import { autoMatch, harbourPlumbingPeople } from '../fixtures/enrichment';
import { describeEachDatabase } from '../helpers/test-databases';
import { batchHarness } from './batch-harness';

const fast = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
type Harness = Awaited<ReturnType<typeof batchHarness>>;

async function estimated(h: Harness, ids: string[], object: 'companies' | 'Account') {
  const now = new Date();
  const draft = await createBatch(h.deps, { tenant: h.tenant, request: h.request(ids, { object, type: 'create_people', canarySize: 0 }), userId: 'admin-1', isAdmin: true, now });
  return estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now, rate: h.rate });
}

async function run(h: Harness, batchId: string) {
  const now = new Date();
  await approveBatch(h.deps, { tenant: h.tenant, batchId, userId: 'admin-1', isAdmin: true, now });
  await startBatch(h.deps, { tenant: h.tenant, batchId, isAdmin: true, mode: 'run', now });
  return workBatch(h.deps, { tenant: h.tenant, batchId, sleep: fast });
}

/** "ACME n" matches reference company ref-cn; "REVIEW" names need review; "UNKNOWN" ones match nothing. */
const acmeMatcher: BatchMatcher = {
  fieldsFor: () => ['name'],
  async match({ records }) {
    return records.map((r): MatchResult => {
      const name = String(r.values.name ?? '');
      if (name.includes('UNKNOWN')) return autoMatch(r.id, { candidate: null, band: 'none', confidence: 0.01 });
      if (name.includes('REVIEW')) return autoMatch(r.id, { band: 'review', confidence: 0.7 });
      const referenceId = `ref-c${/ACME (\d)/.exec(name)![1]}`;
      return autoMatch(r.id, { candidate: { referenceId, kind: 'company', label: name, score: 40, probability: 0.99, reasons: [] } });
    });
  },
};

/** Each reference company's three people, with emails at its own domain. */
function peopleOf(companyId: string): ReferencePerson[] {
  return harbourPlumbingPeople.map((p, i) => ({ ...p, id: `${companyId}-p${i + 1}`, companyId, email: `${p.email!.split('@')[0]}@${companyId}.com.au` }));
}

/** Properties HubSpot sets itself on a new record (ids and timestamps), which are not Accord's writes. */
function systemProperties(properties: Record<string, string | null>): number {
  return ['hs_object_id', 'createdate', 'lastmodifieddate', 'hs_lastmodifieddate'].filter((p) => properties[p] !== undefined && properties[p] !== null).length;
}

describeEachDatabase('"create people" batches through HubSpot', (ctx) => {
  let sandbox: HubspotSandbox;
  beforeEach(async () => {
    sandbox = await startHubspotSandbox({ rateLimit: { max: 10_000, windowMs: 10_000 }, searchRateLimit: { max: 1_000, windowMs: 1_000 } });
    await ensureAccordProperties({ admin: createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url }) });
  });
  afterEach(() => sandbox.close());

  async function setup(grant: number) {
    const client = createHubspotClient({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
    const h = await batchHarness({ database: ctx.database, crm: 'hubspot', client, object: 'companies', grant, virtualTime: true });
    h.deps.matcher = acmeMatcher;
    h.deps.referencePeople = async (companyId) => peopleOf(companyId);
    const ids = sandbox.seed('companies', ['ACME 0', 'ACME 1', 'ACME 1 (duplicate record)', 'REVIEW ACME', 'UNKNOWN BAKERY'].map((name) => ({ properties: { name } }))).map((r) => r.id);
    // ACME 0's Robert is in the CRM by email (written differently, at another company); ACME 1's Mary by name at
    // the duplicate record of ACME 1; Anna's namesake at another company is someone else.
    sandbox.seed('contacts', [
      { properties: { firstname: 'Rob', lastname: 'Nguyen', email: 'Robert.Nguyen@REF-C0.com.au', associatedcompanyid: ids[4]! } },
      { properties: { firstname: 'Mary', lastname: 'OKAFOR', associatedcompanyid: ids[2]! } },
      { properties: { firstname: 'Anna', lastname: 'van der Berg', associatedcompanyid: ids[3]! } },
    ]);
    return { h, ids };
  }

  const createdBy = (batchId: string) => sandbox.all('contacts').filter((c) => c.properties.accord_last_batch_id === batchId);

  it('estimates the people to create, creates each once at its company, charges each once and audits it', async () => {
    const { h, ids } = await setup(100);
    const eventsBefore = sandbox.automationEvents;
    const batch = await estimated(h, ids, 'companies');
    // ACME 0: Mary and Anna (Robert is in the CRM). ACME 1: Robert and Anna (Mary is at its duplicate record).
    // The duplicate record of ACME 1: nobody (its people are created once, at ACME 1).
    expect(batch.estimate).toMatchObject({
      records: 5,
      byBand: { auto: 3, review: 1, none: 1 },
      recordsChanging: 2,
      maxCredits: 4,
      expectedCredits: 4,
      withinCaps: true,
      people: { toCreate: 4, alreadyInCrm: 3 },
    });
    expect(batch.estimate!.fieldChanges).toEqual(expect.arrayContaining([{ field: 'firstname', count: 4 }, { field: 'lastname', count: 4 }, { field: 'email', count: 4 }, { field: 'jobtitle', count: 4 }]));
    expect(sandbox.automationEvents).toBe(eventsBefore);
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 100, reserved: 0, available: 100 });

    expect(await run(h, batch.id)).toBe('completed');

    const created = createdBy(batch.id);
    const byCompany = (id: string) => created.filter((c) => c.properties.associatedcompanyid === id).map((c) => c.properties.lastname).sort();
    expect(byCompany(ids[0]!)).toEqual(['Okafor', 'van der Berg']);
    expect(byCompany(ids[1]!)).toEqual(['Nguyen', 'van der Berg']);
    expect(created).toHaveLength(4);
    expect(created.map((c) => c.properties.accord_reference_id).sort()).toEqual(['ref-c0-p2', 'ref-c0-p3', 'ref-c1-p1', 'ref-c1-p3']);
    const done = await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id });
    expect(done).toMatchObject({ state: 'completed', counts: { total: 5, done: 3, changed: 2, failed: 0, review: 1, skipped: 1, creditsSpent: 4 } });
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 96, reserved: 0, available: 96 });
    expect(await h.credits.derivedFromLedger(h.tenant.id)).toEqual({ balance: 96, reserved: 0, available: 96 });
    const audit = await h.enrichments.auditForRecord(h.tenant.id, 'person', created[0]!.id);
    expect(audit.every((a) => a.before === null && a.actor === 'batch' && a.batchId === batch.id)).toBe(true);
    expect(audit.map((a) => a.field)).toEqual(expect.arrayContaining(['firstname', 'lastname', 'email']));
    // Every property of a new contact is one automation event: the person's fields and Accord's four.
    expect(sandbox.automationEvents - eventsBefore).toBe(created.reduce((n, c) => n + Object.values(c.properties).filter((v) => v !== null).length, 0) - 4 * systemProperties(created[0]!.properties));
    expect(sandbox.requests.some((r) => r.method === 'DELETE' || r.path.endsWith('/archive'))).toBe(false);

    // A second batch over the same companies finds everyone and creates no one.
    const again = await estimated(h, ids, 'companies');
    expect(again.estimate).toMatchObject({ maxCredits: 0, people: { toCreate: 0 } });

    // There is no undo of a creation: Accord never deletes.
    await expect(undoWholeBatch({ ...h.deps, records: h.records }, { tenant: h.tenant, batchId: batch.id, userId: 'admin-1', isAdmin: true, now: new Date() })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    const [enrichment] = await h.enrichments.listForBatch(h.tenant.id, batch.id);
    await expect(undoEnrichment({ crm: h.records, enrichments: h.enrichments, credits: h.credits }, { tenant: h.tenant, enrichmentId: enrichment!.id, userId: 'admin-1', now: new Date() })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(createdBy(batch.id)).toHaveLength(4);
  });

  it('resumes after a crash between the CRM creating people and Accord recording them: nobody created or charged twice', async () => {
    const { h, ids } = await setup(100);
    const batch = await estimated(h, ids, 'companies');
    await approveBatch(h.deps, { tenant: h.tenant, batchId: batch.id, userId: 'admin-1', isAdmin: true, now: new Date() });
    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'run', now: new Date() });
    const recordWritten = h.enrichments.recordWritten;
    let calls = 0;
    h.enrichments.recordWritten = async (...args) => {
      calls += 1;
      // The process dies after the CRM created the chunk's people and one of them was recorded.
      if (calls === 2) throw new Error('killed');
      return recordWritten(...args);
    };
    await expect(workBatch(h.deps, { tenant: h.tenant, batchId: batch.id, sleep: fast, leaseMs: 100 })).rejects.toThrow('killed');
    h.enrichments.recordWritten = recordWritten;
    expect(createdBy(batch.id)).toHaveLength(4);
    expect(await h.enrichments.listForBatch(h.tenant.id, batch.id)).toHaveLength(2);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await workBatch(h.deps, { tenant: h.tenant, batchId: batch.id, sleep: fast, leaseMs: 100 })).toBe('completed');
    expect(createdBy(batch.id)).toHaveLength(4);
    const recorded = await h.enrichments.listForBatch(h.tenant.id, batch.id);
    expect(recorded.map((e) => e.state)).toEqual(['written', 'written', 'written', 'written']);
    expect(new Set(recorded.map((e) => e.crmRecordId))).toEqual(new Set(createdBy(batch.id).map((c) => c.id)));
    expect(await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id })).toMatchObject({ state: 'completed', counts: { creditsSpent: 4 } });
    expect(await h.credits.derivedFromLedger(h.tenant.id)).toEqual({ balance: 96, reserved: 0, available: 96 });
  });

  it('creates a person once per batch when two records of one company come in separate chunks and the CRM cannot find them by email', async () => {
    const { h } = await setup(100);
    // People without an email: the CRM search of a later chunk, by email and at its own company, cannot see them.
    h.deps.referencePeople = async (companyId) => peopleOf(companyId).map((p) => ({ ...p, email: null }));
    const two = sandbox.seed('companies', ['ACME 2', 'ACME 2 (second record)'].map((name) => ({ properties: { name } }))).map((r) => r.id);
    const now = new Date();
    // One record a minute: each company is a chunk of its own.
    const draft = await createBatch(h.deps, { tenant: h.tenant, request: h.request(two, { object: 'companies', type: 'create_people', canarySize: 0, recordsPerMinute: 1 }), userId: 'admin-1', isAdmin: true, now });
    const batch = await estimateBatch(h.deps, { tenant: h.tenant, batchId: draft.id, now, rate: h.rate });
    expect(batch.estimate?.people).toEqual({ toCreate: 3, alreadyInCrm: 0 });

    await approveBatch(h.deps, { tenant: h.tenant, batchId: batch.id, userId: 'admin-1', isAdmin: true, now });
    await startBatch(h.deps, { tenant: h.tenant, batchId: batch.id, isAdmin: true, mode: 'run', now });
    // A clock that moves on when the worker waits for the next chunk's minute.
    let clock = now.getTime();
    const sleep = async (ms: number) => {
      clock += ms;
    };
    expect(await workBatch(h.deps, { tenant: h.tenant, batchId: batch.id, sleep, now: () => new Date(clock) })).toBe('completed');

    const created = createdBy(batch.id);
    expect(created).toHaveLength(3);
    expect(new Set(created.map((c) => c.properties.associatedcompanyid))).toEqual(new Set([two[0]]));
    expect(await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id })).toMatchObject({ state: 'completed', counts: { creditsSpent: 3 } });
  });

  it('refuses a batch of people for an object that is not a company', async () => {
    const { h } = await setup(10);
    await expect(
      createBatch(h.deps, { tenant: h.tenant, request: h.request(['1'], { object: 'contacts', type: 'create_people' }), userId: 'admin-1', isAdmin: true, now: new Date() }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describeEachDatabase('"create people" batches through Salesforce', (ctx) => {
  let sandbox: SalesforceSandbox;
  beforeEach(async () => {
    sandbox = await startSalesforceSandbox();
  });
  afterEach(() => sandbox.close());

  it('creates Contacts under their Account, and refunds a person Salesforce refuses (no last name)', async () => {
    const tokens = sandbox.issueTokens();
    const client = createSalesforceClient({ instanceUrl: sandbox.url, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, clientId: 'accord', clientSecret: 'secret' });
    const h = await batchHarness({ database: ctx.database, crm: 'salesforce', client, object: 'Account', grant: 50, virtualTime: true });
    const nameless: ReferencePerson = { kind: 'person', id: 'ref-p9', companyId: 'ref-1', firstName: 'Cher', email: 'cher@harbourplumbing.com.au' };
    h.deps.referencePeople = async () => [...harbourPlumbingPeople, nameless];
    const ids = sandbox.seed('Account', [{ Name: 'HARBOUR PLUMBING 0' }, { Name: 'REVIEW HARBOUR' }]);
    sandbox.seed('Contact', [{ FirstName: 'Bob', LastName: 'Nguyen', AccountId: ids[0] }]);

    const batch = await estimated(h, ids, 'Account');
    expect(batch.estimate).toMatchObject({ records: 2, byBand: { auto: 1, review: 1, none: 0 }, maxCredits: 3, people: { toCreate: 3, alreadyInCrm: 1 } });
    expect(await run(h, batch.id)).toBe('completed_with_errors');

    const created = sandbox.all('Contact').filter((c) => c.Accord_Last_Batch_Id__c === batch.id);
    expect(created.map((c) => c.LastName).sort()).toEqual(['Okafor', 'van der Berg']);
    expect(created.every((c) => c.AccountId === ids[0])).toBe(true);
    const done = await getBatch(h.deps, { tenant: h.tenant, batchId: batch.id });
    expect(done).toMatchObject({ state: 'completed_with_errors', counts: { failed: 1, review: 1, creditsSpent: 2 } });
    expect(await h.credits.derivedFromLedger(h.tenant.id)).toEqual({ balance: 48, reserved: 0, available: 48 });
    expect(await h.credits.account(h.tenant.id)).toEqual({ balance: 48, reserved: 0, available: 48 });
  });
});
