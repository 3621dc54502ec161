// Helpers for Accord's LWC tests (not a platform mock): waiting for promises, and Apex errors as Lightning delivers them.

/** Lets every pending promise (and the re-render after it) run. */
export function flushPromises() {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An Apex failure carrying Accord's error code, as AccordApiException.toAuraHandled sends it. */
export function accordApexError(code, message) {
    return { body: { message: JSON.stringify({ code, message }) }, ok: false, status: 500, statusText: 'Server Error' };
}

/** The first element matching `selector` in `root`'s shadow tree or in those of the components inside it. */
export function deepQuery(root, selector) {
    const shadow = root.shadowRoot;
    if (!shadow) {
        return null;
    }
    const found = shadow.querySelector(selector);
    if (found) {
        return found;
    }
    for (const child of shadow.querySelectorAll('*')) {
        const inside = deepQuery(child, selector);
        if (inside) {
            return inside;
        }
    }
    return null;
}

/** Sets a form field as a person would: the base component fires `change` with the value in `detail`. */
export async function enter(root, selector, value) {
    deepQuery(root, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flushPromises();
}
