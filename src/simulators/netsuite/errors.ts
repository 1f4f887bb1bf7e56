/**
 * NetSuite REST error bodies: `{ type, title, status, "o:errorDetails": [{ detail, "o:errorCode" }] }`
 * sent as `application/vnd.oracle.resource+json; type=error`, with `type` pointing at the RFC 9110
 * section of the status. Fields per "Error Handling in REST Web Services":
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156570709583.html
 * Handlers throw `NsError`; the server turns it into the body.
 *
 * @example
 * throw new NsError(400, 'INVALID_PARAMETER', 'Invalid value for limit.', { 'o:errorQueryParam': 'limit' });
 */
import { STATUS_CODES } from 'node:http';

/** Optional pointers NetSuite adds to an error detail. */
export interface ErrorPointers {
  'o:errorPath'?: string;
  'o:urlPath'?: string;
  'o:errorHeader'?: string;
  'o:errorQueryParam'?: string;
}

/** An error a handler throws to answer with NetSuite's error body. */
export class NsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly pointers: ErrorPointers = {},
  ) {
    super(detail);
    this.name = 'NsError';
  }
}

/** RFC 9110 section numbers of the statuses the simulator sends. */
const RFC9110_SECTION: Record<number, string> = {
  400: '15.5.1',
  401: '15.5.2',
  403: '15.5.4',
  404: '15.5.5',
  405: '15.5.6',
  409: '15.5.10',
  415: '15.5.16',
  429: '6585#section-4', // 429 is defined in RFC 6585, not RFC 9110 (inferred link)
  500: '15.6.1',
  502: '15.6.3',
  503: '15.6.4',
  504: '15.6.5',
};

/** The body of an error answer. */
export function errorBody(status: number, code: string, detail: string, pointers: ErrorPointers = {}) {
  const section = RFC9110_SECTION[status] ?? (status >= 500 ? '15.6.1' : '15.5.1');
  const type = section.startsWith('6585')
    ? 'https://www.rfc-editor.org/rfc/rfc6585.html#section-4'
    : `https://www.rfc-editor.org/rfc/rfc9110.html#section-${section}`;
  return {
    type,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    'o:errorDetails': [{ detail, 'o:errorCode': code, ...pointers }],
  };
}

/** Content type of error answers. */
export const ERROR_CONTENT_TYPE = 'application/vnd.oracle.resource+json; type=error';

/** The 401 body for any failed login (detail text as documented for an invalid login). */
export const INVALID_LOGIN = new NsError(
  401,
  'INVALID_LOGIN',
  'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
);

/** The 429 answer when the account's concurrency limit is exceeded (VENDORS.md; no Retry-After). */
export const CONCURRENCY_EXCEEDED = new NsError(
  429,
  'CONCURRENCY_LIMIT_EXCEEDED',
  'Concurrent request limit exceeded. Request blocked.',
);

/** Error code and detail used for an injected failure of `status` (inferred texts). */
export function injectedFailure(status: number): NsError {
  if (status === 429) return CONCURRENCY_EXCEEDED;
  if (status === 401) return INVALID_LOGIN;
  if (status >= 500)
    return new NsError(status, 'UNEXPECTED_ERROR', 'An unexpected error occurred. Error ID: simulated');
  return new NsError(status, 'USER_ERROR', STATUS_CODES[status] ?? 'Error');
}
