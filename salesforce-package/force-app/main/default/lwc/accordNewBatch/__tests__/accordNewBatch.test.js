import { createElement } from '@lwc/engine-dom';
import AccordNewBatch from 'c/accordNewBatch';
import createBatch from '@salesforce/apex/AccordBatchController.createBatch';
import { accordApexError, deepQuery, enter, flushPromises } from 'accord-test-utils';

const DRAFT = require('./data/batch.draft.json');
const NEVER_ENRICHED = require('./data/createBatchRequest.neverEnriched.json');
const MODIFIED_SINCE = require('./data/createBatchRequest.modifiedSince.json');
const SEGMENT = require('./data/createBatchRequest.segment.json');

jest.mock('@salesforce/apex/AccordBatchController.createBatch', () => ({ default: jest.fn() }), { virtual: true });

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/** 30 days after MODIFIED_SINCE's `since`. */
const NOW = Date.parse('2026-11-28T12:00:00.000Z');
/** Form fields may sit in c-accord-record-fields. */
const $ = deepQuery;

async function mount() {
    const element = createElement('c-accord-new-batch', { is: AccordNewBatch });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

async function create(element) {
    $(element, 'lightning-button.create').click();
    await flushPromises();
}

/** What Apex received, with the key checked and set aside (the fixtures hold one of their own). */
function sentRequest(call = 0) {
    const request = JSON.parse(createBatch.mock.calls[call][0].request);
    expect(request.idempotencyKey).toMatch(KEY_PATTERN);
    return { ...request, idempotencyKey: 'sf-batch-fixture-0001' };
}

describe('c-accord-new-batch', () => {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(NOW);
        createBatch.mockResolvedValue(JSON.stringify(DRAFT));
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.restoreAllMocks();
        jest.clearAllMocks();
    });

    it('sends records never enriched, with the default canary and no limits', async () => {
        const element = await mount();

        await enter(element, 'lightning-combobox.object', 'Lead');
        await create(element);

        expect(sentRequest()).toEqual(NEVER_ENRICHED);
    });

    it('sends "changed in the last 30 days" as the time 30 days ago, with the limits entered', async () => {
        const element = await mount();

        await enter(element, 'lightning-combobox.object', 'Contact');
        await enter(element, 'lightning-combobox.selection', 'modified_last_30_days');
        await enter(element, 'lightning-input.canary', '0');
        await enter(element, 'lightning-input.pace', '600');
        await enter(element, 'lightning-input.max-credits', '5000');
        await create(element);

        expect(sentRequest()).toEqual(MODIFIED_SINCE);
    });

    it('sends a list view for "Create missing contacts" of Accounts', async () => {
        const element = await mount();

        await enter(element, 'lightning-combobox.type', 'create_people');
        await enter(element, 'lightning-combobox.selection', 'segment');
        expect($(element, 'lightning-button.create').disabled).toBe(true);
        await enter(element, 'lightning-input.segment', '00B5g00000AbCdE');
        await enter(element, 'lightning-input.canary', '10');
        await create(element);

        expect(sentRequest()).toEqual(SEGMENT);
    });

    it('offers "Create missing contacts" for Accounts only', async () => {
        const element = await mount();
        const typeValues = () => $(element, 'lightning-combobox.type').options.map((option) => option.value);
        expect(typeValues()).toEqual(['enrich', 'create_people']);

        await enter(element, 'lightning-combobox.type', 'create_people');
        await enter(element, 'lightning-combobox.object', 'Lead');

        expect(typeValues()).toEqual(['enrich']);
        expect($(element, 'lightning-combobox.type').value).toBe('enrich');
    });

    it('refuses what the backend would refuse, before calling Apex', async () => {
        const element = await mount();
        const createDisabled = () => $(element, 'lightning-button.create').disabled;
        expect(createDisabled()).toBe(false);

        await enter(element, 'lightning-combobox.selection', 'segment');
        await enter(element, 'lightning-input.segment', 'list/../1');
        expect($(element, '.segment-invalid').textContent).toBe('A list view id is 1 to 64 letters, digits, - or _.');
        expect(createDisabled()).toBe(true);

        await enter(element, 'lightning-combobox.selection', 'never_enriched');
        for (const [field, value] of [
            ['canary', '1001'],
            ['canary', ''],
            ['pace', '0'],
            ['max-credits', '1.5']
        ]) {
            await enter(element, `lightning-input.${field}`, value);
            expect(createDisabled()).toBe(true);
            await enter(element, `lightning-input.${field}`, field === 'canary' ? '25' : '');
            expect(createDisabled()).toBe(false);
        }
        expect(createBatch).not.toHaveBeenCalled();
    });

    it('announces the new batch and clears the form', async () => {
        const element = await mount();
        const created = jest.fn();
        element.addEventListener('batchcreated', created);

        await enter(element, 'lightning-combobox.object', 'Lead');
        await create(element);

        expect(created).toHaveBeenCalledTimes(1);
        expect(created.mock.calls[0][0].detail.batch).toEqual(DRAFT);
        expect($(element, 'lightning-combobox.object').value).toBe('Account');
    });

    it('shows a refusal, keeps the form, and makes a new key for the next try', async () => {
        const refusal = accordApexError('VALIDATION_FAILED', 'No field mapping is set up for Lead.');
        createBatch.mockRejectedValueOnce(refusal);
        const element = await mount();
        const created = jest.fn();
        element.addEventListener('batchcreated', created);

        await enter(element, 'lightning-combobox.object', 'Lead');
        await create(element);

        const panel = $(element, 'c-accord-error-panel.action-error');
        expect(panel.errors).toEqual(refusal);
        expect(panel.retryable).toBe(false);
        expect($(element, 'lightning-combobox.object').value).toBe('Lead');
        expect(created).not.toHaveBeenCalled();

        await create(element);
        const keys = createBatch.mock.calls.map((call) => JSON.parse(call[0].request).idempotencyKey);
        expect(keys[1]).not.toBe(keys[0]);
        expect(created).toHaveBeenCalledTimes(1);
    });

    it('tries a failed creation again with the same request and key', async () => {
        createBatch.mockRejectedValueOnce(accordApexError('NOT_READY', 'Accord could not be reached: Read timed out'));
        const element = await mount();

        await enter(element, 'lightning-combobox.selection', 'modified_last_30_days');
        await create(element);
        const panel = $(element, 'c-accord-error-panel.action-error');
        expect(panel.retryable).toBe(true);
        Date.now.mockReturnValue(NOW + 60000);
        panel.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect(createBatch).toHaveBeenCalledTimes(2);
        expect(createBatch.mock.calls[1][0].request).toBe(createBatch.mock.calls[0][0].request);
        expect($(element, 'c-accord-error-panel.action-error').errors).toBeUndefined();
    });
});
