/**
 * Errors as ACP error objects (`{ type, code, message, param? }`, the spec's `Error` schema), in one
 * place: a `ConcordError`'s category decides the HTTP status and the ACP `type` through one
 * exhaustive switch; a few codes have the status the spec (or its conventions) names — the
 * idempotency trio (400 `idempotency_key_required`, 409 `idempotency_in_flight` with `Retry-After`,
 * 422 `idempotency_conflict`), 402 `payment_declined` (type `processing_error`, as the spec's MCP
 * example `error_payment_declined` has it), 413, 415. `param` is an RFC 9535 JSONPath into the
 * request, taken from `detail.param` only (Concord's own field names never leak into ACP errors).
 * Anything that is not a `ConcordError` is an opaque 500 `processing_error`.
 *
 * @example
 * acpErrorOf(new ConcordError('not_found', 'checkout_session_not_found', 'No checkout session "cs_1"'))
 * // { status: 404, body: { type: 'invalid_request', code: 'checkout_session_not_found', message: … } }
 */
import { ConcordError } from '../../core/errors.js';
import { SUPPORTED_VERSIONS } from './types.js';

export type AcpErrorType = 'invalid_request' | 'processing_error' | 'service_unavailable';

export interface AcpErrorBody {
  type: AcpErrorType;
  code: string;
  message: string;
  param?: string;
  supported_versions?: string[];
}

export interface AcpErrorResponse {
  status: number;
  body: AcpErrorBody;
  headers: Record<string, string>;
}

/** Concord's idempotency codes (src/commerce/idempotent.ts) under the names the ACP spec gives them. */
const RENAMED: Record<string, string> = {
  idempotency_key_in_flight: 'idempotency_in_flight',
  idempotency_key_reused: 'idempotency_conflict',
};

/** The spec's own wording for its idempotency errors (its examples `error_409_…`, `error_422_…`). */
const SPEC_MESSAGES: Record<string, string> = {
  idempotency_in_flight: 'A request with this Idempotency-Key is currently being processed',
  idempotency_conflict: 'Idempotency-Key has already been used with a different request body',
};

/** Codes whose status is not their category's. */
const STATUS_OF_CODE: Record<string, number> = {
  idempotency_conflict: 422,
  payment_declined: 402,
  payload_too_large: 413,
  unsupported_media_type: 415,
  checkout_session_not_cancelable: 405,
};

/** Seconds an agent should wait before retrying an in-flight or unavailable request. */
export const RETRY_AFTER_SECONDS = 1;

function statusAndType(error: ConcordError): { status: number; type: AcpErrorType } {
  switch (error.category) {
    case 'validation':
      return { status: 400, type: 'invalid_request' };
    case 'not_found':
      return { status: 404, type: 'invalid_request' };
    case 'conflict':
      return { status: 409, type: 'invalid_request' };
    case 'unauthorized':
      return { status: 401, type: 'invalid_request' };
    case 'forbidden':
      return { status: 403, type: 'invalid_request' };
    case 'rate_limited':
      return { status: 429, type: 'service_unavailable' };
    case 'transient':
      return { status: 503, type: 'service_unavailable' };
    case 'upstream':
      return { status: 502, type: 'processing_error' };
    case 'config':
      return { status: 500, type: 'processing_error' };
    default: {
      const never: never = error.category;
      return never;
    }
  }
}

/** Any thrown value as an ACP error response. */
export function acpErrorOf(error: unknown): AcpErrorResponse {
  if (!(error instanceof ConcordError)) {
    return {
      status: 500,
      body: {
        type: 'processing_error',
        code: 'internal_error',
        message: 'An unexpected error occurred; it has been logged',
      },
      headers: {},
    };
  }
  const code = RENAMED[error.code] ?? error.code;
  const base = statusAndType(error);
  const status = STATUS_OF_CODE[code] ?? base.status;
  const type: AcpErrorType = code === 'payment_declined' ? 'processing_error' : base.type;
  const message =
    SPEC_MESSAGES[code] ??
    (status >= 500 && error.category === 'config'
      ? 'The merchant is not set up to serve this request'
      : error.message);
  const body: AcpErrorBody = { type, code, message };
  const param = error.detail['param'];
  if (typeof param === 'string') body.param = param;
  if (error.detail['supported_versions'] !== undefined) body.supported_versions = [...SUPPORTED_VERSIONS];
  const headers: Record<string, string> = {};
  if (code === 'idempotency_in_flight' || status === 429 || status === 503)
    headers['retry-after'] = String(RETRY_AFTER_SECONDS);
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="concord"';
  return { status, body, headers };
}

/** A request-form error (400 `invalid_request`) about one JSONPath. */
export function invalidRequest(code: string, message: string, param?: string): ConcordError {
  return new ConcordError('validation', code, message, param ? { detail: { param } } : {});
}

/** An ACP JSONPath from a path of keys and indexes: `['line_items', 0, 'id']` → `$.line_items[0].id`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : `${out}.${String(part)}`),
    '$',
  );
}
