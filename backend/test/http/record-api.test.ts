/**
 * The record page API end to end: signed HubSpot requests and Salesforce API-key requests through the production
 * wiring, the sandbox CRMs behind it, on both databases.
 */
import {
  viewerSchema, creditsReplySchema, enrichResultSchema, recordViewSchema, settingsSchema, undoResultSchema } from '@accord/shared';
import { describeEachDatabase } from '../helpers/test-databases';
import { connectSalesforceTenant, hubspotRequest, installHubspotTenant, salesforceRequest, seedHubspotCompanies, startApiHarness, type ApiHarness } from '../helpers/api-harness';
import { toCrmValues } from '../../src/adapters/crm/sandbox/crm-values';
import request from 'supertest';

describeEachDatabase('record page API', (ctx) => {
  let h: ApiHarness;
  let portalId: string;
  beforeAll(async () => {
    h = await startApiHarness(ctx.database);
    portalId = (await installHubspotTenant(h)).externalId;
  });
  afterAll(() => h.close());

  const admin = () => ({ portalId, userId: 7001 });
  const rep = () => ({ portalId, userId: 8002 });

  it('shows a matched company with confidence, reasons, preview, credits and history in one reply', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const res = await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, rep());
    expect(res.status).toBe(200);
    const view = recordViewSchema.parse(res.body);
    expect(view.viewer).toMatchObject({ crm: 'hubspot', userId: '8002', isAdmin: false });
    expect(view.match.candidate?.referenceId).toBe(record!.truth);
    expect(view.match.band).toBe('auto');
    expect(view.match.candidate?.reasons.some((r) => r.comparison === 'exact')).toBe(true);
    expect(view.preview?.cost).toBe(1);
    expect(view.preview?.changes.some((c) => c.action === 'fill')).toBe(true);
    expect(view.credits.available).toBe(100);
    expect(view.history).toEqual([]);
  });

  it('answers a stored record page without calling the CRM', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, rep()).expect(200);
    const before = h.hubspot.requests.length;
    await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, rep()).expect(200);
    expect(h.hubspot.requests.length).toBe(before);
  });

  it('enriches once per idempotency key: a retry returns the same enrichment and charges nothing more', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const view = recordViewSchema.parse((await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, rep())).body);
    const body = { idempotencyKey: `enrich-${record!.id}`, expectedCost: view.preview!.cost };
    const first = enrichResultSchema.parse((await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/enrich`, { ...rep(), body }).expect(200)).body);
    expect(first.enrichment.state).toBe('written');
    expect(first.enrichment.writes.map((w) => w.field).sort()).toEqual(view.preview!.changes.filter((c) => c.action !== 'skip').map((c) => c.field).sort());
    expect(first.credits.available).toBe(view.credits.available - 1);
    const events = h.hubspot.automationEvents;
    const again = enrichResultSchema.parse((await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/enrich`, { ...rep(), body }).expect(200)).body);
    expect(again.enrichment.enrichmentId).toBe(first.enrichment.enrichmentId);
    expect(again.credits.available).toBe(first.credits.available);
    expect(h.hubspot.automationEvents).toBe(events);
    const stored = h.hubspot.get('companies', record!.id)?.properties ?? {};
    for (const w of first.enrichment.writes) expect(String(stored[w.field])).toBe(String(w.after));
    const after = recordViewSchema.parse((await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, rep())).body);
    expect(after.preview?.blockedBy).toBe('NOTHING_TO_CHANGE');
    const metrics = (await request(h.composed.app).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/accord_enrichments_total\{outcome="written"\} [1-9]/);
    expect(metrics).toMatch(/accord_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/records\/:object\/:recordId",status="200"\} [1-9]/);
    expect(after.history[0]?.enrichmentId).toBe(first.enrichment.enrichmentId);
  });

  it('refuses with CONFLICT and charges nothing when the enrichment now costs more than the person agreed to', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const credits = creditsReplySchema.parse((await hubspotRequest(h, 'GET', '/api/v1/credits', rep())).body);
    // The person saw the record page (its values stored), then clicks Enrich with the price they saw.
    await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, rep()).expect(200);
    const readsBefore = h.hubspot.requests.filter((r) => r.path.startsWith('/crm/v3/objects/companies')).length;
    const res = await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/enrich`, { ...rep(), body: { idempotencyKey: `cheap-${record!.id}`, expectedCost: 0 } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', details: { cost: 1 } });
    const after = creditsReplySchema.parse((await hubspotRequest(h, 'GET', '/api/v1/credits', rep())).body);
    expect(after.balance.available).toBe(credits.balance.available);
    // The price is checked on the plan the write would use: one live read of the record, not a preview and a plan.
    expect(h.hubspot.requests.filter((r) => r.path.startsWith('/crm/v3/objects/companies')).length - readsBefore).toBe(1);
    // Agreeing to the real price with the same key then enriches it, charged once.
    await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/enrich`, { ...rep(), body: { idempotencyKey: `cheap-${record!.id}`, expectedCost: 1 } }).expect(200);
    const charged = creditsReplySchema.parse((await hubspotRequest(h, 'GET', '/api/v1/credits', rep())).body);
    expect(charged.balance.available).toBe(credits.balance.available - 1);
  });

  it('undoes an enrichment through the API and shows it in the history', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const before = { ...h.hubspot.get('companies', record!.id)?.properties };
    const done = enrichResultSchema.parse((await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/enrich`, { ...rep(), body: { idempotencyKey: `undo-${record!.id}` } }).expect(200)).body);
    const undo = undoResultSchema.parse((await hubspotRequest(h, 'POST', `/api/v1/enrichments/${done.enrichment.enrichmentId}/undo`, { ...rep(), body: {} }).expect(200)).body);
    expect(undo.reverted.map((r) => r.field).sort()).toEqual(done.enrichment.writes.map((w) => w.field).sort());
    const now = h.hubspot.get('companies', record!.id)?.properties ?? {};
    for (const w of done.enrichment.writes) expect(now[w.field] ?? null).toBe(before[w.field] ?? null);
    const history = (await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}/history`, rep()).expect(200)).body;
    expect(history.items[0]).toMatchObject({ enrichmentId: done.enrichment.enrichmentId, state: 'undone' });
    const twice = await hubspotRequest(h, 'POST', `/api/v1/enrichments/${done.enrichment.enrichmentId}/undo`, { ...rep(), body: {} });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('remembers "wrong company", then a picked candidate, and shows the pick as decided by a person', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const view = recordViewSchema.parse((await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, rep())).body);
    const wrong = view.match.candidate!.referenceId;
    const rejected = recordViewSchema.parse(
      (await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/match-decision`, { ...rep(), body: { decision: 'reject', referenceId: wrong } }).expect(200)).body,
    );
    expect(rejected.match.candidate?.referenceId).not.toBe(wrong);
    const picked = recordViewSchema.parse(
      (await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/match-decision`, { ...rep(), body: { decision: 'pick', referenceId: wrong } }).expect(200)).body,
    );
    expect(picked.match).toMatchObject({ decidedBy: 'picked', candidate: { referenceId: wrong } });
    const reread = recordViewSchema.parse((await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/rematch`, rep()).expect(200)).body);
    expect(reread.match.decidedBy).toBe('picked');
  });

  it('answers 404 for a decision about a reference record that does not exist, and records nothing', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const res = await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/match-decision`, { ...rep(), body: { decision: 'pick', referenceId: 'c-does-not-exist' } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const view = recordViewSchema.parse((await hubspotRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, rep())).body);
    expect(view.match.decidedBy).toBe('model');
  });

  it('answers 404 NOT_FOUND for a record the CRM does not have', async () => {
    const res = await hubspotRequest(h, 'GET', '/api/v1/records/companies/999999999', rep());
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a Salesforce object on a HubSpot portal', async () => {
    const res = await hubspotRequest(h, 'GET', '/api/v1/records/Account/001000000000001', rep());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it("takes HubSpot's word for who administers the portal: a Super Admin not on Accord's list is an admin, others are not", async () => {
    h.hubspot.addUser({ id: '9009', email: 'owner@example.com', superAdmin: true });
    h.hubspot.addUser({ id: '9010', email: 'seller@example.com', superAdmin: false });
    const as = (userId: number) => ({ portalId, userId });
    expect(viewerSchema.parse((await hubspotRequest(h, 'GET', '/api/v1/me', as(9009)).expect(200)).body).isAdmin).toBe(true);
    await hubspotRequest(h, 'GET', '/api/v1/settings', as(9009)).expect(200);
    expect((await hubspotRequest(h, 'GET', '/api/v1/settings', as(9010))).status).toBe(403);
    // A user HubSpot does not know is no admin either; the answers are remembered, not asked per request.
    expect((await hubspotRequest(h, 'GET', '/api/v1/settings', as(9011))).status).toBe(403);
    const asked = h.hubspot.requests.filter((r) => r.path.startsWith('/settings/v3/users/')).map((r) => r.path);
    expect(asked.filter((p) => p.endsWith('/9009'))).toHaveLength(1);
    expect(asked.filter((p) => p.endsWith('/9011'))).toHaveLength(1);
  });

  it('lets only admins read and change settings, and validates what they change', async () => {
    expect((await hubspotRequest(h, 'GET', '/api/v1/settings', rep())).status).toBe(403);
    const settings = settingsSchema.parse((await hubspotRequest(h, 'GET', '/api/v1/settings', admin()).expect(200)).body);
    expect(settings.fieldPolicies.find((p) => p.object === 'companies' && p.field === 'phone')?.policy).toBe('fill-empty');
    const changed = settingsSchema.parse(
      (
        await hubspotRequest(h, 'PUT', '/api/v1/settings', {
          ...admin(),
          body: { rateLimitSharePercent: 30, credits: { monthlyCap: 500 }, fieldPolicies: [{ object: 'companies', field: 'phone', policy: 'never' }], autoEnrich: { recordsPerDay: 200 } },
        }).expect(200)
      ).body,
    );
    expect(changed).toMatchObject({ rateLimitSharePercent: 30, credits: { monthlyCap: 500 }, autoEnrich: { recordsPerDay: 200, monthlyCredits: null } });
    expect(settings.autoEnrich).toEqual({ recordsPerDay: 0, monthlyCredits: null });
    expect(changed.fieldPolicies.find((p) => p.object === 'companies' && p.field === 'phone')?.policy).toBe('never');
    const bad = await hubspotRequest(h, 'PUT', '/api/v1/settings', { ...admin(), body: { reviewThreshold: 0.99 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.reviewThreshold');
    const unknownField = await hubspotRequest(h, 'PUT', '/api/v1/settings', { ...admin(), body: { fieldPolicies: [{ object: 'companies', field: 'secret_field', policy: 'overwrite' }] } });
    expect(unknownField.status).toBe(400);
    const repTries = await hubspotRequest(h, 'PUT', '/api/v1/settings', { ...rep(), body: { rateLimitSharePercent: 100 } });
    expect(repTries.status).toBe(403);
    expect(settingsSchema.parse((await hubspotRequest(h, 'GET', '/api/v1/settings', admin())).body).rateLimitSharePercent).toBe(30);
  });

  it('serves a Salesforce org by its API key, with the approval permission from the package', async () => {
    const { apiKey } = await connectSalesforceTenant(h);
    const company = h.dataset.find((d) => d.record.kind === 'company' && d.truth !== null)!;
    const [accountId] = h.salesforce.seed('Account', [toCrmValues('Account', company.record)]);
    const res = await salesforceRequest(h, 'GET', `/api/v1/records/Account/${accountId}`, { apiKey }).expect(200);
    const view = recordViewSchema.parse(res.body);
    expect(view.viewer).toMatchObject({ crm: 'salesforce', isAdmin: false });
    expect(view.match.candidate?.referenceId).toBe(company.truth);
    expect((await salesforceRequest(h, 'GET', '/api/v1/me', { apiKey, canApprove: true }).expect(200)).body.isAdmin).toBe(true);
    expect((await salesforceRequest(h, 'GET', '/api/v1/settings', { apiKey, canApprove: false })).status).toBe(403);
  });

  it('keeps tenants apart: an org cannot read or undo what belongs to a portal', async () => {
    const [record] = seedHubspotCompanies(h, 1);
    const done = enrichResultSchema.parse((await hubspotRequest(h, 'POST', `/api/v1/records/companies/${record!.id}/enrich`, { ...rep(), body: { idempotencyKey: `iso-${record!.id}` } }).expect(200)).body);
    const { apiKey } = await connectSalesforceTenant(h);
    const undo = await salesforceRequest(h, 'POST', `/api/v1/enrichments/${done.enrichment.enrichmentId}/undo`, { apiKey, body: {} });
    expect(undo.status).toBe(404);
    const read = await salesforceRequest(h, 'GET', `/api/v1/records/companies/${record!.id}`, { apiKey });
    expect(read.status).toBe(400);
    const credits = creditsReplySchema.parse((await salesforceRequest(h, 'GET', '/api/v1/credits', { apiKey })).body);
    expect(credits.usage.byUser.find((u) => u.userId === '8002')).toBeUndefined();
  });

  it('reports credits with this month\'s usage by user', async () => {
    const credits = creditsReplySchema.parse((await hubspotRequest(h, 'GET', '/api/v1/credits', rep()).expect(200)).body);
    expect(credits.usage.byUser.find((u) => u.userId === '8002')?.credits).toBeGreaterThan(0);
    expect(credits.usage.total).toBe(credits.usage.byUser.reduce((s, u) => s + u.credits, 0));
  });
});
