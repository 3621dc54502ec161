import { LightningElement, api } from 'lwc';
import { COMPARISON_LABELS, formatValue } from 'c/accordUtils';

/** Why Accord thinks two records are the same: one line per compared field, evidence for or against. */
export default class AccordReasons extends LightningElement {
    /** shared `matchReasonSchema[]` */
    @api reasons = [];

    get rows() {
        return (this.reasons || []).map((reason, index) => ({
            key: `${reason.field}-${index}`,
            field: reason.field,
            comparison: COMPARISON_LABELS[reason.comparison] || reason.comparison,
            crmValue: formatValue(reason.crmValue),
            referenceValue: formatValue(reason.referenceValue),
            iconName: reason.weight >= 0 ? 'utility:check' : 'utility:close',
            iconText: reason.weight >= 0 ? 'Supports the match' : 'Counts against the match'
        }));
    }

    get hasRows() {
        return this.rows.length > 0;
    }
}
