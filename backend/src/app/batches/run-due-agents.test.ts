import { AppError } from '../app-error';
import { runFailure } from './run-due-agents';

describe('what admins see of a failed agent run', () => {
  it.each([
    [
      'an application error, code and message',
      new AppError('CAP_EXCEEDED', 'The batch needs 40 credits; 12 are left under the monthly cap.'),
      'CAP_EXCEEDED: The batch needs 40 credits; 12 are left under the monthly cap.',
    ],
    [
      'a CRM failure, as the CRM being unavailable',
      Object.assign(new Error('socket hang up at 10.0.0.7'), { name: 'CrmError' }),
      expect.stringMatching(/^CRM_UNAVAILABLE: /),
    ],
    ['anything else, only as internal', new Error('SQLITE_BUSY: database is locked at /var/lib/accord.db'), expect.stringMatching(/^INTERNAL: /)],
  ])('shows %s', (_what, error, shown) => {
    expect(runFailure(error)).toEqual(shown);
  });

  it('never shows the internals of an error it does not know', () => {
    expect(runFailure(new Error('password=hunter2 at /srv/app.js:12'))).not.toMatch(/hunter2|srv/);
    expect(runFailure('a string')).toMatch(/^INTERNAL: /);
  });

  it('stays within 500 characters', () => {
    expect(runFailure(new AppError('VALIDATION_FAILED', 'x'.repeat(2_000))).length).toBe(500);
  });
});
