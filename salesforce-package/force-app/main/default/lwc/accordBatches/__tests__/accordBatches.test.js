import { createElement } from '@lwc/engine-dom';
import AccordBatches from 'c/accordBatches';
import listBatches from '@salesforce/apex/AccordBatchController.listBatches';
import getCredits from '@salesforce/apex/AccordBatchController.getCredits';
import getSettings from '@salesforce/apex/AccordBatchController.getSettings';
import listAgents from '@salesforce/apex/AccordAgentController.listAgents';
import runBatchAction from '@salesforce/apex/AccordBatchController.runBatchAction';
import createBatch from '@salesforce/apex/AccordBatchController.createBatch';
import LightningConfirm from 'lightning/confirm';
import { accordApexError, flushPromises } from 'accord-test-utils';

const BATCH_LIST = require('./data/batchListReply.json');
const BATCH_APPROVED = require('./data/batch.approved.json');
const CREDITS = require('./data/creditsReply.json');
const SETTINGS = require('./data/settings.json');
const BATCH_DRAFT = require('./data/batch.draft.json');
const BATCH_ESTIMATED = require('./data/batch.estimated.json');

jest.mock('@salesforce/apex/AccordBatchController.listBatches', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.getCredits', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.runBatchAction', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.createBatch', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.getSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordAgentController.listAgents', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/customPermission/Accord_Approve_Batches', () => ({ __esModule: true, default: true }), {
    virtual: true
});

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
const reply = (fixture) => JSON.stringify(fixture);

async function mount() {
    const element = createElement('c-accord-batches', { is: AccordBatches });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const $ = (root, selector) => root.shadowRoot.querySelector(selector);
const $$ = (root, selector) => Array.from(root.shadowRoot.querySelectorAll(selector));
const cardOf = (element, batchId) => $$(element, 'c-accord-batch-card').find((card) => card.batch.id === batchId);
const actionsOf = (card) => $$(card, 'lightning-button.action').map((button) => button.label);
const clickAction = (card, action) =>
    $$(card, 'lightning-button.action')
        .find((b) => b.dataset.action === action)
        .click();

describe('c-accord-batches for a holder of Accord_Approve_Batches', () => {
    beforeEach(() => {
        listBatches.mockResolvedValue(reply(BATCH_LIST));
        getCredits.mockResolvedValue(reply(CREDITS));
        getSettings.mockResolvedValue(reply(SETTINGS));
        listAgents.mockResolvedValue(reply({ items: [] }));
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('lists the batch awaiting approval with its estimate and sample', async () => {
        const element = await mount();

        const awaiting = $$(element, 'c-accord-batch-card.awaiting');
        expect(awaiting).toHaveLength(1);
        const card = awaiting[0];
        expect(card.batch.id).toBe('bat_awaiting');
        expect($(card, 'lightning-badge.state').label).toBe('Awaiting approval');
        const estimate = $(card, 'dl.estimate').textContent;
        expect(estimate).toContain('900 confident · 200 to review · 100 none');
        expect(estimate).toContain('850 expected, 1100 at most');
        expect(estimate).toContain('9 min');
        expect($$(card, '.field-changes li').map((li) => li.textContent)).toEqual([
            'Industry: 600',
            'NumberOfEmployees: 420'
        ]);
        expect($$(card, '.sample')).toHaveLength(2);
        expect($(card, '.sample c-accord-change-list').changes).toEqual(BATCH_LIST.items[0].estimate.sample[0].changes);
        expect($(card, '.over-caps')).toBeNull();
        expect(actionsOf(card)).toEqual(['Approve', 'Run 25 records first', 'Reject']);
    });

    it('shows the progress of the other batches and the actions their state allows', async () => {
        const element = await mount();

        const running = cardOf(element, 'bat_running');
        expect($(running, 'lightning-progress-bar.progress').value).toBe(25);
        expect($(running, '.counts').textContent).toContain('100 of 400 done');
        expect(actionsOf(running)).toEqual(['Pause', 'Cancel']);
        expect(actionsOf(cardOf(element, 'bat_done'))).toEqual(['Undo the batch']);
    });

    it('approves with an idempotency key, then shows the batch and credits as they are now', async () => {
        runBatchAction.mockResolvedValue(reply(BATCH_APPROVED));
        const element = await mount();
        listBatches.mockResolvedValue(reply({ items: [BATCH_APPROVED, ...BATCH_LIST.items.slice(1)] }));

        clickAction(cardOf(element, 'bat_awaiting'), 'approve');
        await flushPromises();

        const sent = runBatchAction.mock.calls[0][0];
        expect(sent).toMatchObject({ batchId: 'bat_awaiting', action: 'approve', reason: null });
        expect(sent.idempotencyKey).toMatch(KEY_PATTERN);
        expect($$(element, 'c-accord-batch-card.awaiting')).toHaveLength(0);
        expect($(cardOf(element, 'bat_awaiting'), 'lightning-badge.state').label).toBe('Approved');
        expect(getCredits).toHaveBeenCalledTimes(2);
        expect($(element, '.none-awaiting')).not.toBeNull();
    });

    it('tries a failed action again with the same key', async () => {
        runBatchAction
            .mockRejectedValueOnce(
                accordApexError('CRM_RATE_LIMITED', 'The CRM rate limit was reached; try again shortly.')
            )
            .mockResolvedValue(reply(BATCH_APPROVED));
        const element = await mount();

        clickAction(cardOf(element, 'bat_running'), 'pause');
        await flushPromises();
        const panel = $(element, 'c-accord-error-panel.action-error');
        expect(panel.retryable).toBe(true);
        panel.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(runBatchAction).toHaveBeenCalledTimes(2);
        expect(runBatchAction.mock.calls[1][0]).toEqual(runBatchAction.mock.calls[0][0]);
        expect($(element, 'c-accord-error-panel.action-error').errors).toBeUndefined();
    });

    it('asks before undoing a batch, and does nothing when the admin says no', async () => {
        LightningConfirm.open.mockResolvedValueOnce(false);
        const element = await mount();

        clickAction(cardOf(element, 'bat_done'), 'undo');
        await flushPromises();

        expect(LightningConfirm.open).toHaveBeenCalledTimes(1);
        expect(LightningConfirm.open.mock.calls[0][0].message).toContain('Undo every enrichment of this batch?');
        expect(runBatchAction).not.toHaveBeenCalled();
    });

    it('pauses without asking', async () => {
        runBatchAction.mockResolvedValue(reply(BATCH_LIST.items[1]));
        const element = await mount();

        clickAction(cardOf(element, 'bat_running'), 'pause');
        await flushPromises();

        expect(LightningConfirm.open).not.toHaveBeenCalled();
        expect(runBatchAction.mock.calls[0][0]).toMatchObject({ batchId: 'bat_running', action: 'pause' });
    });

    it('shows a refusal without offering to try again', async () => {
        runBatchAction.mockRejectedValue(
            accordApexError('ILLEGAL_TRANSITION', 'A batch that is completed cannot pause.')
        );
        const element = await mount();

        clickAction(cardOf(element, 'bat_done'), 'undo');
        await flushPromises();

        const panel = $(element, 'c-accord-error-panel.action-error');
        expect(panel.retryable).toBe(false);
        expect(panel.errors).toEqual(accordApexError('ILLEGAL_TRANSITION', 'A batch that is completed cannot pause.'));
    });

    it('shows the credits: available, held, the monthly cap and alerts', async () => {
        const element = await mount();

        const credits = $(element, 'c-accord-credits');
        expect(credits.credits).toEqual(CREDITS);
        expect($(credits, '.available').textContent).toBe('Available: 1680');
        expect($(credits, '.cap').textContent).toBe('420 of 1000 used this month');
        expect($(credits, 'lightning-progress-bar.cap-used').value).toBe(42);
        expect($$(credits, '.alert').map((p) => p.textContent)).toEqual(['50% of the monthly cap used']);
        expect($$(credits, '.by-batch').map((p) => p.textContent)).toContain('Record pages: 300');
        expect($(credits, '.empty')).toBeNull();
    });

    it('shows an admin the automatic-enrichment allowance and the agents', async () => {
        const element = await mount();

        expect(getSettings).toHaveBeenCalledTimes(1);
        expect($($(element, 'c-accord-credits'), '.auto-enrich').textContent).toBe(
            'Automatic enrichment: up to 2000 records a day and 5000 credits a month are approved without an admin.'
        );
        expect($(element, 'c-accord-agents')).not.toBeNull();
        expect(listAgents).toHaveBeenCalledTimes(1);
    });

    it('shows an admin the settings, and the allowance saved there at once', async () => {
        const element = await mount();
        const form = $(element, 'c-accord-settings');
        expect(form.settings).toEqual(SETTINGS);

        form.dispatchEvent(
            new CustomEvent('saved', {
                detail: { ...SETTINGS, autoEnrich: { recordsPerDay: 0, monthlyCredits: null } }
            })
        );
        await flushPromises();

        expect($($(element, 'c-accord-credits'), '.auto-enrich').textContent).toBe(
            'Automatic enrichment is off: every batch waits for an admin.'
        );
    });

    it('shows an admin the new-batch form; a batch made there shows first and is followed until it awaits approval', async () => {
        // A minute after the draft was made (batch.draft.json).
        jest.useFakeTimers({ now: new Date('2026-11-28T09:01:00.000Z') });
        const [awaiting, , done] = BATCH_LIST.items;
        listBatches.mockResolvedValue(reply({ items: [awaiting, done] }));
        createBatch.mockResolvedValue(reply(BATCH_DRAFT));
        const element = createElement('c-accord-batches', { is: AccordBatches });
        document.body.appendChild(element);
        await jest.advanceTimersByTimeAsync(0);
        const idsOf = (group) => $$(element, `c-accord-batch-card.${group}`).map((card) => card.batch.id);

        // Nothing moves: no polling.
        await jest.advanceTimersByTimeAsync(15000);
        expect(listBatches).toHaveBeenCalledTimes(1);

        $($(element, 'c-accord-new-batch'), 'lightning-button.create').click();
        await jest.advanceTimersByTimeAsync(0);
        expect(createBatch).toHaveBeenCalledTimes(1);
        expect(idsOf('other')).toEqual(['bat_new', 'bat_done']);

        listBatches.mockResolvedValue(reply({ items: [BATCH_ESTIMATED, awaiting, done] }));
        await jest.advanceTimersByTimeAsync(15000);
        expect(listBatches).toHaveBeenCalledTimes(2);
        expect(idsOf('awaiting')).toEqual(['bat_new', 'bat_awaiting']);
        expect(idsOf('other')).toEqual(['bat_done']);

        // Awaiting approval does not move by itself: the polling stops.
        await jest.advanceTimersByTimeAsync(60000);
        expect(listBatches).toHaveBeenCalledTimes(2);
    });

    it('does not follow a draft left unestimated for more than ten minutes', async () => {
        jest.useFakeTimers({ now: new Date('2026-11-28T09:11:00.000Z') });
        listBatches.mockResolvedValue(reply({ items: [BATCH_DRAFT] }));
        const element = createElement('c-accord-batches', { is: AccordBatches });
        document.body.appendChild(element);
        await jest.advanceTimersByTimeAsync(0);
        expect(listBatches).toHaveBeenCalledTimes(1);

        await jest.advanceTimersByTimeAsync(60000);
        expect(listBatches).toHaveBeenCalledTimes(1);
    });

    it('polls while a batch is running and stops when the page closes', async () => {
        jest.useFakeTimers();
        const element = createElement('c-accord-batches', { is: AccordBatches });
        document.body.appendChild(element);
        await Promise.resolve();
        await Promise.resolve();
        await Promise.resolve();
        expect(listBatches).toHaveBeenCalledTimes(1);

        jest.advanceTimersByTime(15000);
        expect(listBatches).toHaveBeenCalledTimes(2);

        // Closed while that load is still on its way: its answer must not schedule another one.
        document.body.removeChild(element);
        await Promise.resolve();
        await Promise.resolve();
        await Promise.resolve();
        jest.advanceTimersByTime(60000);
        expect(listBatches).toHaveBeenCalledTimes(2);
    });

    it('shows a load failure and loads again on "Try again"', async () => {
        listBatches.mockRejectedValueOnce(accordApexError('NOT_READY', 'Accord could not be reached: Read timed out'));
        const element = await mount();

        const panel = $(element, 'c-accord-error-panel.load-error');
        expect(panel).not.toBeNull();
        panel.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect($(element, 'c-accord-error-panel.load-error')).toBeNull();
        expect($$(element, 'c-accord-batch-card')).toHaveLength(3);
    });
});
