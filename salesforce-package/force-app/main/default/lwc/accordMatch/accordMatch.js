import { LightningElement, api } from 'lwc';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { RefreshEvent } from 'lightning/refresh';
import getRecordView from '@salesforce/apex/AccordRecordController.getRecordView';
import decideMatch from '@salesforce/apex/AccordRecordController.decideMatch';
import rematch from '@salesforce/apex/AccordRecordController.rematch';
import enrichRecord from '@salesforce/apex/AccordRecordController.enrichRecord';
import undoEnrichment from '@salesforce/apex/AccordRecordController.undoEnrichment';
import { errorCodeOf, reduceErrors } from 'c/accordErrors';
import { ActionKeys, BAND_LABELS, BLOCKED_LABELS, formatPercent, parseReply } from 'c/accordUtils';

/** The org's API key is missing or wrong: nothing a user can fix. */
const NOT_CONNECTED_CODES = new Set(['SIGNATURE_INVALID', 'UNAUTHENTICATED']);
const NO_CREDIT_CODES = new Set(['INSUFFICIENT_CREDITS', 'CAP_EXCEEDED']);
const DECIDED_LABELS = {
    model: 'Suggested by Accord',
    confirmed: 'Confirmed by a person',
    picked: 'Picked by a person',
    rejected: 'Rejected by a person'
};

/**
 * Accord on an Account, Contact or Lead page: the match and why, the other candidates, and "Enrich this record"
 * with its changes and cost, then the result and undo. The record view is the backend's `recordViewSchema`.
 */
export default class AccordMatch extends LightningElement {
    @api recordId;
    @api objectApiName;

    /** shared RecordView, once loaded */
    view;
    loadError;
    /** The last write's error and, when trying again makes sense, the function that does it. */
    actionError;
    retryAction;
    busy = false;
    confirming = false;
    /** shared EnrichResult of the enrichment just made */
    enrichment;
    /** shared UndoResult of the undo just made */
    undone;

    loadSequence = 0;
    keys = new ActionKeys();

    connectedCallback() {
        this.load();
    }

    async load() {
        const sequence = ++this.loadSequence;
        this.loadError = undefined;
        try {
            const reply = await getRecordView({ objectApiName: this.objectApiName, recordId: this.recordId });
            if (sequence === this.loadSequence) {
                this.view = parseReply(reply);
            }
        } catch (error) {
            // A newer load is in flight: its answer wins, this one is dropped.
            if (sequence === this.loadSequence) {
                this.loadError = error;
                this.view = undefined;
            }
        }
    }

    async runAction(name, call, onSuccess) {
        this.busy = true;
        this.actionError = undefined;
        this.retryAction = undefined;
        try {
            const reply = parseReply(await call(this.keys.keyFor(name, name)));
            this.keys.succeeded(name);
            await onSuccess(reply);
        } catch (error) {
            this.actionError = error;
            if (this.keys.failed(name, error)) {
                this.retryAction = () => this.runAction(name, call, onSuccess);
            } else if (errorCodeOf(error) === 'CONFLICT') {
                // The record or its price moved on since it was shown: show what holds now.
                this.load();
            }
        } finally {
            this.busy = false;
        }
    }

    /** Accord wrote to the record: tell Lightning Data Service and the page, then read Accord's view again. */
    async afterWrite() {
        await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        this.dispatchEvent(new RefreshEvent());
        await this.load();
    }

    decide(decision, referenceId) {
        const { objectApiName, recordId } = this;
        return this.runAction(
            'decide',
            () => decideMatch({ objectApiName, recordId, decision, referenceId }),
            async (view) => {
                this.view = view;
                await this.afterWrite();
            }
        );
    }

    handleConfirm() {
        this.decide('confirm', this.candidate.referenceId);
    }

    handleReject() {
        this.decide('reject', this.candidate.referenceId);
    }

    handlePick(event) {
        this.decide('pick', event.target.dataset.referenceId);
    }

    handleNone() {
        this.decide('none', null);
    }

    handleRematch() {
        const { objectApiName, recordId } = this;
        this.runAction(
            'rematch',
            () => rematch({ objectApiName, recordId }),
            (view) => {
                this.view = view;
            }
        );
    }

    handleEnrichStart() {
        this.confirming = true;
        this.enrichment = undefined;
        this.undone = undefined;
    }

    handleEnrichCancel() {
        this.confirming = false;
    }

    handleEnrichConfirm() {
        const { objectApiName, recordId } = this;
        const expectedCost = this.preview.cost;
        this.runAction(
            'enrich',
            (idempotencyKey) => enrichRecord({ objectApiName, recordId, idempotencyKey, expectedCost }),
            async (result) => {
                this.confirming = false;
                this.enrichment = result;
                await this.afterWrite();
            }
        );
    }

    handleUndo() {
        const { objectApiName, recordId } = this;
        const enrichmentId = this.undoable.enrichmentId;
        this.runAction(
            'undo',
            (idempotencyKey) => undoEnrichment({ objectApiName, recordId, enrichmentId, idempotencyKey }),
            async (result) => {
                this.undone = result;
                this.enrichment = undefined;
                await this.afterWrite();
            }
        );
    }

    handleRetryAction() {
        if (this.retryAction) {
            this.retryAction();
        }
    }

    handleReload() {
        this.load();
    }

    // ---- what the template shows ----

    get isLoading() {
        return !this.view && !this.loadError;
    }

    get isForbidden() {
        return errorCodeOf(this.loadError) === 'FORBIDDEN';
    }

    get isNotConnected() {
        return NOT_CONNECTED_CODES.has(errorCodeOf(this.loadError));
    }

    get forbiddenMessage() {
        return reduceErrors(this.loadError)[0];
    }

    get showLoadError() {
        return !!this.loadError && !this.isForbidden && !this.isNotConnected;
    }

    get match() {
        return this.view.match;
    }

    get candidate() {
        return this.view && this.view.match.candidate;
    }

    get matchBadge() {
        const band = BAND_LABELS[this.match.band] || this.match.band;
        return this.candidate ? `${band} · ${formatPercent(this.match.confidence)}` : band;
    }

    get decidedLabel() {
        return DECIDED_LABELS[this.match.decidedBy] || this.match.decidedBy;
    }

    get canConfirm() {
        return !!this.candidate && this.match.decidedBy === 'model';
    }

    get runnersUp() {
        return this.match.runnersUp.map((candidate) => ({
            ...candidate,
            probabilityLabel: formatPercent(candidate.probability)
        }));
    }

    get hasRunnersUp() {
        return this.match.runnersUp.length > 0;
    }

    get canSayNone() {
        return !!this.candidate || this.hasRunnersUp;
    }

    get preview() {
        return this.view.preview;
    }

    get costLabel() {
        const cost = this.preview.cost;
        return `${cost} ${cost === 1 ? 'credit' : 'credits'}`;
    }

    get availableLabel() {
        return `${this.view.credits.available} available`;
    }

    get blockedMessage() {
        const blockedBy = this.preview && this.preview.blockedBy;
        return blockedBy ? BLOCKED_LABELS[blockedBy] || blockedBy : null;
    }

    get isOutOfCredits() {
        const blockedBy = this.preview && this.preview.blockedBy;
        return NO_CREDIT_CODES.has(blockedBy) || NO_CREDIT_CODES.has(errorCodeOf(this.actionError));
    }

    get canEnrich() {
        return !!this.preview && !this.preview.blockedBy && !this.confirming;
    }

    /** The newest enrichment still standing, which undo would revert. */
    get undoable() {
        if (this.enrichment && this.enrichment.enrichment.state === 'written') {
            return this.enrichment.enrichment;
        }
        return this.view ? this.view.history.find((item) => item.state === 'written') : undefined;
    }

    get enrichmentSummary() {
        const { enrichment, credits } = this.enrichment;
        return `Accord updated ${enrichment.writes.length} ${enrichment.writes.length === 1 ? 'field' : 'fields'} for ${enrichment.credits} ${enrichment.credits === 1 ? 'credit' : 'credits'}. ${credits.available} credits left.`;
    }

    get undoSummary() {
        const { reverted, refunded } = this.undone;
        return `Undone: ${reverted.length} ${reverted.length === 1 ? 'field' : 'fields'} put back, ${refunded} ${refunded === 1 ? 'credit' : 'credits'} refunded.`;
    }

    get undoConflicts() {
        return this.undone.conflicts.map((conflict) => conflict.field).join(', ');
    }

    get actionRetryable() {
        return !!this.retryAction;
    }
}
