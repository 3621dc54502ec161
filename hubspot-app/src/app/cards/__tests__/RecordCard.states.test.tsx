import { Button, ErrorState, Heading, Text } from '@hubspot/ui-extensions';
import { RecordCard } from '../components/RecordCard';
import { stubHsFetch } from '../../../../test/helpers/hs-fetch-stub';
import { renderRecordCard } from '../../../../test/helpers/render-card';
import { recordView } from '../../../../test/fixtures/records';

describe('record card: failure states', () => {
  it('shows the server message with a retry, and recovers on retry', async () => {
    const hs = stubHsFetch().fail('getRecord', 503, 'CRM_UNAVAILABLE', 'HubSpot did not answer; try again shortly.').reply('getRecord', recordView());
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.find(ErrorState).props.title).toBe('Accord couldn’t do that'));
    expect(card.find(ErrorState).find(Text).text).toBe('HubSpot did not answer; try again shortly.');
    card.findByTestId(Button, 'retry').trigger('onClick');
    await card.waitFor(() => expect(card.find(Heading).text).toBe('Acme Pty Ltd'));
    expect(hs.callsTo('getRecord')).toHaveLength(2);
  });

  it('shows "no permission" with a lock and no retry', async () => {
    stubHsFetch().fail('getRecord', 403, 'FORBIDDEN', 'Your HubSpot user is not allowed to use Accord.');
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.find(ErrorState).props.title).toBe('You don’t have permission'));
    expect(card.find(ErrorState).props.type).toBe('lock');
    expect(card.find(ErrorState).find(Text).text).toBe('Your HubSpot user is not allowed to use Accord.');
    expect(card.maybeFindByTestId(Button, 'retry')).toBeNull();
  });

  it('says the backend is unreachable on a network failure', async () => {
    stubHsFetch().raw('getRecord', { kind: 'network-error', message: 'Failed to fetch' });
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.find(ErrorState).props.title).toBe('Accord can’t be reached'));
    expect(card.findByTestId(Button, 'retry')).toBeDefined();
  });

  it('treats a gateway error without an Accord body as unreachable', async () => {
    stubHsFetch().raw('getRecord', { kind: 'json', status: 502, body: '<html>Bad Gateway</html>' });
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.find(ErrorState).find(Text).text).toContain('HTTP 502'));
    expect(card.find(ErrorState).props.title).toBe('Accord can’t be reached');
  });

  it('refuses a reply that breaks the contract instead of rendering it', async () => {
    stubHsFetch().raw('getRecord', { kind: 'json', status: 200, body: { ...recordView(), match: { confidence: 'high' } } });
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.find(ErrorState).props.title).toBe('Accord sent an unexpected answer'));
    expect(card.maybeFind(Heading)).toBeNull();
  });

  it('explains a missing backend origin and calls nothing', async () => {
    const hs = stubHsFetch();
    const card = renderRecordCard(<RecordCard />, { origin: null });
    await card.waitFor(() => expect(card.find(ErrorState).props.title).toBe('Accord is not set up yet'));
    expect(hs.calls).toHaveLength(0);
    expect(card.maybeFindByTestId(Button, 'retry')).toBeNull();
  });
});
