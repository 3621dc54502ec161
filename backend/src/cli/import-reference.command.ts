/**
 * `accord import-reference FILE.jsonl [--skip-invalid]`: loads reference companies and people into the configured
 * database (DATABASE_URL, else the SQLite file under ./data), the same one `npm start` indexes.
 */
import { referenceRecordSchema } from '@accord/shared';
import { openDatabase } from '../adapters/db/database';
import { migrateToLatest } from '../adapters/db/migrate';
import { createReferenceStore } from '../adapters/db/reference.store';
import { readJsonl } from '../adapters/reference/jsonl';
import { importReference, ReferenceImportError } from '../app/import-reference';
import type { Config } from '../config';
import { InputError } from './match.command';

export async function runImportReferenceCommand(options: { file: string; skipInvalid: boolean; config: Config; log: (line: string) => void }): Promise<void> {
  const database = openDatabase(options.config.databaseUrl);
  try {
    await migrateToLatest(database);
    const started = Date.now();
    const report = await importReference({
      open: () => readJsonl(options.file, referenceRecordSchema),
      store: createReferenceStore(database),
      skipInvalid: options.skipInvalid,
      now: new Date(),
    });
    for (const bad of report.invalid) options.log(`skipped ${options.file}:${bad.line}: ${bad.error}`);
    const counts = await createReferenceStore(database).counts();
    options.log(
      `imported ${report.imported.toLocaleString('en')} records in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        `${report.invalidCount ? ` (${report.invalidCount} invalid lines skipped)` : ''}; ${database.description} now holds ` +
        `${counts.companies.toLocaleString('en')} companies and ${counts.people.toLocaleString('en')} people`,
    );
  } catch (error) {
    if (error instanceof ReferenceImportError) throw new InputError(`${options.file}: ${error.message}`);
    throw error;
  } finally {
    await database.destroy();
  }
}
