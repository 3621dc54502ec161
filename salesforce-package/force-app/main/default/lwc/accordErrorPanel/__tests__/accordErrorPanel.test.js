import { createElement } from '@lwc/engine-dom';
import AccordErrorPanel from 'c/accordErrorPanel';
import { accordApexError, flushPromises } from 'accord-test-utils';

async function mount(props) {
    const element = createElement('c-accord-error-panel', { is: AccordErrorPanel });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

describe('c-accord-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('renders nothing without an error', async () => {
        const element = await mount({ errors: undefined });
        expect(element.shadowRoot.querySelector('[role="alert"]')).toBeNull();
    });

    it('shows the friendly message and every error message', async () => {
        const element = await mount({
            friendlyMessage: 'Accord could not do that.',
            errors: [accordApexError('CAP_EXCEEDED', 'A spending cap would be exceeded.'), 'Offline']
        });

        expect(element.shadowRoot.querySelector('.friendly').textContent).toBe('Accord could not do that.');
        const messages = Array.from(element.shadowRoot.querySelectorAll('.message')).map((p) => p.textContent);
        expect(messages).toEqual(['A spending cap would be exceeded.', 'Offline']);
        expect(element.shadowRoot.querySelector('lightning-button.retry')).toBeNull();
    });

    it('offers "Try again" when asked to and fires retry', async () => {
        const element = await mount({ errors: 'Offline', retryable: true });
        const retry = jest.fn();
        element.addEventListener('retry', retry);

        element.shadowRoot.querySelector('lightning-button.retry').click();

        expect(retry).toHaveBeenCalledTimes(1);
    });
});
