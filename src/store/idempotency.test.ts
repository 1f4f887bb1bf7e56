import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './db.js';
import {
  DEFAULT_LOCK_MS,
  IdempotencyStore,
  KEY_RETENTION_MS,
  canonicalJson,
  isValidIdempotencyKey,
  requestFingerprint,
  type IdempotencyRequest,
} from './idempotency.js';
import { openTestDatabase, TEST_DATABASE_URL } from './testing.js';

const T0 = Date.parse('2026-03-01T12:00:00Z');

describe('requestFingerprint and canonicalJson', () => {
  it('given the same body with keys in another order when fingerprinted then the fingerprints are equal', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (body) => {
        const reversed = Object.fromEntries(Object.entries(body).reverse());
        expect(requestFingerprint('POST', '/orders', reversed)).toBe(
          requestFingerprint('POST', '/orders', body),
        );
      }),
    );
  });

  it('given bodies whose canonical JSON differs when fingerprinted then the fingerprints differ', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        fc.pre(canonicalJson(a) !== canonicalJson(b));
        expect(requestFingerprint('POST', '/orders', a)).not.toBe(requestFingerprint('POST', '/orders', b));
      }),
    );
  });

  it('given the same body on another route or method when fingerprinted then the fingerprints differ', () => {
    const body = { lines: [{ sku: 'A', quantity: 1 }] };
    const base = requestFingerprint('POST', '/orders', body);
    expect(requestFingerprint('POST', '/quotes', body)).not.toBe(base);
    expect(requestFingerprint('PUT', '/orders', body)).not.toBe(base);
  });

  it('given nested objects when made canonical then keys are sorted at every level and arrays keep their order', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 2 }, 3], a: null, c: undefined })).toBe(
      '{"a":null,"b":[{"a":2,"z":1},3]}',
    );
  });
});

describe('isValidIdempotencyKey', () => {
  it('given 1 to 255 visible ASCII characters when checked then the key is valid', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
          minLength: 1,
          maxLength: 255,
        }),
        (key) => {
          expect(isValidIdempotencyKey(key)).toBe(true);
        },
      ),
    );
  });

  it('given an empty, too long, spaced, control or non-ASCII key when checked then it is invalid', () => {
    for (const key of ['', 'x'.repeat(256), 'a b', 'tab\there', 'new\nline', 'café', '\u007f']) {
      expect(isValidIdempotencyKey(key), JSON.stringify(key)).toBe(false);
    }
  });
});

describe(`IdempotencyStore on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  let now: number;
  let store: IdempotencyStore;
  let n = 0;
  let request: IdempotencyRequest;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());
  beforeEach(() => {
    now = T0;
    store = new IdempotencyStore(db, { now: () => now });
    n += 1;
    request = { merchantId: 'mer_a', scope: 'POST /orders', key: `key-${n}`, fingerprint: 'f'.repeat(64) };
  });

  it('given a fresh key when begun, completed with 201 and begun again then the second call replays the stored response', async () => {
    const first = await store.begin(request);
    expect(first.status).toBe('new');
    if (first.status !== 'new') return;
    expect(await store.complete(first.lease, 201, { id: 'ord_1', total: { amount: 100 } })).toBe(true);
    expect(await store.begin(request)).toEqual({
      status: 'replay',
      response: { status: 201, body: { id: 'ord_1', total: { amount: 100 } } },
    });
  });

  it('given a 4xx outcome when completed then it is stored and replayed too', async () => {
    const first = await store.begin(request);
    if (first.status !== 'new') throw new Error('expected new');
    await store.complete(first.lease, 409, { code: 'insufficient_stock' });
    expect(await store.begin(request)).toEqual({
      status: 'replay',
      response: { status: 409, body: { code: 'insufficient_stock' } },
    });
  });

  it('given a claimed key when the same request begins again while in flight then it is told in_flight', async () => {
    expect((await store.begin(request)).status).toBe('new');
    now += DEFAULT_LOCK_MS - 1;
    expect(await store.begin(request)).toEqual({ status: 'in_flight' });
  });

  it('given a used key when another request uses it (in flight or completed) then it is a mismatch', async () => {
    const other = { ...request, fingerprint: 'e'.repeat(64) };
    const first = await store.begin(request);
    expect(await store.begin(other)).toEqual({ status: 'mismatch' });
    if (first.status !== 'new') throw new Error('expected new');
    await store.complete(first.lease, 201, {});
    expect(await store.begin(other)).toEqual({ status: 'mismatch' });
  });

  it('given a 5xx outcome when completed then the key is released and a retry is new again', async () => {
    const first = await store.begin(request);
    if (first.status !== 'new') throw new Error('expected new');
    expect(await store.complete(first.lease, 503, { code: 'upstream' })).toBe(true);
    const retry = await store.begin({ ...request, fingerprint: 'e'.repeat(64) });
    expect(retry.status).toBe('new');
  });

  it('given a released claim when begun again then it is new', async () => {
    const first = await store.begin(request);
    if (first.status !== 'new') throw new Error('expected new');
    expect(await store.release(first.lease)).toBe(true);
    expect((await store.begin(request)).status).toBe('new');
  });

  it('given a crashed claim whose lease expired when the same request begins then it takes over and the old lease is stale', async () => {
    const crashed = await store.begin(request);
    if (crashed.status !== 'new') throw new Error('expected new');
    now += DEFAULT_LOCK_MS + 1;
    const takeover = await store.begin(request);
    expect(takeover.status).toBe('new');
    if (takeover.status !== 'new') return;
    expect(await store.complete(crashed.lease, 201, { from: 'crashed' })).toBe(false);
    expect(await store.release(crashed.lease)).toBe(false);
    expect(await store.complete(takeover.lease, 201, { from: 'takeover' })).toBe(true);
    expect(await store.begin(request)).toEqual({
      status: 'replay',
      response: { status: 201, body: { from: 'takeover' } },
    });
  });

  it('given an expired claim when another request begins with the key then it is still a mismatch', async () => {
    await store.begin(request);
    now += DEFAULT_LOCK_MS + 1;
    expect(await store.begin({ ...request, fingerprint: 'e'.repeat(64) })).toEqual({ status: 'mismatch' });
  });

  it('given one key string when used by another merchant or scope then each is its own key', async () => {
    expect((await store.begin(request)).status).toBe('new');
    expect((await store.begin({ ...request, merchantId: 'mer_b' })).status).toBe('new');
    expect((await store.begin({ ...request, scope: 'POST /refunds' })).status).toBe('new');
  });

  it('given an invalid key when begun then a validation error names Idempotency-Key and nothing is stored', async () => {
    const before = await db.query<{ n: number }>(`select count(*)::int as n from idempotency_keys`);
    await expect(store.begin({ ...request, key: 'has space' })).rejects.toMatchObject({
      category: 'validation',
      issues: [{ field: 'Idempotency-Key' }],
    });
    const after = await db.query<{ n: number }>(`select count(*)::int as n from idempotency_keys`);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('given many requests racing for one key when begun together then exactly one is new and the rest are in flight', async () => {
    const racers = Array.from({ length: 8 }, () => new IdempotencyStore(db, { now: () => now }));
    const results = await Promise.all(racers.map((s) => s.begin(request)));
    expect(results.filter((r) => r.status === 'new')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'in_flight')).toHaveLength(7);
  });

  it('given several expired claims of one request racing to take over when begun together then exactly one is new', async () => {
    await store.begin(request);
    now += DEFAULT_LOCK_MS + 1;
    const results = await Promise.all(Array.from({ length: 6 }, () => store.begin(request)));
    expect(results.filter((r) => r.status === 'new')).toHaveLength(1);
  });

  it('given keys of different ages when purged then only keys older than 24 h go, even when asked for a later cutoff', async () => {
    const merchantId = `mer_purge_${n}`;
    const old = await store.begin({ ...request, merchantId, key: 'old' });
    if (old.status !== 'new') throw new Error('expected new');
    await store.complete(old.lease, 201, {});
    now += KEY_RETENTION_MS - 1000;
    const young = await store.begin({ ...request, merchantId, key: 'young' });
    if (young.status !== 'new') throw new Error('expected new');
    await store.complete(young.lease, 201, {});
    now += 2000;
    expect(await store.purgeExpired(new Date(now))).toBeGreaterThanOrEqual(1);
    const { rows } = await db.query<{ key: string }>(
      `select key from idempotency_keys where merchant_id = $1`,
      [merchantId],
    );
    expect(rows.map((r) => r.key)).toEqual(['young']);
  });
});
