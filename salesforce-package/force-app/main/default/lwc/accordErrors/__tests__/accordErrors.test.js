import { errorCodeOf, isRetryable, reduceErrors } from 'c/accordErrors';
import { accordApexError } from 'accord-test-utils';

describe('reduceErrors', () => {
    it.each([
        [
            'an Accord error from Apex',
            accordApexError('INSUFFICIENT_CREDITS', 'Not enough credits.'),
            ['Not enough credits.']
        ],
        [
            'an Apex error without a code',
            { body: { message: 'You do not have access to the Apex class.' } },
            ['You do not have access to the Apex class.']
        ],
        ['an Apex message that only looks like JSON', { body: { message: '{not json' } }, ['{not json']],
        ['a UI API read error', { body: [{ message: 'first' }, { message: 'second' }] }, ['first', 'second']],
        [
            'a DML error',
            { body: { pageErrors: [{ message: 'Validation failed' }], message: 'x' } },
            ['Validation failed']
        ],
        ['a JavaScript error', new TypeError('x is undefined'), ['x is undefined']],
        ['a plain string', 'Offline', ['Offline']],
        ['a network error', { statusText: 'Service Unavailable' }, ['Service Unavailable']]
    ])('reads %s', (_name, error, messages) => {
        expect(reduceErrors(error)).toEqual(messages);
    });

    it('flattens a list and drops empty entries', () => {
        expect(reduceErrors([null, 'a', undefined, accordApexError('INTERNAL', 'b')])).toEqual(['a', 'b']);
    });
});

describe('errorCodeOf and isRetryable', () => {
    it.each([
        ['NOT_READY', true],
        ['RATE_LIMITED', true],
        ['CRM_UNAVAILABLE', true],
        ['INTERNAL', true],
        ['CONFLICT', false],
        ['FORBIDDEN', false],
        ['INSUFFICIENT_CREDITS', false],
        ['VALIDATION_FAILED', false]
    ])('%s is retryable: %s', (code, retryable) => {
        const error = accordApexError(code, 'message');
        expect(errorCodeOf(error)).toBe(code);
        expect(isRetryable(error)).toBe(retryable);
    });

    it('treats an error without an Accord code as worth another try', () => {
        const offline = { body: { message: 'Disconnected or Canceled' } };
        expect(errorCodeOf(offline)).toBeNull();
        expect(isRetryable(offline)).toBe(true);
    });
});
