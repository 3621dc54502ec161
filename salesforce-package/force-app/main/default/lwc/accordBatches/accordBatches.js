import { LightningElement } from 'lwc';
import LightningConfirm from 'lightning/confirm';
import canApproveBatches from '@salesforce/customPermission/Accord_Approve_Batches';
import listBatches from '@salesforce/apex/AccordBatchController.listBatches';
import getCredits from '@salesforce/apex/AccordBatchController.getCredits';
import getSettings from '@salesforce/apex/AccordBatchController.getSettings';
import runBatchAction from '@salesforce/apex/AccordBatchController.runBatchAction';
import { ActionKeys, parseReply } from 'c/accordUtils';

/** States in which a batch changes without anyone acting: the page polls while one is in view. */
const MOVING_STATES = new Set(['estimating', 'approved', 'running', 'undoing']);
const POLL_MS = 15000;
/**
 * A draft without an error is about to be estimated and is followed; one older than this was left as a draft (its
 * estimate never started), and the page stops asking about it every 15 seconds.
 */
const DRAFT_FOLLOW_MS = 10 * 60 * 1000;
/** Actions that cannot be taken back from this page are confirmed first. */
const CONFIRMATIONS = {
    reject: 'Reject this batch? Its estimate is discarded and nothing is written.',
    cancel: 'Cancel this batch? Records already enriched stay enriched; the unspent reservation is released.',
    undo: 'Undo every enrichment of this batch? Fields people changed since Accord wrote them are left as they are.'
};

/**
 * The Accord admin page: batches awaiting approval (estimate, sample), the others with their progress, every
 * batch action for holders of Accord_Approve_Batches (Apex checks it again), the org's credits, and for those
 * holders the automatic-enrichment allowance, a form for a new batch (c-accord-new-batch), the agents
 * (c-accord-agents) and the settings (c-accord-settings).
 */
export default class AccordBatches extends LightningElement {
    /** shared Batch[], newest first */
    batches;
    /** shared CreditsReply */
    credits;
    /** shared Settings; admins only (the backend serves them to no one else), null otherwise */
    settings = null;
    loadError;
    actionError;
    retryAction;
    busyBatchId;

    keys = new ActionKeys();
    pollTimer;
    loadSequence = 0;

    get canApprove() {
        return !!canApproveBatches;
    }

    get isReadOnly() {
        return !this.canApprove;
    }

    connectedCallback() {
        this.load();
    }

    disconnectedCallback() {
        // A load still on its way is dropped, so it cannot start polling again.
        this.loadSequence++;
        clearTimeout(this.pollTimer);
    }

    async load() {
        const sequence = ++this.loadSequence;
        clearTimeout(this.pollTimer);
        try {
            const [batches, credits, settings] = await Promise.all([
                listBatches(),
                getCredits(),
                this.canApprove ? getSettings() : null
            ]);
            if (sequence !== this.loadSequence) {
                return;
            }
            this.batches = parseReply(batches).items;
            this.credits = parseReply(credits);
            this.settings = settings ? parseReply(settings) : null;
            this.loadError = undefined;
        } catch (error) {
            if (sequence === this.loadSequence) {
                this.loadError = error;
            }
        }
        if (sequence === this.loadSequence) {
            this.schedulePoll();
        }
    }

    schedulePoll() {
        clearTimeout(this.pollTimer);
        if (this.isMoving) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.pollTimer = setTimeout(() => this.load(), POLL_MS);
        }
    }

    /** Settings saved in c-accord-settings: the credits panel shows the new allowance at once. */
    handleSettingsSaved(event) {
        this.settings = event.detail;
    }

    /** A batch made with c-accord-new-batch goes on top; the poll follows it until it awaits approval. */
    handleBatchCreated(event) {
        const { batch } = event.detail;
        this.batches = [batch, ...(this.batches || []).filter((item) => item.id !== batch.id)];
        // A load on its way left before the batch existed: its list would drop it.
        this.loadSequence++;
        this.schedulePoll();
    }

    async handleBatchAction(event) {
        const { batchId, action } = event.detail;
        const message = CONFIRMATIONS[action];
        if (message && !(await LightningConfirm.open({ message, label: 'Accord', theme: 'warning' }))) {
            return;
        }
        await this.runAction(batchId, action);
    }

    async runAction(batchId, action) {
        const name = `${batchId}:${action}`;
        this.busyBatchId = batchId;
        this.actionError = undefined;
        this.retryAction = undefined;
        try {
            const idempotencyKey = this.keys.keyFor(name, action);
            const batch = parseReply(await runBatchAction({ batchId, action, idempotencyKey, reason: null }));
            this.keys.succeeded(name);
            this.batches = this.batches.map((item) => (item.id === batch.id ? batch : item));
            // Approving, cancelling and undoing move credits between balance and reservations.
            await this.load();
        } catch (error) {
            this.actionError = error;
            if (this.keys.failed(name, error)) {
                this.retryAction = () => this.runAction(batchId, action);
            }
        } finally {
            this.busyBatchId = undefined;
        }
    }

    handleRetryAction() {
        if (this.retryAction) {
            this.retryAction();
        }
    }

    handleReload() {
        this.load();
    }

    get isLoading() {
        return !this.batches && !this.loadError;
    }

    /** A draft without an error is a new batch the backend is about to estimate; one with an error stays a draft. */
    get isMoving() {
        return (this.batches || []).some(
            (batch) =>
                MOVING_STATES.has(batch.state) ||
                (batch.state === 'draft' && !batch.error && Date.now() - Date.parse(batch.createdAt) < DRAFT_FOLLOW_MS)
        );
    }

    /** Batches awaiting approval first (always shown, so "none" can be said), then the others if any. */
    get groups() {
        const awaiting = this.batches.filter((batch) => batch.state === 'awaiting_approval');
        const others = this.batches.filter((batch) => batch.state !== 'awaiting_approval');
        const groups = [
            { key: 'awaiting', title: 'Awaiting approval', items: this.decorate(awaiting, 'awaiting') },
            { key: 'other', title: 'Other batches', items: this.decorate(others, 'other') }
        ];
        groups[0].emptyText = awaiting.length === 0 ? 'No batch is waiting for approval.' : null;
        return others.length > 0 ? groups : groups.slice(0, 1);
    }

    get actionRetryable() {
        return !!this.retryAction;
    }

    decorate(batches, group) {
        return batches.map((batch) => ({ batch, id: batch.id, busy: batch.id === this.busyBatchId, cardClass: group }));
    }
}
