/**
 * Errors as RFC 9457 problem details (`application/problem+json`), in one place: a `ConcordError`'s
 * category decides the HTTP status through one exhaustive switch, its code becomes the problem
 * `type` (`/problems/<code>`, a URI reference relative to the API's own base — Concord is
 * self-hosted, so no fixed host names its problem types) and `code`, and its field issues become
 * `errors: [{ field, message }]`. Anything that is not a `ConcordError` is a 500 whose detail says
 * nothing about internals.
 *
 * RFC 9457: https://www.rfc-editor.org/rfc/rfc9457 (members type, title, status, detail; extension
 * members allowed). 401 carries `WWW-Authenticate: Bearer` (RFC 6750 §3).
 *
 * @example
 * problemOf(new ConcordError('not_found', 'product_not_found', 'No product with id "x"'))
 * // { status: 404, body: { type: '/problems/product_not_found', title: 'Product not found', … } }
 */
import { z } from 'zod';
import { ConcordError, type FieldIssue } from '../../core/errors.js';

export const PROBLEM_BASE = '/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const Problem = z
  .object({
    type: z.string().describe('URI naming the problem type: /problems/<code>'),
    title: z.string().describe('Short summary of the problem type'),
    status: z.number().int(),
    detail: z.string().describe('What went wrong this time, for a human or an agent'),
    code: z.string().describe('Stable machine code, the last segment of `type`'),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .describe('Each input field at fault, e.g. `lines[0].sku` or `Idempotency-Key`'),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof Problem>;

/** Validation codes about the request's form (400); other validation errors are about meaning (422). */
const REQUEST_FORM_CODES = new Set([
  'invalid_request',
  'malformed_json',
  'invalid_cursor',
  'invalid_limit',
  'invalid_idempotency_key',
]);

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'errors', 'instance']);

/** The HTTP status of an error category (and, for validation, of its code). */
export function statusOf(error: ConcordError): number {
  switch (error.category) {
    case 'validation':
      return REQUEST_FORM_CODES.has(error.code) ? 400 : 422;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'rate_limited':
      return 429;
    case 'upstream':
      return 502;
    case 'transient':
      return 503;
    case 'config':
      return 500;
    default: {
      const never: never = error.category;
      return never;
    }
  }
}

/** `insufficient_stock` → `Insufficient stock`. */
const titleOf = (code: string) => {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A problem body from its parts. */
export function problemBody(
  status: number,
  code: string,
  detail: string,
  errors: FieldIssue[] = [],
  extensions: Record<string, unknown> = {},
): Problem {
  const extra = Object.fromEntries(Object.entries(extensions).filter(([k]) => !RESERVED.has(k)));
  return { type: `${PROBLEM_BASE}${code}`, title: titleOf(code), status, detail, code, errors, ...extra };
}

/** Any thrown value as a status and problem body; non-Concord errors become an opaque 500. */
export function problemOf(error: unknown): { status: number; body: Problem } {
  if (error instanceof ConcordError) {
    const status = statusOf(error);
    return { status, body: problemBody(status, error.code, error.message, error.issues, error.detail) };
  }
  return {
    status: 500,
    body: problemBody(500, 'internal_error', 'An unexpected error occurred; it has been logged'),
  };
}

/** A problem+json response, with the headers its status calls for. */
export function problemResponse(
  status: number,
  body: Problem,
  headers: Record<string, string> = {},
): Response {
  const all: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE, ...headers };
  if (status === 401) all['www-authenticate'] = 'Bearer realm="concord"';
  const retryAfter = body['retry_after_seconds'];
  if ((status === 429 || status === 503) && typeof retryAfter === 'number')
    all['retry-after'] = String(Math.ceil(retryAfter));
  return new Response(JSON.stringify(body), { status, headers: all });
}
