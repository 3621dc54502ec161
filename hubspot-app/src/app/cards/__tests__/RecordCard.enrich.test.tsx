import { Alert, Button, LoadingButton, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { RecordCard } from '../components/RecordCard';
import { stubHsFetch } from '../../../../test/helpers/hs-fetch-stub';
import { renderRecordCard } from '../../../../test/helpers/render-card';
import { cellsOf, textOf } from '../../../../test/helpers/text-of';
import { balance, enrichment, enrichResult, preview, recordView, undoResult } from '../../../../test/fixtures/records';

const written = recordView({ history: [enrichment()], credits: balance({ balance: 117, available: 97 }), preview: preview({ changes: [], cost: 0, blockedBy: 'NOTHING_TO_CHANGE' }) });

describe('record card: enrich this record', () => {
  it('previews each field with its current and new value, action and reason, and the cost against the balance', async () => {
    stubHsFetch().reply('getRecord', recordView());
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Text, 'enrich-cost').text).toBe('Cost: 3 credits · Available: 100 credits'));
    const rows = card.find(Table, { density: 'condensed' }).findAll(TableRow).slice(1);
    expect(rows.map(cellsOf)).toEqual([
      ['Industry', '—', 'Manufacturing', 'Fill', 'Empty in HubSpot'],
      ['Phone', '02 9000 0000', '03 9000 0000', 'Overwrite', 'Your settings allow overwriting'],
      ['City', 'Sydney', 'Melbourne', 'Skip', 'A person edited it since'],
    ]);
    expect(card.findByTestId(LoadingButton, 'confirm-enrich').text).toBe('Write 2 fields for 3 credits');
  });

  it('enriches on one confirm with the cost shown, refreshes the record, shows what changed and undoes it', async () => {
    const hs = stubHsFetch()
      .reply('getRecord', recordView())
      .reply('enrichRecord', enrichResult())
      .reply('getRecord', written)
      .reply('undoEnrichment', undoResult())
      .reply('getRecord', recordView({ history: [enrichment({ state: 'undone' })] }));
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(LoadingButton, 'confirm-enrich')).toBeDefined());
    card.findByTestId(LoadingButton, 'confirm-enrich').trigger('onClick');

    await card.waitFor(() => expect(card.findByTestId(Alert, 'enrich-result').props.title).toBe('Accord updated 2 fields'));
    const [call] = hs.callsTo('enrichRecord');
    expect(call?.url.pathname).toBe('/api/v1/records/companies/501/enrich');
    expect(call?.body).toEqual({ idempotencyKey: expect.stringMatching(/^enrich:[A-Za-z0-9_.:-]+$/), expectedCost: 3 });
    await card.waitFor(() => expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(1));
    expect(textOf(card.findByTestId(Alert, 'enrich-result'))).toContain('industry: — → Manufacturing');
    await card.waitFor(() => expect(hs.callsTo('getRecord')).toHaveLength(2));

    card.findByTestId(Button, 'undo-latest').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Alert, 'undo-result').props.title).toBe('Restored 1 field'));
    expect(textOf(card.findByTestId(Alert, 'undo-result'))).toBe('3 credits refunded. Left as they are because someone changed them since: phone.');
    const [undo] = hs.callsTo('undoEnrichment');
    expect(undo?.url.pathname).toBe('/api/v1/enrichments/enr-1/undo');
    expect(undo?.body).toEqual({ idempotencyKey: expect.stringMatching(/^undo:/) });
    await card.waitFor(() => expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(2));
    await card.waitFor(() => expect(hs.callsTo('getRecord')).toHaveLength(3));
  });

  it('keeps the idempotency key when a network failure leaves the outcome unknown, so a retry cannot charge twice', async () => {
    const hs = stubHsFetch()
      .reply('getRecord', recordView())
      .raw('enrichRecord', { kind: 'network-error', message: 'Failed to fetch' })
      .reply('enrichRecord', enrichResult())
      .reply('getRecord', written);
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(LoadingButton, 'confirm-enrich')).toBeDefined());
    card.findByTestId(LoadingButton, 'confirm-enrich').trigger('onClick');
    await card.waitFor(() => expect(card.find(Alert).props.title).toBe('Accord can’t be reached'));
    card.findByTestId(Button, 'retry-action').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Alert, 'enrich-result')).toBeDefined());
    const [first, second] = hs.callsTo('enrichRecord').map((call) => (call.body as { idempotencyKey: string }).idempotencyKey);
    expect(second).toBe(first);
  });

  it('uses a new key after the server refused for certain', async () => {
    const hs = stubHsFetch()
      .reply('getRecord', recordView())
      .fail('enrichRecord', 409, 'CONFLICT', 'The cost changed to 4 credits; look at the preview again.')
      .reply('enrichRecord', enrichResult())
      .reply('getRecord', written);
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(LoadingButton, 'confirm-enrich')).toBeDefined());
    card.findByTestId(LoadingButton, 'confirm-enrich').trigger('onClick');
    await card.waitFor(() => expect(textOf(card.find(Alert))).toContain('The cost changed to 4 credits'));
    card.findByTestId(Button, 'retry-action').trigger('onClick');
    await card.waitFor(() => expect(hs.callsTo('enrichRecord')).toHaveLength(2));
    const [first, second] = hs.callsTo('enrichRecord').map((call) => (call.body as { idempotencyKey: string }).idempotencyKey);
    expect(second).not.toBe(first);
  });

  it('shows the server message when credits run out, without a retry', async () => {
    stubHsFetch().reply('getRecord', recordView()).fail('enrichRecord', 402, 'INSUFFICIENT_CREDITS', 'This needs 3 credits; 1 is available.');
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(LoadingButton, 'confirm-enrich')).toBeDefined());
    card.findByTestId(LoadingButton, 'confirm-enrich').trigger('onClick');
    await card.waitFor(() => expect(card.find(Alert).props.title).toBe('Not enough credits'));
    expect(textOf(card.find(Alert))).toBe('This needs 3 credits; 1 is available.');
    expect(card.find(Alert).props.variant).toBe('warning');
    expect(card.maybeFindByTestId(Button, 'retry-action')).toBeNull();
    expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(0);
  });

  it('explains a preview blocked by credits and offers no confirm', async () => {
    stubHsFetch().reply('getRecord', recordView({ preview: preview({ blockedBy: 'INSUFFICIENT_CREDITS' }), credits: balance({ balance: 1, reserved: 0, available: 1 }) }));
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Alert, 'enrich-blocked').props.title).toBe('Not enough credits'));
    expect(card.findByTestId(Text, 'enrich-cost').text).toBe('Cost: 3 credits · Available: 1 credit');
    expect(card.maybeFindByTestId(LoadingButton, 'confirm-enrich')).toBeNull();
  });

  it('asks for the match to be confirmed before enriching from a match under review', async () => {
    stubHsFetch().reply('getRecord', recordView({ preview: preview({ band: 'review', blockedBy: 'MATCH_NEEDS_REVIEW' }) }));
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Alert, 'enrich-blocked').props.title).toBe('Confirm the match first'));
    expect(card.maybeFindByTestId(LoadingButton, 'confirm-enrich')).toBeNull();
  });

  it('says there is nothing to enrich from when there is no preview', async () => {
    stubHsFetch().reply('getRecord', recordView({ preview: null }));
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Text, 'no-preview').text).toBe('Accord has nothing to enrich this record from yet.'));
  });
});

describe('record card: history', () => {
  it('lists what Accord wrote, newest first, with undo only for writes that stand', async () => {
    const hs = stubHsFetch()
      .reply('getRecord', recordView({ history: [enrichment(), enrichment({ enrichmentId: 'enr-0', state: 'undone', at: '2026-11-01T08:00:00Z' })] }))
      .reply('undoEnrichment', undoResult())
      .reply('getRecord', recordView());
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Button, 'undo-enr-1')).toBeDefined());
    const rows = card.findAll(Table).at(-1)!.findAll(TableRow).slice(1);
    expect(rows.map(cellsOf)).toEqual([
      ['2026-11-20 09:30 UTC', 'industry, phone', '3 credits', 'Written', 'Undo'],
      ['2026-11-01 08:00 UTC', 'industry, phone', '3 credits', 'Undone', ''],
    ]);
    expect(card.maybeFindByTestId(Button, 'undo-enr-0')).toBeNull();
    card.findByTestId(Button, 'undo-enr-1').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Alert, 'undo-result')).toBeDefined());
    expect(hs.callsTo('undoEnrichment')[0]?.url.pathname).toBe('/api/v1/enrichments/enr-1/undo');
  });

  it('says when Accord has not written anything yet', async () => {
    stubHsFetch().reply('getRecord', recordView());
    const card = renderRecordCard(<RecordCard />);
    await card.waitFor(() => expect(card.findByTestId(Text, 'history-empty').text).toBe('Accord has not written to this record yet.'));
  });
});
