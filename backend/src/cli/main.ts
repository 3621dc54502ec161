/** `npm run --silent accord -- <command>`: Accord's command line for operators and evaluation. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../app/app-error';
import { ConfigError, loadConfig } from '../config';
import { BATCHES_USAGE, runBatchesCommand } from './batches.command';
import { runImportReferenceCommand } from './import-reference.command';
import { InputError, defaultThresholds, runMatchCommand } from './match.command';

const USAGE = `usage: accord <command> [options]

commands:
  match --reference REF.jsonl --input CRM.jsonl --output OUT.jsonl
        [--skip-invalid] [--country AU] [--auto 0.95] [--review 0.5]
        Match CRM records to reference records; one JSON line per input record.
  import-reference FILE.jsonl [--skip-invalid]
        Load reference companies and people into the configured database (DATABASE_URL, else ./data).
${BATCHES_USAGE}`;

class UsageError extends Error {}

function resolvePath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

function probability(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--${name} must be a number from 0 to 1`);
  return n;
}

function loadCliConfig() {
  try {
    return loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(`invalid configuration: ${error.message}`);
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    switch (command) {
      case 'match': {
        const { values } = parseArgs({
          args: rest,
          options: {
            reference: { type: 'string' },
            input: { type: 'string' },
            output: { type: 'string' },
            'skip-invalid': { type: 'boolean', default: false },
            country: { type: 'string', default: 'AU' },
            auto: { type: 'string' },
            review: { type: 'string' },
          },
          strict: true,
        });
        if (!values.reference || !values.input || !values.output) throw new UsageError('match needs --reference, --input and --output');
        await runMatchCommand({
          reference: resolvePath(values.reference),
          input: resolvePath(values.input),
          output: resolvePath(values.output),
          skipInvalid: values['skip-invalid'] ?? false,
          defaultCountry: values.country ?? 'AU',
          thresholds: {
            auto: probability('auto', values.auto, defaultThresholds.auto),
            review: probability('review', values.review, defaultThresholds.review),
          },
          log,
        });
        return 0;
      }
      case 'import-reference': {
        const { values, positionals } = parseArgs({ args: rest, options: { 'skip-invalid': { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
        const [file, ...extra] = positionals;
        if (!file || extra.length > 0) throw new UsageError('import-reference needs exactly one FILE.jsonl');
        await runImportReferenceCommand({ file: resolvePath(file), skipInvalid: values['skip-invalid'] ?? false, config: loadCliConfig(), log });
        return 0;
      }
      case 'batches': {
        await runBatchesCommand({ args: rest, config: loadCliConfig(), out: (text) => process.stdout.write(text), log });
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`accord: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isAppError(error)) {
      process.stderr.write(`accord: ${error.code}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof InputError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`accord: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`accord: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
