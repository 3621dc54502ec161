import { Alert, Button, EmptyState, ErrorState, LoadingSpinner, NumberInput, ProgressBar, Select, StatisticsItem, StatusTag, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { AdminPage } from '../components/AdminPage';
import { toNewBatch } from '../components/NewBatchForm';
import { stubHsFetch } from '../../../../test/helpers/hs-fetch-stub';
import { stubAdminPage } from '../../../../test/helpers/admin-page';
import { renderHomePage } from '../../../../test/helpers/render-card';
import { cellsOf, textOf } from '../../../../test/helpers/text-of';
import { batch, credits, running, settings, viewer } from '../../../../test/fixtures/admin';

const stubPage = stubAdminPage;

describe('admin page: credits', () => {
  it('shows balance, reserved, available, usage against the cap and alerts', async () => {
    stubPage();
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findAll(StatisticsItem).map((item) => [item.props.label, item.props.number])).toEqual([
      ['Balance', 1000],
      ['Reserved for batches', 200],
      ['Available', 800],
      ['Used in 2026-11', 410],
    ]));
    expect(page.findByTestId(ProgressBar, 'monthly-cap').props).toMatchObject({ value: 410, maxValue: 500, variant: 'warning' });
    expect(page.findByTestId(Alert, 'credit-alert-monthly_cap-80').props.title).toBe('80% of the monthly cap used');
    expect(page.findByTestId(Table, 'usage-by-user').findAll(TableRow).slice(1).map(cellsOf)).toEqual([
      ['User 77', '10 credits'],
      ['Batches', '400 credits'],
    ]);
  });
});

describe('admin page: caps', () => {
  it("shows an admin the caps from the settings", async () => {
    stubPage();
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Text, 'cap-monthly').text).toBe('500 credits'));
    expect(page.findByTestId(Text, 'cap-user-daily').text).toBe('50 credits');
    expect(page.findByTestId(Text, 'cap-batch').text).toBe('No cap');
  });

  it('does not ask for the settings for someone who is not an admin', async () => {
    const hs = stubPage({ isAdmin: false });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'not-admin')).toBeDefined());
    await page.waitFor(() => expect(page.findAll(StatisticsItem)).toHaveLength(4));
    expect(hs.callsTo('getSettings')).toHaveLength(0);
    expect(page.maybeFindByTestId(Text, 'cap-monthly')).toBeNull();
  });
});

describe('admin page: loading', () => {
  it('shows a spinner until Accord says who is looking', async () => {
    const hs = stubHsFetch().reply('getCredits', credits()).reply('listBatches', { items: [] }).reply('getSettings', settings()).reply('listAgents', { items: [] });
    const release = hs.defer('me');
    const page = renderHomePage(<AdminPage />);
    expect(page.find(LoadingSpinner).props.label).toBe('Loading Accord…');
    release({ kind: 'json', status: 200, body: viewer() });
    await page.waitFor(() => expect(page.find(EmptyState).props.title).toBe('No batches yet'));
  });

  it('shows the credits error beside the batches when only credits fail', async () => {
    stubHsFetch()
      .reply('me', viewer())
      .fail('getCredits', 500, 'INTERNAL', 'The ledger is being migrated.')
      .reply('listBatches', { items: [] })
      .reply('getSettings', settings())
      .reply('listAgents', { items: [] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(textOf(page.find(ErrorState))).toContain('The ledger is being migrated.'));
    expect(page.find(EmptyState).props.title).toBe('No batches yet');
  });
});

describe('admin page: batches', () => {
  it('shows a batch awaiting approval with its estimate and sample', async () => {
    stubPage();
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Text, 'estimate-records').text).toBe('1200 (850 changing)'));
    expect(page.findByTestId(Text, 'estimate-bands').text).toBe('900 strong · 200 need review · 100 no match');
    expect(page.findByTestId(Text, 'estimate-credits').text).toBe('850 credits expected, at most 1,100 credits; balance 1,000 credits');
    expect(page.findByTestId(Text, 'estimate-duration').text).toBe('About 21 min');
    expect(page.findByTestId(Table, 'estimate-fields').findAll(TableRow).slice(1).map(cellsOf)).toEqual([
      ['industry', '700'],
      ['phone', '320'],
    ]);
    expect(page.findByTestId(Table, 'batch-sample').findAll(TableRow).slice(1).map(cellsOf)).toEqual([
      ['501', 'auto 93%', 'Industry: — → Manufacturing; Phone: 02 9000 0000 → 03 9000 0000'],
    ]);
    expect(page.maybeFindByTestId(Alert, 'estimate-over-caps')).toBeNull();
  });

  it('warns when the estimate is over a cap', async () => {
    const over = batch();
    stubPage({ items: [{ ...over, estimate: { ...over.estimate!, withinCaps: false } }] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'estimate-over-caps').props.title).toBe('Over a spending cap'));
  });

  it('shows the progress of a running batch', async () => {
    stubPage();
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(ProgressBar, 'batch-progress-b-run').props).toMatchObject({ value: 150, maxValue: 400, valueDescription: '150 of 400 records' }));
    expect(page.findByTestId(Text, 'batch-counts-b-run').text).toBe('120 changed · 25 skipped · 5 failed · 0 for review · 120 credits spent');
  });

  it('offers admins approve, canary and reject, and pause and cancel on a running batch', async () => {
    stubPage();
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'approve-b-new')).toBeDefined());
    expect(page.findByTestId(Button, 'canary-b-new').text).toBe('Run canary first (25 records)');
    expect(page.findByTestId(Button, 'reject-b-new')).toBeDefined();
    expect(page.findByTestId(Button, 'pause-b-run')).toBeDefined();
    expect(page.findByTestId(Button, 'cancel-b-run')).toBeDefined();
    expect(page.maybeFindByTestId(Alert, 'not-admin')).toBeNull();
  });

  it('shows no actions to someone who is not an admin', async () => {
    stubPage({ isAdmin: false });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'not-admin').props.title).toBe('View only'));
    await page.waitFor(() => expect(page.findByTestId(Text, 'estimate-records')).toBeDefined());
    expect(page.maybeFindByTestId(Button, 'approve-b-new')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'pause-b-run')).toBeNull();
  });

  it('approves a batch with an idempotency key, shows its new state and reloads credits', async () => {
    const hs = stubPage().reply('approveBatch', batch({ state: 'approved', approvedBy: '77' })).reply('getCredits', credits());
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'approve-b-new')).toBeDefined());
    page.findByTestId(Button, 'approve-b-new').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(StatusTag, 'batch-state-b-new').text).toBe('Approved'));
    await page.waitFor(() => expect(hs.callsTo('getCredits')).toHaveLength(2));
    const [call] = hs.callsTo('approveBatch');
    expect(call?.url.pathname).toBe('/api/v1/batches/b-new/approve');
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toEqual({ portalId: '4242', userId: '77' });
    expect(call?.body).toEqual({ idempotencyKey: expect.stringMatching(/^approve:/) });
    expect(page.maybeFindByTestId(Button, 'approve-b-new')).toBeNull();
    expect(page.findByTestId(Button, 'pause-b-new')).toBeDefined();
  });

  it.each([
    ['canary', 'canaryBatch', 'b-new', '/api/v1/batches/b-new/canary', { state: 'running' as const }],
    ['reject', 'rejectBatch', 'b-new', '/api/v1/batches/b-new/reject', { state: 'rejected' as const }],
    ['pause', 'pauseBatch', 'b-run', '/api/v1/batches/b-run/pause', { id: 'b-run', state: 'paused' as const }],
    ['cancel', 'cancelBatch', 'b-run', '/api/v1/batches/b-run/cancel', { id: 'b-run', state: 'cancelled' as const }],
  ] as const)('%s calls its route', async (action, route, batchId, path, update) => {
    const hs = stubPage().reply(route, batch(update)).reply('getCredits', credits());
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, `${action}-${batchId}`)).toBeDefined());
    page.findByTestId(Button, `${action}-${batchId}`).trigger('onClick');
    await page.waitFor(() => expect(hs.callsTo(route)).toHaveLength(1));
    expect(hs.callsTo(route)[0]?.url.pathname).toBe(path);
  });

  it('resumes a paused batch and undoes a completed one', async () => {
    const hs = stubPage({ items: [batch({ id: 'b-p', state: 'paused' }), batch({ id: 'b-done', state: 'completed' })] })
      .reply('resumeBatch', batch({ id: 'b-p', state: 'running' }))
      .reply('getCredits', credits())
      .reply('undoBatch', batch({ id: 'b-done', state: 'undoing' }))
      .reply('getCredits', credits());
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'resume-b-p')).toBeDefined());
    page.findByTestId(Button, 'resume-b-p').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(Button, 'pause-b-p')).toBeDefined());
    page.findByTestId(Button, 'undo-b-done').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Button, 'undo-b-done')).toBeNull());
    expect(hs.callsTo('undoBatch')[0]?.url.pathname).toBe('/api/v1/batches/b-done/undo');
  });

  it("shows the server's refusal of an action", async () => {
    stubPage().fail('approveBatch', 402, 'CAP_EXCEEDED', 'Approving would exceed the monthly cap of 500 credits.');
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'approve-b-new')).toBeDefined());
    page.findByTestId(Button, 'approve-b-new').trigger('onClick');
    await page.waitFor(() => expect(page.find(Alert, { title: 'Spending cap reached' })).toBeDefined());
    expect(textOf(page.find(Alert, { title: 'Spending cap reached' }))).toBe('Approving would exceed the monthly cap of 500 credits.');
    expect(page.findByTestId(Button, 'approve-b-new')).toBeDefined();
  });

  it('says when there are no batches', async () => {
    stubPage({ items: [] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.find(EmptyState).props.title).toBe('No batches yet'));
  });

  it('refreshes the batches on request', async () => {
    const hs = stubPage().reply('listBatches', { items: [running()] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'approve-b-new')).toBeDefined());
    page.findByTestId(Button, 'refresh-batches').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Button, 'approve-b-new')).toBeNull());
    expect(hs.callsTo('listBatches')).toHaveLength(2);
  });
});

describe('admin page: new batch', () => {
  it('creates a batch from the form with an idempotency key and lists it for approval', async () => {
    const hs = stubPage({ items: [running()] }).reply('createBatch', batch({ id: 'b-created', kind: 'person' }));
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'create-batch')).toBeDefined());
    page.findByTestId(Select, 'new-batch-object').trigger('onChange', 'contacts' as never); // the renderer's d.ts types the event argument as the handler itself
    page.findByTestId(NumberInput, 'new-batch-canary').trigger('onChange', 10 as never);
    page.findByTestId(Button, 'create-batch').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(Button, 'approve-b-created')).toBeDefined());
    const [call] = hs.callsTo('createBatch');
    expect(call?.url.pathname).toBe('/api/v1/batches');
    expect(call?.body).toEqual({
      object: 'contacts',
      type: 'enrich',
      selection: { by: 'never_enriched' },
      canarySize: 10,
      recordsPerMinute: null,
      maxCredits: null,
      idempotencyKey: expect.stringMatching(/^batch:/),
    });
  });

  it('shows the refusal and keeps the form', async () => {
    stubPage().fail('createBatch', 409, 'CONFLICT', 'A batch for these records is already running.');
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'create-batch')).toBeDefined());
    page.findByTestId(Button, 'create-batch').trigger('onClick');
    await page.waitFor(() => expect(textOf(page.find(Alert, { title: 'Accord couldn’t do that' }))).toBe('A batch for these records is already running.'));
    expect(page.findByTestId(Button, 'create-batch').props.disabled).toBe(false);
  });

  it('is not offered to someone who is not an admin', async () => {
    stubPage({ isAdmin: false });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'not-admin')).toBeDefined());
    expect(page.maybeFindByTestId(Button, 'create-batch')).toBeNull();
  });

  it('selects records changed in the last 30 days from now', () => {
    const now = Date.parse('2026-11-28T00:00:00Z');
    const choice = { object: 'companies', type: 'enrich', selection: 'modified_last_30_days', segmentId: '' } as const;
    expect(toNewBatch({ choice, canarySize: 0, now }).selection).toEqual({ by: 'modified_since', since: '2026-10-29T00:00:00.000Z' });
  });
});

describe('admin page: stale replies', () => {
  it('ignores a slow refresh that answers after a newer one', async () => {
    const hs = stubPage();
    const releaseSlow = hs.defer('listBatches');
    hs.reply('listBatches', { items: [running()] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'approve-b-new')).toBeDefined());
    page.findByTestId(Button, 'refresh-batches').trigger('onClick');
    page.findByTestId(Button, 'refresh-batches').trigger('onClick');
    await page.waitFor(() => expect(page.maybeFindByTestId(Button, 'approve-b-new')).toBeNull());
    releaseSlow({ kind: 'json', status: 200, body: { items: [batch()] } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.maybeFindByTestId(Button, 'approve-b-new')).toBeNull();
    expect(page.findByTestId(Button, 'pause-b-run')).toBeDefined();
    expect(hs.callsTo('listBatches')).toHaveLength(3);
  });
});

describe('admin page: failure states', () => {
  it('shows no permission when the backend refuses the viewer', async () => {
    stubHsFetch().fail('me', 403, 'FORBIDDEN', 'This HubSpot account has not installed Accord.').reply('getCredits', credits()).reply('listBatches', { items: [] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.find(ErrorState).props.type).toBe('lock'));
    expect(page.maybeFindByTestId(Button, 'retry')).toBeNull();
  });

  it('shows an unreachable backend with a retry that recovers', async () => {
    stubHsFetch()
      .raw('me', { kind: 'network-error', message: 'Failed to fetch' })
      .reply('getCredits', credits())
      .reply('listBatches', { items: [] })
      .reply('me', viewer())
      .reply('getSettings', settings())
      .reply('listAgents', { items: [] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.find(ErrorState).props.title).toBe('Accord can’t be reached'));
    page.findByTestId(Button, 'retry').trigger('onClick');
    await page.waitFor(() => expect(page.find(EmptyState).props.title).toBe('No batches yet'));
  });
});
