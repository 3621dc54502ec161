/**
 * What the agent and new-batch forms share (c-accord-record-fields shows the fields): which records (object), what to
 * do with them (type), and the backend's rule for a list view id (shared `batchSelectionSchema`; Apex checks it again).
 */
export const OBJECT_OPTIONS = [
    { label: 'Accounts', value: 'Account' },
    { label: 'Contacts', value: 'Contact' },
    { label: 'Leads', value: 'Lead' }
];
export const OBJECT_LABELS = Object.fromEntries(OBJECT_OPTIONS.map((option) => [option.value, option.label]));
export const TYPE_LABELS = { enrich: 'Enrich records', create_people: 'Create missing contacts' };
export const SEGMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Creating the reference company's missing people only makes sense from Accounts. */
export function typeOptionsFor(objectName) {
    const types = objectName === 'Account' ? ['enrich', 'create_people'] : ['enrich'];
    return types.map((value) => ({ label: TYPE_LABELS[value], value }));
}

/** The form with one field changed; a type the new object does not allow falls back to enriching. */
export function withField(form, field, value) {
    const changed = { ...form, [field]: value };
    if (changed.objectName !== 'Account') {
        changed.type = 'enrich';
    }
    return changed;
}

export function isWholeNumberIn(value, min, max) {
    return Number.isInteger(value) && value >= min && value <= max;
}

/** A list view choice needs a list view id the backend accepts. */
export function isChoiceComplete(form) {
    return form.selection !== 'segment' || SEGMENT_ID.test(form.segmentId);
}
