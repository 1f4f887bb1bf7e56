import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, decideRetry, DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryInput } from './retry.js';

const NOW = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
/** random() = 0.5 → backoff is exactly half the cap: attempt 1 → 50, attempt 3 → 200. */
const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5 };
const GET = { method: 'GET', guarded: true, attempt: 1, nowMs: NOW } as const;
const POST = { method: 'POST', guarded: false, attempt: 1, nowMs: NOW } as const;

type Row = [name: string, input: RetryInput, expected: { retry: boolean; reason: string; waitMs: number }];

const rows: Row[] = [
  [
    '429 with Retry-After seconds',
    { ...GET, status: 429, headers: { 'retry-after': '3' } },
    { retry: true, reason: 'rate_limited', waitMs: 3_000 },
  ],
  [
    '429 with Retry-After HTTP-date',
    { ...GET, status: 429, headers: new Headers({ 'Retry-After': 'Wed, 21 Oct 2026 07:28:10 GMT' }) },
    { retry: true, reason: 'rate_limited', waitMs: 10_000 },
  ],
  [
    '429 with x-retry-after',
    { ...GET, status: 429, headers: { 'X-Retry-After': '2' } },
    { retry: true, reason: 'rate_limited', waitMs: 2_000 },
  ],
  [
    '429 on an unguarded POST without a wait: backoff',
    { ...POST, status: 429 },
    { retry: true, reason: 'rate_limited', waitMs: 50 },
  ],
  [
    'throttled 200 with vendorWaitMs',
    { ...POST, status: 200, throttled: true, vendorWaitMs: 1_500 },
    { retry: true, reason: 'rate_limited', waitMs: 1_500 },
  ],
  [
    'throttled 200 with a fractional vendor wait: rounded up',
    { ...GET, status: 200, throttled: true, vendorWaitMs: 10.2 },
    { retry: true, reason: 'rate_limited', waitMs: 11 },
  ],
  [
    'header and body waits: the longer one',
    { ...GET, status: 429, headers: { 'retry-after': '1' }, vendorWaitMs: 4_000 },
    { retry: true, reason: 'rate_limited', waitMs: 4_000 },
  ],
  [
    'vendor wait above maxDelayMs: exactly the vendor wait',
    { ...GET, status: 429, headers: { 'retry-after': '60' } },
    { retry: true, reason: 'rate_limited', waitMs: 60_000 },
  ],
  [
    'vendor wait above maxVendorWaitMs: give up',
    { ...GET, status: 429, headers: { 'retry-after': '3600' } },
    { retry: false, reason: 'vendor_wait_too_long', waitMs: 3_600_000 },
  ],
  ...[500, 502, 503, 504].map((status): Row => [
    `${status} on a guarded GET`,
    { ...GET, status },
    { retry: true, reason: 'server_error', waitMs: 50 },
  ]),
  ...[500, 502, 503, 504].map((status): Row => [
    `${status} on an unguarded POST`,
    { ...POST, status },
    { retry: false, reason: 'unguarded_server_error', waitMs: 0 },
  ]),
  [
    '503 on a guarded POST (GraphQL query)',
    { ...POST, guarded: true, status: 503 },
    { retry: true, reason: 'server_error', waitMs: 50 },
  ],
  [
    '503 with Retry-After on a guarded GET',
    { ...GET, status: 503, headers: { 'retry-after': '7' } },
    { retry: true, reason: 'server_error', waitMs: 7_000 },
  ],
  ['501 is never retried', { ...GET, status: 501 }, { retry: false, reason: 'not_implemented', waitMs: 0 }],
  [
    'timeout on an unguarded POST: may have committed',
    { ...POST, error: 'timeout' },
    { retry: false, reason: 'unguarded_timeout', waitMs: 0 },
  ],
  ['timeout on a guarded GET', { ...GET, error: 'timeout' }, { retry: true, reason: 'timeout', waitMs: 50 }],
  [
    'network error on a guarded GET',
    { ...GET, error: 'network' },
    { retry: true, reason: 'network', waitMs: 50 },
  ],
  [
    'network error on an unguarded POST',
    { ...POST, error: 'network' },
    { retry: false, reason: 'unguarded_network', waitMs: 0 },
  ],
  ...[400, 401, 403, 404, 409, 422].map((status): Row => [
    `${status} on a guarded GET`,
    { ...GET, status },
    { retry: false, reason: 'client_error', waitMs: 0 },
  ]),
  ['408 on a guarded GET', { ...GET, status: 408 }, { retry: true, reason: 'request_timeout', waitMs: 50 }],
  [
    '408 on an unguarded POST',
    { ...POST, status: 408 },
    { retry: false, reason: 'unguarded_request_timeout', waitMs: 0 },
  ],
  [
    'a 200 that is not throttled',
    { ...GET, status: 200 },
    { retry: false, reason: 'not_an_error', waitMs: 0 },
  ],
  [
    'attempt 4 of 5 still retries',
    { ...GET, attempt: 4, status: 503 },
    { retry: true, reason: 'server_error', waitMs: 400 },
  ],
  [
    'attempts exhausted',
    { ...GET, attempt: 5, status: 503 },
    { retry: false, reason: 'attempts_exhausted', waitMs: 0 },
  ],
  [
    'attempts exhausted on a 429 too',
    { ...GET, attempt: 5, status: 429, headers: { 'retry-after': '1' } },
    { retry: false, reason: 'attempts_exhausted', waitMs: 0 },
  ],
  [
    'backoff grows exponentially: attempt 3',
    { ...GET, attempt: 3, status: 503 },
    { retry: true, reason: 'server_error', waitMs: 200 },
  ],
];

describe('decideRetry', () => {
  it.each(rows)('given %s when deciding then the decision matches', (_name, input, expected) => {
    expect(decideRetry(input, { ...policy, maxAttempts: 5 })).toEqual(expected);
  });

  it('given a late attempt when backing off then the wait is capped at maxDelayMs and jittered by random', () => {
    const input: RetryInput = { ...GET, attempt: 4, status: 503 };
    const late = { ...policy, maxAttempts: 100 };
    expect(decideRetry({ ...input, attempt: 40 }, { ...late, random: () => 0.999 }).waitMs).toBe(999);
    expect(decideRetry({ ...input, attempt: 40 }, { ...late, random: () => 0 }).waitMs).toBe(0);
    expect(decideRetry({ ...input, attempt: 40 }, { ...late, random: () => 0.25 }).waitMs).toBe(250);
    expect(
      decideRetry({ ...input, attempt: 2000 }, { ...late, maxAttempts: 5000, random: () => 0.5 }).waitMs,
    ).toBe(500);
  });

  it('given no policy when deciding then the defaults apply (5 attempts)', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(5);
    expect(decideRetry({ ...GET, attempt: 5, status: 503 }).reason).toBe('attempts_exhausted');
    expect(decideRetry({ ...GET, attempt: 4, status: 503 }).retry).toBe(true);
  });

  it('given a random() that misbehaves when backing off then the wait stays within [0, cap]', () => {
    expect(backoffMs(1, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => 7 })).toBe(100);
    expect(backoffMs(1, { baseDelayMs: 100, maxDelayMs: 1_000, random: () => -3 })).toBe(0);
  });

  const arbInput = fc.record({
    attempt: fc.integer({ min: 1, max: 60 }),
    guarded: fc.boolean(),
    method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
    status: fc.option(fc.constantFrom(200, 400, 401, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504), {
      nil: undefined,
    }),
    error: fc.option(fc.constantFrom('timeout' as const, 'network' as const), { nil: undefined }),
    throttled: fc.boolean(),
    retryAfterSec: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    vendorWaitMs: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  });
  const arbPolicy = fc.record({
    maxAttempts: fc.integer({ min: 1, max: 20 }),
    baseDelayMs: fc.integer({ min: 0, max: 5_000 }),
    maxDelayMs: fc.integer({ min: 0, max: 60_000 }),
    maxVendorWaitMs: fc.integer({ min: 0, max: 1_000_000 }),
    r: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  });

  it('property: waitMs is within [0, maxDelayMs] unless the vendor asked for longer, then exactly that', () => {
    fc.assert(
      fc.property(arbInput, arbPolicy, (inp, pol) => {
        const headers = inp.retryAfterSec === undefined ? {} : { 'retry-after': String(inp.retryAfterSec) };
        const d = decideRetry({ ...inp, headers, nowMs: NOW }, { ...pol, random: () => pol.r });
        const waits = [
          inp.retryAfterSec === undefined ? undefined : inp.retryAfterSec * 1000,
          inp.vendorWaitMs,
        ];
        const known = waits.filter((w): w is number => w !== undefined);
        const asked = known.length > 0 ? Math.max(...known) : undefined;
        if (d.retry && asked !== undefined) expect(d.waitMs).toBe(asked);
        else if (d.reason === 'vendor_wait_too_long') expect(d.waitMs).toBe(asked);
        else {
          expect(d.waitMs).toBeGreaterThanOrEqual(0);
          expect(d.waitMs).toBeLessThanOrEqual(pol.maxDelayMs);
        }
        if (!d.retry && d.reason !== 'vendor_wait_too_long') expect(d.waitMs).toBe(0);
      }),
      { numRuns: 2_000 },
    );
  });

  it('property: an unguarded call is retried only when the vendor refused it (429 / throttled)', () => {
    fc.assert(
      fc.property(arbInput, (inp) => {
        const d = decideRetry({ ...inp, guarded: false, nowMs: NOW }, { maxAttempts: 100 });
        if (d.retry) expect(inp.status === 429 || inp.throttled).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 5 ', 5_000],
    ['2.0', 2_000],
    ['0.25', 250],
    ['Wed, 21 Oct 2026 07:28:30 GMT', 30_000],
    ['Wed, 21 Oct 2026 07:27:00 GMT', 0],
    ['', undefined],
    ['soon', undefined],
    ['-1', undefined],
    ['1e3', undefined],
  ])('given %j when parsed then %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('given no value when parsed then undefined', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});
