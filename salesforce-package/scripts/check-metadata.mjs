/**
 * Offline checks of the package metadata that no org is needed for: every metadata file is well-formed XML with the
 * Metadata API namespace, every source file has its -meta.xml at the project's API version, and what one file names
 * (a class, a Custom Permission, a field, a tab, the credential's principal) exists in another. Exits 1 on a problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(projectDir, 'force-app', 'main', 'default');
const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
const LIST_TAGS = new Set([
    'classAccesses',
    'customPermissions',
    'fieldPermissions',
    'externalCredentialPrincipalAccesses',
    'externalCredentialParameters',
    'namedCredentialParameters',
    'tabSettings',
    'applicationVisibilities',
    'tabs',
    'object',
    'target',
    'flexiPageRegions',
    'itemInstances'
]);
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => LIST_TAGS.has(name) });
const problems = [];
const problem = (file, message) => problems.push(`${path.relative(projectDir, file)}: ${message}`);

function walk(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === '__tests__' ? [] : walk(full);
        return [full];
    });
}

const files = walk(sourceDir);
const { sourceApiVersion } = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8'));

/** Every -meta.xml parsed, by path; each is well-formed and in the Metadata API namespace. */
const metadata = new Map();
for (const file of files.filter((f) => f.endsWith('-meta.xml'))) {
    const xml = fs.readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
        problem(file, `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
        continue;
    }
    const doc = parser.parse(xml);
    const rootName = Object.keys(doc).find((key) => key !== '?xml');
    if (doc[rootName]['@_xmlns'] !== METADATA_NAMESPACE)
        problem(file, `root <${rootName}> lacks xmlns="${METADATA_NAMESPACE}"`);
    metadata.set(file, { type: rootName, body: doc[rootName] });
}
const ofType = (type) => [...metadata].filter(([, m]) => m.type === type);
const baseName = (file, suffix) => path.basename(file).slice(0, -suffix.length);

// Apex classes and LWC bundles: paired with their meta file, at the project's API version.
const classes = new Set(files.filter((f) => f.endsWith('.cls')).map((f) => baseName(f, '.cls')));
for (const name of classes) {
    const meta = metadata.get(path.join(sourceDir, 'classes', `${name}.cls-meta.xml`));
    if (!meta) problem(path.join(sourceDir, 'classes', `${name}.cls`), 'has no .cls-meta.xml');
    else if (meta.body.apiVersion !== sourceApiVersion)
        problem(
            path.join(sourceDir, 'classes', `${name}.cls`),
            `apiVersion ${meta.body.apiVersion}, project ${sourceApiVersion}`
        );
}
const lwcDir = path.join(sourceDir, 'lwc');
for (const bundle of fs.readdirSync(lwcDir)) {
    const file = path.join(lwcDir, bundle, `${bundle}.js-meta.xml`);
    const meta = metadata.get(file);
    if (!meta) problem(file, 'missing');
    else if (meta.body.apiVersion !== sourceApiVersion)
        problem(file, `apiVersion ${meta.body.apiVersion}, project ${sourceApiVersion}`);
    if (!fs.existsSync(path.join(lwcDir, bundle, `${bundle}.js`))) problem(file, 'bundle has no JavaScript module');
}

// Names one file uses that another file must define.
const customPermissions = new Set(ofType('CustomPermission').map(([f]) => baseName(f, '.customPermission-meta.xml')));
const tabs = new Set(ofType('CustomTab').map(([f]) => baseName(f, '.tab-meta.xml')));
const applications = new Set(ofType('CustomApplication').map(([f]) => baseName(f, '.app-meta.xml')));
const flexiPages = new Set(ofType('FlexiPage').map(([f]) => baseName(f, '.flexipage-meta.xml')));
const fields = new Set(
    ofType('CustomField').map(
        ([f]) => `${path.basename(path.dirname(path.dirname(f)))}.${baseName(f, '.field-meta.xml')}`
    )
);
const principals = new Set(
    ofType('ExternalCredential').flatMap(([f, m]) =>
        (m.body.externalCredentialParameters || [])
            .filter((p) => p.parameterType === 'NamedPrincipal' || p.parameterType === 'PerUserPrincipal')
            .map((p) => `${baseName(f, '.externalCredential-meta.xml')}-${p.parameterName}`)
    )
);
const exposedBundles = new Set(
    fs
        .readdirSync(lwcDir)
        .filter((b) => metadata.get(path.join(lwcDir, b, `${b}.js-meta.xml`))?.body.isExposed === 'true')
);

for (const [file, { body }] of ofType('PermissionSet')) {
    for (const access of body.classAccesses || [])
        if (!classes.has(access.apexClass)) problem(file, `class ${access.apexClass} does not exist`);
    for (const perm of body.customPermissions || [])
        if (!customPermissions.has(perm.name)) problem(file, `Custom Permission ${perm.name} does not exist`);
    for (const perm of body.fieldPermissions || [])
        if (!fields.has(perm.field)) problem(file, `field ${perm.field} does not exist`);
    for (const tab of body.tabSettings || []) if (!tabs.has(tab.tab)) problem(file, `tab ${tab.tab} does not exist`);
    for (const app of body.applicationVisibilities || []) {
        if (!applications.has(app.application)) problem(file, `application ${app.application} does not exist`);
    }
    for (const access of body.externalCredentialPrincipalAccesses || []) {
        if (!principals.has(access.externalCredentialPrincipal))
            problem(file, `principal ${access.externalCredentialPrincipal} does not exist`);
    }
}
for (const [file, { body }] of ofType('CustomApplication')) {
    for (const tab of body.tabs || [])
        if (!tab.startsWith('standard-') && !tabs.has(tab)) problem(file, `tab ${tab} does not exist`);
}
for (const [file, { body }] of ofType('CustomTab'))
    if (body.flexiPage && !flexiPages.has(body.flexiPage)) problem(file, `FlexiPage ${body.flexiPage} does not exist`);
for (const [file, { body }] of ofType('FlexiPage')) {
    for (const region of body.flexiPageRegions || []) {
        for (const item of region.itemInstances || []) {
            const name = item.componentInstance?.componentName;
            if (name && !exposedBundles.has(name)) problem(file, `component ${name} is not an exposed LWC bundle`);
        }
    }
}
for (const [file, { body }] of ofType('NamedCredential')) {
    for (const param of body.namedCredentialParameters || []) {
        if (
            param.parameterType === 'Authentication' &&
            !ofType('ExternalCredential').some(
                ([f]) => baseName(f, '.externalCredential-meta.xml') === param.externalCredential
            )
        ) {
            problem(file, `External Credential ${param.externalCredential} does not exist`);
        }
    }
}
// No secret ships: an External Credential may only carry formulas that read the subscriber's own parameters.
for (const [file, { body }] of ofType('ExternalCredential')) {
    for (const param of body.externalCredentialParameters || []) {
        if (
            param.parameterValue !== undefined &&
            !/^\{!\$Credential\.[A-Za-z0-9_]+\.[A-Za-z0-9_]+\}$/.test(String(param.parameterValue))
        ) {
            problem(
                file,
                `parameter ${param.parameterName} carries a literal value; secrets are entered by the subscriber`
            );
        }
    }
}
// Apex reaches the backend only through the Named Credential.
for (const file of files.filter((f) => f.endsWith('.cls'))) {
    const source = fs.readFileSync(file, 'utf8');
    if (/setEndpoint\(\s*'https?:/i.test(source) || /'https?:\/\//.test(source))
        problem(file, 'calls out to a literal URL; use callout:Accord');
    if (/\[\s*SELECT\b(?![^\]]*\bWITH\s+USER_MODE\b)[^\]]*\]/i.test(source))
        problem(file, 'has a SOQL query without WITH USER_MODE');
}

if (problems.length > 0) {
    console.error(`Metadata problems (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
}
console.log(
    `Metadata OK: ${metadata.size} metadata files, ${classes.size} Apex classes, ${fs.readdirSync(lwcDir).length} LWC bundles.`
);
