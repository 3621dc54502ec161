/**
 * Writes a synthetic reference set and a noisy CRM copy of it, with ground truth, as JSON Lines:
 *   DIR/reference.jsonl  one reference company or person per line (with `kind`)
 *   DIR/crm.jsonl        one CRM company or person per line (with `kind`)
 *   DIR/truth.jsonl      {"id": CRM id, "truth": reference id or null}
 * Usage: npx tsx backend/scripts/generate-dataset.ts --seed 7 --companies 20000 --people 40000 \
 *          --crm-companies 2000 --crm-people 2000 --out DIR [--crm-seed N] [--noise 1] [--no-match-share 0.15]
 *          [--look-alike-share 0.5]
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { generateCrmDataset } from '../src/domain/synthetic/crm-dataset';
import { referenceCompanyAt, referencePersonAt } from '../src/domain/synthetic/reference-generator';

interface Arguments {
  seed: number;
  crmSeed: number;
  companies: number;
  people: number;
  crmCompanies: number;
  crmPeople: number;
  out: string;
  noise?: number;
  noMatchShare?: number;
  lookAlikeShare?: number;
}

const USAGE =
  'usage: generate-dataset --seed N --companies N --people N --crm-companies N --crm-people N --out DIR ' +
  '[--crm-seed N] [--noise X] [--no-match-share X] [--look-alike-share X]';

/** Flushes once this many characters are buffered: one write per ~256 KB instead of one per line. */
const FLUSH_AT = 256 * 1024;

function parseArguments(argv: readonly string[]): Arguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag?.startsWith('--') || value === undefined) throw new Error(`${USAGE}\nunexpected argument: ${flag ?? ''}`);
    values.set(flag.slice(2), value);
  }
  const number = (name: string, options: { integer: boolean; required: boolean }): number | undefined => {
    const raw = values.get(name);
    if (raw === undefined) {
      if (options.required) throw new Error(`${USAGE}\nmissing --${name}`);
      return undefined;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || (options.integer && !Number.isInteger(n))) throw new Error(`--${name} must be a non-negative ${options.integer ? 'integer' : 'number'}, got ${raw}`);
    return n;
  };
  const count = (name: string) => number(name, { integer: true, required: true }) as number;
  const share = (name: string) => number(name, { integer: false, required: false });
  const out = values.get('out');
  if (!out) throw new Error(`${USAGE}\nmissing --out`);
  const seed = count('seed');
  return {
    seed,
    crmSeed: number('crm-seed', { integer: true, required: false }) ?? seed,
    companies: count('companies'),
    people: count('people'),
    crmCompanies: count('crm-companies'),
    crmPeople: count('crm-people'),
    out,
    noise: share('noise'),
    noMatchShare: share('no-match-share'),
    lookAlikeShare: share('look-alike-share'),
  };
}

interface JsonlWriter {
  write(value: unknown): Promise<void>;
  close(): Promise<void>;
}

/** JSON Lines to a file stream, honouring backpressure: waits for 'drain' whenever the stream asks to. */
function createJsonlWriter(file: string): JsonlWriter {
  const stream = fs.createWriteStream(file, { encoding: 'utf8' });
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    async write(value) {
      buffer += `${JSON.stringify(value)}\n`;
      if (buffer.length >= FLUSH_AT) await flush();
    },
    async close() {
      await flush();
      stream.end();
      await once(stream, 'finish');
    },
  };
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const seconds = () => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
  fs.mkdirSync(args.out, { recursive: true });

  const reference = createJsonlWriter(path.join(args.out, 'reference.jsonl'));
  for (let i = 0; i < args.companies; i++) await reference.write(referenceCompanyAt(args.seed, i));
  for (let i = 0; i < args.people; i++) await reference.write(referencePersonAt(args.seed, i, { companies: args.companies }));
  await reference.close();
  process.stderr.write(`reference.jsonl: ${args.companies} companies, ${args.people} people (${seconds()} s)\n`);

  const crm = createJsonlWriter(path.join(args.out, 'crm.jsonl'));
  const truth = createJsonlWriter(path.join(args.out, 'truth.jsonl'));
  const counts = { companies: 0, people: 0, noMatch: 0 };
  for (const { record, truth: referenceId } of generateCrmDataset({
    seed: args.crmSeed,
    referenceSeed: args.seed,
    companies: args.companies,
    people: args.people,
    crmCompanies: args.crmCompanies,
    crmPeople: args.crmPeople,
    noise: args.noise,
    noMatchShare: args.noMatchShare,
    lookAlikeShare: args.lookAlikeShare,
  })) {
    await crm.write(record);
    await truth.write({ id: record.id, truth: referenceId });
    if (record.kind === 'company') counts.companies++;
    else counts.people++;
    if (referenceId === null) counts.noMatch++;
  }
  await Promise.all([crm.close(), truth.close()]);
  process.stderr.write(
    `crm.jsonl: ${counts.companies} companies, ${counts.people} people, ${counts.noMatch} without a reference match; ` +
      `truth.jsonl: ${counts.companies + counts.people} lines (${seconds()} s in all)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
