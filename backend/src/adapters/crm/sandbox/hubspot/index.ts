/** The sandbox HubSpot: an in-memory HubSpot CRM v3 stand-in for tests, benchmarks and the demo. */
export { startHubspotSandbox } from './server';
export { BATCH_MAX_INPUTS } from './batch';
export { SEARCH_MAX_LIMIT, SEARCH_RESULT_CAP } from './search';
export { LIST_MAX_LIMIT } from './objects';
export type {
  CrmRecord,
  FaultOptions,
  HubspotSandbox,
  HubspotSandboxOptions,
  IssuedToken,
  ObjectType,
  PropertyValues,
  RateLimitOptions,
  RecordedRequest,
  SeedRecord,
} from './types';
