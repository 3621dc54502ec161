import { buildChangedSinceSoql, toIsoUtc, toSalesforceObject, toSoqlDateTime } from './salesforce-soql';
import { toSalesforceCrmError } from './salesforce-errors';

describe('salesforce SOQL helpers', () => {
  it.each([
    ['2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z'],
    ['2026-11-27T10:00:00.999Z', '2026-11-27T10:00:00Z'],
    ['2026-11-27T12:00:00+02:00', '2026-11-27T10:00:00Z'],
  ])('writes %s as the SOQL literal %s (never later than the input)', (input, literal) => {
    expect(toSoqlDateTime(input)).toBe(literal);
  });

  it('refuses a since that is not a timestamp, so nothing unchecked reaches SOQL', () => {
    expect(() => toSoqlDateTime("2026' OR Name != '")).toThrow(/ISO-8601/);
  });

  it('selects Id and LastModifiedDate once, whatever the caller asked for', () => {
    expect(buildChangedSinceSoql({ object: 'Lead', fields: ['id', 'Company'], since: null })).toBe(
      'SELECT Id, LastModifiedDate, Company FROM Lead ORDER BY LastModifiedDate, Id',
    );
  });

  it.each([
    ['2026-01-01T00:00:00.000+0000', '2026-01-01T00:00:00.000Z'],
    ['2026-01-01T02:00:00.000+0200', '2026-01-01T00:00:00.000Z'],
  ])('reads the Salesforce datetime %s as %s', (input, iso) => {
    expect(toIsoUtc(input)).toBe(iso);
  });

  it('accepts only Account, Contact and Lead', () => {
    expect(toSalesforceObject('Contact')).toBe('Contact');
    expect(() => toSalesforceObject('contacts')).toThrow(/no object contacts/);
  });
});

describe('toSalesforceCrmError', () => {
  it.each([
    [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }, 403, 'REQUEST_LIMIT_EXCEEDED'],
    [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired' }, 401, 'INVALID_SESSION_ID'],
    [{ errorCode: 'MALFORMED_QUERY', message: 'bad' }, 400, 'MALFORMED_QUERY'],
    [{ errorCode: 'ERROR_HTTP_502', message: '<html>' }, 502, 'ERROR_HTTP_502'],
    [{ name: 'FetchError', code: 'ECONNRESET', message: 'socket hang up' }, 0, 'ECONNRESET'],
    [{ name: 'invalid_grant', message: 'expired access/refresh token' }, 401, 'invalid_grant'],
    [new Error('Unable to refresh session due to: expired'), 401, 'INVALID_SESSION_ID'],
  ])('maps %o to status %i, code %s', (error, status, code) => {
    expect(toSalesforceCrmError(error)).toMatchObject({ provider: 'salesforce', status, code });
  });

  it('leaves programming errors alone instead of dressing them up as retryable failures', () => {
    expect(toSalesforceCrmError(new TypeError('x is undefined'))).toBeUndefined();
  });
});
