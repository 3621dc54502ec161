/**
 * The HubSpot project as `hs project upload` will see it: every *-hsmeta.json against the documented fields and
 * directory rules, every config profile complete and pointing at a public https backend, marketplace rules, and
 * each card and page built with HubSpot's own extension build (scripts/check-project.mjs).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { backendOriginVariable } from '@accord/hubspot-client';
import { componentSchema, directoryOfType, hsProfileSchema, hsProjectSchema, resolvedOriginSchema, type Component } from './hsmeta-schemas';

const projectDir = path.resolve(__dirname, '..');
const project = hsProjectSchema.parse(JSON.parse(fs.readFileSync(path.join(projectDir, 'hsproject.json'), 'utf8')));
const srcDir = path.join(projectDir, project.srcDir);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const metaFiles = walk(srcDir).filter((file) => file.endsWith('-hsmeta.json'));
const components = metaFiles.map((file) => ({ file, component: componentSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) }));
const profileFiles = fs.readdirSync(srcDir).filter((name) => /^hsprofile\.[^.]+\.json$/.test(name));

describe('HubSpot project files', () => {
  it('has one app, the record card and the App Home page', () => {
    expect(components.map(({ component }) => `${component.type}:${component.uid}`).sort()).toEqual(['app:accord_app', 'card:accord_record_card', 'page:accord_admin_home']);
  });

  it.each(metaFiles.map((file) => [path.relative(srcDir, file)]))('%s sits in the directory its type requires', (relative) => {
    const { component } = components.find(({ file }) => path.relative(srcDir, file) === relative)!;
    expect(path.dirname(relative)).toBe(directoryOfType[component.type]);
  });

  it('has unique uids', () => {
    const uids = components.map(({ component }) => component.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('points every entrypoint at a file that exists', () => {
    for (const { component } of components) {
      if (component.type === 'app') continue;
      expect(fs.existsSync(path.join(srcDir, component.config.entrypoint))).toBe(true);
    }
  });

  it('is a marketplace app on OAuth asking only for the scopes Accord uses', () => {
    const app = components.find(({ component }) => component.type === 'app')!.component as Extract<Component, { type: 'app' }>;
    expect(app.config.distribution).toBe('marketplace');
    expect(app.config.auth.type).toBe('oauth');
    expect([...app.config.auth.requiredScopes].sort()).toEqual(['crm.objects.companies.read', 'crm.objects.companies.write', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'oauth']);
    expect(app.config.permittedUrls.fetch).toEqual([`\${${backendOriginVariable}}`]);
  });

  it('brings the shared contracts in as a workspace member, never through a file: dependency', () => {
    // An external file: dependency lands in `_workspaces/` outside src/app on upload, where its own dependencies and
    // tsconfig do not resolve; scripts/prepare-upload.mjs copies shared/ into packages/accord-shared instead.
    const manifests = walk(srcDir)
      .filter((file) => path.basename(file) === 'package.json' && !file.includes(`${path.sep}accord-shared${path.sep}`))
      .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; dependencies?: Record<string, string>; workspaces?: string[] });
    const specs = manifests.flatMap((manifest) => Object.values(manifest.dependencies ?? {}));
    expect(specs.filter((spec) => /^(file|link|workspace):/.test(spec))).toEqual([]);
    const shared = JSON.parse(fs.readFileSync(path.resolve(projectDir, '../shared/package.json'), 'utf8')) as { version: string };
    const client = manifests.find((manifest) => manifest.name === '@accord/hubspot-client')!;
    expect(client.dependencies?.['@accord/shared']).toBe(shared.version);
    expect(manifests.find((manifest) => manifest.workspaces)?.workspaces).toEqual(['cards', 'pages', 'packages/*']);
  });

  it('shows the card on companies and contacts', () => {
    const card = components.find(({ component }) => component.type === 'card')!.component as Extract<Component, { type: 'card' }>;
    expect([...card.config.objectTypes].sort()).toEqual(['companies', 'contacts']);
  });

  it('has config profiles, each with every variable the project files use', () => {
    expect(profileFiles.length).toBeGreaterThan(0);
    const used = new Set(metaFiles.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1])));
    for (const name of profileFiles) {
      const profile = hsProfileSchema.parse(JSON.parse(fs.readFileSync(path.join(srcDir, name), 'utf8')));
      expect([...used].filter((variable) => !(variable! in profile.variables))).toEqual([]);
      expect(resolvedOriginSchema.safeParse(profile.variables[backendOriginVariable]).success).toBe(true);
    }
  });
});

describe('extension source rules (HubSpot AGENTS.md)', () => {
  const sources = walk(path.join(srcDir, 'app')).filter((file) => /\.(tsx?|jsx?)$/.test(file) && !/\.test\.tsx?$/.test(file));

  it('calls hubspot.fetch from one module only', () => {
    const callers = sources.filter((file) => fs.readFileSync(file, 'utf8').includes('hubspot.fetch(')).map((file) => path.relative(srcDir, file));
    expect(callers).toEqual(['app/packages/accord-client/src/api/accord-api.ts']);
  });

  it('uses no window, DOM fetch or style props', () => {
    const offenders = sources.filter((file) => /\bwindow\.|(^|[^.\w])fetch\(|\bstyle=\{|\bdocument\./m.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(srcDir, file))).toEqual([]);
  });

  it('imports nothing across extension directories except through packages', () => {
    const offenders = sources.filter((file) => {
      const relative = path.relative(path.join(srcDir, 'app'), file);
      const extensionDir = relative.split(path.sep)[0];
      return [...fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].some((match) => {
        const target = path.relative(path.join(srcDir, 'app'), path.resolve(path.dirname(file), match[1]!));
        return target.split(path.sep)[0] !== extensionDir;
      });
    });
    expect(offenders).toEqual([]);
  });
});

describe("HubSpot's own parser and build", () => {
  interface Report {
    platformVersion: string;
    profiles: Record<string, Record<string, { config: { permittedUrls?: { fetch: string[] }; auth?: { redirectUrls: string[] } } }>>;
    builds: { uid: string; bundles: string[]; bytes: number; bundlesSharedContracts: boolean; warnings: string[] }[];
    errors: string[];
  }
  let report: Report;

  beforeAll(() => {
    const stdout = execFileSync(process.execPath, [path.join(projectDir, 'scripts/check-project.mjs')], { cwd: projectDir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    report = JSON.parse(stdout) as Report;
  }, 180_000);

  it('applies every profile, leaving an https backend origin in permittedUrls.fetch and the redirect URL', () => {
    expect(report.errors).toEqual([]);
    expect(Object.keys(report.profiles).sort()).toEqual(profileFiles.map((name) => name.split('.')[1]).sort());
    for (const nodes of Object.values(report.profiles)) {
      const app = nodes.accord_app!.config;
      for (const origin of app.permittedUrls!.fetch) expect(resolvedOriginSchema.parse(origin)).toBe(origin);
      for (const url of app.auth!.redirectUrls) expect(url).toMatch(/^https:\/\/[^$]+$/);
    }
  });

  it('builds the card and the page from the upload tree, shared contracts bundled, without warnings', () => {
    expect(report.builds.map((build) => build.uid).sort()).toEqual(['accord_admin_home', 'accord_record_card']);
    for (const build of report.builds) {
      expect(build.bundles).toHaveLength(1);
      expect(build.bundlesSharedContracts).toBe(true);
      expect(build.warnings).toEqual([]);
    }
  });
});
