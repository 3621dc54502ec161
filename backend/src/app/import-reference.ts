/**
 * Imports reference records from JSON Lines into the reference store. A first streaming pass validates every line;
 * if any is bad the import is refused with the line numbers and nothing is written, unless `skipInvalid` is set,
 * in which case the good lines are imported and the bad ones reported. The second pass writes in batches.
 */
import type { ReferenceRecord } from '@accord/shared';
import type { ReferenceStore } from '../adapters/db/reference.store';
import type { JsonlLine } from '../adapters/reference/jsonl';

export interface InvalidLine {
  line: number;
  error: string;
}

export interface ImportReport {
  imported: number;
  /** The first 100 invalid lines. */
  invalid: InvalidLine[];
  invalidCount: number;
}

export class ReferenceImportError extends Error {
  constructor(
    readonly invalid: InvalidLine[],
    readonly invalidCount: number,
  ) {
    const first = invalid.slice(0, 5).map((i) => `line ${i.line}: ${i.error}`);
    super(`${invalidCount} invalid line(s), nothing imported (use --skip-invalid to import the rest):\n  ${first.join('\n  ')}`);
    this.name = 'ReferenceImportError';
  }
}

const MAX_LISTED = 100;

export async function importReference(options: {
  /** Opens the file afresh for each pass. */
  open: () => AsyncIterable<JsonlLine<ReferenceRecord>>;
  store: ReferenceStore;
  skipInvalid: boolean;
  now: Date;
  batchSize?: number;
  onProgress?: (imported: number) => void;
}): Promise<ImportReport> {
  const invalid: InvalidLine[] = [];
  let invalidCount = 0;
  for await (const line of options.open()) {
    if (line.ok) continue;
    invalidCount++;
    if (invalid.length < MAX_LISTED) invalid.push({ line: line.line, error: line.error });
  }
  if (invalidCount > 0 && !options.skipInvalid) throw new ReferenceImportError(invalid, invalidCount);

  const batchSize = options.batchSize ?? 2_000;
  let imported = 0;
  let batch: ReferenceRecord[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await options.store.upsertMany(batch, options.now);
    imported += batch.length;
    batch = [];
    options.onProgress?.(imported);
  };
  for await (const line of options.open()) {
    if (!line.ok) continue;
    batch.push(line.value);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { imported, invalid, invalidCount };
}
