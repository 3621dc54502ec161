import { LightningElement } from 'lwc';
import listAgents from '@salesforce/apex/AccordAgentController.listAgents';
import createAgent from '@salesforce/apex/AccordAgentController.createAgent';
import pauseAgent from '@salesforce/apex/AccordAgentController.pauseAgent';
import resumeAgent from '@salesforce/apex/AccordAgentController.resumeAgent';
import { parseReply } from 'c/accordUtils';
import { OBJECT_LABELS, TYPE_LABELS, isChoiceComplete, isWholeNumberIn, withField } from 'c/accordRecordChoice';

const SELECTION_OPTIONS = [
    { label: 'Never enriched by Accord', value: 'never_enriched' },
    { label: 'Changed since the last run', value: 'changed_since_last_run' },
    { label: 'From a list view', value: 'segment' }
];
const FIRST_FORM = {
    name: '',
    objectName: 'Account',
    type: 'enrich',
    selection: 'never_enriched',
    segmentId: '',
    everyHours: 24,
    canarySize: 0
};

function describeSelection(selection) {
    if (selection.by === 'segment') {
        return `in list view ${selection.segmentId}`;
    }
    return selection.by === 'never_enriched' ? 'never enriched' : 'changed since the last run';
}

/** The last run's batch, and why the last run failed when it did (the batch before it is still shown). */
function describeLastRun(agent) {
    const batch = agent.lastBatchId || 'None yet';
    return agent.lastError ? `${batch} · last run failed: ${agent.lastError}` : batch;
}

function describeEvery(hours) {
    if (hours === 1) {
        return 'Every hour';
    }
    if (hours % 24 === 0) {
        return hours === 24 ? 'Every day' : `Every ${hours / 24} days`;
    }
    return `Every ${hours} hours`;
}

/** Timestamps in UTC, so every admin reads the same time. */
function formatUtc(iso) {
    const utc = new Date(iso).toISOString();
    return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}

/**
 * Agents: batches an admin scheduled. The list (what each selects, how often, next run, last batch, enabled), a form
 * to add one, and pause/resume. Their runs' batches show up on the batches page like any other. Shown to holders of
 * Accord_Approve_Batches only; AccordAgentController checks it again.
 */
export default class AccordAgents extends LightningElement {
    /** shared Agent[] */
    agents;
    loadError;
    actionError;
    busy = false;
    form = { ...FIRST_FORM };

    selectionOptions = SELECTION_OPTIONS;

    connectedCallback() {
        this.load();
    }

    async load() {
        try {
            this.agents = parseReply(await listAgents()).items;
            this.loadError = undefined;
        } catch (error) {
            this.loadError = error;
        }
    }

    handleReload() {
        this.load();
    }

    get isLoading() {
        return !this.agents && !this.loadError;
    }

    get hasAgents() {
        return !!this.agents && this.agents.length > 0;
    }

    get isEmpty() {
        return !!this.agents && this.agents.length === 0;
    }

    get rows() {
        return this.agents.map((agent) => ({
            id: agent.id,
            name: agent.name,
            target: `${TYPE_LABELS[agent.type]}: ${OBJECT_LABELS[agent.object] || agent.object} ${describeSelection(agent.selection)}`,
            every: describeEvery(agent.everyHours),
            nextRun: agent.enabled ? formatUtc(agent.nextRunAt) : '—',
            lastBatch: describeLastRun(agent),
            stateLabel: agent.enabled ? 'Enabled' : 'Paused',
            toggleLabel: agent.enabled ? 'Pause' : 'Resume'
        }));
    }

    get cannotCreate() {
        const { name, everyHours, canarySize } = this.form;
        const numbersOk = isWholeNumberIn(everyHours, 1, 744) && isWholeNumberIn(canarySize, 0, 1000);
        return this.busy || name.trim() === '' || !numbersOk || !isChoiceComplete(this.form);
    }

    handleFieldChange(event) {
        const field = event.target.dataset.field;
        const raw = event.detail.value;
        this.form = { ...this.form, [field]: field === 'name' ? String(raw ?? '') : Number(raw) };
    }

    handleChoiceChange(event) {
        this.form = withField(this.form, event.detail.field, event.detail.value);
    }

    async handleCreate() {
        const { name, objectName, type, selection, segmentId, everyHours, canarySize } = this.form;
        const request = { name: name.trim(), object: objectName, type, selection, everyHours, canarySize };
        if (selection === 'segment') {
            request.segmentId = segmentId;
        }
        await this.act(async () => {
            const created = parseReply(await createAgent({ request: JSON.stringify(request) }));
            this.agents = [created, ...this.agents.filter((agent) => agent.id !== created.id)];
            this.form = { ...FIRST_FORM };
        });
    }

    async handleToggle(event) {
        const agentId = event.target.dataset.id;
        const agent = this.agents.find((item) => item.id === agentId);
        await this.act(async () => {
            const updated = parseReply(await (agent.enabled ? pauseAgent : resumeAgent)({ agentId }));
            this.agents = this.agents.map((item) => (item.id === updated.id ? updated : item));
        });
    }

    /** Pausing and resuming are idempotent (PUT); a refused creation keeps the form so the admin can correct it. */
    async act(task) {
        this.busy = true;
        this.actionError = undefined;
        try {
            await task();
        } catch (error) {
            this.actionError = error;
        } finally {
            this.busy = false;
        }
    }
}
