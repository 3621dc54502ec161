import { LightningElement, api } from 'lwc';

const ALERT_LABELS = { monthly_cap: 'of the monthly cap used', balance: 'of the credit balance used' };

/**
 * The org's credits: what is left, what batches hold, this month's use by person and by batch, and alerts; for admins
 * the automatic-enrichment allowance from the settings.
 */
export default class AccordCredits extends LightningElement {
    /** shared CreditsReply */
    @api credits;
    /** shared Settings, for admins only; null for everyone else. */
    @api settings;

    /** Batches of pulled records are approved without a person within this allowance; 0 records a day turns it off. */
    get autoEnrichLabel() {
        if (!this.settings) {
            return null;
        }
        const { recordsPerDay, monthlyCredits } = this.settings.autoEnrich;
        if (recordsPerDay === 0) {
            return 'Automatic enrichment is off: every batch waits for an admin.';
        }
        const credits = monthlyCredits === null ? 'within the credit caps' : `and ${monthlyCredits} credits a month`;
        return `Automatic enrichment: up to ${recordsPerDay} records a day ${credits} are approved without an admin.`;
    }

    get balance() {
        return this.credits.balance;
    }

    get capLabel() {
        const cap = this.balance.monthlyCap;
        return cap === null
            ? `${this.balance.usedThisMonth} used this month (no cap)`
            : `${this.balance.usedThisMonth} of ${cap} used this month`;
    }

    get capUsed() {
        const cap = this.balance.monthlyCap;
        return cap ? Math.min(100, Math.round((this.balance.usedThisMonth / cap) * 100)) : 0;
    }

    get hasCap() {
        return !!this.balance.monthlyCap;
    }

    get isEmpty() {
        return this.balance.available === 0;
    }

    get alerts() {
        return this.credits.alerts.map((alert) => ({
            key: `${alert.kind}-${alert.threshold}`,
            text: `${alert.threshold}% ${ALERT_LABELS[alert.kind] || alert.kind}`
        }));
    }

    get byUser() {
        return this.credits.usage.byUser.map((row) => ({
            key: row.userId || 'batches',
            who: row.userId || 'Batches',
            credits: row.credits
        }));
    }

    get byBatch() {
        return this.credits.usage.byBatch.map((row) => ({
            key: row.batchId || 'records',
            what: row.batchId || 'Record pages',
            credits: row.credits
        }));
    }

    get reservations() {
        return this.credits.reservations.map((row) => ({ key: row.batchId, text: `${row.batchId}: ${row.credits}` }));
    }

    get hasReservations() {
        return this.credits.reservations.length > 0;
    }
}
