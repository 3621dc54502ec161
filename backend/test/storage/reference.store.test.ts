import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { referenceRecordSchema, type ReferenceRecord } from '@accord/shared';
import { createReferenceStore } from '../../src/adapters/db/reference.store';
import { readJsonl } from '../../src/adapters/reference/jsonl';
import { importReference, ReferenceImportError } from '../../src/app/import-reference';
import { describeEachDatabase } from '../helpers/test-databases';

const now = new Date('2026-11-27T10:00:00.000Z');

function writeJsonl(lines: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-ref-')), 'ref.jsonl');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const company = (i: number) => JSON.stringify({ kind: 'company', id: `c-${i}`, name: `Company ${i} Pty Ltd`, domain: `company${i}.com.au` });
const person = (i: number) => JSON.stringify({ kind: 'person', id: `p-${i}`, companyId: `c-${i % 3}`, firstName: 'Jane', lastName: `Doe${i}` });

describeEachDatabase('reference store and import', (ctx) => {
  it('imports a JSON Lines file in batches and streams it back, companies first', async () => {
    const store = createReferenceStore(ctx.database);
    const file = writeJsonl([...Array.from({ length: 25 }, (_, i) => person(i)), ...Array.from({ length: 30 }, (_, i) => company(i))]);
    const progress: number[] = [];
    const report = await importReference({
      open: () => readJsonl(file, referenceRecordSchema),
      store,
      skipInvalid: false,
      now,
      batchSize: 10,
      onProgress: (n) => progress.push(n),
    });
    expect(report).toEqual({ imported: 55, invalid: [], invalidCount: 0 });
    expect(progress).toEqual([10, 20, 30, 40, 50, 55]);
    expect(await store.counts()).toEqual({ companies: 30, people: 25 });
    const streamed: ReferenceRecord[] = [];
    for await (const r of store.streamAll(7)) streamed.push(r);
    expect(streamed).toHaveLength(55);
    expect(streamed.slice(0, 30).every((r) => r.kind === 'company')).toBe(true);
    expect(new Set(streamed.map((r) => r.id)).size).toBe(55);
    expect(await store.getCompany('c-3')).toEqual({ kind: 'company', id: 'c-3', name: 'Company 3 Pty Ltd', domain: 'company3.com.au' });
    expect((await store.getPerson('p-4'))?.companyId).toBe('c-1');
    expect((await store.peopleOfCompany('c-1', 100)).map((p) => p.id)).toEqual(['p-1', 'p-10', 'p-13', 'p-16', 'p-19', 'p-22', 'p-4', 'p-7']);
    expect((await store.peopleOfCompany('c-1', 3)).map((p) => p.id)).toEqual(['p-1', 'p-10', 'p-13']);
    expect(await store.peopleOfCompany('c-29', 10)).toEqual([]);
  });

  it('refuses a file with bad lines, naming them, and writes nothing', async () => {
    const store = createReferenceStore(ctx.database);
    const before = await store.counts();
    const file = writeJsonl([company(100), '{"kind":"company","id":"c-101"}', 'not json', company(102)]);
    const attempt = importReference({ open: () => readJsonl(file, referenceRecordSchema), store, skipInvalid: false, now, batchSize: 1 });
    await expect(attempt).rejects.toBeInstanceOf(ReferenceImportError);
    await expect(attempt).rejects.toMatchObject({
      invalidCount: 2,
      invalid: [
        { line: 2, error: expect.stringContaining('name') },
        { line: 3, error: 'not valid JSON' },
      ],
    });
    expect(await store.counts()).toEqual(before);
  });

  it('imports the good lines and reports the bad ones with --skip-invalid', async () => {
    const store = createReferenceStore(ctx.database);
    const file = writeJsonl([company(200), '{"kind":"spaceship","id":"x"}', company(201)]);
    const report = await importReference({ open: () => readJsonl(file, referenceRecordSchema), store, skipInvalid: true, now });
    expect(report.imported).toBe(2);
    expect(report.invalid).toEqual([{ line: 2, error: expect.any(String) }]);
    expect(await store.getCompany('c-201')).toBeDefined();
  });

  it('replaces a record imported again instead of duplicating it', async () => {
    const store = createReferenceStore(ctx.database);
    await store.upsertMany([{ kind: 'company', id: 'c-dup', name: 'Old Name' }], now);
    await store.upsertMany([{ kind: 'company', id: 'c-dup', name: 'New Name' }], now);
    expect((await store.getCompany('c-dup'))?.name).toBe('New Name');
  });
});
