/**
 * Contract tests between the Salesforce package and the backend, so the two cannot drift:
 * - every JSON fixture the components are tested with (salesforce-package/force-app/** /__tests__/data/*.json) is a
 *   valid reply of the shared contract. A fixture is named after its schema: `recordView.json` and
 *   `recordView.noCredits.json` are checked with `recordViewSchema` from @accord/shared; a name matching no shared
 *   schema fails;
 * - the package ships, on Account, Contact and Lead, every Accord field the backend writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as shared from '@accord/shared';
import type { z } from 'zod';
import { accordFieldNames } from '../../src/domain/enrichment/accord-fields';

const forceApp = path.resolve(__dirname, '../../../salesforce-package/force-app');

function fixtureFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(full);
    const inFixtureFolder = path.basename(dir) === 'data' && path.basename(path.dirname(dir)) === '__tests__';
    return inFixtureFolder && entry.name.endsWith('.json') ? [full] : [];
  });
}

/** `recordView.noCredits.json` → `recordViewSchema`, if @accord/shared exports a zod schema by that name. */
function schemaFor(file: string): z.ZodType | undefined {
  const exportName = `${path.basename(file).split('.')[0]}Schema`;
  const candidate = (shared as Record<string, unknown>)[exportName];
  return candidate && typeof (candidate as z.ZodType).safeParse === 'function' ? (candidate as z.ZodType) : undefined;
}

const fixtures = fixtureFiles(forceApp).map((file) => path.relative(forceApp, file));

describe('Salesforce component fixtures match the shared contract', () => {
  it('finds the fixtures of both components', () => {
    expect(fixtures.some((f) => f.includes('accordMatch'))).toBe(true);
    expect(fixtures.some((f) => f.includes('accordBatches'))).toBe(true);
  });

  it.each(fixtures)('%s', (fixture) => {
    const file = path.join(forceApp, fixture);
    const schema = schemaFor(file);
    if (!schema) throw new Error(`${fixture}: no shared schema named ${path.basename(file).split('.')[0]}Schema; name the fixture after the schema it is a reply of`);
    const result = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!result.success) throw new Error(`${fixture} does not match the contract:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  });
});

describe('the package ships the Accord fields the backend writes', () => {
  const objectsDir = path.join(forceApp, 'main/default/objects');
  it.each(['Account', 'Contact', 'Lead'])('on %s', (object) => {
    const shipped = fs.readdirSync(path.join(objectsDir, object, 'fields')).map((file) => file.replace('.field-meta.xml', ''));
    expect(shipped).toEqual(expect.arrayContaining(Object.values(accordFieldNames.salesforce)));
  });
});
