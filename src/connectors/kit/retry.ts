/**
 * The one retry decision every connector uses. `decideRetry` is a pure function of what happened on
 * the last attempt (status, timeout / network error, throttle signals, headers) and a policy; it says
 * whether to try again, why, and how long to wait first. Rules: a rate limit (429, or a vendor throttle
 * signal in a 2xx body) is always retried after the vendor's stated wait, else after backoff (the call
 * was refused before it ran, so nothing was written — inferred; NetSuite's 429 says "Request blocked"); 5xx, 408, timeouts and network errors are retried only when the
 * call is guarded — read-only or protected by an idempotency key — because an unguarded write that failed
 * that way may already have committed; every other 4xx is final. Backoff is "full jitter" exponential,
 * capped at `maxDelayMs` (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */

export interface RetryInput {
  /** 1 after the first failed try. */
  attempt: number;
  method: string;
  /** Read-only call (even over POST, e.g. a GraphQL query) or a write protected by an idempotency mechanism. */
  guarded: boolean;
  /** HTTP status; absent on timeout / network error. */
  status?: number;
  error?: 'timeout' | 'network';
  headers?: Headers | Record<string, string | undefined>;
  /** Vendor rate-limit signal found in a 2xx body (e.g. GraphQL THROTTLED). */
  throttled?: boolean;
  /** Wait the vendor's body implies (e.g. from Shopify throttleStatus). */
  vendorWaitMs?: number;
  /** For HTTP-date Retry-After; defaults to `Date.now()`. */
  nowMs?: number;
}

export interface RetryPolicy {
  /** Total tries, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Headers that carry the vendor's wait, checked in order (lower-case). */
  retryAfterHeaders: string[];
  /** Returns a number in [0, 1); injected so tests control the jitter. */
  random: () => number;
  /**
   * A vendor wait longer than this is not waited out: the decision is "give up" (reason
   * `vendor_wait_too_long`), with `waitMs` still saying what the vendor asked for. Default 5 minutes.
   */
  maxVendorWaitMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  // `x-retry-after`: ShipBob (see /work/shared/VENDORS.md).
  retryAfterHeaders: ['retry-after', 'x-retry-after'],
  random: Math.random,
  maxVendorWaitMs: 300_000,
};

export interface RetryDecision {
  retry: boolean;
  /** Machine-readable: `rate_limited`, `server_error`, `timeout`, `network`, `request_timeout`, or why not. */
  reason: string;
  waitMs: number;
}

type FailureKind = 'rate_limited' | 'server_error' | 'request_timeout' | 'timeout' | 'network';

/**
 * Parses a Retry-After value: delay-seconds or an HTTP-date (RFC 9110 §10.2.3,
 * https://www.rfc-editor.org/rfc/rfc9110#field.retry-after) into milliseconds from `nowMs`.
 * RFC 9110 allows whole seconds only; fractional seconds ("2.0") are accepted as well because Shopify
 * clients parse the value as a float (inferred; https://shopify.dev/docs/api/admin-rest/usage/rate-limits
 * documents a Retry-After header on 429 without pinning its format).
 *
 * @example
 * parseRetryAfter('2', 0) // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:30 GMT')) // 30000
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil(at - nowMs));
}

function headerValue(headers: RetryInput['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/** The longest wait the vendor asked for, from the policy's headers or the body, if any. */
function vendorWait(input: RetryInput, policy: RetryPolicy): number | undefined {
  const nowMs = input.nowMs ?? Date.now();
  const waits: number[] = [];
  for (const name of policy.retryAfterHeaders) {
    const ms = parseRetryAfter(headerValue(input.headers, name.toLowerCase()), nowMs);
    if (ms !== undefined) waits.push(ms);
  }
  if (input.vendorWaitMs !== undefined && Number.isFinite(input.vendorWaitMs)) {
    waits.push(Math.max(0, Math.ceil(input.vendorWaitMs)));
  }
  return waits.length > 0 ? Math.max(...waits) : undefined;
}

/** Full-jitter exponential backoff: uniform in [0, min(maxDelayMs, base · 2^(attempt-1))]. */
export function backoffMs(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  const exponent = Math.min(Math.max(0, attempt - 1), 52);
  const cap = Math.max(0, Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent));
  const r = Math.min(Math.max(policy.random(), 0), 1);
  return Math.min(cap, Math.floor(r * cap));
}

/** What kind of failure this is, or why it is final (a string starting with `final:`). */
function classify(input: RetryInput): FailureKind | `final:${string}` {
  const { status } = input;
  if (status === 429 || input.throttled) return 'rate_limited';
  if (input.error === 'timeout') return 'timeout';
  if (input.error === 'network') return 'network';
  if (status === undefined) return 'final:no_failure';
  if (status === 408) return 'request_timeout';
  // 501 Not Implemented and 505 HTTP Version Not Supported will not change on a retry (RFC 9110 §15.6).
  if (status === 501 || status === 505) return 'final:not_implemented';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'final:client_error';
  return 'final:not_an_error';
}

/**
 * Decides whether to retry after a failed attempt and how long to wait first.
 *
 * @example
 * decideRetry({ attempt: 1, method: 'GET', guarded: true, status: 503 })
 * // { retry: true, reason: 'server_error', waitMs: <jittered, ≤ 250> }
 * decideRetry({ attempt: 1, method: 'POST', guarded: false, error: 'timeout' })
 * // { retry: false, reason: 'unguarded_timeout', waitMs: 0 }
 */
export function decideRetry(input: RetryInput, policy?: Partial<RetryPolicy>): RetryDecision {
  const p: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...policy };
  const kind = classify(input);
  if (kind.startsWith('final:')) return { retry: false, reason: kind.slice('final:'.length), waitMs: 0 };
  if (kind !== 'rate_limited' && !input.guarded)
    return { retry: false, reason: `unguarded_${kind}`, waitMs: 0 };
  if (input.attempt >= p.maxAttempts) return { retry: false, reason: 'attempts_exhausted', waitMs: 0 };
  const asked = vendorWait(input, p);
  if (asked === undefined) return { retry: true, reason: kind, waitMs: backoffMs(input.attempt, p) };
  if (asked > (p.maxVendorWaitMs ?? Infinity))
    return { retry: false, reason: 'vendor_wait_too_long', waitMs: asked };
  return { retry: true, reason: kind, waitMs: asked };
}
