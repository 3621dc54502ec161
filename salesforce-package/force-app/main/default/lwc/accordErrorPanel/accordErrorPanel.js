import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/accordErrors';

/**
 * Shows what went wrong, and a "Try again" button when the parent says trying again makes sense. Renders nothing
 * while there is no error, so a parent can keep it in place.
 */
export default class AccordErrorPanel extends LightningElement {
    /** One error or a list: Apex, LDS or JavaScript. */
    @api errors;
    @api friendlyMessage = 'Something went wrong.';
    /** Show "Try again"; clicking it fires `retry`. */
    @api retryable = false;

    get messages() {
        return reduceErrors(this.errors).map((text, index) => ({ key: `${index}`, text }));
    }

    get hasMessages() {
        return this.messages.length > 0;
    }

    handleRetry() {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
