import { createElement } from '@lwc/engine-dom';
import AccordBatches from 'c/accordBatches';
import listBatches from '@salesforce/apex/AccordBatchController.listBatches';
import getCredits from '@salesforce/apex/AccordBatchController.getCredits';
import getSettings from '@salesforce/apex/AccordBatchController.getSettings';
import listAgents from '@salesforce/apex/AccordAgentController.listAgents';
import { flushPromises } from 'accord-test-utils';

const CREATE_PEOPLE_LIST = require('./data/batchListReply.createPeople.json');
const CREDITS = require('./data/creditsReply.json');
const SETTINGS = require('./data/settings.json');

jest.mock('@salesforce/apex/AccordBatchController.listBatches', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.getCredits', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.getSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.runBatchAction', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordAgentController.listAgents', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/customPermission/Accord_Approve_Batches', () => ({ __esModule: true, default: true }), {
    virtual: true
});

const $ = (root, selector) => root.shadowRoot.querySelector(selector);
const $$ = (root, selector) => Array.from(root.shadowRoot.querySelectorAll(selector));

async function mountWith(settings) {
    listBatches.mockResolvedValue(JSON.stringify(CREATE_PEOPLE_LIST));
    getCredits.mockResolvedValue(JSON.stringify(CREDITS));
    getSettings.mockResolvedValue(JSON.stringify(settings));
    listAgents.mockResolvedValue(JSON.stringify({ items: [] }));
    const element = createElement('c-accord-batches', { is: AccordBatches });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const cardOf = (element, batchId) => $$(element, 'c-accord-batch-card').find((card) => card.batch.id === batchId);
const actionsOf = (card) => $$(card, 'lightning-button.action').map((button) => button.dataset.action);

describe('c-accord-batches: create-people batches, failed estimates, automatic enrichment', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('says how many contacts a create-people batch would create and how many the org has', async () => {
        const element = await mountWith(SETTINGS);

        const card = cardOf(element, 'bat_people');
        expect($(card, 'h3.title').textContent).toBe('Create missing contacts of Accounts (bat_people)');
        expect($(card, '.people').textContent).toBe('42 new contacts will be created, 7 are already in your CRM');
        expect($(card, '.field-changes-title').textContent).toBe('Fields set on the new contacts');
        expect($$(card, '.field-changes li').map((li) => li.textContent)).toEqual(['Title: 40', 'Email: 42']);
        expect(actionsOf(card)).toEqual(['approve', 'canary', 'reject']);
    });

    it('offers no undo for a completed create-people batch', async () => {
        const element = await mountWith(SETTINGS);

        expect(actionsOf(cardOf(element, 'bat_people_done'))).toEqual([]);
    });

    it('shows why the estimate failed, and nothing of the kind on the others', async () => {
        const element = await mountWith(SETTINGS);

        expect($(cardOf(element, 'bat_failed'), '.batch-error').textContent).toBe(
            'The estimate failed: The list view 00B5g00000XyZ does not exist or is not shared with Accord.'
        );
        expect($(cardOf(element, 'bat_people'), '.batch-error')).toBeNull();
        expect($(cardOf(element, 'bat_people'), '.people')).not.toBeNull();
        expect($(cardOf(element, 'bat_failed'), '.people')).toBeNull();
    });

    it('says when automatic enrichment is off, or has no monthly credit limit of its own', async () => {
        let element = await mountWith({ ...SETTINGS, autoEnrich: { recordsPerDay: 0, monthlyCredits: null } });
        expect($($(element, 'c-accord-credits'), '.auto-enrich').textContent).toBe(
            'Automatic enrichment is off: every batch waits for an admin.'
        );
        document.body.removeChild(element);

        element = await mountWith({ ...SETTINGS, autoEnrich: { recordsPerDay: 300, monthlyCredits: null } });
        expect($($(element, 'c-accord-credits'), '.auto-enrich').textContent).toBe(
            'Automatic enrichment: up to 300 records a day within the credit caps are approved without an admin.'
        );
    });
});
