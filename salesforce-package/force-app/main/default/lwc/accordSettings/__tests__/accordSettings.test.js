import { createElement } from '@lwc/engine-dom';
import AccordSettings, { draftOf, updateOf } from 'c/accordSettings';
import updateSettings from '@salesforce/apex/AccordBatchController.updateSettings';
import { accordApexError, enter, flushPromises } from 'accord-test-utils';

jest.mock('@salesforce/apex/AccordBatchController.updateSettings', () => ({ default: jest.fn() }), { virtual: true });

const settings = () => ({
    autoApplyThreshold: 0.9,
    reviewThreshold: 0.5,
    rateLimitSharePercent: 50,
    defaultCountry: 'AU',
    credits: { monthlyCap: 500, perUserDailyCap: 50, perBatchCap: null },
    fieldPolicies: [
        { object: 'Account', field: 'Industry', label: 'Industry', policy: 'fill-empty' },
        { object: 'Account', field: 'Phone', label: 'Account Phone', policy: 'overwrite' }
    ],
    admins: ['005xx0000012345'],
    autoEnrich: { recordsPerDay: 0, monthlyCredits: null }
});

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function mount(value = settings()) {
    const element = createElement('c-accord-settings', { is: AccordSettings });
    element.settings = value;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

describe('c-accord-settings', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the current settings, and nothing to save until something changes', async () => {
        const element = await mount();
        expect($(element, 'lightning-input.auto').value).toBe(0.9);
        expect($(element, 'lightning-input.rate-share').value).toBe(50);
        expect($(element, 'lightning-input.cap-monthly').value).toBe('500');
        expect($(element, 'lightning-input.cap-batch').value).toBe('');
        const rows = Array.from(element.shadowRoot.querySelectorAll('tr.policy')).map((row) => [
            row.querySelector('td').textContent,
            row.querySelectorAll('td')[1].textContent,
            row.querySelector('lightning-combobox').value
        ]);
        expect(rows).toEqual([
            ['Account', 'Industry', 'fill-empty'],
            ['Account', 'Account Phone', 'overwrite']
        ]);
        expect($(element, 'lightning-button.save').disabled).toBe(true);
    });

    it('saves only what changed, a cleared cap as null, and tells the page the saved settings', async () => {
        const saved = {
            ...settings(),
            rateLimitSharePercent: 30,
            credits: { monthlyCap: null, perUserDailyCap: 50, perBatchCap: null }
        };
        updateSettings.mockResolvedValue(JSON.stringify(saved));
        const element = await mount();
        const onSaved = jest.fn();
        element.addEventListener('saved', onSaved);
        await enter(element, 'lightning-input.rate-share', '30');
        await enter(element, 'lightning-input.cap-monthly', '');
        await enter(element, 'lightning-combobox[data-key="Account:Phone"]', 'never');
        $(element, 'lightning-button.save').click();
        await flushPromises();

        expect(JSON.parse(updateSettings.mock.calls[0][0].request)).toEqual({
            rateLimitSharePercent: 30,
            credits: { monthlyCap: null },
            fieldPolicies: [{ object: 'Account', field: 'Phone', policy: 'never' }]
        });
        expect(onSaved.mock.calls[0][0].detail).toEqual(saved);
        expect($(element, '.saved').textContent).toBe('Saved.');
    });

    it('refuses a review threshold at or above the auto-apply one without calling Apex', async () => {
        const element = await mount();
        await enter(element, 'lightning-input.review', '0.95');
        expect($(element, '.problem').textContent).toBe('The review threshold must be below the auto-apply threshold.');
        expect($(element, 'lightning-button.save').disabled).toBe(true);
        expect(updateSettings).not.toHaveBeenCalled();
    });

    it("shows Accord's refusal and keeps the admin's edits", async () => {
        const refusal = accordApexError('FORBIDDEN', 'Changing settings needs the Accord Admin permission set.');
        updateSettings.mockRejectedValue(refusal);
        const element = await mount();
        await enter(element, 'lightning-input.cap-batch', '200');
        $(element, 'lightning-button.save').click();
        await flushPromises();
        expect($(element, 'c-accord-error-panel.save-error').errors).toEqual(refusal);
        expect($(element, 'lightning-input.cap-batch').value).toBe('200');
        expect($(element, 'lightning-button.save').disabled).toBe(false);
    });
});

describe('settings update', () => {
    const current = settings();
    const change = (edits) => updateOf(current, { ...draftOf(current), ...edits });

    it.each([
        ['caps typed with thousands separators', { perUserDailyCap: '1,500' }, { credits: { perUserDailyCap: 1500 } }],
        [
            'automatic enrichment turned on within a monthly budget',
            { autoEnrichRecordsPerDay: 200, autoEnrichMonthlyCredits: '3000' },
            { autoEnrich: { recordsPerDay: 200, monthlyCredits: 3000 } }
        ],
        [
            'thresholds',
            { autoApplyThreshold: 0.97, reviewThreshold: 0.6 },
            { autoApplyThreshold: 0.97, reviewThreshold: 0.6 }
        ],
        ['nothing when nothing changed', {}, {}]
    ])('sends %s', (_name, edits, update) => {
        expect(change(edits)).toEqual({ update });
    });

    it.each([
        [
            'a cap that is not whole',
            { perBatchCap: '12.5' },
            'The per-batch cap must be a whole number of credits, or blank for no cap.'
        ],
        ['a rate share over 100%', { rateLimitSharePercent: 150 }, 'Accord may use 1% to 100% of the API limits.'],
        ['an empty rate share', { rateLimitSharePercent: NaN }, 'Accord may use 1% to 100% of the API limits.'],
        [
            'an auto-apply threshold below 0.5',
            { autoApplyThreshold: 0.4, reviewThreshold: 0.3 },
            'The auto-apply threshold is from 0.5 to 1.'
        ],
        ['too many records a day', { autoEnrichRecordsPerDay: 2000000 }, 'Allow 0 to 1,000,000 records a day.']
    ])('refuses %s', (_name, edits, problem) => {
        expect(change(edits)).toEqual({ problem });
    });
});
