#!/usr/bin/env node
/**
 * Checks the HubSpot project offline with HubSpot's own tools, on the tree `hs project upload` would send:
 * 1. copies src/ to a temporary folder as the CLI archives it (no node_modules, no hidden files) and adds the
 *    shared contracts as scripts/prepare-upload.mjs does;
 * 2. parses every *-hsmeta.json with each config profile applied (@hubspot/project-parsing-lib `translate`) and
 *    applies HubSpot's uid rule and component-directory table;
 * 3. lays out src/app/node_modules as `npm install` of the src/app workspaces would (links to this repo's installed
 *    packages, @accord/* to the workspace members) and builds every card and page entry point with
 *    `buildSingleExtension` from @hubspot/ui-extensions-dev-server, the build HubSpot runs.
 * Prints one JSON report on stdout; exits 1 if anything failed. Needs no network or HubSpot account: the schema
 * check that needs an account is skipped (`skipValidation`) and replaced by test/project.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Components } from '@hubspot/project-parsing-lib/constants';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import { buildSingleExtension } from '@hubspot/ui-extensions-dev-server';
import { vendorShared } from './prepare-upload.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoNodeModules = path.resolve(projectDir, '../node_modules');
const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'hsproject.json'), 'utf8'));
const report = { platformVersion: project.platformVersion, profiles: {}, builds: [], errors: [] };

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-hs-upload-'));
const srcDir = path.join(workDir, 'src');
const appDir = path.join(srcDir, 'app');

/** The archive: src/ without node_modules, hidden files or the generated copy (rebuilt below). */
fs.cpSync(path.join(projectDir, project.srcDir), srcDir, {
  recursive: true,
  filter: (source) => {
    const name = path.basename(source);
    return name !== 'node_modules' && !name.startsWith('.') && !source.includes(`${path.sep}packages${path.sep}accord-shared`);
  },
});
vendorShared(appDir);

/** What `npm install` in src/app leaves: workspace members linked under @accord, everything else installed. */
function layOutNodeModules() {
  const nodeModules = path.join(appDir, 'node_modules');
  fs.mkdirSync(path.join(nodeModules, '@accord'), { recursive: true });
  for (const entry of fs.readdirSync(repoNodeModules)) {
    if (entry === '@accord' || entry.startsWith('.')) continue;
    fs.symlinkSync(path.join(repoNodeModules, entry), path.join(nodeModules, entry));
  }
  for (const member of fs.readdirSync(path.join(appDir, 'packages'))) {
    const { name } = JSON.parse(fs.readFileSync(path.join(appDir, 'packages', member, 'package.json'), 'utf8'));
    fs.symlinkSync(path.join(appDir, 'packages', member), path.join(nodeModules, name));
  }
}

try {
  const profiles = fs.readdirSync(srcDir).flatMap((name) => /^hsprofile\.([^.]+)\.json$/.exec(name)?.[1] ?? []);
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

  layOutNodeModules();
  const firstProfile = Object.values(report.profiles)[0] ?? {};
  const extensions = Object.values(firstProfile).filter((node) => typeof node.config?.entrypoint === 'string');
  const { warn, log, info } = console;
  for (const node of extensions) {
    const file = path.join(srcDir, node.config.entrypoint);
    const root = path.dirname(file);
    const outputDir = path.join(workDir, 'dist', node.uid);
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
      Object.assign(console, { warn, log, info });
    }
  }
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}

report.errors = [...new Set(report.errors)];
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exit(report.errors.length === 0 ? 0 : 1);
