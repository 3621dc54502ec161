import { Alert, Button, Input, Select, Table, TableHeader, Text } from '@hubspot/ui-extensions';
import { AdminPage } from '../components/AdminPage';
import { stubAdminPage } from '../../../../test/helpers/admin-page';
import { renderHomePage } from '../../../../test/helpers/render-card';
import { textOf } from '../../../../test/helpers/text-of';
import { batch, createPeople, settings } from '../../../../test/fixtures/admin';

async function openForm(hs = stubAdminPage({ items: [] })) {
  const page = renderHomePage(<AdminPage />);
  await page.waitFor(() => expect(page.findByTestId(Button, 'create-batch')).toBeDefined());
  return { page, hs };
}

const optionsOf = (select: { props: { options?: unknown } }) => (select.props.options as { value: string }[]).map((option) => option.value);

describe('admin page: create missing contacts', () => {
  it('offers "Create missing contacts" for companies only, and falls back to enriching for contacts', async () => {
    const { page } = await openForm();
    expect(optionsOf(page.findByTestId(Select, 'new-batch-type'))).toEqual(['enrich', 'create_people']);
    page.findByTestId(Select, 'new-batch-type').trigger('onChange', 'create_people' as never);
    await page.waitFor(() => expect(page.findByTestId(Select, 'new-batch-type').props.value).toBe('create_people'));
    page.findByTestId(Select, 'new-batch-object').trigger('onChange', 'contacts' as never);
    await page.waitFor(() => expect(optionsOf(page.findByTestId(Select, 'new-batch-type'))).toEqual(['enrich']));
    expect(page.findByTestId(Select, 'new-batch-type').props.value).toBe('enrich');
  });

  it('creates a create-people batch of companies', async () => {
    const { page, hs } = await openForm(stubAdminPage({ items: [] }).reply('createBatch', createPeople()));
    page.findByTestId(Select, 'new-batch-type').trigger('onChange', 'create_people' as never);
    await page.waitFor(() => expect(page.findByTestId(Select, 'new-batch-type').props.value).toBe('create_people'));
    page.findByTestId(Button, 'create-batch').trigger('onClick');
    await page.waitFor(() => expect(hs.callsTo('createBatch')).toHaveLength(1));
    expect(hs.callsTo('createBatch')[0]?.body).toMatchObject({ object: 'companies', type: 'create_people', selection: { by: 'never_enriched' } });
    await page.waitFor(() => expect(page.findByTestId(Text, 'estimate-people')).toBeDefined());
  });

  it('says how many contacts the estimate would create and how many the CRM already has', async () => {
    stubAdminPage({ items: [createPeople()] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Text, 'estimate-people').text).toBe('42 new contacts will be created, 7 are already in your CRM'));
    expect(page.findByTestId(Table, 'estimate-fields').findAll(TableHeader).map((header) => textOf(header))).toEqual(['Field set on new contacts', 'Records']);
  });

  it('offers no undo for a completed create-people batch, but does for an enrich batch', async () => {
    stubAdminPage({ items: [createPeople({ id: 'b-people-done', state: 'completed' }), batch({ id: 'b-enrich-done', state: 'completed' })] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Button, 'undo-b-enrich-done')).toBeDefined());
    expect(page.maybeFindByTestId(Button, 'undo-b-people-done')).toBeNull();
  });
});

describe('admin page: batch from a HubSpot list', () => {
  it('sends the list id as a segment selection', async () => {
    const { page, hs } = await openForm(stubAdminPage({ items: [] }).reply('createBatch', batch({ id: 'b-list' })));
    page.findByTestId(Select, 'new-batch-selection').trigger('onChange', 'segment' as never);
    await page.waitFor(() => expect(page.findByTestId(Input, 'new-batch-segment')).toBeDefined());
    expect(page.findByTestId(Button, 'create-batch').props.disabled).toBe(true);
    page.findByTestId(Input, 'new-batch-segment').trigger('onChange', ' 4821 ' as never);
    await page.waitFor(() => expect(page.findByTestId(Button, 'create-batch').props.disabled).toBe(false));
    page.findByTestId(Button, 'create-batch').trigger('onClick');
    await page.waitFor(() => expect(hs.callsTo('createBatch')).toHaveLength(1));
    expect(hs.callsTo('createBatch')[0]?.body).toMatchObject({ object: 'companies', type: 'enrich', selection: { by: 'segment', segmentId: '4821' } });
  });

  it('refuses a list id the backend would refuse, before sending anything', async () => {
    const { page, hs } = await openForm();
    page.findByTestId(Select, 'new-batch-selection').trigger('onChange', 'segment' as never);
    await page.waitFor(() => expect(page.findByTestId(Input, 'new-batch-segment')).toBeDefined());
    page.findByTestId(Input, 'new-batch-segment').trigger('onChange', 'list/../7' as never);
    await page.waitFor(() => expect(page.findByTestId(Input, 'new-batch-segment').props.error).toBe(true));
    expect(page.findByTestId(Input, 'new-batch-segment').props.validationMessage).toBe('A list id is 1 to 64 letters, digits, - or _.');
    expect(page.findByTestId(Button, 'create-batch').props.disabled).toBe(true);
    expect(hs.callsTo('createBatch')).toHaveLength(0);
  });
});

describe('admin page: a failed estimate', () => {
  it('shows why the estimate failed on the batch', async () => {
    stubAdminPage({ items: [batch({ id: 'b-draft', state: 'draft', estimate: null, error: 'HubSpot list 4821 does not exist.' })] });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'batch-error-b-draft').props.title).toBe('The estimate failed'));
    expect(textOf(page.findByTestId(Alert, 'batch-error-b-draft'))).toBe('HubSpot list 4821 does not exist.');
    expect(page.maybeFindByTestId(Alert, 'batch-error-b-new')).toBeNull();
  });
});

describe('admin page: automatic enrichment allowance', () => {
  it.each([
    [{ recordsPerDay: 0, monthlyCredits: null }, 'Off: every batch waits for an admin.'],
    [{ recordsPerDay: 2_000, monthlyCredits: 5_000 }, 'Up to 2,000 records a day and 5,000 credits a month are approved without an admin.'],
    [{ recordsPerDay: 300, monthlyCredits: null }, 'Up to 300 records a day within the credit caps are approved without an admin.'],
  ])('shows an admin %j', async (autoEnrich, words) => {
    stubAdminPage({ settings: settings({ autoEnrich }) });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Text, 'auto-enrich').text).toBe(words));
  });

  it('is not shown to someone who is not an admin', async () => {
    stubAdminPage({ isAdmin: false });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'not-admin')).toBeDefined());
    await page.waitFor(() => expect(page.findByTestId(Text, 'estimate-records')).toBeDefined());
    expect(page.maybeFindByTestId(Text, 'auto-enrich')).toBeNull();
  });
});
