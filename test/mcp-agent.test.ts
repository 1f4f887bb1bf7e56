/**
 * An agent's whole purchase over MCP only, under both sandboxes: it finds a product, checks stock,
 * quotes it to an address in another state than the warehouse it ships from, sees tax and shipping,
 * places the order, sends the very same call again (and gets the same order, not a second one), and
 * reads the order's status. The only thing read besides MCP is the simulators' record counts: one
 * order in Shopify, and under mid-market one sales order in NetSuite.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commerceSettings } from '../src/commerce/quotes/index.js';
import { loadEnv } from '../src/core/config.js';
import type { MidMarketSandbox } from '../src/sandbox-mid-market.js';
import { startConcord, type ConcordNode } from '../src/server.js';
import {
  connectClient,
  ensureAgentLimitsTable,
  serveMcp,
  type ServedMcp,
} from '../src/surfaces/mcp/testing.js';
import { openTestDatabase } from '../src/store/testing.js';

type Money = { amount: number; currency: string };
interface Found {
  products: { id: string; variants: { id: string; sku: string | null }[] }[];
  next_cursor: string | null;
}
interface Quoted {
  quote: {
    id: string;
    verdict: string;
    ship_to: { region: string };
    totals: { subtotal: Money; shipping: Money; tax: Money; total: Money };
    lines: { taxes: { code: string; tax: Money }[] }[];
    shipments: {
      location_id: string;
      selected_option_id: string | null;
      options: { id: string; price: Money }[];
    }[];
  };
}
interface Placed {
  order: { id: string; name: string; total: Money; shipping: Money; tax: Money; status: string };
  routing: { topology: string; erp: { system: string; external_id: string } | null };
  replayed: boolean;
}

const ILLINOIS = {
  line1: '233 S Wacker Dr',
  city: 'Chicago',
  region: 'IL',
  postal_code: '60606',
  country: 'US',
};

async function tool<T>(client: Client, name: string, args: Record<string, unknown>): Promise<T> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/** The agent: finds a product in stock, quotes it to Illinois, orders it, repeats the order call, reads the status. */
async function buyOverMcp(client: Client, key: string, customer: Record<string, string>) {
  let picked: { sku: string } | null = null;
  let cursor: string | null = null;
  do {
    const page: Found = await tool<Found>(client, 'search_products', {
      limit: 10,
      ...(cursor ? { cursor } : {}),
    });
    for (const product of page.products) {
      for (const variant of product.variants) {
        if (picked || !variant.sku) continue;
        const stock = await tool<{ can_fulfil: boolean }>(client, 'check_availability', {
          sku: variant.sku,
          quantity: 1,
        });
        if (stock.can_fulfil) picked = { sku: variant.sku };
      }
    }
    cursor = page.next_cursor;
  } while (!picked && cursor);
  expect(picked).not.toBeNull();

  const quoted = await tool<Quoted>(client, 'quote_order', {
    lines: [{ sku: picked!.sku, quantity: 1 }],
    ship_to: ILLINOIS,
    customer: { email: customer.email },
    preferred_speed: 'express',
    idempotency_key: `${key}-quote`,
  });
  const locations = await tool<{ locations: { id: string; region: string | null }[] }>(
    client,
    'list_locations',
    {
      limit: 50,
    },
  );
  const shipsFrom = quoted.quote.shipments.map((s) => ({
    id: s.location_id,
    region: locations.locations.find((l) => l.id === s.location_id)?.region ?? null,
  }));
  const placeArgs = {
    quote_id: quoted.quote.id,
    customer: { first_name: customer.first_name, last_name: customer.last_name },
    idempotency_key: `${key}-order`,
  };
  const placed = await tool<Placed>(client, 'place_order', placeArgs);
  const again = await tool<Placed>(client, 'place_order', placeArgs);
  const status = await tool<Placed>(client, 'get_order_status', { order_id: placed.order.id });
  return { quoted, shipsFrom, placed, again, status };
}

/**
 * The state a location ships from: its address as list_locations shows it, else the origin the
 * merchant configured for it (NetSuite locations are synced without addresses; the mid-market sandbox
 * sets their origins in its shipping profile). Read by the test, not the agent.
 */
function originRegion(node: ConcordNode, merchantId: string, from: { id: string; region: string | null }) {
  const configured = commerceSettings(node.rt, merchantId).shipping.locations.find(
    (l) => l.location_id === from.id,
  );
  return from.region ?? configured?.origin?.region ?? null;
}

function expectPurchase(node: ConcordNode, run: Awaited<ReturnType<typeof buyOverMcp>>) {
  const { quoted, shipsFrom, placed, again, status } = run;
  const origins = shipsFrom.map((from) => originRegion(node, node.sandbox!.merchantId, from));
  expect(quoted.quote.verdict).toBe('ok');
  // Another state than where it ships from, with Illinois tax and a paid shipping service.
  expect(origins.length).toBeGreaterThan(0);
  expect(origins.every((region) => typeof region === 'string' && region !== 'IL')).toBe(true);
  expect(quoted.quote.totals.tax.amount).toBeGreaterThan(0);
  expect(quoted.quote.lines[0]!.taxes.map((t) => t.code)).toContain('US-IL');
  expect(quoted.quote.totals.shipping.amount).toBeGreaterThan(0);
  // The order is on the quote's terms; the repeat is the same order, replayed.
  expect(placed.replayed).toBe(false);
  expect(placed.order.total).toEqual(quoted.quote.totals.total);
  expect(placed.order.shipping).toEqual(quoted.quote.totals.shipping);
  expect(again).toEqual({ ...placed, replayed: true });
  expect(status.order.id).toBe(placed.order.id);
  expect(status.order.status).toBe('open');
  expect(status.order.total).toEqual(placed.order.total);
}

async function start(sandbox: 'true' | 'mid_market') {
  const env = loadEnv({
    PORT: '0',
    CONCORD_SANDBOX: sandbox,
    CONCORD_SYNC_INTERVAL_SECONDS: '0',
    CONCORD_DATA_DIR: 'memory://',
  });
  const node = await startConcord(env, {
    db: await openTestDatabase(),
    sandbox: { products: 15, customers: 3, orders: 2 },
  });
  await ensureAgentLimitsTable(node.rt.db);
  const mcp = await serveMcp(node.rt);
  const client = await connectClient(mcp.url, node.sandbox!.apiKey);
  return { node, mcp, client };
}

async function stop(parts: { node?: ConcordNode; mcp?: ServedMcp; client?: Client }) {
  await parts.client?.close();
  await parts.mcp?.close();
  await parts.node?.stop();
}

describe('given the SMB sandbox when an agent buys over MCP only', () => {
  let parts: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    parts = await start('true');
  }, 120_000);
  afterAll(() => stop(parts ?? {}));

  it('then it sees tax and shipping to another state, and one Shopify order exists however often it asks', async () => {
    const shop = parts.node.sandbox!.simulator.state;
    const before = shop.orderCount;
    const run = await buyOverMcp(parts.client, 'smb-agent', {
      email: 'ada.agent@example.com',
      first_name: 'Ada',
      last_name: 'Agent',
    });
    expectPurchase(parts.node, run);
    expect(run.placed.routing).toMatchObject({ topology: 'smb', erp: null });
    expect(shop.orderCount).toBe(before + 1);
    expect(shop.orders.filter((o) => o.name === run.placed.order.name)).toHaveLength(1);
  });
});

describe('given the mid-market sandbox when an agent buys over MCP only', () => {
  let parts: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    parts = await start('mid_market');
  }, 120_000);
  afterAll(() => stop(parts ?? {}));

  it('then it sees tax and shipping to another state, and one Shopify order and one NetSuite sales order exist', async () => {
    const sandbox = parts.node.sandbox as MidMarketSandbox;
    const shop = sandbox.simulator.state;
    const salesOrders = () => sandbox.netsuite.state.transactions.filter((t) => t.type === 'salesOrder');
    const before = { orders: shop.orderCount, salesOrders: salesOrders().length };
    const run = await buyOverMcp(parts.client, 'mid-agent', {
      email: 'grace.agent@example.com',
      first_name: 'Grace',
      last_name: 'Agent',
    });
    expectPurchase(parts.node, run);
    expect(run.placed.routing.topology).toBe('mid_market');
    expect(run.placed.routing.erp?.system).toBe('netsuite');
    expect({ orders: shop.orderCount, salesOrders: salesOrders().length }).toEqual({
      orders: before.orders + 1,
      salesOrders: before.salesOrders + 1,
    });
    expect(salesOrders().filter((t) => String(t.id) === run.placed.routing.erp!.external_id)).toHaveLength(1);
  });
});
