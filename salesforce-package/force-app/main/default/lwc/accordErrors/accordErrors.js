/**
 * One reading of every error a component can get: Apex errors (whose message is Accord's `{"code","message"}`,
 * see AccordApiException.toAuraHandled), Lightning Data Service errors, and plain JavaScript errors.
 * After lwc-recipes' ldsUtils.reduceErrors.
 */

/** Codes worth a "Try again" with the same idempotency key: the request may not have been done. */
const RETRYABLE_CODES = new Set(['RATE_LIMITED', 'CRM_UNAVAILABLE', 'CRM_RATE_LIMITED', 'NOT_READY', 'INTERNAL']);

function accordPayload(error) {
    const message = error && error.body && error.body.message;
    if (typeof message !== 'string' || !message.startsWith('{')) {
        return null;
    }
    try {
        const payload = JSON.parse(message);
        return typeof payload.code === 'string' ? payload : null;
    } catch (notJson) {
        return null;
    }
}

function messagesOf(error) {
    const accord = accordPayload(error);
    if (accord) {
        return [accord.message || accord.code];
    }
    if (typeof error === 'string') {
        return [error];
    }
    if (Array.isArray(error.body)) {
        return error.body.map((e) => e.message);
    }
    if (error.body && Array.isArray(error.body.pageErrors) && error.body.pageErrors.length > 0) {
        return error.body.pageErrors.map((e) => e.message);
    }
    if (error.body && typeof error.body.message === 'string') {
        return [error.body.message];
    }
    if (typeof error.message === 'string') {
        return [error.message];
    }
    return [error.statusText];
}

/** Reduces one or more errors to their messages. */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    return list
        .filter((error) => !!error)
        .flatMap(messagesOf)
        .filter((message) => !!message);
}

/** Accord's error code (shared/src/errors.ts) if the error came from the Accord backend or its Apex, else null. */
export function errorCodeOf(error) {
    const accord = accordPayload(error);
    return accord ? accord.code : null;
}

/** Whether trying the same request again may succeed (and so should reuse its idempotency key). */
export function isRetryable(error) {
    const code = errorCodeOf(error);
    return code === null || RETRYABLE_CODES.has(code);
}
