import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql, subscribe, webhookReceiver } from './testing.js';

let sim: ShopifySimulator;

beforeAll(async () => {
  sim = await startShopifySimulator({
    seed: { products: 40, variantsPerProduct: [1, 4], customers: 2, orders: 2, seed: 9 },
  });
});
afterAll(async () => {
  await sim.close();
});

const RUN = `mutation($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: false) { bulkOperation { id status } userErrors { field message code } }
}`;
const STATUS = `query($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url partialDataUrl } }`;

async function waitFor(id: string) {
  for (let i = 0; i < 500; i++) {
    const op = (await gql(sim, STATUS, { id })).body.data.bulkOperation;
    if (op.status !== 'CREATED' && op.status !== 'RUNNING') return op;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('bulk operation did not finish');
}

async function runToEnd(query: string) {
  const started = await gql(sim, RUN, { query });
  const { bulkOperation, userErrors } = started.body.data.bulkOperationRunQuery;
  expect(userErrors).toEqual([]);
  expect(bulkOperation.status).toBe('CREATED');
  const op = await waitFor(bulkOperation.id);
  const text = op.url ? await (await fetch(op.url)).text() : '';
  return {
    op,
    lines: text
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, string>),
  };
}

describe('bulk query operations', () => {
  it('given products with variants when run in bulk then one JSONL line per object with correct __parentId', async () => {
    const { op, lines } = await runToEnd(
      '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }',
    );
    const products = sim.state.products;
    const variants = sim.state.variants;
    expect(op).toMatchObject({
      status: 'COMPLETED',
      errorCode: null,
      objectCount: String(products.length + variants.length),
      rootObjectCount: String(products.length),
    });
    expect(op.url).toMatch(new RegExp(`^${sim.url}/bulk/\\d+\\.jsonl$`));
    expect(lines).toHaveLength(products.length + variants.length);
    const productLines = lines.filter((line) => !line.__parentId);
    expect(productLines.map((line) => line.id)).toEqual(products.map((p) => p.id));
    for (const line of lines.filter((l) => l.__parentId)) {
      const variant = variants.find((v) => v.id === line.id)!;
      expect(line.__parentId).toBe(variant.product.id);
      expect(line.sku).toBe(variant.sku);
    }
  });

  it('given two levels of nested connections when run in bulk then grandchildren point at their own parent', async () => {
    const query = `{ products { edges { node { id variants { edges { node { id metafields(namespace: "custom") { edges { node { key value } } } } } } } } } }`;
    const { lines } = await runToEnd(query);
    const metafields = sim.state.variants.reduce((sum, v) => sum + v.metafieldList().length, 0);
    expect(lines).toHaveLength(sim.state.products.length + sim.state.variants.length + metafields);
    const material = lines.find((line) => line.key === 'material')!;
    expect(material.__parentId).toMatch(/^gid:\/\/shopify\/ProductVariant\//);
  });

  it('given a bulk query already running when another is started then OPERATION_IN_PROGRESS', async () => {
    const query = '{ products { edges { node { id } } } }';
    const response = await gql(
      sim,
      `mutation($query: String!) {
        a: bulkOperationRunQuery(query: $query) { bulkOperation { id } userErrors { code message } }
        b: bulkOperationRunQuery(query: $query) { bulkOperation { id } userErrors { code message } }
      }`,
      { query },
    );
    const { a, b } = response.body.data;
    expect(a.userErrors).toEqual([]);
    expect(b.bulkOperation).toBeNull();
    expect(b.userErrors).toEqual([
      {
        code: 'OPERATION_IN_PROGRESS',
        message: `A bulk query operation for this app and shop is already in progress: ${a.bulkOperation.id}.`,
      },
    ]);
    expect(response.body.extensions.cost.requestedQueryCost).toBe(20);
    expect((await waitFor(a.bulkOperation.id)).status).toBe('COMPLETED');
  });

  it('given an invalid bulk query when started then an INVALID userError and no operation', async () => {
    const count = sim.state.bulkOperations.length;
    const response = await gql(sim, RUN, { query: '{ shop { id } }' });
    expect(response.body.data.bulkOperationRunQuery).toEqual({
      bulkOperation: null,
      userErrors: [
        { field: ['query'], message: 'Bulk queries must contain at least one connection.', code: 'INVALID' },
      ],
    });
    expect(sim.state.bulkOperations.length).toBe(count);
  });

  it('given a BULK_OPERATIONS_FINISH subscription when an operation completes then the webhook says so', async () => {
    const receiver = await webhookReceiver();
    try {
      await subscribe(sim, 'BULK_OPERATIONS_FINISH', receiver.url);
      const { op } = await runToEnd('{ customers { edges { node { id } } } }');
      await sim.flushWebhooks();
      const finished = receiver.received
        .map((r) => JSON.parse(r.body))
        .find((b) => b.admin_graphql_api_id === op.id);
      expect(finished).toMatchObject({ status: 'completed', type: 'query', error_code: null });
      expect(
        receiver.received.find((r) => JSON.parse(r.body).admin_graphql_api_id === op.id)!.headers[
          'x-shopify-topic'
        ],
      ).toBe('bulk_operations/finish');
    } finally {
      await receiver.close();
    }
  });
});
