import { LightningElement, api } from 'lwc';
import updateSettings from '@salesforce/apex/AccordBatchController.updateSettings';
import { parseReply } from 'c/accordUtils';

const POLICY_OPTIONS = [
    { label: 'Fill only when empty', value: 'fill-empty' },
    { label: 'Overwrite', value: 'overwrite' },
    { label: 'Never write', value: 'never' }
];
const CAP_FIELDS = ['monthlyCap', 'perUserDailyCap', 'perBatchCap'];
const CAP_LABELS = {
    monthlyCap: 'The monthly cap',
    perUserDailyCap: 'The per-user daily cap',
    perBatchCap: 'The per-batch cap',
    autoEnrichMonthlyCredits: 'The automatic enrichment credit limit'
};

/** The form's inputs, in order: numbers (thresholds, share, records a day) and caps typed as text (blank = none). */
const INPUTS = [
    { field: 'autoApplyThreshold', className: 'auto', type: 'number', step: '0.01', label: 'Auto-apply at confidence' },
    { field: 'reviewThreshold', className: 'review', type: 'number', step: '0.01', label: 'Review from confidence' },
    {
        field: 'rateLimitSharePercent',
        className: 'rate-share',
        type: 'number',
        step: '1',
        label: "Share of Salesforce's API limits (%)"
    },
    { field: 'monthlyCap', className: 'cap-monthly', type: 'text', label: 'Monthly credit cap', placeholder: 'No cap' },
    {
        field: 'perUserDailyCap',
        className: 'cap-user-daily',
        type: 'text',
        label: 'Per user per day',
        placeholder: 'No cap'
    },
    { field: 'perBatchCap', className: 'cap-batch', type: 'text', label: 'Per batch', placeholder: 'No cap' },
    {
        field: 'autoEnrichRecordsPerDay',
        className: 'auto-enrich-records',
        type: 'number',
        step: '1',
        label: 'Automatic enrichment: records a day (0 = off)'
    },
    {
        field: 'autoEnrichMonthlyCredits',
        className: 'auto-enrich-credits',
        type: 'text',
        label: '… and credits a month',
        placeholder: 'Within the caps'
    }
];

const capText = (cap) => (cap === null || cap === undefined ? '' : String(cap));
const policyKey = (p) => `${p.object}:${p.field}`;

/** A cap as typed: blank is no cap (null), else whole credits; a string says what is wrong. */
function capOf(text, name) {
    const t = String(text ?? '')
        .trim()
        .replace(/,/g, '');
    if (t === '') {
        return null;
    }
    if (!/^\d{1,9}$/.test(t)) {
        return `${CAP_LABELS[name]} must be a whole number of credits, or blank for no cap.`;
    }
    return Number(t);
}

/** The form's working copy of `settings` (as hubspot-app's settings-draft.ts makes it; a component cannot import it). */
export function draftOf(settings) {
    return {
        autoApplyThreshold: settings.autoApplyThreshold,
        reviewThreshold: settings.reviewThreshold,
        rateLimitSharePercent: settings.rateLimitSharePercent,
        monthlyCap: capText(settings.credits.monthlyCap),
        perUserDailyCap: capText(settings.credits.perUserDailyCap),
        perBatchCap: capText(settings.credits.perBatchCap),
        autoEnrichRecordsPerDay: settings.autoEnrich.recordsPerDay,
        autoEnrichMonthlyCredits: capText(settings.autoEnrich.monthlyCredits),
        policies: Object.fromEntries(settings.fieldPolicies.map((p) => [policyKey(p), p.policy]))
    };
}

function numbersProblem(draft) {
    const { autoApplyThreshold: auto, reviewThreshold: review, rateLimitSharePercent: share } = draft;
    if (!(auto >= 0.5 && auto <= 1)) {
        return 'The auto-apply threshold is from 0.5 to 1.';
    }
    if (!(review >= 0 && review < auto)) {
        return 'The review threshold must be below the auto-apply threshold.';
    }
    if (!Number.isInteger(share) || share < 1 || share > 100) {
        return 'Accord may use 1% to 100% of the API limits.';
    }
    const records = draft.autoEnrichRecordsPerDay;
    if (!Number.isInteger(records) || records < 0 || records > 1000000) {
        return 'Allow 0 to 1,000,000 records a day.';
    }
    return null;
}

/**
 * The change from `settings` to `draft` (changed fields only, as shared `settingsUpdateSchema`), or what is wrong with
 * the draft: `{ update }` or `{ problem }`.
 */
export function updateOf(settings, draft) {
    const problem = numbersProblem(draft);
    if (problem) {
        return { problem };
    }
    const caps = {};
    for (const name of [...CAP_FIELDS, 'autoEnrichMonthlyCredits']) {
        caps[name] = capOf(draft[name], name);
        if (typeof caps[name] === 'string') {
            return { problem: caps[name] };
        }
    }
    const update = {};
    for (const name of ['autoApplyThreshold', 'reviewThreshold', 'rateLimitSharePercent']) {
        if (draft[name] !== settings[name]) {
            update[name] = draft[name];
        }
    }
    const credits = Object.fromEntries(
        CAP_FIELDS.filter((n) => caps[n] !== settings.credits[n]).map((n) => [n, caps[n]])
    );
    if (Object.keys(credits).length > 0) {
        update.credits = credits;
    }
    const autoEnrich = {};
    if (draft.autoEnrichRecordsPerDay !== settings.autoEnrich.recordsPerDay) {
        autoEnrich.recordsPerDay = draft.autoEnrichRecordsPerDay;
    }
    if (caps.autoEnrichMonthlyCredits !== settings.autoEnrich.monthlyCredits) {
        autoEnrich.monthlyCredits = caps.autoEnrichMonthlyCredits;
    }
    if (Object.keys(autoEnrich).length > 0) {
        update.autoEnrich = autoEnrich;
    }
    const policies = settings.fieldPolicies.flatMap((p) => {
        const policy = draft.policies[policyKey(p)];
        return policy && policy !== p.policy ? [{ object: p.object, field: p.field, policy }] : [];
    });
    if (policies.length > 0) {
        update.fieldPolicies = policies;
    }
    return { update };
}

/**
 * Admins change the org's settings here: match thresholds, the share of Salesforce's API limits Accord may use,
 * credit caps, the automatic-enrichment allowance and each field's overwrite rule. Only what changed is sent
 * (AccordBatchController.updateSettings checks it again); `saved` carries the settings as they are now.
 */
export default class AccordSettings extends LightningElement {
    policyOptions = POLICY_OPTIONS;
    draft;
    saveError;
    busy = false;
    saved = false;
    current;

    /** shared Settings */
    @api
    get settings() {
        return this.current;
    }
    set settings(value) {
        this.current = value;
        this.draft = value ? draftOf(value) : undefined;
    }

    get check() {
        return updateOf(this.current, this.draft);
    }

    get problem() {
        return this.check.problem;
    }

    get cannotSave() {
        const { update } = this.check;
        return this.busy || !update || Object.keys(update).length === 0;
    }

    get showSaved() {
        return this.saved && this.cannotSave && !this.busy;
    }

    get policyRows() {
        return this.current.fieldPolicies.map((p) => ({
            key: policyKey(p),
            object: p.object,
            label: p.label,
            policy: this.draft.policies[policyKey(p)] ?? p.policy
        }));
    }

    get hasPolicies() {
        return this.current.fieldPolicies.length > 0;
    }

    get inputs() {
        return INPUTS.map((input) => ({ ...input, value: this.draft[input.field] }));
    }

    handleInputChange(event) {
        const field = event.target.dataset.field;
        const value = event.detail.value;
        const isNumber = INPUTS.find((input) => input.field === field).type === 'number';
        if (isNumber) {
            this.edit({ [field]: value === '' || value === null ? NaN : Number(value) });
        } else {
            this.edit({ [field]: String(value ?? '') });
        }
    }

    handlePolicyChange(event) {
        this.edit({ policies: { ...this.draft.policies, [event.target.dataset.key]: event.detail.value } });
    }

    edit(patch) {
        this.draft = { ...this.draft, ...patch };
        this.saved = false;
    }

    async handleSave() {
        const { update } = this.check;
        if (!update) {
            return;
        }
        this.busy = true;
        this.saveError = undefined;
        try {
            const settings = parseReply(await updateSettings({ request: JSON.stringify(update) }));
            this.settings = settings;
            this.saved = true;
            this.dispatchEvent(new CustomEvent('saved', { detail: settings }));
        } catch (error) {
            this.saveError = error;
        } finally {
            this.busy = false;
        }
    }
}
