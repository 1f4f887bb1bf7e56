/**
 * Quotes end to end on the SMB sandbox over real HTTP: one call answers stock per location, shipping
 * and tax and compliance; the quote holds stock and locks price and tax; `POST /orders` with its
 * `quote_id` lands one Shopify order on exactly those terms; expired and reused quotes are refused
 * with their reasons; bad input writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commerceSettings, setCommerceSettings, type Quote } from '../src/commerce/quotes/index.js';
import { loadEnv } from '../src/core/config.js';
import type { Product } from '../src/model/index.js';
import { SANDBOX_MERCHANT } from '../src/sandbox.js';
import { startConcord, type ConcordNode } from '../src/server.js';
import { openTestDatabase } from '../src/store/testing.js';

let node: ConcordNode;
let headers: Record<string, string>;
let products: Product[];

const NYC = { line1: '350 5th Ave', city: 'New York', region: 'NY', postal_code: '10118', country: 'US' };
const customer = { email: 'quinn@example.com' };

async function call<T>(method: string, path: string, body?: unknown, key?: string) {
  const res = await fetch(`${node.url}${path}`, {
    method,
    headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed'),
    body: (await res.json()) as T,
  };
}

const shopifyOrders = () => node.sandbox!.simulator.state.orders.length;

/** A tracked, deny-policy variant in stock at `minLocations` fulfilling locations at least. */
async function stocked(minLocations: number) {
  const fulfilling = (
    await call<{ data: { id: string; fulfills_online_orders: boolean }[] }>('GET', '/locations')
  ).body.data
    .filter((l) => l.fulfills_online_orders)
    .map((l) => l.id);
  for (const product of products) {
    if (product.tags.includes('wine')) continue;
    for (const v of product.variants) {
      if (!v.sku || !v.inventory_tracked || v.inventory_policy !== 'deny' || v.constraints.hazmat) continue;
      const inv = await call<{ data: { location_id: string; available: number }[] }>(
        'GET',
        `/inventory?sku=${encodeURIComponent(v.sku)}`,
      );
      const online = inv.body.data.filter((l) => l.available > 0 && fulfilling.includes(l.location_id));
      if (online.length >= minLocations) return { variant: v, product, levels: online };
    }
  }
  throw new Error('no such variant in the sandbox');
}

beforeAll(async () => {
  const env = loadEnv({ PORT: '0', CONCORD_SYNC_INTERVAL_SECONDS: '0', CONCORD_DATA_DIR: 'memory://' });
  node = await startConcord(env, {
    db: await openTestDatabase(),
    sandbox: { products: 80, customers: 3, orders: 2 },
  });
  headers = { authorization: `Bearer ${node.sandbox!.apiKey}`, 'content-type': 'application/json' };
  const page = await call<{ data: Product[] }>('GET', '/products?limit=100');
  products = page.body.data;
}, 180_000);
afterAll(() => node?.stop());

describe('given the SMB sandbox when an agent quotes a cart to New York (POST /quotes)', () => {
  it('then one answer carries stock per location, shipping options with dates, New York tax and totals, and holds the stock', async () => {
    const { variant } = await stocked(1);
    const res = await call<Quote>(
      'POST',
      '/quotes',
      { lines: [{ sku: variant.sku, quantity: 2 }], ship_to: NYC, customer },
      'q-ny-1',
    );
    expect(res.status).toBe(201);
    const quote = res.body;
    expect([quote.status, quote.verdict, quote.currency]).toEqual(['open', 'ok', 'USD']);
    expect(new Date(quote.expires_at).getTime() - new Date(quote.created_at).getTime()).toBe(15 * 60 * 1000);
    const [line] = quote.lines;
    expect(line).toMatchObject({
      sku: variant.sku,
      quantity: 2,
      unit_price: variant.price,
      price_source: 'shopify',
      status: 'ok',
    });
    expect(line!.subtotal.amount).toBe(variant.price.amount * 2);
    expect(line!.availability.length).toBeGreaterThan(0);
    for (const a of line!.availability)
      expect(a.available_to_promise).toBe(Math.max(0, a.available - a.held));
    // New York: 4% state rate (Tax Foundation 2026 table, state level only).
    expect(line!.taxes.map((t) => [t.code, t.rate])).toEqual([['US-NY', '4']]);
    expect(line!.tax.amount).toBe(Math.round(line!.subtotal.amount * 0.04));
    expect(quote.shipments).toHaveLength(1);
    const shipment = quote.shipments[0]!;
    expect(shipment.lines).toEqual([{ line: 0, quantity: 2 }]);
    expect(shipment.options.length).toBeGreaterThan(1);
    const selected = shipment.options.find((o) => o.id === shipment.selected_option_id)!;
    expect(selected.estimated_delivery.earliest <= selected.estimated_delivery.latest).toBe(true);
    expect(quote.totals.subtotal.amount).toBe(line!.subtotal.amount);
    expect(quote.totals.shipping.amount).toBe(selected.price.amount);
    expect(quote.totals.tax.amount).toBe(line!.tax.amount + shipment.shipping_tax.amount);
    expect(quote.totals.total.amount).toBe(
      quote.totals.subtotal.amount + quote.totals.shipping.amount + quote.totals.tax.amount,
    );
    expect(quote.tax.table_version).not.toBeNull();

    // The same key answers the same quote; another quote sees the two units held at that location.
    const again = await call<Quote>(
      'POST',
      '/quotes',
      { lines: [{ sku: variant.sku, quantity: 2 }], ship_to: NYC, customer },
      'q-ny-1',
    );
    expect([again.status, again.replayed, again.body.id]).toEqual([201, 'true', quote.id]);
    const other = await call<Quote>(
      'POST',
      '/quotes',
      { lines: [{ sku: variant.sku, quantity: 1 }], ship_to: NYC, customer },
      'q-ny-2',
    );
    const heldThere = other.body.lines[0]!.availability.find((a) => a.location_id === shipment.location_id)!;
    expect(heldThere.held).toBe(2);
    const read = await call<Quote>('GET', `/quotes/${quote.id}`);
    expect(read.body).toEqual(quote);
  });

  it('then no single location having enough splits the line into shipments from several', async () => {
    const { variant, levels } = await stocked(2);
    const biggest = Math.max(...levels.map((l) => l.available));
    const res = await call<Quote>(
      'POST',
      '/quotes',
      { lines: [{ sku: variant.sku, quantity: biggest + 1 }], ship_to: NYC, customer },
      'q-split',
    );
    expect(res.status).toBe(201);
    expect(res.body.lines[0]!.status).toBe('ok');
    expect(res.body.shipments.length).toBeGreaterThanOrEqual(2);
    expect(res.body.shipments.flatMap((s) => s.lines).reduce((sum, l) => sum + l.quantity, 0)).toBe(
      biggest + 1,
    );
    expect(new Set(res.body.shipments.map((s) => s.location_id)).size).toBe(res.body.shipments.length);
  });

  it("then an age-restricted item needs the buyer's age, a too-young buyer is refused, and hazardous goods get no air service", async () => {
    const knife = products
      .flatMap((p) => p.variants)
      .find((v) => v.sku && (v.constraints.min_age ?? 0) >= 18)!;
    const unknownAge = await call<Quote>(
      'POST',
      '/quotes',
      { lines: [{ sku: knife.sku, quantity: 1 }], ship_to: NYC, customer },
      'q-knife-1',
    );
    expect(unknownAge.status).toBe(201);
    expect(unknownAge.body.lines[0]!.compliance.verdict).toBe('restricted');
    expect(unknownAge.body.lines[0]!.compliance.reasons.map((r) => r.code)).toContain(
      'age_verification_required',
    );
    const young = await call<Quote>(
      'POST',
      '/quotes',
      {
        lines: [{ sku: knife.sku, quantity: 1 }],
        ship_to: NYC,
        customer: { ...customer, birth_date: '2015-06-01', age_verified: true },
      },
      'q-knife-2',
    );
    expect(young.body.verdict).toBe('refused');
    expect(young.body.lines[0]!.reasons.map((r) => r.code)).toContain('below_minimum_age');
    expect(young.body.shipments).toEqual([]);
    const hazmat = products.flatMap((p) => p.variants).find((v) => v.constraints.hazmat && v.sku)!;
    const res = await call<Quote>(
      'POST',
      '/quotes',
      { lines: [{ sku: hazmat.sku, quantity: 1 }], ship_to: NYC, customer },
      'q-hazmat',
    );
    const modes = res.body.shipments.flatMap((s) => s.options.map((o) => o.mode));
    expect(modes.length).toBeGreaterThan(0);
    expect(modes).not.toContain('air');
    expect(res.body.shipments[0]!.reasons.map((r) => r.code)).toContain('hazmat_air_excluded');
  });
});

describe('given an open quote when the agent orders it (POST /orders with quote_id)', () => {
  it('then one Shopify order lands at the quoted price, shipping and tax, the quote is ordered and its hold released', async () => {
    const { variant } = await stocked(1);
    const quote = (
      await call<Quote>(
        'POST',
        '/quotes',
        { lines: [{ sku: variant.sku, quantity: 1 }], ship_to: NYC, customer },
        'q-order-1',
      )
    ).body;
    const before = shopifyOrders();
    const placed = await call<{
      id: string;
      name: string;
      total: { amount: number };
      tax: { amount: number };
      shipping: { amount: number };
    }>(
      'POST',
      '/orders',
      { quote_id: quote.id, customer: { first_name: 'Quinn', last_name: 'Ng' } },
      'o-quote-1',
    );
    expect(placed.status).toBe(201);
    expect(shopifyOrders()).toBe(before + 1);
    expect(placed.body.total.amount).toBe(quote.totals.total.amount);
    expect(placed.body.tax.amount).toBe(quote.totals.tax.amount);
    expect(placed.body.shipping.amount).toBe(quote.totals.shipping.amount);
    const shopOrder = node.sandbox!.simulator.state.orders.find((o) => o.name === placed.body.name)!;
    expect(shopOrder.taxMinor).toBe(quote.totals.tax.amount);
    expect(shopOrder.email).toBe(customer.email);
    const read = await call<Quote>('GET', `/quotes/${quote.id}`);
    expect([read.body.status, read.body.order_id]).toEqual(['ordered', placed.body.id]);
    const after = await call<Quote>(
      'POST',
      '/quotes',
      { lines: [{ sku: variant.sku, quantity: 1 }], ship_to: NYC, customer },
      'q-order-1-after',
    );
    const location = quote.shipments[0]!.location_id;
    const heldBefore = quote.lines[0]!.availability.find((a) => a.location_id === location)!.held;
    expect(after.body.lines[0]!.availability.find((a) => a.location_id === location)!.held).toBe(heldBefore);

    const replay = await call(
      'POST',
      '/orders',
      { quote_id: quote.id, customer: { first_name: 'Quinn', last_name: 'Ng' } },
      'o-quote-1',
    );
    expect([replay.status, replay.replayed]).toEqual([201, 'true']);
    const reuse = await call<{ code: string }>(
      'POST',
      '/orders',
      { quote_id: quote.id },
      'o-quote-1-other-key',
    );
    expect([reuse.status, reuse.body.code]).toEqual([409, 'quote_already_ordered']);
    expect(shopifyOrders()).toBe(before + 1);
  });

  it('then an expired quote is refused with its reason and nothing is written', async () => {
    const defaults = commerceSettings(node.rt, SANDBOX_MERCHANT);
    setCommerceSettings(node.rt, SANDBOX_MERCHANT, { quote_ttl_seconds: 1 });
    try {
      const { variant } = await stocked(1);
      const quote = (
        await call<Quote>(
          'POST',
          '/quotes',
          { lines: [{ sku: variant.sku, quantity: 1 }], ship_to: NYC, customer },
          'q-expire',
        )
      ).body;
      let status = quote.status;
      for (let i = 0; i < 50 && status !== 'expired'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await call<Quote>('GET', `/quotes/${quote.id}`)).body.status;
      }
      expect(status).toBe('expired');
      const before = shopifyOrders();
      const res = await call<{ code: string; detail?: string }>(
        'POST',
        '/orders',
        { quote_id: quote.id },
        'o-expired',
      );
      expect([res.status, res.body.code]).toEqual([409, 'quote_expired']);
      expect(shopifyOrders()).toBe(before);
    } finally {
      setCommerceSettings(node.rt, SANDBOX_MERCHANT, { quote_ttl_seconds: defaults.quote_ttl_seconds });
    }
  });
});

describe('given bad quote input', () => {
  it('then each gets a clear problem, and neither a quote nor a hold is written', async () => {
    const { variant } = await stocked(1);
    const count = async () =>
      (
        await node.rt.db.query<{ n: number }>(
          `select (select count(*) from quotes)::int + (select count(*) from stock_holds)::int as n`,
        )
      ).rows[0]!.n;
    const before = await count();
    const cases: [unknown, number, string][] = [
      [
        { lines: [{ sku: variant.sku, quantity: 1 }], ship_to: { ...NYC, postal_code: 'ABCDE' }, customer },
        422,
        'invalid_address',
      ],
      [
        { lines: [{ sku: variant.sku, quantity: 1 }], ship_to: { ...NYC, region: 'ZZ' }, customer },
        422,
        'invalid_address',
      ],
      [{ lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }], ship_to: NYC, customer }, 422, 'unknown_sku'],
      [{ lines: [{ sku: variant.sku, quantity: 0 }], ship_to: NYC, customer }, 400, 'invalid_request'],
      [{ lines: [], ship_to: NYC, customer }, 400, 'invalid_request'],
      [{ lines: [{ sku: variant.sku, quantity: 1 }], ship_to: NYC }, 400, 'invalid_request'],
    ];
    for (const [i, [body, status, code]] of cases.entries()) {
      const res = await call<{ code: string }>('POST', '/quotes', body, `q-bad-${i}`);
      expect({ i, status: res.status, code: res.body.code }).toEqual({ i, status, code });
    }
    const over = await call<Quote>(
      'POST',
      '/quotes',
      { lines: [{ sku: variant.sku, quantity: 9_999 }], ship_to: NYC, customer },
      'q-over',
    );
    expect(over.body.verdict).toBe('refused');
    expect(over.body.lines[0]!.reasons.map((r) => r.code)).toEqual(['insufficient_stock']);
    const holds = await node.rt.db.query<{ n: number }>(
      `select count(*)::int as n from stock_holds where quote_id = $1`,
      [over.body.id],
    );
    expect(holds.rows[0]!.n).toBe(0);
    expect(await count()).toBe(before + 1);
    const missing = await call<{ code: string }>(
      'POST',
      '/orders',
      { quote_id: 'quo_doesnotexist' },
      'o-missing',
    );
    expect([missing.status, missing.body.code]).toEqual([404, 'quote_not_found']);
  });
});

describe('given Concord started as npm start starts it', () => {
  it('then the ACP surface is served beside REST, with its own error shape', async () => {
    const discovery = await fetch(`${node.url}/.well-known/acp.json`);
    expect(discovery.status).toBe(200);
    const res = await fetch(`${node.url}/acp/checkout_sessions`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': 'acp-no-version' },
      body: JSON.stringify({ line_items: [] }),
    });
    const body = (await res.json()) as { type?: string; code?: string };
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).not.toContain('problem+json');
    expect(typeof body.type).toBe('string');
    expect(typeof body.code).toBe('string');
  });

  it('then the UCP business profile is served, naming its REST and MCP endpoints on this node', async () => {
    const res = await fetch(`${node.url}/.well-known/ucp`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(`${node.url}/ucp`);
    expect(text).toContain(`${node.url}/ucp/mcp`);
  });
});
