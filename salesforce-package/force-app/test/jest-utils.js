// Helpers for Accord's LWC tests (not a platform mock): waiting for promises, and Apex errors as Lightning delivers them.

/** Lets every pending promise (and the re-render after it) run. */
export function flushPromises() {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An Apex failure carrying Accord's error code, as AccordApiException.toAuraHandled sends it. */
export function accordApexError(code, message) {
    return { body: { message: JSON.stringify({ code, message }) }, ok: false, status: 500, statusText: 'Server Error' };
}
