import { Alert, Button, Input, NumberInput, Select, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { AdminPage } from '../components/AdminPage';
import { draftOf, updateOf } from '../settings-draft';
import { stubAdminPage } from '../../../../test/helpers/admin-page';
import { renderHomePage } from '../../../../test/helpers/render-card';
import { cellsOf, textOf } from '../../../../test/helpers/text-of';
import { settings } from '../../../../test/fixtures/admin';

const withPolicies = () =>
  settings({
    fieldPolicies: [
      { object: 'companies', field: 'industry', label: 'Industry', policy: 'fill-empty' },
      { object: 'companies', field: 'phone', label: 'Phone number', policy: 'overwrite' },
    ],
  });

async function openSettings(hs = stubAdminPage({ settings: withPolicies() })) {
  const page = renderHomePage(<AdminPage />);
  await page.waitFor(() => expect(page.findByTestId(Button, 'save-settings')).toBeDefined());
  return { page, hs };
}

// The renderer's d.ts types an event argument as the handler itself, hence `as never` on each trigger.
describe('admin page: settings', () => {
  it("shows the current settings, and nothing to save until something changes", async () => {
    const { page } = await openSettings();
    expect(page.findByTestId(NumberInput, 'settings-auto').props.value).toBe(0.9);
    expect(page.findByTestId(NumberInput, 'settings-review').props.value).toBe(0.5);
    expect(page.findByTestId(NumberInput, 'settings-rate-share').props.value).toBe(50);
    expect(page.findByTestId(Input, 'settings-cap-monthly').props.value).toBe('500');
    expect(page.findByTestId(Input, 'settings-cap-batch').props.value).toBe('');
    expect(page.findByTestId(Table, 'settings-field-policies').findAll(TableRow).slice(1).map(cellsOf)).toEqual([
      ['companies', 'Industry', ''],
      ['companies', 'Phone number', ''],
    ]);
    expect(page.findByTestId(Select, 'settings-policy-companies:industry').props.value).toBe('fill-empty');
    expect(page.findByTestId(Button, 'save-settings').props.disabled).toBe(true);
  });

  it('saves only what changed with PUT /settings and shows the saved settings', async () => {
    const saved = withPolicies();
    saved.rateLimitSharePercent = 30;
    saved.credits.perBatchCap = 200;
    saved.fieldPolicies[1]!.policy = 'never';
    const { page, hs } = await openSettings(stubAdminPage({ settings: withPolicies() }).reply('updateSettings', saved));
    page.findByTestId(NumberInput, 'settings-rate-share').trigger('onChange', 30 as never);
    page.findByTestId(Input, 'settings-cap-batch').trigger('onChange', '200' as never);
    page.findByTestId(Select, 'settings-policy-companies:phone').trigger('onChange', 'never' as never);
    page.findByTestId(Button, 'save-settings').trigger('onClick');
    await page.waitFor(() => expect(page.findByTestId(Text, 'settings-saved').text).toBe('Saved.'));
    const [call] = hs.callsTo('updateSettings');
    expect(call?.method).toBe('PUT');
    expect(call?.url.pathname).toBe('/api/v1/settings');
    expect(call?.body).toEqual({ rateLimitSharePercent: 30, credits: { perBatchCap: 200 }, fieldPolicies: [{ object: 'companies', field: 'phone', policy: 'never' }] });
    // The credits panel shows the saved cap.
    expect(page.findByTestId(Text, 'cap-batch').text).toBe('200 credits');
    expect(page.findByTestId(Button, 'save-settings').props.disabled).toBe(true);
  });

  it('refuses a review threshold at or above the auto-apply one before sending anything', async () => {
    const { page, hs } = await openSettings();
    page.findByTestId(NumberInput, 'settings-review').trigger('onChange', 0.95 as never);
    await page.waitFor(() => expect(textOf(page.findByTestId(Alert, 'settings-invalid'))).toBe('The review threshold must be below the auto-apply threshold.'));
    expect(page.findByTestId(Button, 'save-settings').props.disabled).toBe(true);
    expect(hs.callsTo('updateSettings')).toHaveLength(0);
  });

  it("shows the server's refusal and keeps the admin's edits", async () => {
    const { page } = await openSettings(stubAdminPage({ settings: withPolicies() }).fail('updateSettings', 403, 'FORBIDDEN', 'Only Accord admins can change settings.'));
    page.findByTestId(Input, 'settings-cap-monthly').trigger('onChange', '900' as never);
    page.findByTestId(Button, 'save-settings').trigger('onClick');
    await page.waitFor(() => expect(textOf(page.find(Alert, { title: 'You don’t have permission' }))).toBe('Only Accord admins can change settings.'));
    expect(page.findByTestId(Input, 'settings-cap-monthly').props.value).toBe('900');
    expect(page.findByTestId(Button, 'save-settings').props.disabled).toBe(false);
  });

  it('is not shown to someone who is not an admin', async () => {
    stubAdminPage({ isAdmin: false });
    const page = renderHomePage(<AdminPage />);
    await page.waitFor(() => expect(page.findByTestId(Alert, 'not-admin')).toBeDefined());
    expect(page.maybeFindByTestId(Button, 'save-settings')).toBeNull();
  });
});

describe('settings update', () => {
  const current = withPolicies();

  it.each([
    ['blank caps as no cap', { monthlyCap: ' ' }, { credits: { monthlyCap: null } }],
    ['a cap typed with thousands separators', { perUserDailyCap: '1,500' }, { credits: { perUserDailyCap: 1500 } }],
    ['turning automatic enrichment on within a monthly budget', { autoEnrichRecordsPerDay: 200, autoEnrichMonthlyCredits: '3000' }, { autoEnrich: { recordsPerDay: 200, monthlyCredits: 3000 } }],
    ['thresholds', { autoApplyThreshold: 0.97, reviewThreshold: 0.6 }, { autoApplyThreshold: 0.97, reviewThreshold: 0.6 }],
    ['nothing when nothing changed', {}, {}],
  ])('sends %s', (_name, edits, expected) => {
    expect(updateOf(current, { ...draftOf(current), ...edits })).toEqual({ ok: true, update: expected });
  });

  it.each([
    ['a cap that is not a whole number', { perBatchCap: '12.5' }, 'The per-batch cap must be a whole number of credits, or blank for no cap.'],
    ['a negative cap', { monthlyCap: '-3' }, 'The monthly cap must be a whole number of credits, or blank for no cap.'],
    ['a rate share over 100%', { rateLimitSharePercent: 150 }, "The share of HubSpot's API limits is out of range (Too big: expected number to be <=100)."],
    ['an auto-apply threshold below 0.5', { autoApplyThreshold: 0.4, reviewThreshold: 0.3 }, 'The auto-apply threshold is out of range (Too small: expected number to be >=0.5).'],
  ])('refuses %s', (_name, edits, message) => {
    expect(updateOf(current, { ...draftOf(current), ...edits })).toEqual({ ok: false, message });
  });
});
