import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcordError, type ErrorCategory } from '../../core/errors.js';
import { TEST_DATABASE_URL } from '../../store/testing.js';
import { TtlCache } from './auth.js';
import { problemOf, problemResponse, statusOf } from './problem.js';
import { seededApi, type SeededApi } from './testing.js';

describe('problem mapping', () => {
  it('given each error category when mapped then it gets its HTTP status', () => {
    const table: [ErrorCategory, string, number][] = [
      ['validation', 'unknown_sku', 422],
      ['validation', 'invalid_request', 400],
      ['validation', 'invalid_cursor', 400],
      ['not_found', 'product_not_found', 404],
      ['conflict', 'insufficient_stock', 409],
      ['unauthorized', 'unauthorized', 401],
      ['forbidden', 'forbidden', 403],
      ['rate_limited', 'rate_limited', 429],
      ['upstream', 'platform_error', 502],
      ['transient', 'timeout', 503],
      ['config', 'no_platform', 500],
    ];
    for (const [category, code, status] of table) {
      expect(statusOf(new ConcordError(category, code, 'x')), `${category}/${code}`).toBe(status);
    }
  });

  it('given a ConcordError with issues and detail when mapped then the problem carries them, reserved members untouched', () => {
    const error = new ConcordError('conflict', 'insufficient_stock', 'Not enough', {
      issues: [{ field: 'lines[0].sku', message: 'only 1' }],
      detail: { available: 1, status: 999, type: 'evil' },
    });
    expect(problemOf(error)).toEqual({
      status: 409,
      body: {
        type: '/problems/insufficient_stock',
        title: 'Insufficient stock',
        status: 409,
        detail: 'Not enough',
        code: 'insufficient_stock',
        errors: [{ field: 'lines[0].sku', message: 'only 1' }],
        available: 1,
      },
    });
  });

  it('given a non-Concord error when mapped then it is an opaque 500 that does not leak the message', () => {
    const { status, body } = problemOf(new Error('password=hunter2 at db.ts:12'));
    expect(status).toBe(500);
    expect(body.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });

  it('given a 401 or a 429 with retry_after_seconds when answered then the right headers are set', () => {
    const unauthorized = problemOf(new ConcordError('unauthorized', 'unauthorized', 'no'));
    expect(problemResponse(unauthorized.status, unauthorized.body).headers.get('www-authenticate')).toMatch(
      /^Bearer/,
    );
    const limited = problemOf(
      new ConcordError('rate_limited', 'rate_limited', 'slow down', { detail: { retry_after_seconds: 2.5 } }),
    );
    expect(problemResponse(limited.status, limited.body).headers.get('retry-after')).toBe('3');
  });
});

describe('TtlCache', () => {
  it('given an entry when its TTL passes then it is gone', () => {
    let now = 0;
    const cache = new TtlCache<string>({ ttlMs: 30_000, now: () => now });
    cache.set('k', 'mer_a');
    now = 29_999;
    expect(cache.get('k')).toBe('mer_a');
    now = 30_000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('given a full cache when another key is set then the oldest goes and the size stays bounded', () => {
    const cache = new TtlCache<number>({ maxEntries: 3 });
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
    expect([cache.get('k6'), cache.get('k7'), cache.get('k8'), cache.get('k9')]).toEqual([
      undefined,
      7,
      8,
      9,
    ]);
  });
});

describe(`REST errors and auth on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let api: SeededApi;
  let now = 1_000_000;
  beforeAll(async () => {
    api = await seededApi({ auth: { ttlMs: 30_000, now: () => now } });
  });
  afterAll(() => api.close());

  it('given no key, a malformed header or an unknown key when calling any API route then it is a 401 problem', async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer' },
      { authorization: 'Bearer ck_unknown' },
    ];
    for (const headers of variants) {
      for (const path of [
        '/products',
        `/products/${api.a.products[0]!.id}`,
        '/locations',
        '/inventory',
        '/customers',
        '/orders',
        '/sync/status',
      ]) {
        const res = await api.call('GET', path, { headers });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
      }
    }
    const post = await api.call('POST', '/orders', { body: {}, headers: { 'Idempotency-Key': 'k' } });
    expect(post.status).toBe(401);
  });

  it('given a valid key when it is revoked then it keeps working until the cache TTL passes, then gets 401', async () => {
    const { secret } = await api.rt.merchants.createApiKey('mer_a', 'revocable');
    expect((await api.call('GET', '/locations', { key: secret })).status).toBe(200);
    await api.db.query(`update api_keys set revoked_at = now() where label = 'revocable'`);
    expect((await api.call('GET', '/locations', { key: secret })).status).toBe(200);
    now += 30_001;
    expect((await api.call('GET', '/locations', { key: secret })).status).toBe(401);
  });

  it('given a cached key when called many times then the merchant is looked up once per TTL', async () => {
    const { secret } = await api.rt.merchants.createApiKey('mer_a', 'counted');
    const original = api.rt.merchants.merchantForKey.bind(api.rt.merchants);
    let lookups = 0;
    api.rt.merchants.merchantForKey = (key: string) => {
      lookups += 1;
      return original(key);
    };
    try {
      for (let i = 0; i < 5; i++)
        expect((await api.call('GET', '/locations', { key: secret })).status).toBe(200);
      expect(lookups).toBe(1);
    } finally {
      api.rt.merchants.merchantForKey = original;
    }
  });

  it('given an unknown route or method when called then it is a 404 problem', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['DELETE', '/products'],
      ['GET', '/docs/assets/../../package.json'],
      ['GET', '/docs/assets/oauth2-redirect.html'],
    ] as const) {
      const res = await api.call(method, path, { key: api.keyA });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('route_not_found');
    }
  });

  it('given GET /healthz without a key when called then it answers ok', async () => {
    const res = await api.call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('given a workflow that throws an unexpected error when called then the client gets an opaque 500 problem', async () => {
    expect((await api.call('GET', '/locations', { key: api.keyA })).status).toBe(200); // key now cached
    const original = api.rt.db.query;
    api.rt.db.query = () => Promise.reject(new Error('secret internals'));
    try {
      // Another query than the one above, so the embedded store's read cache cannot answer it.
      const res = await api.call('GET', '/locations?limit=3', { key: api.keyA });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).toContain('internal_error');
      expect(text).not.toContain('secret internals');
    } finally {
      api.rt.db.query = original;
    }
  });
});
