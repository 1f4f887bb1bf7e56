/**
 * The HTTP rules every ACP checkout request follows, as small checks that throw ACP-shaped errors:
 * `API-Version` must be one Concord speaks (else 400 with `supported_versions`), POSTs carry an
 * `Idempotency-Key` (1–255 visible characters; 400 `idempotency_key_required` when absent, the
 * spec's own example), bodies are `application/json` (415) and parse (400 `invalid_json`), and a
 * body that does not match its schema is a 400 naming the first field at fault by JSONPath
 * (`missing_required_field`, `unknown_field` or `invalid_field`). A `Timestamp` header, when sent,
 * must be RFC 3339.
 *
 * @example
 * requireApiVersion(c); const key = requireIdempotencyKey(c);
 * const body = validateBody(CreateSessionRequest, await readJson(c));
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { isValidIdempotencyKey } from '../../store/idempotency.js';
import { invalidRequest, jsonPath } from './errors.js';
import { ACP_VERSION, SUPPORTED_VERSIONS } from './types.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const versionError = (code: string, message: string) =>
  new ConcordError('validation', code, message, { detail: { supported_versions: true } });

/** The `API-Version` header, when Concord speaks it. */
export function requireApiVersion(c: Context): string {
  const version = c.req.header('api-version')?.trim();
  if (!version) {
    throw versionError('api_version_required', `Send the API-Version header (Concord speaks ${ACP_VERSION})`);
  }
  if (!(SUPPORTED_VERSIONS as readonly string[]).includes(version)) {
    throw versionError(
      'unsupported_api_version',
      `API-Version "${version.slice(0, 40)}" is not supported; use one of ${SUPPORTED_VERSIONS.join(', ')}`,
    );
  }
  const timestamp = c.req.header('timestamp');
  if (timestamp !== undefined && !RFC3339.test(timestamp.trim())) {
    throw invalidRequest('invalid_timestamp', 'The Timestamp header must be an RFC 3339 date-time');
  }
  return version;
}

/** The `Idempotency-Key` header every ACP POST must carry. */
export function requireIdempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key');
  if (key === undefined || key === '') {
    throw invalidRequest('idempotency_key_required', 'Idempotency-Key header is required');
  }
  if (!isValidIdempotencyKey(key)) {
    throw invalidRequest('invalid_idempotency_key', 'Idempotency-Key must be 1–255 visible ASCII characters');
  }
  return key;
}

/** The JSON body; `optional` bodies may be empty (cancel). */
export async function readJson(c: Context, optional = false): Promise<unknown> {
  const text = await c.req.text();
  if (optional && text.trim() === '') return {};
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type.trim())) {
    throw new ConcordError('validation', 'unsupported_media_type', 'Send the body as application/json');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ConcordError('validation', 'invalid_json', 'The body is not valid JSON', { cause });
  }
}

/** The body parsed by `schema`, or a 400 naming the first field at fault. */
export function validateBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return fail('unknown_field', `Unknown field "${key}"`, jsonPath([...issue.path, key]));
  }
  const param = jsonPath(issue.path);
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  if (missing) return fail('missing_required_field', `Missing required field: ${param.slice(2)}`, param);
  return fail('invalid_field', `${param.slice(2) || 'body'}: ${issue.message}`, param);
}

function fail(code: string, message: string, param: string): never {
  throw invalidRequest(code, message, param);
}

/** Headers echoed on every ACP response: the request's Idempotency-Key and Request-Id. */
export function echoHeaders(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  const key = c.req.header('idempotency-key');
  if (key && isValidIdempotencyKey(key)) out['idempotency-key'] = key;
  const requestId = c.req.header('request-id');
  if (requestId && /^[\x21-\x7E]{1,255}$/.test(requestId)) out['request-id'] = requestId;
  return out;
}

/** A JSON response with the echo headers. */
export function acpJson(c: Context, status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...echoHeaders(c), ...headers },
  });
}
