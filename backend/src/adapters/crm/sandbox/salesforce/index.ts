/** The sandbox Salesforce org: a local stand-in for the REST API that the real jsforce client talks to. */
export { startSalesforceSandbox } from './server';
export type { SalesforceSandbox, SalesforceSandboxOptions, SandboxFaults, SandboxRequest } from './server';
export type { SandboxTokens } from './oauth';
export { SANDBOX_FIELDS, SANDBOX_SOBJECTS, KEY_PREFIXES } from './describe';
export type { SandboxSObject, SandboxField } from './describe';
