import { createElement } from '@lwc/engine-dom';
import AccordMatch from 'c/accordMatch';
import getRecordView from '@salesforce/apex/AccordRecordController.getRecordView';
import decideMatch from '@salesforce/apex/AccordRecordController.decideMatch';
import rematch from '@salesforce/apex/AccordRecordController.rematch';
import enrichRecord from '@salesforce/apex/AccordRecordController.enrichRecord';
import undoEnrichment from '@salesforce/apex/AccordRecordController.undoEnrichment';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { accordApexError, flushPromises } from 'accord-test-utils';

const RECORD_VIEW = require('./data/recordView.json');
const RECORD_VIEW_CONFIRMED = require('./data/recordView.confirmed.json');
const RECORD_VIEW_ENRICHED = require('./data/recordView.enriched.json');
const RECORD_VIEW_NO_CREDITS = require('./data/recordView.noCredits.json');
const RECORD_VIEW_NO_MATCH = require('./data/recordView.noMatch.json');
const ENRICH_RESULT = require('./data/enrichResult.json');
const UNDO_RESULT = require('./data/undoResult.json');

jest.mock('@salesforce/apex/AccordRecordController.getRecordView', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordRecordController.decideMatch', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordRecordController.rematch', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordRecordController.enrichRecord', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordRecordController.undoEnrichment', () => ({ default: jest.fn() }), { virtual: true });

const RECORD_ID = '001000000000001AAA';
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
// The Apex controllers return the backend's JSON text unchanged.
const reply = (fixture) => JSON.stringify(fixture);

async function mount(objectApiName = 'Account', recordId = RECORD_ID) {
    const element = createElement('c-accord-match', { is: AccordMatch });
    element.objectApiName = objectApiName;
    element.recordId = recordId;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

async function enrichAndConfirm(element) {
    element.shadowRoot.querySelector('lightning-button.enrich-start').click();
    await flushPromises();
    element.shadowRoot.querySelector('lightning-button.enrich-confirm').click();
    await flushPromises();
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector));

describe('c-accord-match', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner until the record view arrives', async () => {
        getRecordView.mockReturnValue(new Promise(() => {}));
        const element = createElement('c-accord-match', { is: AccordMatch });
        element.objectApiName = 'Account';
        element.recordId = RECORD_ID;
        document.body.appendChild(element);
        await flushPromises();

        expect($(element, 'lightning-spinner')).not.toBeNull();
        expect($(element, 'section.match')).toBeNull();
    });

    it('shows the match with its confidence, reasons and the other candidates', async () => {
        getRecordView.mockResolvedValue(reply(RECORD_VIEW));
        const element = await mount();

        expect(getRecordView).toHaveBeenCalledWith({ objectApiName: 'Account', recordId: RECORD_ID });
        expect($(element, 'lightning-badge.band').label).toBe('Needs review · 82%');
        expect($(element, '.candidate').textContent).toBe('Acme Pty Ltd');
        expect($(element, 'c-accord-reasons.candidate-reasons').reasons).toEqual(RECORD_VIEW.match.candidate.reasons);
        const picks = $$(element, 'lightning-button.pick');
        expect(picks).toHaveLength(1);
        expect(picks[0].dataset.referenceId).toBe('ref_co_456');
        expect($(element, 'lightning-button.confirm')).not.toBeNull();
        expect($(element, 'lightning-button.none')).not.toBeNull();
    });

    it('shows the change preview and why enriching waits for a confirmed match', async () => {
        getRecordView.mockResolvedValue(reply(RECORD_VIEW));
        const element = await mount();

        expect($(element, 'c-accord-change-list.preview').changes).toEqual(RECORD_VIEW.preview.changes);
        expect($(element, '.cost').textContent).toBe('Cost: 1 credit (100 available)');
        expect($(element, '.blocked').textContent).toBe('Confirm the match before enriching.');
        expect($(element, 'lightning-button.enrich-start')).toBeNull();
    });

    it('confirms the shown candidate and shows the view Accord answers with', async () => {
        getRecordView.mockResolvedValueOnce(reply(RECORD_VIEW)).mockResolvedValue(reply(RECORD_VIEW_CONFIRMED));
        decideMatch.mockResolvedValue(reply(RECORD_VIEW_CONFIRMED));
        const element = await mount();

        $(element, 'lightning-button.confirm').click();
        await flushPromises();

        expect(decideMatch).toHaveBeenCalledWith({
            objectApiName: 'Account',
            recordId: RECORD_ID,
            decision: 'confirm',
            referenceId: 'ref_co_123'
        });
        expect($(element, 'lightning-badge.band').label).toBe('Confident match · 82%');
        expect($(element, '.decided').textContent).toBe('Confirmed by a person');
        expect($(element, 'lightning-button.enrich-start')).not.toBeNull();
    });

    it('picks another candidate, or none of them', async () => {
        getRecordView.mockResolvedValue(reply(RECORD_VIEW));
        decideMatch.mockResolvedValue(reply(RECORD_VIEW));
        const element = await mount();

        $(element, 'lightning-button.pick').click();
        await flushPromises();
        $(element, 'lightning-button.none').click();
        await flushPromises();

        expect(decideMatch.mock.calls[0][0]).toMatchObject({ decision: 'pick', referenceId: 'ref_co_456' });
        expect(decideMatch.mock.calls[1][0]).toMatchObject({ decision: 'none', referenceId: null });
    });

    it('enriches only after the cost is confirmed, then refreshes the record and offers undo', async () => {
        getRecordView
            .mockResolvedValueOnce(reply(RECORD_VIEW_CONFIRMED))
            .mockResolvedValue(reply(RECORD_VIEW_ENRICHED));
        enrichRecord.mockResolvedValue(reply(ENRICH_RESULT));
        const element = await mount();
        const refreshed = jest.fn();
        element.addEventListener('lightning__refresh', refreshed);

        $(element, 'lightning-button.enrich-start').click();
        await flushPromises();
        expect(enrichRecord).not.toHaveBeenCalled();
        expect($(element, '.confirm-cost p').textContent).toBe('Accord will make the changes above and use 1 credit.');

        $(element, 'lightning-button.enrich-confirm').click();
        await flushPromises();

        const sent = enrichRecord.mock.calls[0][0];
        expect(sent).toMatchObject({ objectApiName: 'Account', recordId: RECORD_ID, expectedCost: 1 });
        expect(sent.idempotencyKey).toMatch(KEY_PATTERN);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
        expect(refreshed).toHaveBeenCalledTimes(1);
        expect(getRecordView).toHaveBeenCalledTimes(2);
        expect($(element, '.enriched').textContent).toBe('Accord updated 2 fields for 1 credit. 99 credits left.');
        expect($(element, 'lightning-button.undo')).not.toBeNull();
        expect($(element, '.confirm-cost')).toBeNull();
    });

    it('tries a failed enrichment again with the same idempotency key', async () => {
        getRecordView.mockResolvedValue(reply(RECORD_VIEW_CONFIRMED));
        enrichRecord
            .mockRejectedValueOnce(accordApexError('NOT_READY', 'Accord could not be reached: Read timed out'))
            .mockResolvedValue(reply(ENRICH_RESULT));
        const element = await mount();

        await enrichAndConfirm(element);

        const panel = $(element, 'c-accord-error-panel.action-error');
        expect(panel.retryable).toBe(true);
        panel.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(enrichRecord).toHaveBeenCalledTimes(2);
        expect(enrichRecord.mock.calls[1][0].idempotencyKey).toBe(enrichRecord.mock.calls[0][0].idempotencyKey);
        expect($(element, 'c-accord-error-panel.action-error').errors).toBeUndefined();
        expect($(element, '.enriched')).not.toBeNull();
    });

    it('starts a new action with a new key after a refusal, and reloads when the price moved', async () => {
        getRecordView.mockResolvedValue(reply(RECORD_VIEW_CONFIRMED));
        enrichRecord
            .mockRejectedValueOnce(accordApexError('CONFLICT', 'The enrichment would now cost more.'))
            .mockResolvedValue(reply(ENRICH_RESULT));
        const element = await mount();

        await enrichAndConfirm(element);

        expect($(element, 'c-accord-error-panel.action-error').retryable).toBe(false);
        expect(getRecordView).toHaveBeenCalledTimes(2);

        $(element, 'lightning-button.enrich-confirm').click();
        await flushPromises();
        expect(enrichRecord.mock.calls[1][0].idempotencyKey).not.toBe(enrichRecord.mock.calls[0][0].idempotencyKey);
    });

    it('undoes the last enrichment and says which fields were left alone', async () => {
        getRecordView
            .mockResolvedValueOnce(reply(RECORD_VIEW_ENRICHED))
            .mockResolvedValue(reply(RECORD_VIEW_CONFIRMED));
        undoEnrichment.mockResolvedValue(reply(UNDO_RESULT));
        const element = await mount();

        $(element, 'lightning-button.undo').click();
        await flushPromises();

        const sent = undoEnrichment.mock.calls[0][0];
        expect(sent).toMatchObject({ objectApiName: 'Account', recordId: RECORD_ID, enrichmentId: 'enr_789' });
        expect(sent.idempotencyKey).toMatch(KEY_PATTERN);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: RECORD_ID }]);
        expect($(element, '.undone').textContent).toBe('Undone: 1 field put back, 1 credit refunded.');
        expect($(element, '.undo-conflicts').textContent).toContain('NumberOfEmployees');
        expect($(element, 'lightning-button.undo')).toBeNull();
    });

    it('says the org is out of credits instead of offering to enrich', async () => {
        getRecordView.mockResolvedValue(reply(RECORD_VIEW_NO_CREDITS));
        const element = await mount();

        expect($(element, '.no-credits')).not.toBeNull();
        expect($(element, 'lightning-button.enrich-start')).toBeNull();
    });

    it('says the org is out of credits when Accord refuses the charge', async () => {
        getRecordView.mockResolvedValue(reply(RECORD_VIEW_CONFIRMED));
        enrichRecord.mockRejectedValue(accordApexError('INSUFFICIENT_CREDITS', 'Not enough credits.'));
        const element = await mount();

        await enrichAndConfirm(element);

        expect($(element, '.no-credits')).not.toBeNull();
    });

    it('offers to match again when there is no match', async () => {
        getRecordView.mockResolvedValue(reply(RECORD_VIEW_NO_MATCH));
        rematch.mockResolvedValue(reply(RECORD_VIEW_NO_MATCH));
        const element = await mount('Lead', '00Q000000000001AAA');

        expect($(element, 'lightning-badge.band').label).toBe('No match');
        expect($(element, '.no-match')).not.toBeNull();
        expect($(element, 'lightning-button.none')).toBeNull();
        expect($(element, 'c-accord-change-list')).toBeNull();

        $(element, 'lightning-button.rematch').click();
        await flushPromises();
        expect(rematch).toHaveBeenCalledWith({ objectApiName: 'Lead', recordId: '00Q000000000001AAA' });
    });

    it('tells a person without access to ask for the permission set', async () => {
        getRecordView.mockRejectedValue(accordApexError('FORBIDDEN', 'You do not have permission to do this.'));
        const element = await mount();

        expect($(element, '.no-permission').textContent).toContain('You do not have permission to do this.');
        expect($(element, 'c-accord-error-panel.load-error')).toBeNull();
    });

    it("says Accord is not connected when the org's API key is refused", async () => {
        getRecordView.mockRejectedValue(accordApexError('SIGNATURE_INVALID', 'The API key is not valid.'));
        const element = await mount();

        expect($(element, '.not-connected')).not.toBeNull();
        expect($(element, '.no-permission')).toBeNull();
        expect($(element, 'c-accord-error-panel.load-error')).toBeNull();
    });

    it('shows a load failure and loads again on "Try again"', async () => {
        getRecordView
            .mockRejectedValueOnce(accordApexError('INTERNAL', 'Something went wrong on our side.'))
            .mockResolvedValue(reply(RECORD_VIEW));
        const element = await mount();

        const panel = $(element, 'c-accord-error-panel.load-error');
        expect(panel.retryable).toBe(true);
        expect(panel.errors).toEqual(accordApexError('INTERNAL', 'Something went wrong on our side.'));
        panel.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect($(element, 'c-accord-error-panel.load-error')).toBeNull();
        expect($(element, '.candidate').textContent).toBe('Acme Pty Ltd');
    });

    it('keeps only the newest answer when loads overlap', async () => {
        let answerFirst;
        getRecordView
            .mockReturnValueOnce(
                new Promise((resolve) => {
                    answerFirst = resolve;
                })
            )
            .mockResolvedValueOnce(reply(RECORD_VIEW_CONFIRMED));
        const element = createElement('c-accord-match', { is: AccordMatch });
        element.objectApiName = 'Account';
        element.recordId = RECORD_ID;
        document.body.appendChild(element);
        $(element, 'lightning-button-icon.reload').click();
        await flushPromises();
        answerFirst(reply(RECORD_VIEW));
        await flushPromises();

        expect($(element, '.decided').textContent).toBe('Confirmed by a person');
    });
});
