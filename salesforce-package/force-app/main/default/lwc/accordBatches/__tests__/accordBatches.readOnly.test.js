import { createElement } from '@lwc/engine-dom';
import AccordBatches from 'c/accordBatches';
import listBatches from '@salesforce/apex/AccordBatchController.listBatches';
import getCredits from '@salesforce/apex/AccordBatchController.getCredits';
import getSettings from '@salesforce/apex/AccordBatchController.getSettings';
import listAgents from '@salesforce/apex/AccordAgentController.listAgents';
import { flushPromises } from 'accord-test-utils';

const BATCH_LIST = require('./data/batchListReply.json');
const CREDITS = require('./data/creditsReply.json');

jest.mock('@salesforce/apex/AccordBatchController.listBatches', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.getCredits', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.runBatchAction', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordBatchController.getSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordAgentController.listAgents', () => ({ default: jest.fn() }), { virtual: true });
// The person does not hold the Custom Permission.
jest.mock('@salesforce/customPermission/Accord_Approve_Batches', () => ({ __esModule: true, default: undefined }), {
    virtual: true
});

describe('c-accord-batches without Accord_Approve_Batches', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows batches and credits but no action buttons', async () => {
        listBatches.mockResolvedValue(JSON.stringify(BATCH_LIST));
        getCredits.mockResolvedValue(JSON.stringify(CREDITS));
        const element = createElement('c-accord-batches', { is: AccordBatches });
        document.body.appendChild(element);
        await flushPromises();

        const cards = Array.from(element.shadowRoot.querySelectorAll('c-accord-batch-card'));
        expect(cards).toHaveLength(3);
        cards.forEach((card) => {
            expect(card.canApprove).toBe(false);
            expect(card.shadowRoot.querySelectorAll('lightning-button.action')).toHaveLength(0);
        });
        expect(element.shadowRoot.querySelector('.read-only')).not.toBeNull();
        expect(element.shadowRoot.querySelector('c-accord-credits')).not.toBeNull();
    });

    it('neither asks for the settings and agents nor shows them or the new-batch form', async () => {
        listBatches.mockResolvedValue(JSON.stringify(BATCH_LIST));
        getCredits.mockResolvedValue(JSON.stringify(CREDITS));
        const element = createElement('c-accord-batches', { is: AccordBatches });
        document.body.appendChild(element);
        await flushPromises();

        expect(getSettings).not.toHaveBeenCalled();
        expect(listAgents).not.toHaveBeenCalled();
        expect(element.shadowRoot.querySelector('c-accord-agents')).toBeNull();
        expect(element.shadowRoot.querySelector('c-accord-settings')).toBeNull();
        expect(element.shadowRoot.querySelector('c-accord-new-batch')).toBeNull();
        const credits = element.shadowRoot.querySelector('c-accord-credits');
        expect(credits.settings).toBeNull();
        expect(credits.shadowRoot.querySelector('.auto-enrich')).toBeNull();
    });
});
