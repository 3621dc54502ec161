import type { Tenant } from '../../../domain/tenants/tenant';
import { ADMIN_ANSWER_TTL_MS, ADMIN_FAILURE_TTL_MS, cachedHubspotAdmin } from './hubspot-admin-cache';

const tenant = { id: 't1' } as Tenant;

describe('cachedHubspotAdmin', () => {
  it('asks HubSpot once per user within five minutes, then again', async () => {
    let now = 0;
    const asked: string[] = [];
    const isAdmin = cachedHubspotAdmin(async (_t, userId) => (asked.push(userId), userId === 'admin'), { nowMs: () => now });
    expect([await isAdmin(tenant, 'admin'), await isAdmin(tenant, 'rep'), await isAdmin(tenant, 'admin')]).toEqual([true, false, true]);
    expect(asked).toEqual(['admin', 'rep']);
    now = ADMIN_ANSWER_TTL_MS + 1;
    await isAdmin(tenant, 'admin');
    expect(asked).toEqual(['admin', 'rep', 'admin']);
  });

  it('treats a failed lookup as "not an admin" for a minute, and reports it', async () => {
    let now = 0;
    let fail = true;
    const errors: unknown[] = [];
    const isAdmin = cachedHubspotAdmin(async () => {
      if (fail) throw new Error('403 MISSING_SCOPES');
      return true;
    }, { nowMs: () => now, onError: (e) => errors.push(e) });
    expect(await isAdmin(tenant, 'u')).toBe(false);
    fail = false;
    expect(await isAdmin(tenant, 'u')).toBe(false);
    now = ADMIN_FAILURE_TTL_MS + 1;
    expect(await isAdmin(tenant, 'u')).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
