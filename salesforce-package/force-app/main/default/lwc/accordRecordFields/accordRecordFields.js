import { LightningElement, api } from 'lwc';
import { OBJECT_OPTIONS, SEGMENT_ID, typeOptionsFor } from 'c/accordRecordChoice';

/**
 * The fields both forms (new agent, new batch) start with: which records, what to do with them, which of them, and
 * a list view id when that is the choice. Fires `fieldchange` with `{ field, value }`; the form keeps the state.
 */
export default class AccordRecordFields extends LightningElement {
    /** `{ objectName, type, selection, segmentId }` */
    @api choice;
    /** The form's ways of selecting records; `segment` asks for a list view id. */
    @api selectionOptions = [];

    objectOptions = OBJECT_OPTIONS;

    get typeOptions() {
        return typeOptionsFor(this.choice.objectName);
    }

    get isSegment() {
        return this.choice.selection === 'segment';
    }

    get segmentInvalid() {
        return this.isSegment && this.choice.segmentId !== '' && !SEGMENT_ID.test(this.choice.segmentId);
    }

    handleChange(event) {
        const detail = { field: event.target.dataset.field, value: String(event.detail.value ?? '').trim() };
        this.dispatchEvent(new CustomEvent('fieldchange', { detail }));
    }
}
