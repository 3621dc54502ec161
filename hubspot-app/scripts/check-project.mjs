#!/usr/bin/env node
/**
 * Checks the HubSpot project offline with HubSpot's own tools, as `hs project upload` would before its cloud build:
 * parses every *-hsmeta.json with each config profile applied (@hubspot/project-parsing-lib `translate`), then
 * builds every card and page entry point with `buildSingleExtension` from @hubspot/ui-extensions-dev-server (the
 * build the CLI runs). Prints one JSON report on stdout; exits 1 if anything failed. Needs no network or account:
 * the schema check that needs an account is skipped (`skipValidation`) and replaced by test/project.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Components } from '@hubspot/project-parsing-lib/constants';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import { buildSingleExtension } from '@hubspot/ui-extensions-dev-server';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'hsproject.json'), 'utf8'));
const srcDir = path.join(projectDir, project.srcDir);
const profiles = fs.readdirSync(srcDir).flatMap((name) => /^hsprofile\.([^.]+)\.json$/.exec(name)?.[1] ?? []);

const report = { platformVersion: project.platformVersion, profiles: {}, builds: [], errors: [] };

for (const profile of profiles) {
  try {
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir: srcDir, platformVersion: project.platformVersion, accountId: 0 },
      { skipValidation: true, profile },
    );
    for (const file of skippedHsMetaFiles) report.errors.push(`${file}: HubSpot ignores *-hsmeta.json files outside the component directories`);
    const nodes = intermediateRepresentation.intermediateNodesIndexedByUid;
    report.profiles[profile] = nodes;
    // HubSpot's own uid and directory rules (the parts of its validation that need no downloaded schema).
    for (const node of Object.values(nodes)) {
      const type = JSON.parse(fs.readFileSync(path.join(srcDir, node.metaFilePath), 'utf8')).type;
      const component = Components[type];
      const uidError = validateUid(node.uid);
      if (uidError) report.errors.push(`${node.metaFilePath}: ${uidError}`);
      if (!component) {
        report.errors.push(`${node.metaFilePath}: unknown component type ${type}`);
        continue;
      }
      const expectedDir = path.join(component.parentComponent ? Components[component.parentComponent].dir : '', component.dir);
      if (path.dirname(node.metaFilePath) !== expectedDir) report.errors.push(`${node.metaFilePath}: a ${type} belongs in ${expectedDir}/`);
    }
  } catch (error) {
    report.errors.push(`profile ${profile}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const firstProfile = Object.values(report.profiles)[0] ?? {};
const extensions = Object.values(firstProfile).filter((node) => typeof node.config?.entrypoint === 'string');
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-hs-build-'));
const warn = console.warn;
const log = console.log;
const info = console.info;
try {
  for (const node of extensions) {
    const file = path.join(srcDir, node.config.entrypoint);
    const root = path.dirname(file);
    const outputDir = path.join(outRoot, node.uid);
    const warnings = [];
    console.warn = (...args) => warnings.push(args.join(' '));
    console.log = () => undefined;
    console.info = () => undefined;
    try {
      await buildSingleExtension({ file, root, outputDir, minify: true, logLevel: 'silent' });
      const bundles = fs.readdirSync(outputDir).filter((name) => name.endsWith('.js'));
      const code = bundles.map((name) => fs.readFileSync(path.join(outputDir, name), 'utf8')).join('\n');
      report.builds.push({
        uid: node.uid,
        entrypoint: node.config.entrypoint,
        bundles,
        bytes: code.length,
        bundlesSharedContracts: code.includes('/api/v1'),
        warnings: warnings.filter((text) => !text.includes('Unable to write manifest')),
      });
    } catch (error) {
      report.errors.push(`build ${node.uid}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      console.warn = warn;
      console.log = log;
      console.info = info;
    }
  }
} finally {
  fs.rmSync(outRoot, { recursive: true, force: true });
}

report.errors = [...new Set(report.errors)];
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exit(report.errors.length === 0 ? 0 : 1);
