/**
 * Salesforce Code Analyzer's PMD engine (PMD 7 Apex rules, Java 17) over the package, as the AppExchange security
 * review runs it: every Apex rule plus every Security rule (which also reads metadata XML). Any violation fails,
 * except the rules silenced below, each with the reason. Security rules are never silenced.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(projectDir, 'force-app', 'main', 'default');

const SILENCED = {
    ApexDoc:
        'each class has a short header comment and public methods a one-line doc; @param/@return tags on every method would repeat the signature',
    ApexAssertionsShouldIncludeMessage:
        'Apex test method names state the behaviour under test; per-assertion messages would repeat them',
    ExcessiveParameterList: '@AuraEnabled methods take the named parameters the components send (at most four)'
};
const MUST_RUN = [
    'ApexSharingViolations',
    'ApexCRUDViolation',
    'ApexSOQLInjection',
    'AvoidHardcodedCredentialsInVarDecls',
    'ApexSuggestUsingNamedCred',
    'ApexInsecureEndpoint'
];

const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.withDefaults());
await analyzer.addEnginePlugin(createEnginePlugin());
const workspace = await analyzer.createWorkspace([sourceDir]);
const rules = await analyzer.selectRules(['pmd:apex', 'pmd:Security'], { workspace });
const selected = new Set(rules.getRulesFor('pmd').map((rule) => rule.getName()));
const missing = MUST_RUN.filter((name) => !selected.has(name));
if (missing.length > 0) {
    console.error(`The security rules ${missing.join(', ')} were not selected: the scan proves nothing.`);
    process.exit(1);
}

const results = await analyzer.run(rules, { workspace });
const failures = [];
const silencedCounts = {};
for (const violation of results.getViolations()) {
    const rule = violation.getRule().getName();
    if (SILENCED[rule] && !violation.getRule().getTags().includes('Security')) {
        silencedCounts[rule] = (silencedCounts[rule] || 0) + 1;
        continue;
    }
    const where = violation.getPrimaryLocation();
    failures.push(
        `${path.relative(projectDir, where.getFile())}:${where.getStartLine()} ${rule}: ${violation.getMessage()}`
    );
}

for (const [rule, count] of Object.entries(silencedCounts))
    console.log(`silenced ${rule} (${count}): ${SILENCED[rule]}`);
if (failures.length > 0) {
    console.error(
        `Code Analyzer (PMD) found ${failures.length} violations:\n${failures.map((f) => `  ${f}`).join('\n')}`
    );
    process.exit(1);
}
console.log(`Code Analyzer (PMD): ${selected.size} rules, no violations outside the silenced ones.`);
