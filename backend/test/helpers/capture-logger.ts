/** A real pino logger whose JSON lines are kept in memory, so tests can read what was logged. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/adapters/log/logger';

export interface CapturedLogs {
  logger: Logger;
  lines: () => string[];
}

export function captureLogs(level = 'debug'): CapturedLogs {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines: () => chunks.join('').split('\n').filter(Boolean) };
}
