/** Accord's HubSpot properties created on install through the real @hubspot/api-client against the sandbox. */
import { createHubspotClient } from '../../src/adapters/crm/hubspot/hubspot.client';
import { createHubspotPropertyAdmin } from '../../src/adapters/crm/hubspot/hubspot-property-admin';
import { startHubspotSandbox, type HubspotSandbox } from '../../src/adapters/crm/sandbox/hubspot';
import { ensureAccordProperties } from '../../src/app/ensure-accord-properties';

let sandbox: HubspotSandbox;
beforeEach(async () => {
  sandbox = await startHubspotSandbox();
});
afterEach(() => sandbox.close());

const expectedProperties = ['accord_reference_id', 'accord_match_confidence', 'accord_last_enriched_at', 'accord_last_batch_id'];

describe('ensureAccordProperties', () => {
  it('creates the accord group and four typed properties on companies and contacts, and nothing on a second run', async () => {
    const accessToken = sandbox.issueToken().accessToken;
    const admin = createHubspotPropertyAdmin({ accessToken, basePath: sandbox.url });

    const first = await ensureAccordProperties({ admin });
    expect(first.created).toEqual(
      (['companies', 'contacts'] as const).flatMap((o) => [`${o}:group:accord`, ...expectedProperties.map((p) => `${o}:property:${p}`)]),
    );
    const postsAfterFirst = sandbox.requests.filter((r) => r.method === 'POST').length;
    expect(postsAfterFirst).toBe(10);

    const second = await ensureAccordProperties({ admin });
    expect(second.created).toEqual([]);
    expect(sandbox.requests.filter((r) => r.method === 'POST').length).toBe(postsAfterFirst);

    const described = await createHubspotClient({ accessToken, basePath: sandbox.url }).describeFields('contacts');
    const types = Object.fromEntries(described.filter((f) => f.name.startsWith('accord_')).map((f) => [f.name, f.type]));
    expect(types).toEqual({ accord_reference_id: 'string', accord_match_confidence: 'number', accord_last_enriched_at: 'datetime', accord_last_batch_id: 'string' });
  });

  it('lets two installs race: each property is created once and neither fails', async () => {
    const admin = createHubspotPropertyAdmin({ accessToken: sandbox.issueToken().accessToken, basePath: sandbox.url });
    const [a, b] = await Promise.all([ensureAccordProperties({ admin }), ensureAccordProperties({ admin })]);
    const all = [...a.created, ...b.created].sort();
    expect(all).toHaveLength(10);
    expect(new Set(all).size).toBe(10);
  });
});
