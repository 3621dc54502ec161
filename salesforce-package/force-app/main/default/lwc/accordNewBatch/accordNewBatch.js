import { LightningElement } from 'lwc';
import createBatch from '@salesforce/apex/AccordBatchController.createBatch';
import { isRetryable } from 'c/accordErrors';
import { newIdempotencyKey, parseReply } from 'c/accordUtils';
import { isChoiceComplete, isWholeNumberIn, withField } from 'c/accordRecordChoice';

/** "Changed in the last 30 days" is sent as `modified_since` 30 days before the click, as the HubSpot page does. */
const SELECTION_OPTIONS = [
    { label: 'Never enriched by Accord', value: 'never_enriched' },
    { label: 'Changed in the last 30 days', value: 'modified_last_30_days' },
    { label: 'From a list view', value: 'segment' }
];
const DAY_MS = 24 * 60 * 60 * 1000;
/** Apex reads numbers as Integer. */
const MAX_INTEGER = 2147483647;
const FIRST_FORM = {
    objectName: 'Account',
    type: 'enrich',
    selection: 'never_enriched',
    segmentId: '',
    canarySize: 25,
    recordsPerMinute: null,
    maxCredits: null
};

function selectionOf(form, now) {
    if (form.selection === 'segment') {
        return { by: 'segment', segmentId: form.segmentId };
    }
    if (form.selection === 'modified_last_30_days') {
        return { by: 'modified_since', since: new Date(now - 30 * DAY_MS).toISOString() };
    }
    return { by: 'never_enriched' };
}

/** An empty number field is null: the optional limits are then not set. */
function numberOf(raw) {
    const text = String(raw ?? '').trim();
    return text === '' ? null : Number(text);
}

/**
 * The form that starts a batch: which records, what to do with them, how big a canary, and optional limits on pace
 * and credits. The backend creates it as a draft and estimates it; the page shows it (`batchcreated`) and polls until
 * it awaits approval. Shown to holders of Accord_Approve_Batches only; AccordBatchController checks it again.
 */
export default class AccordNewBatch extends LightningElement {
    form = { ...FIRST_FORM };
    busy = false;
    error;
    /** The request (shared CreateBatchRequest) of this submission, kept while trying again may help: same key, same body. */
    pending;

    selectionOptions = SELECTION_OPTIONS;

    get cannotCreate() {
        const { canarySize, recordsPerMinute, maxCredits } = this.form;
        const numbersOk =
            isWholeNumberIn(canarySize, 0, 1000) &&
            (recordsPerMinute === null || isWholeNumberIn(recordsPerMinute, 1, 100000)) &&
            (maxCredits === null || isWholeNumberIn(maxCredits, 0, MAX_INTEGER));
        return this.busy || !numbersOk || !isChoiceComplete(this.form);
    }

    get retryable() {
        return !!this.pending;
    }

    handleNumberChange(event) {
        this.setField(event.target.dataset.field, numberOf(event.detail.value));
    }

    handleChoiceChange(event) {
        this.setField(event.detail.field, event.detail.value);
    }

    setField(field, value) {
        this.form = withField(this.form, field, value);
        // A changed form is a new submission, with a key of its own.
        this.pending = undefined;
    }

    async handleCreate() {
        if (!this.pending) {
            const { objectName, type, canarySize, recordsPerMinute, maxCredits } = this.form;
            this.pending = {
                object: objectName,
                type,
                selection: selectionOf(this.form, Date.now()),
                canarySize,
                recordsPerMinute,
                maxCredits,
                idempotencyKey: newIdempotencyKey('batch')
            };
        }
        this.busy = true;
        this.error = undefined;
        try {
            const batch = parseReply(await createBatch({ request: JSON.stringify(this.pending) }));
            this.pending = undefined;
            this.form = { ...FIRST_FORM };
            this.dispatchEvent(new CustomEvent('batchcreated', { detail: { batch } }));
        } catch (error) {
            this.error = error;
            if (!isRetryable(error)) {
                this.pending = undefined;
            }
        } finally {
            this.busy = false;
        }
    }
}
