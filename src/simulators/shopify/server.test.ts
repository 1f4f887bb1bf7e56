import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestedCost } from './cost.js';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { shopifySchema } from './schema.js';
import { gql, ManualClock } from './testing.js';

let sim: ShopifySimulator;
const clock = new ManualClock();

beforeAll(async () => {
  sim = await startShopifySimulator({
    seed: { products: 620, variantsPerProduct: [1, 2], customers: 5, orders: 3, seed: 21 },
    clock,
  });
});
afterAll(async () => {
  await sim.close();
});

describe('Shopify simulator over HTTP: the wire', () => {
  it('given no or a wrong access token when calling then 401 with Shopify’s body', async () => {
    for (const token of [null, 'shpat_wrong']) {
      const response = await gql(sim, '{ shop { id } }', {}, token);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      });
    }
  });

  it('given an unknown API version when calling then 404', async () => {
    const response = await fetch(`${sim.url}/admin/api/2019-04/graphql.json`, {
      method: 'POST',
      headers: { 'X-Shopify-Access-Token': sim.accessToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ shop { id } }' }),
    });
    expect(response.status).toBe(404);
  });

  it('given a field that does not exist when querying then a Shopify-shaped validation error and no data', async () => {
    const response = await gql(sim, 'query Q { shop { id nonsense } }');
    expect(response.status).toBe(200);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      {
        message: "Field 'nonsense' doesn't exist on type 'Shop'",
        locations: [{ line: 1, column: 21 }],
        path: ['query Q', 'shop', 'nonsense'],
        extensions: { code: 'undefinedField', typeName: 'Shop', fieldName: 'nonsense' },
      },
    ]);
  });

  it('given first: 250 when paging products to the end then every product comes exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response = await gql(
        sim,
        'query($after: String) { products(first: 250, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const { nodes, pageInfo } = response.body.data.products;
      seen.push(...nodes.map((n: { id: string }) => n.id));
      pages += 1;
      clock.advance(10_000);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(620);
    expect(new Set(seen)).toEqual(new Set(sim.state.products.map((p) => p.id)));
  });

  it('given a query when executed then extensions.cost reports the static requested cost and the actual one', async () => {
    const query = '{ products(first: 5) { nodes { id variants(first: 3) { nodes { id sku } } } } }';
    const document = parse(query);
    const operation = document.definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION,
    ) as OperationDefinitionNode;
    const response = await gql(sim, query);
    const cost = response.body.extensions.cost;
    expect(cost.requestedQueryCost).toBe(requestedCost(shopifySchema(), document, operation, {}));
    expect(cost.requestedQueryCost).toBe(2 + 5 * (1 + 2 + 3));
    const variants = response.body.data.products.nodes.reduce(
      (sum: number, p: { variants: { nodes: unknown[] } }) => sum + p.variants.nodes.length,
      0,
    );
    expect(cost.actualQueryCost).toBe(2 + 5 * 3 + variants);
    expect(cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
  });

  it('given a single query over 1000 points when sent then MAX_COST_EXCEEDED and nothing runs', async () => {
    const response = await gql(
      sim,
      '{ products(first: 250) { nodes { variants(first: 10) { nodes { id } } } } }',
    );
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors[0].extensions).toMatchObject({
      code: 'MAX_COST_EXCEEDED',
      cost: 3252,
      maxCost: 1000,
    });
    expect(response.body.errors[0].message).toMatch(
      /^Query cost is 3252, which exceeds the single query max cost limit \(1000\)\./,
    );
  });

  it('given first: 251 when paging then the page size is refused', async () => {
    const response = await gql(sim, '{ products(first: 251) { nodes { id } } }');
    expect(response.body.data).toBeNull();
    expect(response.body.errors[0]).toMatchObject({ message: 'first cannot exceed 250', path: ['products'] });
  });

  it('given an empty bucket when queried then THROTTLED, and after the clock moves the same query runs', async () => {
    sim.withRateLimit({ restoreRate: 50, bucketSize: 1000 });
    const query = '{ products(first: 248) { nodes { id } } }'; // 250 points
    for (let i = 0; i < 4; i++) expect((await gql(sim, query)).body.data.products.nodes).toHaveLength(248);
    const before = sim.stats.throttled;
    // The actual cost (250) was charged each time: the bucket is now empty.
    const throttled = await gql(sim, query);
    expect(throttled.status).toBe(200);
    expect(throttled.body.data).toBeUndefined();
    expect(throttled.body.errors).toEqual([
      {
        message: 'Throttled',
        extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
      },
    ]);
    expect(throttled.body.extensions.cost).toEqual({
      requestedQueryCost: 250,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 },
    });
    expect(sim.stats.throttled).toBe(before + 1);
    clock.advance(4_999);
    expect((await gql(sim, query)).body.errors?.[0]?.extensions.code).toBe('THROTTLED');
    clock.advance(1);
    expect((await gql(sim, query)).body.data.products.nodes).toHaveLength(248);
    sim.withRateLimit({ restoreRate: 100, bucketSize: 2000 });
  });

  it('given failNext(503) when the next request is sent then it gets 503, and the one after succeeds', async () => {
    sim.failNext(503);
    const failed = await gql(sim, '{ shop { id } }');
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ errors: 'Service Unavailable' });
    const ok = await gql(sim, '{ shop { id } }');
    expect(ok.status).toBe(200);
    expect(ok.body.data.shop.id).toMatch(/^gid:\/\/shopify\/Shop\//);
  });

  it('given failNext(429, 2) when two requests are sent then both get 429 with Retry-After', async () => {
    sim.failNext(429, 2);
    for (let i = 0; i < 2; i++) {
      const response = await gql(sim, '{ shop { id } }');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('2.0');
    }
    expect((await gql(sim, '{ shop { id } }')).status).toBe(200);
  });

  it('given connections without first or last when queried then Shopify’s error with data null', async () => {
    const response = await gql(sim, '{ products { nodes { id } } }');
    expect(response.body.data).toBeNull();
    expect(response.body.errors[0]).toMatchObject({
      message: 'you must provide one of first or last',
      path: ['products'],
    });
  });

  it('given a variable of the wrong type when sent then an invalid-variable error and no execution', async () => {
    const response = await gql(sim, 'query($id: ID!) { product(id: $id) { id } }', {});
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors[0].message).toBe('Variable $id of type ID! was provided invalid value');
  });
});
