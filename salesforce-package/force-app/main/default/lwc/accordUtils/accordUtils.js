/** Small helpers shared by Accord's components: idempotency keys, reading Apex replies, and words for codes. */
import { isRetryable } from 'c/accordErrors';

/** A key for one user action; reuse it when the same action is retried so it is never done (or charged) twice. */
export function newIdempotencyKey(action) {
    const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
    return `sf-${action}-${Date.now().toString(36)}-${random}`;
}

/**
 * The keys of a component's user actions: one per action name, reused while the action is retried after an error
 * worth retrying, dropped once it succeeds or fails for good (the next click is a new action).
 */
export class ActionKeys {
    keys = new Map();

    keyFor(name, prefix) {
        if (!this.keys.has(name)) {
            this.keys.set(name, newIdempotencyKey(prefix));
        }
        return this.keys.get(name);
    }

    succeeded(name) {
        this.keys.delete(name);
    }

    /** Returns whether trying again makes sense (the key is then kept for it). */
    failed(name, error) {
        const retryable = isRetryable(error);
        if (!retryable) {
            this.keys.delete(name);
        }
        return retryable;
    }
}

/** The Apex controllers return the backend's JSON text unchanged; this is the one place it is parsed. */
export function parseReply(json) {
    return typeof json === 'string' ? JSON.parse(json) : json;
}

export function formatPercent(probability) {
    return `${Math.round((probability || 0) * 100)}%`;
}

export function formatValue(value) {
    if (value === null || value === undefined || value === '') {
        return '—';
    }
    if (typeof value === 'boolean') {
        return value ? 'Yes' : 'No';
    }
    return String(value);
}

export function formatDuration(seconds) {
    if (seconds < 90) {
        return `${Math.max(1, Math.round(seconds))} s`;
    }
    if (seconds < 90 * 60) {
        return `${Math.round(seconds / 60)} min`;
    }
    return `${Math.round(seconds / 360) / 10} h`;
}

export const BAND_LABELS = {
    auto: 'Confident match',
    review: 'Needs review',
    none: 'No match'
};

export const COMPARISON_LABELS = {
    exact: 'Same',
    strong: 'Nearly the same',
    fuzzy: 'Similar',
    disagree: 'Different',
    missing: 'Nothing to compare'
};

export const ACTION_LABELS = {
    fill: 'Fill in',
    overwrite: 'Replace',
    skip: 'Keep'
};

export const CHANGE_REASON_LABELS = {
    crm_empty: 'The field is empty',
    policy_overwrite: 'Your admin lets Accord replace this field',
    policy_never: 'Your admin keeps Accord away from this field',
    policy_fill_empty: 'Accord only fills this field when it is empty',
    same_value: 'Already the same',
    edited_by_person: 'A person changed it since Accord wrote it',
    no_reference_value: 'Accord has no value for it',
    not_mapped: 'Not mapped to an Accord field',
    invalid_value: 'The value does not fit the field'
};

export const BLOCKED_LABELS = {
    NO_MATCH: 'There is no match to enrich from.',
    MATCH_NEEDS_REVIEW: 'Confirm the match before enriching.',
    NOTHING_TO_CHANGE: 'Accord has nothing new for this record.',
    INSUFFICIENT_CREDITS: 'Your org has no credits left for this.',
    CAP_EXCEEDED: 'This would go over a spending cap your admin set.'
};
