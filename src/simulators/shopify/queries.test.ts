import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySimulator, type ShopifySimulator } from './index.js';
import { gql } from './testing.js';

// The queries of the Concord contract (field lists as the connector sends them).
const MONEY = '{ shopMoney { amount currencyCode } }';
const ADDRESS = '{ firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone }';
const VARIANT = `id title sku barcode position price compareAtPrice taxable inventoryPolicy createdAt updatedAt
  selectedOptions { name value } product { id }
  inventoryItem { id tracked requiresShipping countryCodeOfOrigin harmonizedSystemCode measurement { weight { value unit } } }
  metafields(first: 10, namespace: "custom") { nodes { key type value } }`;
const PRODUCT = `id title handle descriptionHtml description vendor productType status tags createdAt updatedAt options { name values }
  variants(first: 10) { nodes { ${VARIANT} } pageInfo { hasNextPage endCursor } }`;
const ORDER = `id name email createdAt updatedAt cancelledAt closed tags displayFinancialStatus displayFulfillmentStatus currencyCode
  subtotalPriceSet ${MONEY} totalShippingPriceSet ${MONEY} totalTaxSet ${MONEY} totalPriceSet ${MONEY}
  customer { id } shippingAddress ${ADDRESS}
  lineItems(first: 20) { nodes { id sku title quantity variant { id } originalUnitPriceSet ${MONEY} } }
  fulfillments(first: 10) { id status createdAt location { id } trackingInfo { number company url } }
  refunds(first: 10) { id createdAt note totalRefundedSet ${MONEY} }`;

let sim: ShopifySimulator;

beforeAll(async () => {
  sim = await startShopifySimulator({
    seed: { products: 30, customers: 20, orders: 40, seed: 13 },
    plan: 'enterprise',
  });
});
afterAll(async () => {
  await sim.close();
});

async function data(query: string, variables: Record<string, unknown> = {}) {
  const response = await gql(sim, query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

/** Every node of a root connection, paged 5 at a time (the contract's documents stay under 1000 points). */
async function all(field: string, args: string, selection: string, variables: Record<string, unknown> = {}) {
  const nodes: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const result = await data(
      `query($after: String, $q: String) { ${field}(first: 5, after: $after, ${args}) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      {
        ...variables,
        after,
      },
    );
    nodes.push(...result[field].nodes);
    if (!result[field].pageInfo.hasNextPage) return nodes;
    after = result[field].pageInfo.endCursor;
  }
}

describe('contract queries against the seeded store', () => {
  it('given the shop query when run then identity, currency, timezone and plan come back', async () => {
    const { shop } = await data(
      '{ shop { id name myshopifyDomain currencyCode ianaTimezone plan { partnerDevelopment shopifyPlus } } }',
    );
    expect(shop).toMatchObject({
      myshopifyDomain: sim.shop,
      currencyCode: 'USD',
      ianaTimezone: 'America/New_York',
      plan: { shopifyPlus: true },
    });
  });

  it('given products updated since a date, sorted by UPDATED_AT, when listed then they come in order with variants and metafields', async () => {
    const since = '2026-01-01T00:00:00Z';
    const q = `updated_at:>='${since}'`;
    const nodes = (await all('products', 'query: $q, sortKey: UPDATED_AT', PRODUCT, { q })) as {
      updatedAt: string;
      variants: { nodes: { metafields: { nodes: unknown[] } }[] };
    }[];
    const expected = sim.state.products.filter((p) => p.updatedMs >= Date.parse(since));
    expect(nodes).toHaveLength(expected.length);
    expect(
      (await data('query($q: String) { productsCount(query: $q) { count } }', { q })).productsCount.count,
    ).toBe(expected.length);
    expect(nodes.map((n) => n.updatedAt)).toEqual([...nodes.map((n) => n.updatedAt)].sort());
    expect(nodes.every((n) => n.variants.nodes.every((v) => v.metafields.nodes.length >= 3))).toBe(true);
  });

  it('given a product, a variant and the variants list when read then they agree with the store', async () => {
    const product = sim.state.products[2]!;
    const variant = product.variantList[0]!;
    const result = await data(
      `query($p: ID!, $v: ID!) { product(id: $p) { ${PRODUCT} } productVariant(id: $v) { ${VARIANT} }
        productVariants(first: 5, query: "sku:${variant.sku}") { nodes { id } } productVariantsCount { count } }`,
      { p: product.id, v: variant.id },
    );
    expect(result.product.variants.nodes).toHaveLength(product.variantList.length);
    expect(result.productVariant).toMatchObject({
      sku: variant.sku,
      product: { id: product.id },
      inventoryItem: { id: variant.inventoryItem.id },
    });
    expect(result.productVariants.nodes).toEqual([{ id: variant.id }]);
    expect(result.productVariantsCount.count).toBe(sim.state.variants.length);
  });

  it('given locations with includeInactive when listed then the inactive one is included with its address', async () => {
    const result =
      await data(`{ locations(first: 50, includeInactive: true) { nodes { id name isActive fulfillsOnlineOrders shipsInventory
      isFulfillmentService createdAt updatedAt address { address1 address2 city provinceCode zip countryCode phone } } }
      active: locations(first: 50) { nodes { id } } }`);
    expect(result.locations.nodes).toHaveLength(sim.state.locations.length);
    expect(result.locations.nodes.filter((l: { isActive: boolean }) => !l.isActive)).toHaveLength(1);
    expect(result.active.nodes).toHaveLength(sim.state.locations.length - 1);
    expect(
      result.locations.nodes.some((l: { isFulfillmentService: boolean }) => l.isFulfillmentService),
    ).toBe(true);
  });

  it('given inventory items when read then levels carry consistent named quantities', async () => {
    const result = await data(`{ inventoryItems(first: 20) { nodes { id sku tracked updatedAt variant { id }
      inventoryLevels(first: 10) { nodes { id updatedAt location { id } quantities(names: ["available", "on_hand", "committed", "incoming"]) { name quantity } } } } } }`);
    for (const item of result.inventoryItems.nodes) {
      for (const level of item.inventoryLevels.nodes) {
        const q = Object.fromEntries(
          level.quantities.map((x: { name: string; quantity: number }) => [x.name, x.quantity]),
        );
        expect(q.on_hand).toBe(q.available + q.committed);
        expect(level.id).toBe(
          `gid://shopify/InventoryLevel/${level.location.id.split('/').pop()}?inventory_item_id=${item.id.split('/').pop()}`,
        );
      }
    }
  });

  it('given a customer email search when run then exactly that customer comes back', async () => {
    const customer = sim.state.customers[4]!;
    const result = await data(
      `query($q: String) { customers(first: 5, query: $q) { nodes { id email phone firstName lastName tags createdAt updatedAt
      defaultEmailAddress { emailAddress } defaultPhoneNumber { phoneNumber } defaultAddress ${ADDRESS} } } }`,
      { q: `email:${customer.email}` },
    );
    expect(result.customers.nodes).toHaveLength(1);
    expect(result.customers.nodes[0]).toMatchObject({
      id: customer.id,
      defaultEmailAddress: { emailAddress: customer.email },
    });
  });

  it('given orders sorted by UPDATED_AT when listed then totals add up from their parts', async () => {
    const orders = (await all('orders', 'query: $q, sortKey: UPDATED_AT', ORDER)) as Record<
      string,
      { shopMoney: { amount: string } }
    >[];
    expect(orders).toHaveLength(40);
    expect((await data('{ ordersCount { count } }')).ordersCount.count).toBe(40);
    const cents = (set: { shopMoney: { amount: string } } | undefined) =>
      Math.round(Number(set!.shopMoney.amount) * 100);
    for (const order of orders) {
      expect(cents(order.totalPriceSet)).toBe(
        cents(order.subtotalPriceSet) + cents(order.totalShippingPriceSet) + cents(order.totalTaxSet),
      );
    }
  });

  it('given an order tag search when run then the order is found back by its tag', async () => {
    const order = sim.state.orders[7]!;
    order.tags.push('concord-ref-R7');
    sim.state.touch();
    const result = await data('{ orders(first: 5, query: "tag:concord-ref-R7") { nodes { id } } }');
    expect(result.orders.nodes).toEqual([{ id: order.id }]);
  });

  it('given node and bulk lookups when nothing ran yet then they answer null, and webhook subscriptions list empty', async () => {
    const result =
      await data(`{ currentBulkOperation(type: QUERY) { id status errorCode objectCount rootObjectCount url partialDataUrl }
      node(id: "gid://shopify/BulkOperation/1") { ... on BulkOperation { id } }
      webhookSubscriptions(first: 10) { nodes { id topic uri } } }`);
    expect(result).toEqual({ currentBulkOperation: null, node: null, webhookSubscriptions: { nodes: [] } });
  });
});
