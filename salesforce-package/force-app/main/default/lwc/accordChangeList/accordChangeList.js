import { LightningElement, api } from 'lwc';
import { ACTION_LABELS, CHANGE_REASON_LABELS, formatValue } from 'c/accordUtils';

/** What an enrichment would do to each field: now, after, and why. */
export default class AccordChangeList extends LightningElement {
    /** shared `fieldChangeSchema[]` */
    @api changes = [];

    get rows() {
        return (this.changes || []).map((change) => ({
            key: change.field,
            label: change.label || change.field,
            current: formatValue(change.current),
            proposed: formatValue(change.proposed),
            action: ACTION_LABELS[change.action] || change.action,
            reason: CHANGE_REASON_LABELS[change.reason] || change.reason,
            rowClass: change.action === 'skip' ? 'change slds-text-color_weak' : 'change'
        }));
    }

    get hasRows() {
        return this.rows.length > 0;
    }
}
