/**
 * Turns a failed HTTP exchange into a ConcordError: the category from the status (or timeout / network
 * failure), a code prefixed with the client's name, and a `detail` of `{ status, vendorCode?, attempts,
 * reason }`. Nothing from the request headers may reach an error: every header value is redacted from
 * messages (the vendor's, and the whole `cause` chain, which is rebuilt from redacted copies — undici's
 * own errors quote header values verbatim). Used by `http.ts`.
 */
import { ConcordError, type ErrorCategory } from '../../core/errors.js';

const REDACTED = '[redacted]';
/** Header values shorter than this are not treated as secrets (they would mangle ordinary text). */
const MIN_SECRET_LENGTH = 6;
const MAX_VENDOR_MESSAGE = 300;

/** Replaces every occurrence of each secret in `text`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** The values of a header set that must never appear in an error. */
export function secretsOf(...sets: (Record<string, string> | undefined)[]): string[] {
  const values = new Set<string>();
  for (const set of sets) {
    for (const value of Object.values(set ?? {})) {
      const trimmed = String(value).trim();
      if (trimmed.length >= MIN_SECRET_LENGTH) values.add(trimmed);
      // A bearer scheme: the credential alone must go too.
      const [, credential] = /^\S+\s+(\S.*)$/.exec(trimmed) ?? [];
      if (credential && credential.length >= MIN_SECRET_LENGTH) values.add(credential);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** A copy of an error and its causes (depth ≤ 5) with redacted messages, keeping `name` and `code`. */
export function safeCause(error: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  if (error === undefined || error === null || depth > 5) return undefined;
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redact(source.message, secrets), {
    cause: safeCause(source.cause, secrets, depth + 1),
  });
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

function firstString(...candidates: unknown[]): string | undefined {
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0);
}

type Json = Record<string, unknown> & { errors?: unknown; error?: unknown };

/** The vendor's machine error code in common body shapes (GraphQL, Shopify, NetSuite, OData…). */
export function vendorCodeOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Json;
  const firstError = Array.isArray(b.errors) ? (b.errors[0] as Json | undefined) : undefined;
  const ext = firstError?.extensions as Json | undefined;
  const nested = b.error && typeof b.error === 'object' ? (b.error as Json) : undefined;
  const details = b['o:errorDetails'];
  const ns = Array.isArray(details) ? (details[0] as Json | undefined) : undefined;
  return firstString(ext?.code, firstError?.code, b.code, b.errorCode, nested?.code, ns?.['o:errorCode']);
}

/** A short human message from the vendor's error body, if it has one. */
export function vendorMessageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, MAX_VENDOR_MESSAGE) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Json;
  const firstError = Array.isArray(b.errors) ? (b.errors[0] as Json | string | undefined) : undefined;
  const nested = b.error && typeof b.error === 'object' ? (b.error as Json) : undefined;
  const details = b['o:errorDetails'];
  const ns = Array.isArray(details) ? (details[0] as Json | undefined) : undefined;
  const fromObject =
    b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)
      ? JSON.stringify(b.errors)
      : undefined;
  const message = firstString(
    typeof firstError === 'string' ? firstError : firstError?.message,
    b.errors,
    fromObject,
    b.message,
    b.error,
    nested?.message,
    ns?.detail,
    b.detail,
    b.title,
  );
  return message?.slice(0, MAX_VENDOR_MESSAGE);
}

/** Category and code suffix for an HTTP status that ended the request. */
export function classifyStatus(status: number): { category: ErrorCategory; suffix: string } {
  if (status === 429) return { category: 'rate_limited', suffix: 'rate_limited' };
  if (status === 401) return { category: 'unauthorized', suffix: 'unauthorized' };
  if (status === 403) return { category: 'forbidden', suffix: 'forbidden' };
  if (status === 404 || status === 410) return { category: 'not_found', suffix: 'not_found' };
  // 412: an If-Match etag no longer matches (Business Central), a conflict like 409.
  if (status === 409 || status === 412) return { category: 'conflict', suffix: 'conflict' };
  if (status === 408) return { category: 'transient', suffix: 'request_timeout' };
  if ([400, 413, 414, 415, 422].includes(status)) return { category: 'validation', suffix: 'bad_request' };
  if (status >= 500) return { category: 'upstream', suffix: 'upstream_error' };
  return { category: 'upstream', suffix: 'unexpected_status' };
}

export interface FailureContext {
  name: string;
  method: string;
  /** URL path only: a query string may carry signed values. */
  path: string;
  attempts: number;
  reason: string;
  secrets: readonly string[];
  guarded: boolean;
  timeoutMs: number;
  /** The vendor's wait when the last decision was "too long to wait" or the request was throttled. */
  waitMs?: number;
}

export type Failure =
  | { kind: 'status'; status: number; statusText: string; body: unknown; throttled: boolean }
  | { kind: 'timeout' | 'network'; cause: unknown };

/** The ConcordError for a request that will not be retried any more. */
export function toConcordError(failure: Failure, ctx: FailureContext): ConcordError {
  const where = `${ctx.name}: ${ctx.method} ${ctx.path}`;
  const tries = `after ${ctx.attempts} attempt${ctx.attempts === 1 ? '' : 's'}`;
  const mayHaveCommitted = !ctx.guarded && ctx.method !== 'GET' ? { mayHaveCommitted: true } : {};
  if (failure.kind !== 'status') {
    const timedOut = failure.kind === 'timeout';
    const what = timedOut ? `timed out after ${ctx.timeoutMs} ms` : 'failed: network error';
    return new ConcordError(
      'transient',
      timedOut ? 'timeout' : 'network_error',
      `${where} ${what} (${tries})`,
      {
        cause: safeCause(failure.cause, ctx.secrets),
        detail: { attempts: ctx.attempts, reason: ctx.reason, ...mayHaveCommitted },
      },
    );
  }
  const { category, suffix } = failure.throttled
    ? { category: 'rate_limited' as const, suffix: 'rate_limited' }
    : classifyStatus(failure.status);
  const vendorCode = vendorCodeOf(failure.body);
  const vendorMessage = vendorMessageOf(failure.body);
  const said = failure.throttled ? 'was throttled' : `answered ${failure.status}`;
  const message = redact(
    `${where} ${said} ${tries}${vendorMessage ? `: ${vendorMessage}` : ''}`,
    ctx.secrets,
  );
  return new ConcordError(category, `${ctx.name}_${suffix}`, message, {
    cause: new Error(`HTTP ${failure.status} ${redact(failure.statusText, ctx.secrets)}`.trim()),
    detail: {
      status: failure.status,
      ...(vendorCode ? { vendorCode: redact(vendorCode, ctx.secrets) } : {}),
      attempts: ctx.attempts,
      reason: ctx.reason,
      ...(category === 'rate_limited' && ctx.waitMs ? { retryAfterMs: ctx.waitMs } : {}),
      ...(failure.status >= 500 ? mayHaveCommitted : {}),
    },
  });
}
