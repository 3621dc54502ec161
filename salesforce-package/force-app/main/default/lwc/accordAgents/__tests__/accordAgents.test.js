import { createElement } from '@lwc/engine-dom';
import AccordAgents from 'c/accordAgents';
import listAgents from '@salesforce/apex/AccordAgentController.listAgents';
import createAgent from '@salesforce/apex/AccordAgentController.createAgent';
import pauseAgent from '@salesforce/apex/AccordAgentController.pauseAgent';
import resumeAgent from '@salesforce/apex/AccordAgentController.resumeAgent';
import { accordApexError, deepQuery, enter, flushPromises } from 'accord-test-utils';

const AGENT_LIST = require('./data/agentListReply.json');
const AGENT_PAUSED = require('./data/agent.paused.json');
const AGENT_CREATED = require('./data/agent.created.json');

jest.mock('@salesforce/apex/AccordAgentController.listAgents', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordAgentController.createAgent', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordAgentController.pauseAgent', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/AccordAgentController.resumeAgent', () => ({ default: jest.fn() }), { virtual: true });

const reply = (fixture) => JSON.stringify(fixture);
/** Form fields may sit in c-accord-record-fields. */
const $ = deepQuery;
const $$ = (root, selector) => Array.from(root.shadowRoot.querySelectorAll(selector));
const rowsOf = (element) =>
    $$(element, 'tr.agent').map((row) =>
        Array.from(row.querySelectorAll('td')).map(
            (cell) =>
                cell.querySelector('lightning-badge')?.label ??
                cell.querySelector('lightning-button')?.label ??
                cell.textContent
        )
    );

async function mount() {
    const element = createElement('c-accord-agents', { is: AccordAgents });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

describe('c-accord-agents', () => {
    beforeEach(() => {
        listAgents.mockResolvedValue(reply(AGENT_LIST));
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists each agent: name, what it selects, how often, next run, last batch (and why the last run failed), and whether it runs', async () => {
        const element = await mount();

        expect(rowsOf(element)).toEqual([
            [
                'Nightly Accounts',
                'Enrich records: Accounts never enriched',
                'Every day',
                '2026-11-28 02:00 UTC',
                'bat_running · last run failed: CRM_UNAVAILABLE: Salesforce did not answer.',
                'Enabled',
                'Pause'
            ],
            [
                'Trade show Accounts',
                'Create missing contacts: Accounts in list view 00B5g00000AbCdE',
                'Every 6 hours',
                '—',
                'None yet',
                'Paused',
                'Resume'
            ]
        ]);
    });

    it('says when there are no agents', async () => {
        listAgents.mockResolvedValue(reply({ items: [] }));
        const element = await mount();

        expect($(element, '.no-agents')).not.toBeNull();
        expect($(element, 'table.agents')).toBeNull();
    });

    it('pauses an agent and shows it paused', async () => {
        pauseAgent.mockResolvedValue(reply(AGENT_PAUSED));
        const element = await mount();

        $(element, 'lightning-button.toggle[data-id="agt_nightly"]').click();
        await flushPromises();

        expect(pauseAgent).toHaveBeenCalledWith({ agentId: 'agt_nightly' });
        expect(resumeAgent).not.toHaveBeenCalled();
        expect(rowsOf(element)[0].slice(5)).toEqual(['Paused', 'Resume']);
    });

    it('resumes a paused agent', async () => {
        resumeAgent.mockResolvedValue(reply({ ...AGENT_LIST.items[1], enabled: true }));
        const element = await mount();

        $(element, 'lightning-button.toggle[data-id="agt_list"]').click();
        await flushPromises();

        expect(resumeAgent).toHaveBeenCalledWith({ agentId: 'agt_list' });
        expect(rowsOf(element)[1].slice(5)).toEqual(['Enabled', 'Pause']);
    });

    it("shows the backend's refusal and keeps the agent as it was", async () => {
        const refusal = accordApexError(
            'FORBIDDEN',
            'Approving and running batches needs the Accord Approve Batches permission.'
        );
        pauseAgent.mockRejectedValue(refusal);
        const element = await mount();

        $(element, 'lightning-button.toggle[data-id="agt_nightly"]').click();
        await flushPromises();

        expect($(element, 'c-accord-error-panel.action-error').errors).toEqual(refusal);
        expect(rowsOf(element)[0][5]).toBe('Enabled');
    });

    it('creates an agent from the form, sends what was entered and lists it first', async () => {
        createAgent.mockResolvedValue(reply(AGENT_CREATED));
        const element = await mount();
        expect($(element, 'lightning-button.create').disabled).toBe(true);

        await enter(element, 'lightning-input.name', 'Leads changed');
        await enter(element, 'lightning-combobox.object', 'Lead');
        await enter(element, 'lightning-combobox.selection', 'changed_since_last_run');
        await enter(element, 'lightning-input.every', '12');
        await enter(element, 'lightning-input.canary', '5');
        expect($(element, 'lightning-button.create').disabled).toBe(false);
        $(element, 'lightning-button.create').click();
        await flushPromises();

        expect(JSON.parse(createAgent.mock.calls[0][0].request)).toEqual({
            name: 'Leads changed',
            object: 'Lead',
            type: 'enrich',
            selection: 'changed_since_last_run',
            everyHours: 12,
            canarySize: 5
        });
        expect(rowsOf(element).map((row) => row[0])).toEqual([
            'Leads changed',
            'Nightly Accounts',
            'Trade show Accounts'
        ]);
        expect($(element, 'lightning-input.name').value).toBe('');
    });

    it('offers "Create missing contacts" for Accounts only and sends a list view id', async () => {
        createAgent.mockResolvedValue(reply(AGENT_CREATED));
        const element = await mount();
        const typeValues = () => $(element, 'lightning-combobox.type').options.map((option) => option.value);
        expect(typeValues()).toEqual(['enrich', 'create_people']);

        await enter(element, 'lightning-combobox.type', 'create_people');
        await enter(element, 'lightning-combobox.object', 'Contact');
        expect(typeValues()).toEqual(['enrich']);
        expect($(element, 'lightning-combobox.type').value).toBe('enrich');

        await enter(element, 'lightning-combobox.object', 'Account');
        await enter(element, 'lightning-combobox.type', 'create_people');
        await enter(element, 'lightning-input.name', 'From the list');
        await enter(element, 'lightning-combobox.selection', 'segment');
        await enter(element, 'lightning-input.segment', '00B5g00000AbCdE');
        $(element, 'lightning-button.create').click();
        await flushPromises();

        expect(JSON.parse(createAgent.mock.calls[0][0].request)).toMatchObject({
            object: 'Account',
            type: 'create_people',
            selection: 'segment',
            segmentId: '00B5g00000AbCdE'
        });
    });

    it('refuses a list view id the backend would refuse, before calling Apex', async () => {
        const element = await mount();

        await enter(element, 'lightning-input.name', 'Bad list');
        await enter(element, 'lightning-combobox.selection', 'segment');
        expect($(element, 'lightning-button.create').disabled).toBe(true);
        await enter(element, 'lightning-input.segment', 'list/../1');

        expect($(element, '.segment-invalid').textContent).toBe('A list view id is 1 to 64 letters, digits, - or _.');
        expect($(element, 'lightning-button.create').disabled).toBe(true);
        expect(createAgent).not.toHaveBeenCalled();
    });

    it('keeps the form when the backend refuses the agent', async () => {
        const refusal = accordApexError('VALIDATION_FAILED', 'Run an agent every 1 to 744 hours.');
        createAgent.mockRejectedValue(refusal);
        const element = await mount();

        await enter(element, 'lightning-input.name', 'Keep me');
        $(element, 'lightning-button.create').click();
        await flushPromises();

        expect($(element, 'c-accord-error-panel.action-error').errors).toEqual(refusal);
        expect($(element, 'lightning-input.name').value).toBe('Keep me');
        expect(rowsOf(element)).toHaveLength(2);
    });

    it('shows a load failure and loads again on "Try again"', async () => {
        listAgents.mockRejectedValueOnce(accordApexError('NOT_READY', 'Accord could not be reached: Read timed out'));
        const element = await mount();

        const panel = $(element, 'c-accord-error-panel.load-error');
        expect(panel.retryable).toBe(true);
        panel.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();

        expect($(element, 'c-accord-error-panel.load-error')).toBeNull();
        expect(rowsOf(element)).toHaveLength(2);
    });
});
