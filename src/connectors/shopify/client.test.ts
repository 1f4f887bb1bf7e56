import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { forgetSharedLimiters, RecordingClock } from '../kit/index.js';
import { ShopifyGraphQLClient } from './client.js';
import { scriptedGraphql as stub, type ScriptedGraphql as Stub } from './testing.js';

const cost = (
  requested: number,
  actual: number | null,
  available: number,
  maximum = 2000,
  restore = 100,
) => ({
  cost: {
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: { maximumAvailable: maximum, currentlyAvailable: available, restoreRate: restore },
  },
});
const throttled = (requested: number, available: number) => ({
  errors: [
    {
      message: 'Throttled',
      extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
    },
  ],
  extensions: cost(requested, null, available),
});

const TOKEN = 'shpat_very_secret_token';
const QUERY = '{ products(first: 10) { nodes { id } } }';
let server: Stub | undefined;
let clock: RecordingClock;

function client(url: string) {
  return new ShopifyGraphQLClient({
    shop: 'test.myshopify.com',
    endpoint: url,
    accessToken: TOKEN,
    plan: 'standard',
    clock,
    retry: { random: () => 0.5 },
  });
}

beforeEach(() => {
  forgetSharedLimiters();
  clock = new RecordingClock(1_000_000);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('ShopifyGraphQLClient', () => {
  it('given a query when Shopify answers then data is returned and the token header was sent', async () => {
    server = await stub([{ body: { data: { products: { nodes: [] } }, extensions: cost(12, 2, 1998) } }]);
    const gql = client(server.url);
    await expect(gql.request(QUERY)).resolves.toEqual({ products: { nodes: [] } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['x-shopify-access-token']).toBe(TOKEN);
    expect(server.requests[0]!.body.query).toBe(QUERY);
  });

  it('given THROTTLED with HTTP 200 when requested then it waits what throttleStatus implies and retries; the caller never sees it', async () => {
    server = await stub([
      { body: throttled(12, 2) }, // needs 10 more points at 100/s → 100 ms
      { body: { data: { ok: true }, extensions: cost(12, 12, 0) } },
    ]);
    const gql = client(server.url);
    await expect(gql.request(QUERY)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(clock.waits).toContain(100);
    expect(gql.stats.throttled).toBe(1);
  });

  it('given THROTTLED with HTTP 429 when requested then it is retried too and the bucket learns the server figures', async () => {
    server = await stub([
      { status: 429, body: throttled(12, 0) },
      { body: { data: { ok: true }, extensions: cost(12, 12, 0) } },
    ]);
    // No jitter: the kit's backoff for a 429 is 0 here, so any wait comes from the cost bucket.
    const gql = new ShopifyGraphQLClient({
      shop: 'x.myshopify.com',
      endpoint: server.url,
      accessToken: TOKEN,
      plan: 'standard',
      clock,
      retry: { random: () => 0 },
    });
    await expect(gql.request(QUERY)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    // The second attempt waited for the bucket to hold 12 points again: 12 / 100 per s = 120 ms.
    expect(clock.waits).toContain(120);
  });

  it('given THROTTLED on every attempt when attempts run out then a rate_limited error reaches the caller', async () => {
    server = await stub(Array.from({ length: 3 }, () => ({ body: throttled(12, 0) })));
    const gql = new ShopifyGraphQLClient({
      shop: 'x.myshopify.com',
      endpoint: server.url,
      accessToken: TOKEN,
      plan: 'standard',
      clock,
      retry: { maxAttempts: 3, random: () => 0 },
    });
    const error = await gql.request(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcordError);
    expect((error as ConcordError).category).toBe('rate_limited');
    expect(server.requests).toHaveLength(3);
  });

  it('given a reported cost when answered then the bucket is reset to the server figures and unspent points refunded', async () => {
    server = await stub([{ body: { data: { ok: true }, extensions: cost(300, 40, 1500) } }]);
    const gql = client(server.url);
    await gql.request(QUERY);
    expect(gql.bucket.available()).toBe(1500);
    expect(gql.stats).toMatchObject({ requestedCost: 300, actualCost: 40 });
    // Next time the same document costs what Shopify said, not the static estimate (12).
    expect(gql.expectedCost(QUERY)).toBe(300);
  });

  it('given a smaller bucket reported by Shopify then the cost budget shrinks to it', async () => {
    server = await stub([{ body: { data: { ok: true }, extensions: cost(2, 2, 90, 100, 50) } }]);
    const gql = client(server.url);
    expect(gql.costBudget()).toBe(1000);
    await gql.request('{ shop { id } }');
    expect(gql.costBudget()).toBe(100);
  });

  it('given a GraphQL error without data then it is a validation error with the message, sent once', async () => {
    server = await stub([
      {
        body: {
          errors: [
            { message: "Field 'nope' doesn't exist on type 'Shop'", extensions: { code: 'undefinedField' } },
          ],
        },
      },
    ]);
    const error = (await client(server.url)
      .request('{ shop { nope } }')
      .catch((e: unknown) => e)) as ConcordError;
    expect(error.category).toBe('validation');
    expect(error.message).toContain("Field 'nope' doesn't exist");
    expect(error.message).not.toContain(TOKEN);
    expect(error.detail.vendorCode).toBe('undefinedField');
    expect(server.requests).toHaveLength(1);
  });

  it('given a 503 on a query then it is retried (guarded read)', async () => {
    server = await stub([
      { status: 503, body: { errors: 'Service unavailable' } },
      { body: { data: { ok: true }, extensions: cost(12, 1, 1999) } },
    ]);
    await expect(client(server.url).request(QUERY)).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('given a 503 on a mutation without idempotency guard then it is not retried (one request)', async () => {
    server = await stub([{ status: 503, body: { errors: 'Service unavailable' } }]);
    const error = (await client(server.url)
      .request('mutation { orderCreate(order: {}) { order { id } } }')
      .catch((e: unknown) => e)) as ConcordError;
    expect(error.category).toBe('upstream');
    expect(server.requests).toHaveLength(1);
  });

  it('given a 503 on a guarded mutation then it is retried', async () => {
    server = await stub([
      { status: 503, body: { errors: 'Service unavailable' } },
      { body: { data: { ok: true }, extensions: cost(10, 10, 1990) } },
    ]);
    await client(server.url).request(
      'mutation { refundCreate(input: {}) { refund { id } } }',
      {},
      { guarded: true },
    );
    expect(server.requests).toHaveLength(2);
  });

  it('given a wrong token then the 401 is unauthorized and the error does not quote the token', async () => {
    server = await stub([
      {
        status: 401,
        body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
      },
    ]);
    const error = (await client(server.url)
      .request(QUERY)
      .catch((e: unknown) => e)) as ConcordError;
    expect(error.category).toBe('unauthorized');
    expect(JSON.stringify({ m: error.message, d: error.detail })).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1);
  });
});
