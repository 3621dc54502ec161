/** The value every sandbox handler returns: an HTTP status and a JSON body, plus Salesforce's error-body shape. */
export interface ApiReply {
  status: number;
  body: unknown;
}

/** REST API errors are a JSON array of `{ message, errorCode }` (jsforce reads the single element). */
export function apiError(status: number, errorCode: string, message: string): ApiReply {
  return { status, body: [{ message, errorCode }] };
}
