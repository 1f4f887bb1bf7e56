import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncStateStore } from '../../sync/state.js';
import { TEST_DATABASE_URL } from '../../store/testing.js';
import { startRestServer, type RestServer } from './server.js';
import { seededApi, type SeededApi } from './testing.js';

describe(`webhooks and sync status on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await seededApi();
  });
  afterAll(() => api.close());

  /** A product-update event for delivery `id`, in `MemoryPlatform`'s webhook body format. */
  const event = (id: string) =>
    JSON.stringify({ id, topic: 'products/update', stream: 'products', external_id: 'gid://fake/Product/1' });
  /** Posts `rawBody`, signed with merchant A's platform secret ('valid') or with a forged HMAC. */
  const deliver = (
    delivery: string,
    signature: 'valid' | 'forged' = 'valid',
    path = '/webhooks/mer_a/shopify',
    rawBody = event(delivery),
  ) =>
    api.call('POST', path, {
      rawBody,
      headers: {
        'x-memory-signature': signature === 'valid' ? api.platformA.sign(rawBody) : 'ab'.repeat(32),
      },
    });

  it('given a signed delivery without an API key when posted then it is applied once and its repeat is a duplicate', async () => {
    const first = await deliver('d-1');
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const again = await deliver('d-1');
    expect(await again.json()).toEqual({ received: true, duplicate: true });
  });

  it('given a body with odd whitespace when delivered then the connector verifies the raw bytes as sent', async () => {
    const raw = `{ "id" :\n "d-raw" ,"topic":"products/update", "stream":"products","external_id":"gid://fake/Product/1","x":"é" }`;
    await deliver('d-raw', 'valid', '/webhooks/mer_a/shopify', raw);
    expect(api.platformA.webhookBodies.at(-1)).toBe(raw);
  });

  it('given a bad signature when delivered then it is a 401 problem', async () => {
    const res = await deliver('d-2', 'forged');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('invalid_webhook_signature');
  });

  it('given an unknown system when delivered then it is a 404 problem', async () => {
    const res = await deliver('d-3', 'valid', '/webhooks/mer_a/woo');
    expect(res.status).toBe(404);
  });

  it('given a delivery over 1 MB when posted then it is 413 and never verified', async () => {
    const count = api.platformA.webhookBodies.length;
    const res = await deliver(
      'd-4',
      'valid',
      '/webhooks/mer_a/shopify',
      `{"id":"${'x'.repeat(1024 * 1024)}"}`,
    );
    expect(res.status).toBe(413);
    expect(api.platformA.webhookBodies.length).toBe(count);
  });

  it('given sync state for each merchant when GET /sync/status then each sees only its own streams', async () => {
    const state = new SyncStateStore(api.db);
    await state.started('mer_a', 'shopify', 'products');
    await state.started('mer_b', 'shopify', 'orders');
    const res = await api.call('GET', '/sync/status', { key: api.keyA });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { system: string; stream: string; status: string }[] };
    expect(body.data.map((s) => [s.system, s.stream, s.status])).toEqual([
      ['shopify', 'products', 'running'],
    ]);
  });
});

describe('startRestServer', () => {
  let api: SeededApi;
  let server: RestServer;
  beforeAll(async () => {
    api = await seededApi();
    server = await startRestServer(api.rt, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    await api.close();
  });

  it('given port 0 when started then it serves over real HTTP at the url it reports', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const products = await fetch(`${server.url}/products?limit=2`, {
      headers: { authorization: `Bearer ${api.keyA}` },
    });
    expect(((await products.json()) as { data: unknown[] }).data).toHaveLength(2);
  });

  it('given a port already in use when started then it rejects instead of hanging', async () => {
    const port = Number(new URL(server.url).port);
    await expect(startRestServer(api.rt, { port, host: '127.0.0.1' })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
