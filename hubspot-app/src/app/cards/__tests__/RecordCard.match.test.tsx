import { Alert, Button, EmptyState, ErrorState, Heading, LoadingSpinner, ScoreCircle, StatusTag, Text } from '@hubspot/ui-extensions';
import { RecordCard } from '../components/RecordCard';
import { stubHsFetch } from '../../../../test/helpers/hs-fetch-stub';
import { backendOrigin, renderRecordCard } from '../../../../test/helpers/render-card';
import { textOf } from '../../../../test/helpers/text-of';
import { candidate, match, recordView } from '../../../../test/fixtures/records';

describe('record card: the match', () => {
  it('shows a spinner until the record view arrives', async () => {
    const hs = stubHsFetch();
    const release = hs.defer('getRecord');
    const card = renderRecordCard(<RecordCard />);
    expect(card.find(LoadingSpinner).props.label).toContain('Loading');
    release({ kind: 'json', status: 200, body: recordView() });
    await card.waitFor(() => expect(card.find(Heading).text).toBe('Acme Pty Ltd'));
    expect(card.maybeFind(LoadingSpinner)).toBeNull();
  });

  it('asks the backend for this record with the viewer and record in the query string', async () => {
    const hs = stubHsFetch().reply('getRecord', recordView());
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(hs.calls).toHaveLength(1));
    const [call] = hs.calls;
    expect(call?.url.origin).toBe(backendOrigin);
    expect(call?.url.pathname).toBe('/api/v1/records/companies/501');
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toEqual({ portalId: '4242', userId: '77', objectId: '501', objectType: '0-2' });
    expect(call?.method).toBe('GET');
    expect(call?.timeout).toBe(10_000);
  });

  it('maps contacts to the contacts route', async () => {
    const hs = stubHsFetch().reply('getRecord', recordView({ object: 'contacts', match: match({ kind: 'person', candidate: candidate({ kind: 'person', label: 'Ann Lee' }) }) }));
    const card = renderRecordCard(<RecordCard />, { objectTypeId: '0-1', objectId: 9 });
    await card.waitFor(() => expect(card.find(Heading).text).toBe('Ann Lee'));
    expect(hs.calls[0]?.url.pathname).toBe('/api/v1/records/contacts/9');
    expect(card.findByTestId(Button, 'reject-match').text).toBe('Wrong person');
  });

  it('shows the matched company, its confidence, band and reasons', async () => {
    stubHsFetch().reply('getRecord', recordView());
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.find(ScoreCircle).props.score).toBe(93));
    expect(card.findByTestId(StatusTag, 'match-band').text).toBe('Strong match');
    expect(card.findByTestId(Text, 'reasons-agreed').text).toBe('name (exact), domain (exact)');
    expect(card.findByTestId(Text, 'reasons-disagreed').text).toBe('phone (02 9000 0000 vs 03 9000 0000)');
    expect(card.findByTestId(Text, 'reasons-missing').text).toBe('abn');
    expect(card.maybeFindByTestId(StatusTag, 'match-confirmed')).toBeNull();
  });

  it('confirms the match and then shows it as confirmed', async () => {
    const hs = stubHsFetch()
      .reply('getRecord', recordView())
      .reply('decideMatch', recordView({ match: match({ decidedBy: 'confirmed' }) }));
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Button, 'confirm-match')).toBeDefined());
    card.findByTestId(Button, 'confirm-match').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(StatusTag, 'match-confirmed').text).toBe('Confirmed'));
    const [decision] = hs.callsTo('decideMatch');
    expect(decision?.url.pathname).toBe('/api/v1/records/companies/501/match-decision');
    expect(decision?.body).toEqual({ decision: 'confirm', referenceId: 'ref-acme' });
    expect(card.maybeFindByTestId(Button, 'confirm-match')).toBeNull();
  });

  it('rejects a wrong company', async () => {
    const hs = stubHsFetch()
      .reply('getRecord', recordView())
      .reply('decideMatch', recordView({ match: match({ candidate: null, confidence: 0, band: 'none', decidedBy: 'rejected' }), preview: null }));
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Button, 'reject-match').text).toBe('Wrong company'));
    card.findByTestId(Button, 'reject-match').trigger('onClick');
    await card.waitFor(() => expect(card.find(EmptyState).props.title).toBe("No match in Accord's reference data"));
    expect(hs.callsTo('decideMatch')[0]?.body).toEqual({ decision: 'reject', referenceId: 'ref-acme' });
  });

  it('offers the runners-up of a match that needs review, and "none of these"', async () => {
    const review = match({
      band: 'review',
      confidence: 0.62,
      candidate: candidate({ probability: 0.62 }),
      runnersUp: [candidate({ referenceId: 'ref-acme-nz', label: 'Acme NZ Ltd', probability: 0.21 })],
    });
    const hs = stubHsFetch()
      .reply('getRecord', recordView({ match: review }))
      .reply('decideMatch', recordView({ match: { ...review, candidate: candidate({ referenceId: 'ref-acme-nz', label: 'Acme NZ Ltd' }), decidedBy: 'picked', runnersUp: [] } }))
      .reply('decideMatch', recordView({ match: match({ candidate: null, confidence: 0, band: 'none', decidedBy: 'rejected' }), preview: null }));
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(StatusTag, 'match-band').text).toBe('Needs review'));
    card.findByTestId(Button, 'pick-ref-acme-nz').trigger('onClick');
    await card.waitFor(() => expect(card.find(Heading).text).toBe('Acme NZ Ltd'));
    expect(card.findByTestId(StatusTag, 'match-confirmed').text).toBe('Confirmed');
    expect(hs.callsTo('decideMatch')[0]?.body).toEqual({ decision: 'pick', referenceId: 'ref-acme-nz' });
    expect(card.maybeFindByTestId(Button, 'none-of-these')).toBeNull();
  });

  it('sends "none of these" for a record with candidates but no confident match', async () => {
    const none = match({ band: 'none', candidate: null, confidence: 0, runnersUp: [candidate({ probability: 0.2 })] });
    const hs = stubHsFetch()
      .reply('getRecord', recordView({ match: none, preview: null }))
      .reply('decideMatch', recordView({ match: { ...none, runnersUp: [], decidedBy: 'rejected' }, preview: null }));
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Text, 'no-chosen-candidate')).toBeDefined());
    card.findByTestId(Button, 'none-of-these').trigger('onClick');
    await card.waitFor(() => expect(card.find(EmptyState).props.title).toBe("No match in Accord's reference data"));
    expect(hs.callsTo('decideMatch')[0]?.body).toEqual({ decision: 'none' });
  });

  it('shows the empty state when nothing matched and matches again on request', async () => {
    const hs = stubHsFetch()
      .reply('getRecord', recordView({ match: match({ candidate: null, confidence: 0, band: 'none' }), preview: null }))
      .reply('rematch', recordView());
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.find(EmptyState).props.title).toBe("No match in Accord's reference data"));
    card.findByTestId(Button, 'rematch').trigger('onClick');
    await card.waitFor(() => expect(card.find(Heading).text).toBe('Acme Pty Ltd'));
    expect(hs.callsTo('rematch')[0]?.url.pathname).toBe('/api/v1/records/companies/501/rematch');
    expect(hs.callsTo('rematch')[0]?.body).toEqual({});
  });

  it('says so on object types Accord does not handle, without calling the backend', () => {
    const hs = stubHsFetch();
    const card = renderRecordCard(<RecordCard />, { objectTypeId: '0-3' });
    expect(card.find(EmptyState).props.title).toBe('Accord works on companies and contacts');
    expect(hs.calls).toHaveLength(0);
  });

  it('shows the server message when a decision is refused, keeping the match on screen', async () => {
    stubHsFetch().reply('getRecord', recordView()).fail('decideMatch', 409, 'CONFLICT', 'The match changed since you loaded it.');
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Button, 'confirm-match')).toBeDefined());
    card.findByTestId(Button, 'confirm-match').trigger('onClick');
    await card.waitFor(() => expect(textOf(card.find(Alert))).toContain('The match changed since you loaded it.'));
    expect(card.find(Alert).props.title).toBe('Accord couldn’t do that');
    expect(card.find(Heading).text).toBe('Acme Pty Ltd');
    expect(card.maybeFind(ErrorState)).toBeNull();
  });
});
