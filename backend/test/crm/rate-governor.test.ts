import { CrmError } from '../../src/adapters/crm/crm-error';
import { createRateGovernor } from '../../src/adapters/crm/rate-governor';
import { createRateGovernorStore } from '../../src/adapters/db/rate-governor.store';
import { createTenantStore } from '../../src/adapters/db/tenant.store';
import { describeEachDatabase } from '../helpers/test-databases';

/** A fake clock: sleeping advances it, so tests run in no real time. */
function fakeTime(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), advance: (ms: number) => void (t += ms) };
}

const spec = { limit: 10, windowMs: 1_000, sharePercent: 50 };
let n = 0;

describeEachDatabase('rate governor', (ctx) => {
  async function tenant() {
    return (await createTenantStore(ctx.database).install({ crm: 'hubspot', externalId: `gov-${++n}`, name: 'g', now: new Date() })).id;
  }

  /** No window of `windowMs` holds more than `max` of the given times. */
  function maxInAnyWindow(times: number[], windowMs: number): number {
    let max = 0;
    for (const t of times) max = Math.max(max, times.filter((u) => u >= t && u < t + windowMs).length);
    return max;
  }

  it('keeps to its share of the limit and loses no call', async () => {
    const time = fakeTime();
    const governor = createRateGovernor({ store: createRateGovernorStore(ctx.database), now: time.now, sleep: time.sleep });
    const tenantId = await tenant();
    const sent: number[] = [];
    for (let i = 0; i < 23; i++) {
      expect(await governor.run({ tenantId, crm: 'hubspot' }, spec, async () => (sent.push(time.now()), { value: i }))).toBe(i);
    }
    expect(sent).toHaveLength(23);
    expect(maxInAnyWindow(sent, 1_000)).toBeLessThanOrEqual(5);
    // 23 calls at 5 per second cannot take less than 4 windows.
    expect(sent[sent.length - 1]! - sent[0]!).toBeGreaterThanOrEqual(4_000);
  });

  it('shares one budget between two governors (two processes) on one database', async () => {
    // Real time here: concurrent sleepers cannot share a fake clock honestly.
    const store = createRateGovernorStore(ctx.database);
    const a = createRateGovernor({ store });
    const b = createRateGovernor({ store });
    const tenantId = await tenant();
    const fast = { limit: 10, windowMs: 300, sharePercent: 50 };
    const sent: number[] = [];
    const call = async () => (sent.push(Date.now()), { value: true });
    const started = Date.now();
    await Promise.all([...Array.from({ length: 10 }, () => a.run({ tenantId, crm: 'hubspot' }, fast, call)), ...Array.from({ length: 10 }, () => b.run({ tenantId, crm: 'hubspot' }, fast, call))]);
    expect(sent).toHaveLength(20);
    // A call starts a few ms after its slot was taken; 20 ms of slack covers that.
    expect(maxInAnyWindow(sent, 280)).toBeLessThanOrEqual(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('retries a 429 after the wait it calls for, and slows down when the CRM says the quota is gone', async () => {
    const time = fakeTime();
    const events: string[] = [];
    const governor = createRateGovernor({ store: createRateGovernorStore(ctx.database), now: time.now, sleep: time.sleep, onEvent: (e) => events.push(`${e.type}:${e.reason}`) });
    const tenantId = await tenant();
    let calls = 0;
    const started = time.now();
    const value = await governor.run({ tenantId, crm: 'hubspot' }, spec, async () => {
      calls++;
      if (calls === 1) throw new CrmError({ provider: 'hubspot', status: 429, code: 'TEN_SECONDLY_ROLLING', retryAfterMs: 700, message: 'limit' });
      return { value: 'ok', quota: { limit: 10, remaining: 9, windowMs: 1_000 } };
    });
    expect(value).toBe('ok');
    expect(calls).toBe(2);
    expect(time.now() - started).toBeGreaterThanOrEqual(700);
    expect(events[0]).toBe('retry:rate limited (TEN_SECONDLY_ROLLING)');
  });

  it('does not retry when the daily quota is spent, or a request is wrong', async () => {
    const time = fakeTime();
    const governor = createRateGovernor({ store: createRateGovernorStore(ctx.database), now: time.now, sleep: time.sleep });
    const tenantId = await tenant();
    let calls = 0;
    const daily = governor.run({ tenantId, crm: 'salesforce' }, spec, async () => {
      calls++;
      throw new CrmError({ provider: 'salesforce', status: 403, code: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' });
    });
    await expect(daily).rejects.toMatchObject({ code: 'REQUEST_LIMIT_EXCEEDED' });
    expect(calls).toBe(1);
  });

  it('gives way to other integrations the CRM reports as busy', async () => {
    const time = fakeTime();
    const store = createRateGovernorStore(ctx.database);
    const governor = createRateGovernor({ store, now: time.now, sleep: time.sleep });
    const tenantId = await tenant();
    // Others have used 9 of the 10: only 1 is left, and it is ours to take.
    await store.observe(tenantId, 'hubspot', { remaining: 1, nowMs: time.now() });
    time.advance(1);
    const sent: number[] = [];
    for (let i = 0; i < 3; i++) await governor.run({ tenantId, crm: 'hubspot' }, spec, async () => (sent.push(time.now()), { value: i }));
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(900);
  });
});
