import { apiRoutes, errorReplySchema } from '@accord/shared';
import { createAccordApi, identityQuery } from './accord-api';
import { AccordApiError } from './accord-api-error';
import { stubHsFetch } from '../../../../../../test/helpers/hs-fetch-stub';
import { recordView } from '../../../../../../test/fixtures/records';

const identity = { portalId: 4242, userId: 77, objectId: 501, objectType: '0-2' };
const api = (origin = 'https://api.accord.test/') => createAccordApi({ origin, identity, timeoutMs: 50 });

async function failureOf(promise: Promise<unknown>): Promise<AccordApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AccordApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('accord api client', () => {
  it('builds the URL from the route table and puts the identity in the query string', async () => {
    const hs = stubHsFetch().reply('getRecord', recordView());
    await api().call('getRecord', { params: { object: 'companies', recordId: '501' } });
    expect(hs.calls[0]?.url.toString()).toBe('https://api.accord.test/api/v1/records/companies/501?portalId=4242&userId=77&objectId=501&objectType=0-2');
  });

  it('sends no body on a GET', async () => {
    const hs = stubHsFetch().reply('getRecord', recordView());
    await api().call('getRecord', { params: { object: 'companies', recordId: '501' } });
    expect(hs.calls[0]?.body).toBeUndefined();
  });

  it('leaves record fields out of the query for pages without a record', () => {
    expect(identityQuery({ portalId: 1, userId: 2 })).toBe('portalId=1&userId=2');
  });

  it('validates a request body against the route schema before sending it', async () => {
    const hs = stubHsFetch();
    await expect(api().call('enrichRecord', { params: { object: 'companies', recordId: '501' }, body: { idempotencyKey: 'short' } })).rejects.toThrow();
    expect(hs.calls).toHaveLength(0);
  });

  it('sends the schema-parsed body, defaults included', async () => {
    const hs = stubHsFetch().reply('approveBatch', {
      id: 'b1', crm: 'hubspot', kind: 'company', type: 'enrich', state: 'approved', createdBy: '1', approvedBy: '77', canarySize: 25,
      estimate: null, counts: { total: 0, done: 0, changed: 0, skipped: 0, failed: 0, review: 0, creditsSpent: 0 },
      createdAt: '2026-11-20T09:30:00Z', updatedAt: '2026-11-20T09:30:00Z',
    });
    await api().call('approveBatch', { params: { batchId: 'b1' }, body: { idempotencyKey: 'approve:12345678' } });
    expect(hs.calls[0]?.method).toBe('POST');
    expect(hs.calls[0]?.body).toEqual({ idempotencyKey: 'approve:12345678' });
  });

  it('turns an Accord error reply into a server error with its code and message', async () => {
    stubHsFetch().fail('getRecord', 404, 'NOT_FOUND', 'No such record.');
    const error = await failureOf(api().call('getRecord', { params: { object: 'companies', recordId: '501' } }));
    expect({ kind: error.kind, code: error.code, status: error.status, message: error.message }).toEqual({ kind: 'server', code: 'NOT_FOUND', status: 404, message: 'No such record.' });
  });

  it("reads Accord's error out of HubSpot's proxy envelope", async () => {
    const accordError = errorReplySchema.parse({ error: { code: 'CAP_EXCEEDED', message: 'The monthly cap is reached.' } });
    stubHsFetch().raw('getRecord', { kind: 'json', status: 200, body: { status: 'error', message: 'Error returned from Request Uri', responseBody: accordError, context: { appServerStatusCode: ['402'] }, category: 'BAD_GATEWAY' } });
    const error = await failureOf(api().call('getRecord', { params: { object: 'companies', recordId: '501' } }));
    expect({ kind: error.kind, code: error.code, status: error.status }).toEqual({ kind: 'server', code: 'CAP_EXCEEDED', status: 402 });
  });

  it('reads a success reply out of the proxy envelope too', async () => {
    const view = apiRoutes.getRecord.reply.parse(recordView());
    stubHsFetch().raw('getRecord', { kind: 'json', status: 200, body: { status: 'success', responseBody: view, context: { appServerStatusCode: ['200'] } } });
    await expect(api().call('getRecord', { params: { object: 'companies', recordId: '501' } })).resolves.toEqual(view);
  });

  it('gives up after the timeout', async () => {
    stubHsFetch().raw('getRecord', { kind: 'hang' });
    const error = await failureOf(api().call('getRecord', { params: { object: 'companies', recordId: '501' } }));
    expect(error.kind).toBe('timeout');
  });

  it('passes its timeout to hubspot.fetch as well', async () => {
    const hs = stubHsFetch().reply('getRecord', recordView());
    await api().call('getRecord', { params: { object: 'companies', recordId: '501' } });
    expect(hs.calls[0]?.timeout).toBe(50);
  });

  it('reports a network failure as unreachable', async () => {
    stubHsFetch().raw('getCredits', { kind: 'network-error', message: 'Failed to fetch' });
    expect((await failureOf(api().call('getCredits', {}))).kind).toBe('unreachable');
  });

  it('refuses to call anything but an https origin', async () => {
    const hs = stubHsFetch();
    for (const origin of ['', 'http://localhost:3000', 'https://api.accord.test/path']) {
      expect((await failureOf(api(origin).call('getCredits', {}))).kind).toBe('not_configured');
    }
    expect(hs.calls).toHaveLength(0);
  });

  it('rejects a success reply that breaks the schema, naming the fields', async () => {
    stubHsFetch().raw('me', { kind: 'json', status: 200, body: { tenantId: 't', crm: 'hubspot', userId: '1' } });
    const error = await failureOf(api().call('me', {}));
    expect(error.kind).toBe('invalid_reply');
    expect(error.details).toEqual([{ path: 'isAdmin', message: expect.any(String) }]);
  });
});
