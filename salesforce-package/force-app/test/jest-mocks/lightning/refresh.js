// lightning/refresh: the RefreshEvent a component fires so the page reloads its data.
export const RefreshEventName = 'lightning__refresh';

export class RefreshEvent extends CustomEvent {
    constructor() {
        super(RefreshEventName, { bubbles: true, composed: true, cancelable: true });
    }
}

export const registerRefreshHandler = jest.fn();
export const unregisterRefreshHandler = jest.fn();
