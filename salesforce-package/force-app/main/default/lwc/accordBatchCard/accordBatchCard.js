import { LightningElement, api } from 'lwc';
import { BAND_LABELS, formatDuration, formatPercent } from 'c/accordUtils';

/** Which actions a batch offers in each state (after the backend's transition table); the backend decides anyway. */
const ACTIONS_BY_STATE = {
    draft: ['reject'],
    awaiting_approval: ['approve', 'canary', 'reject'],
    approved: ['cancel'],
    running: ['pause', 'cancel'],
    paused: ['resume', 'cancel', 'undo'],
    completed: ['undo'],
    completed_with_errors: ['undo'],
    cancelled: ['undo']
};
const ACTION_BUTTONS = {
    approve: { label: 'Approve', variant: 'brand' },
    canary: { label: 'Run a canary first', variant: 'neutral' },
    reject: { label: 'Reject', variant: 'destructive-text' },
    pause: { label: 'Pause', variant: 'neutral' },
    resume: { label: 'Resume', variant: 'brand' },
    cancel: { label: 'Cancel', variant: 'destructive-text' },
    undo: { label: 'Undo the batch', variant: 'destructive-text' }
};
const STATE_LABELS = {
    draft: 'Draft',
    estimating: 'Estimating',
    awaiting_approval: 'Awaiting approval',
    approved: 'Approved',
    running: 'Running',
    paused: 'Paused',
    completed: 'Completed',
    completed_with_errors: 'Completed with errors',
    cancelled: 'Cancelled',
    rejected: 'Rejected',
    undoing: 'Undoing',
    undone: 'Undone'
};
const SAMPLE_SHOWN = 5;
/** Accord never deletes what it created: a create-people batch has no undo (the backend answers ILLEGAL_TRANSITION). */
const ACTIONS_NOT_OFFERED = { enrich: [], create_people: ['undo'] };

/** One batch: its estimate and sample while it waits for approval, its progress once it runs, and its actions. */
export default class AccordBatchCard extends LightningElement {
    /** shared Batch */
    @api batch;
    /** Holds Accord_Approve_Batches: only then are actions shown. */
    @api canApprove = false;
    @api busy = false;

    get title() {
        const what =
            this.batch.type === 'create_people'
                ? 'Create missing contacts of Accounts'
                : `Enrich: ${this.batch.kind === 'company' ? 'companies' : 'people'}`;
        return `${what} (${this.batch.id})`;
    }

    get stateLabel() {
        return STATE_LABELS[this.batch.state] || this.batch.state;
    }

    get estimate() {
        return this.batch.estimate;
    }

    get estimateLines() {
        const e = this.estimate;
        const lines = [
            { key: 'records', label: 'Records', value: `${e.records}` },
            {
                key: 'bands',
                label: 'Matches',
                value: `${e.byBand.auto} confident · ${e.byBand.review} to review · ${e.byBand.none} none`
            },
            { key: 'changing', label: 'Records that would change', value: `${e.recordsChanging}` },
            { key: 'credits', label: 'Credits', value: `${e.expectedCredits} expected, ${e.maxCredits} at most` },
            { key: 'balance', label: 'Balance', value: `${e.balance}` },
            { key: 'time', label: 'Expected time', value: formatDuration(e.expectedSeconds) }
        ];
        // A <dt> and a <dd> per line: each needs its own key in the list.
        return lines.map((line) => ({ ...line, labelKey: `${line.key}-label`, valueKey: `${line.key}-value` }));
    }

    get isCreatePeople() {
        return this.batch.type === 'create_people';
    }

    /** Create-people estimates say how many Contacts the run would create and how many the org already has. */
    get peopleLabel() {
        const people = this.estimate.people;
        if (!people) {
            return null;
        }
        const created = `${people.toCreate} new ${people.toCreate === 1 ? 'contact' : 'contacts'} will be created`;
        return `${created}, ${people.alreadyInCrm} ${people.alreadyInCrm === 1 ? 'is' : 'are'} already in your CRM`;
    }

    get fieldChangesTitle() {
        return this.isCreatePeople ? 'Fields set on the new contacts' : 'Fields that would change';
    }

    /** Why the last estimate failed (the batch went back to draft). */
    get error() {
        return this.batch.error || null;
    }

    get isOverCaps() {
        return !this.estimate.withinCaps;
    }

    get fieldChanges() {
        return this.estimate.fieldChanges.map((change) => ({
            key: change.field,
            text: `${change.field}: ${change.count}`
        }));
    }

    get sample() {
        return this.estimate.sample.slice(0, SAMPLE_SHOWN).map((item) => ({
            ...item,
            summary: `${item.recordId} · ${BAND_LABELS[item.band] || item.band} · ${formatPercent(item.confidence)}`
        }));
    }

    get hasSample() {
        return this.estimate.sample.length > 0;
    }

    get showProgress() {
        return this.batch.counts.total > 0 && this.batch.state !== 'awaiting_approval';
    }

    get progress() {
        const { done, total } = this.batch.counts;
        return total > 0 ? Math.round((done / total) * 100) : 0;
    }

    get countsLabel() {
        const c = this.batch.counts;
        return `${c.done} of ${c.total} done · ${c.changed} changed · ${c.skipped} skipped · ${c.failed} failed · ${c.review} to review · ${c.creditsSpent} credits spent`;
    }

    get actions() {
        if (!this.canApprove) {
            return [];
        }
        const notOffered = ACTIONS_NOT_OFFERED[this.batch.type] || [];
        const offered = (ACTIONS_BY_STATE[this.batch.state] || []).filter((action) => !notOffered.includes(action));
        return offered.map((action) => {
            const button = ACTION_BUTTONS[action];
            const label = action === 'canary' ? `Run ${this.batch.canarySize} records first` : button.label;
            return { action, label, variant: button.variant };
        });
    }

    get hasActions() {
        return this.actions.length > 0;
    }

    handleAction(event) {
        this.dispatchEvent(
            new CustomEvent('batchaction', {
                detail: { batchId: this.batch.id, action: event.target.dataset.action }
            })
        );
    }
}
