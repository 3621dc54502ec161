/** The barrel of Accord's HubSpot client package, shared by the record card and the App Home page. */
export { AccordApiError, isRetryable, toAccordApiError, type AccordApiErrorKind } from './api/accord-api-error';
export { createAccordApi, defaultTimeoutMs, identityQuery, type AccordApi, type CallInput, type ReplyOf, type RequestIdentity } from './api/accord-api';
export { lastData, requestReducer, type RequestAction, type RequestState } from './hooks/request-state';
export { useLoad, useMutation } from './hooks/use-request';
export { useIdempotentAction } from './hooks/use-idempotent-action';
export { apiFromContext, backendOriginVariable, useAccordApi } from './hooks/use-accord-api';
export { newIdempotencyKey } from './idempotency';
export { describeError, type ErrorDescription } from './describe-error';
export { ActionError, LoadError } from './components/ErrorView';
export { formatCredits, formatDuration, formatFieldValue, formatPercent, formatTimestamp } from './format';
