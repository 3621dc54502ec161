import { Alert, Button, EmptyState, ErrorState, Input, NumberInput, Select, StatusTag, Table, TableRow } from '@hubspot/ui-extensions';
import { AdminPage } from '../components/AdminPage';
import { stubAdminPage } from '../../../../test/helpers/admin-page';
import { renderHomePage } from '../../../../test/helpers/render-card';
import { cellsOf, textOf } from '../../../../test/helpers/text-of';
import { agent, credits, settings, viewer } from '../../../../test/fixtures/admin';
import { stubHsFetch } from '../../../../test/helpers/hs-fetch-stub';

const agents = () => [
  agent(),
  agent({ id: 'ag-2', name: 'Team list people', type: 'create_people', selection: { by: 'segment', segmentId: '4821' }, everyHours: 6, enabled: false, lastRunAt: null, lastBatchId: null }),
  agent({ id: 'ag-3', name: 'Hourly', everyHours: 1, lastError: 'CRM_UNAVAILABLE: HubSpot did not answer.' }),
];

async function openAgents(hs = stubAdminPage({ agents: agents() })) {
  const page = renderHomePage(<AdminPage />);
  await page.waitFor(() => expect(page.findByTestId(Table, 'agents')).toBeDefined());
  return { page, hs };
}

describe('admin page: agents', () => {
  it('lists each agent: name, what it selects, how often, next run, last batch (and why the last run failed), and whether it is enabled', async () => {
    const { page } = await openAgents();
    expect(page.findByTestId(Table, 'agents').findAll(TableRow).slice(1).map(cellsOf)).toEqual([
      ['Nightly companies', 'Enrich records: companies never enriched', 'Every day', '2026-11-28 02:00 UTC', 'b-run', 'Enabled', 'Pause'],
      ['Team list people', 'Create missing contacts: companies in list 4821', 'Every 6 hours', '—', 'None yet', 'Paused', 'Resume'],
      ['Hourly', 'Enrich records: companies never enriched', 'Every hour', '2026-11-28 02:00 UTC', 'b-run · last run failed: CRM_UNAVAILABLE: HubSpot did not answer.', 'Enabled', 'Pause'],
    ]);
  });

  it('is neither shown to nor requested for someone who is not an admin', async () => {
    const hs = stubAdminPage({ isAdmin: false });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'not-admin')).toBeDefined());
    await page.waitFor(() => expect(page.findByTestId(StatusTag, 'batch-state-b-new')).toBeDefined());
    expect(hs.callsTo('listAgents')).toHaveLength(0);
    expect(page.maybeFindByTestId(Table, 'agents')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'create-agent')).toBeNull();
  });

  it('says when there are no agents', async () => {
    stubAdminPage();
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(EmptyState, 'no-agents').props.title).toBe('No agents yet'));
  });

  it('pauses an enabled agent with PUT { enabled: false } and shows it paused', async () => {
    const { page, hs } = await openAgents(stubAdminPage({ agents: agents() }).reply('updateAgent', agent({ enabled: false })));
    page.findByTestId(Button, 'pause-agent-ag-1').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(StatusTag, 'agent-state-ag-1').text).toBe('Paused'));
    const [call] = hs.callsTo('updateAgent');
    expect(call?.method).toBe('PUT');
    expect(call?.url.pathname).toBe('/api/v1/agents/ag-1');
    expect(call?.body).toEqual({ enabled: false });
    expect(page.findByTestId(Button, 'resume-agent-ag-1').text).toBe('Resume');
  });

  it('resumes a paused agent', async () => {
    const { page, hs } = await openAgents(stubAdminPage({ agents: agents() }).reply('updateAgent', { ...agents()[1]!, enabled: true }));
    page.findByTestId(Button, 'resume-agent-ag-2').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(StatusTag, 'agent-state-ag-2').text).toBe('Enabled'));
    expect(hs.callsTo('updateAgent')[0]?.body).toEqual({ enabled: true });
  });

  it("shows the server's refusal to change an agent and keeps its state", async () => {
    const { page } = await openAgents(stubAdminPage({ agents: agents() }).fail('updateAgent', 403, 'FORBIDDEN', 'Only Accord admins can change agents.'));
    page.findByTestId(Button, 'pause-agent-ag-1').trigger('onClick');
    await page.waitFor(() => expect(textOf(page.find(Alert, { title: 'You don’t have permission' }))).toBe('Only Accord admins can change agents.'));
    expect(page.findByTestId(StatusTag, 'agent-state-ag-1').text).toBe('Enabled');
  });

  it('shows a failed load of the agents with a retry', async () => {
    stubHsFetch()
      .reply('me', viewer())
      .reply('getCredits', credits())
      .reply('listBatches', { items: [] })
      .reply('getSettings', settings())
      .fail('listAgents', 503, 'NOT_READY', 'Agents are starting up.')
      .reply('listAgents', { items: agents() });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(textOf(page.find(ErrorState))).toContain('Agents are starting up.'));
    page.findByTestId(Button, 'retry').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(Table, 'agents').findAll(TableRow)).toHaveLength(4));
    expect(page.findAll(ErrorState)).toHaveLength(0);
  });
});

describe('admin page: new agent', () => {
  it('creates an agent from a HubSpot list, every 12 hours, and lists it', async () => {
    const created = agent({ id: 'ag-new', name: 'Trade show list', selection: { by: 'segment', segmentId: 'list_77' }, everyHours: 12, canarySize: 5 });
    const { page, hs } = await openAgents(stubAdminPage({ agents: agents() }).reply('createAgent', created));
    expect(page.findByTestId(Button, 'create-agent').props.disabled).toBe(true);
    page.findByTestId(Input, 'new-agent-name').trigger('onChange', 'Trade show list' as never);
    page.findByTestId(Select, 'new-agent-selection').trigger('onChange', 'segment' as never);
    await page.waitFor(() => expect(page.findByTestId(Input, 'new-agent-segment')).toBeDefined());
    page.findByTestId(Input, 'new-agent-segment').trigger('onChange', 'list_77' as never);
    page.findByTestId(NumberInput, 'new-agent-every').trigger('onChange', 12 as never);
    page.findByTestId(NumberInput, 'new-agent-canary').trigger('onChange', 5 as never);
    await page.waitFor(() => expect(page.findByTestId(Button, 'create-agent').props.disabled).toBe(false));
    page.findByTestId(Button, 'create-agent').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(StatusTag, 'agent-state-ag-new')).toBeDefined());
    const [call] = hs.callsTo('createAgent');
    expect(call?.method).toBe('POST');
    expect(call?.url.pathname).toBe('/api/v1/agents');
    expect(call?.body).toEqual({
      name: 'Trade show list',
      object: 'companies',
      type: 'enrich',
      selection: { by: 'segment', segmentId: 'list_77' },
      everyHours: 12,
      canarySize: 5,
      recordsPerMinute: null,
      maxCredits: null,
      // Keyed, so HubSpot's one retry after a 5xx cannot create a second agent.
      idempotencyKey: expect.stringMatching(/^agent:[A-Za-z0-9_.:-]{8,}$/),
    });
    expect(cellsOf(page.findByTestId(Table, 'agents').findAll(TableRow)[1]!)[0]).toBe('Trade show list');
    await page.waitFor(() => expect(page.findByTestId(Input, 'new-agent-name').props.value).toBe(''));
  });

  it('schedules creating missing contacts of companies changed since the last run', async () => {
    const { page, hs } = await openAgents(stubAdminPage({ agents: agents() }).reply('createAgent', agent({ id: 'ag-people', type: 'create_people' })));
    page.findByTestId(Input, 'new-agent-name').trigger('onChange', 'People' as never);
    page.findByTestId(Select, 'new-agent-type').trigger('onChange', 'create_people' as never);
    page.findByTestId(Select, 'new-agent-selection').trigger('onChange', 'changed_since_last_run' as never);
    await page.waitFor(() => expect(page.findByTestId(Button, 'create-agent').props.disabled).toBe(false));
    page.findByTestId(Button, 'create-agent').trigger('onClick');
    await page.waitFor(() => expect(hs.callsTo('createAgent')).toHaveLength(1));
    expect(hs.callsTo('createAgent')[0]?.body).toMatchObject({ type: 'create_people', object: 'companies', selection: { by: 'changed_since_last_run' }, everyHours: 24 });
  });

  it("shows the server's refusal and keeps what the admin typed", async () => {
    const { page } = await openAgents(stubAdminPage({ agents: agents() }).fail('createAgent', 400, 'VALIDATION_FAILED', 'everyHours: at most 744.'));
    page.findByTestId(Input, 'new-agent-name').trigger('onChange', 'Too rare' as never);
    await page.waitFor(() => expect(page.findByTestId(Button, 'create-agent').props.disabled).toBe(false));
    page.findByTestId(Button, 'create-agent').trigger('onClick');
    await page.waitFor(() => expect(textOf(page.find(Alert, { title: 'Accord couldn’t do that' }))).toBe('everyHours: at most 744.'));
    expect(page.findByTestId(Input, 'new-agent-name').props.value).toBe('Too rare');
  });
});
