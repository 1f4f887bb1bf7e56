/**
 * The mid-market slice end to end: Concord started as `CONCORD_SANDBOX=mid_market npm start` starts
 * it (Shopify and NetSuite simulators, both synced, topology resolved), then used over real HTTP —
 * every disagreement planted in NetSuite is listed once by GET /conflicts with both sides'
 * provenance and nothing else is, GET /items serves the NetSuite items, and POST /orders lands a
 * sales order in NetSuite and an order with its customer in Shopify, once each, linked, even when
 * the first attempt's reply is lost after both systems committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/config.js';
import { ConcordError } from '../src/core/errors.js';
import type { Item, Product } from '../src/model/index.js';
import type { Quote } from '../src/commerce/quotes/index.js';
import type { ResolvedProductView } from '../src/commerce/resolved.js';
import { MID_MARKET_MERCHANT, type MidMarketSandbox } from '../src/sandbox-mid-market.js';
import { ERP_ONLY_SKU, PRICE_DELTA, STOCK_DELTA } from '../src/sandbox-mid-market-erp.js';
import { printWelcome } from '../src/cli/welcome.js';
import { startConcord, type ConcordNode } from '../src/server.js';
import type { StoredConflict } from '../src/store/conflicts.js';
import { openTestDatabase } from '../src/store/testing.js';
import { scheduleSync } from '../src/sync/scheduler.js';

let node: ConcordNode;
let sandbox: MidMarketSandbox;
let auth: Record<string, string>;
/** NetSuite's stock as Concord synced it (orders placed later commit stock in the simulator). */
let stockAtSync: { item: number; location: number; onHand: number; committed: number }[];

async function api<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${node.url}${path}`, { headers: auth });
  return { status: res.status, body: (await res.json()) as T };
}

async function all<T>(path: string, limit: number): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { body: { data: T[]; next_cursor: string | null } } = await api(
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    out.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  const env = loadEnv({
    PORT: '0',
    CONCORD_SANDBOX: 'mid_market',
    CONCORD_SYNC_INTERVAL_SECONDS: '0',
    CONCORD_DATA_DIR: 'memory://',
  });
  node = await startConcord(env, {
    db: await openTestDatabase(),
    sandbox: { products: 12, customers: 3, orders: 2 },
  });
  sandbox = node.sandbox as MidMarketSandbox;
  stockAtSync = sandbox.netsuite.state.stock.map((s) => ({ ...s }));
  auth = { authorization: `Bearer ${sandbox.apiKey}` };
}, 120_000);
afterAll(() => node?.stop());

const keyOf = (c: { kind: string; sku: string }) => `${c.kind} ${c.sku}`;

describe('given the mid-market sandbox served as CONCORD_SANDBOX=mid_market npm start serves it', () => {
  it('when started then it planted 3 price, 1 stock and 1 NetSuite-only disagreement', () => {
    const counts = sandbox.seeded.reduce<Record<string, number>>(
      (acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ price_mismatch: 3, stock_mismatch: 1, missing_in_platform: 1 });
  });

  it('when paging GET /conflicts then every planted disagreement is listed exactly once and nothing else', async () => {
    const conflicts = await all<StoredConflict>('/conflicts', 2);
    expect(conflicts.map((c) => keyOf({ kind: c.kind, sku: c.match_key ?? '' })).sort()).toEqual(
      sandbox.seeded.map(keyOf).sort(),
    );
    expect(new Set(conflicts.map((c) => c.id)).size).toBe(conflicts.length);
  });

  it('when reading a conflict then both sides carry their values and provenance (system + external id)', async () => {
    const conflicts = await all<StoredConflict>('/conflicts', 50);
    for (const seeded of sandbox.seeded) {
      const found = conflicts.find((c) => c.kind === seeded.kind && c.match_key === seeded.sku)!;
      expect(found.erp?.system).toBe('netsuite');
      expect(found.erp?.provenance.map((p) => p.system)).not.toContain('shopify');
      expect(found.erp?.provenance.length).toBeGreaterThan(0);
      if (seeded.kind === 'missing_in_platform') {
        expect(found.platform).toBeNull();
        expect(found.erp?.provenance.map((p) => p.external_id)).toEqual([seeded.erp_external_id]);
        continue;
      }
      const variant = sandbox.simulator.state.findVariantBySku(seeded.sku)!;
      expect(found.platform?.system).toBe('shopify');
      expect(found.platform?.provenance.length).toBeGreaterThan(0);
      expect(found.winner).toBe('netsuite');
      if (seeded.kind === 'price_mismatch') {
        expect(found.platform?.provenance[0]).toMatchObject({ system: 'shopify', external_id: variant.id });
        expect(found.erp?.provenance[0]).toMatchObject({
          system: 'netsuite',
          external_id: seeded.erp_external_id,
        });
        const [mine, theirs] = [found.platform?.value, found.erp?.value] as { amount: number }[];
        expect(theirs!.amount - mine!.amount).toBe(PRICE_DELTA);
      } else {
        expect(found.platform?.provenance.every((p) => p.system === 'shopify')).toBe(true);
        expect(found.erp?.provenance.map((p) => p.external_id).sort()).toEqual(
          sandbox.netsuite.state.locations.map((l) => `${seeded.erp_external_id}:${l.id}`).sort(),
        );
        expect((found.erp?.value as number) - (found.platform?.value as number)).toBe(STOCK_DELTA);
      }
    }
  });

  it('when filtering GET /conflicts by kind then only that kind comes back', async () => {
    const prices = await all<StoredConflict>('/conflicts?kind=price_mismatch', 50);
    expect(prices.map((c) => c.kind)).toEqual(['price_mismatch', 'price_mismatch', 'price_mismatch']);
  });

  it('when paging GET /items then every NetSuite item arrives once, the NetSuite-only one included', async () => {
    const items = await all<Item>('/items', 25);
    const state = sandbox.netsuite.state;
    expect(items).toHaveLength(state.items.length);
    expect(items.map((i) => i.external_id).sort()).toEqual(state.items.map((i) => String(i.id)).sort());
    expect(items.every((i) => i.system === 'netsuite')).toBe(true);
    expect(items.map((i) => i.sku)).toContain(ERP_ONLY_SKU);
    expect(state.items.length).toBe(sandbox.simulator.state.variants.length + 1);
  });
});

interface Placed {
  id: string;
  external_id: string;
  name: string;
  email: string | null;
  line_items: { sku: string | null; quantity: number; unit_price: { amount: number; currency: string } }[];
  routing: {
    topology: string;
    platform: { system: string; order_id: string; external_id: string; name: string };
    erp: { system: string; sales_order_id: string; external_id: string; number: string | null } | null;
  };
}

async function post(path: string, body: unknown, key: string) {
  const res = await fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: await res.json() };
}

/** What both simulators hold: sales orders, platform orders and customers. */
function written() {
  const ns = sandbox.netsuite.state;
  const shop = sandbox.simulator.state;
  return {
    salesOrders: ns.transactions.filter((t) => t.type === 'salesOrder').length,
    nsCustomers: ns.customers.length,
    orders: shop.orders.length,
    shopCustomers: shop.customers.length,
  };
}

describe('given the mid-market sandbox when an agent places an order (POST /orders)', () => {
  const customer = { email: 'dana.mid@example.com', first_name: 'Dana', last_name: 'Reyes' };

  it('then one NetSuite sales order at NetSuite prices and one Shopify order with its customer land, linked, and a replay changes nothing', async () => {
    const priced = sandbox.seeded.find((s) => s.kind === 'price_mismatch')!;
    const before = written();
    const body = { lines: [{ sku: priced.sku, quantity: 2 }], customer };
    const first = await post('/orders', body, 'mid-order-1');
    expect(first.status).toBe(201);
    const order = first.body as Placed;
    expect(order.routing.topology).toBe('mid_market');
    expect(order.routing.platform).toMatchObject({ system: 'shopify', order_id: order.id });
    expect(order.routing.erp?.system).toBe('netsuite');
    expect(written()).toEqual({
      ...before,
      salesOrders: before.salesOrders + 1,
      orders: before.orders + 1,
      nsCustomers: before.nsCustomers + 1,
      shopCustomers: before.shopCustomers + 1,
    });

    // NetSuite owns price: both documents carry NetSuite's unit price, not Shopify's.
    const variant = sandbox.simulator.state.findVariantBySku(priced.sku)!;
    const shopifyPrice = variant.priceMinor;
    const nsPrice = shopifyPrice + PRICE_DELTA;
    expect(order.line_items).toMatchObject([
      { sku: priced.sku, quantity: 2, unit_price: { amount: nsPrice } },
    ]);
    const so = sandbox.netsuite.state.transactions.find(
      (t) => String(t.id) === order.routing.erp!.external_id,
    )!;
    expect(so.lines.map((l) => [l.item, l.quantity, Math.round(l.rate * 100)])).toEqual([
      [Number(priced.erp_external_id), 2, nsPrice],
    ]);
    expect(so.lines[0]!.location).not.toBeNull();
    expect(sandbox.netsuite.state.customer(so.entity)).toMatchObject({
      email: customer.email,
      lastName: 'Reyes',
    });

    // Linked both ways: the Shopify order names the sales order, the sales order the Shopify order.
    const shopOrder = sandbox.simulator.state.orders.find((o) => o.name === order.name)!;
    expect(shopOrder.tags).toContain(`netsuite-so-${so.id}`);
    const reference = shopOrder.tags.find((t) => t.startsWith('concord-ref-'))!.slice('concord-ref-'.length);
    expect(so.memo).toContain(reference);
    expect(shopOrder.customer?.email).toBe(customer.email);
    const stored = await api<{ order_id: string; external_id: string }>(
      `/sales_orders/${order.routing.erp!.sales_order_id}`,
    );
    expect(stored.body).toMatchObject({ order_id: order.id, external_id: String(so.id) });

    const replay = await post('/orders', body, 'mid-order-1');
    expect([replay.status, replay.replayed]).toEqual([201, 'true']);
    expect(replay.body).toEqual(first.body);
    expect(written().salesOrders).toBe(before.salesOrders + 1);
    expect(written().orders).toBe(before.orders + 1);
  });

  it('then a lost reply after both systems committed is retried into the same two documents', async () => {
    const platform = node.rt.connectors.get(MID_MARKET_MERCHANT, 'shopify')!;
    const original = platform.createOrder.bind(platform);
    let lost = 0;
    platform.createOrder = async (input) => {
      const created = await original(input);
      if (lost++ === 0) throw new ConcordError('upstream', 'shopify_timeout', 'The reply was lost');
      return created;
    };
    try {
      const before = written();
      const sku = sandbox.seeded.find((s) => s.kind === 'stock_mismatch')!.sku;
      const body = { lines: [{ sku, quantity: 1 }], customer };
      const failed = await post('/orders', body, 'mid-order-lost');
      expect(failed.status).toBe(502);
      expect(written()).toMatchObject({ salesOrders: before.salesOrders + 1, orders: before.orders + 1 });
      const retried = await post('/orders', body, 'mid-order-lost');
      expect(retried.status).toBe(201);
      expect(retried.replayed).toBeNull();
      expect(written()).toEqual({
        ...before,
        salesOrders: before.salesOrders + 1,
        orders: before.orders + 1,
      });
      const order = retried.body as Placed;
      const shopOrder = sandbox.simulator.state.orders.find((o) => o.name === order.name)!;
      expect(shopOrder.tags).toContain(`netsuite-so-${order.routing.erp!.external_id}`);
    } finally {
      platform.createOrder = original;
    }
  });

  it('then bad input gets a clear 4xx and nothing is written to either system', async () => {
    const sku = sandbox.seeded.find((s) => s.kind === 'price_mismatch')!.sku;
    const before = written();
    const cases: [unknown, number, string][] = [
      [{ lines: [{ sku: 'NO-SUCH-SKU', quantity: 1 }], customer }, 422, 'unknown_sku'],
      [{ lines: [{ sku: ERP_ONLY_SKU, quantity: 1 }], customer }, 422, 'unknown_sku'],
      [
        { lines: [{ sku, quantity: 1 }], customer: { email: 'new.person@example.com' } },
        422,
        'invalid_customer',
      ],
      [
        { lines: [{ sku, quantity: 1 }], customer: { first_name: 'No', last_name: 'Email' } },
        400,
        'invalid_request',
      ],
      [{ lines: [{ sku, quantity: 9_999 }], customer }, 409, 'insufficient_stock'],
    ];
    for (const [i, [body, status, code]] of cases.entries()) {
      const res = await post('/orders', body, `mid-bad-${i}`);
      expect({ i, status: res.status, code: (res.body as { code: string }).code }).toEqual({
        i,
        status,
        code,
      });
    }
    expect(written()).toEqual(before);
  });
});

describe('given the mid-market sandbox when an agent reads GET /products/{id}/resolved', () => {
  it('then every field carries correct provenance: content from Shopify, price and stock from NetSuite', async () => {
    const priced = sandbox.seeded.find((s) => s.kind === 'price_mismatch')!;
    const variants = await all<{ id: string; sku: string; product_id: string }>(
      `/products?sku=${priced.sku}`,
      5,
    );
    const productId = variants[0]!.id;
    const product = (await api<Product>(`/products/${productId}`)).body;
    const res = await api<ResolvedProductView>(`/products/${productId}/resolved`);
    expect(res.status).toBe(200);
    const view = res.body;
    const contentFields = [
      'title',
      'handle',
      'description',
      'vendor',
      'product_type',
      'status',
      'tags',
      'options',
    ] as const;
    for (const field of contentFields) {
      expect(view[field]).toEqual({
        value: product[field],
        provenance: { system: 'shopify', external_id: product.external_id, as_of: product.updated_at, field },
      });
    }
    expect(view.variants).toHaveLength(product.variants.length);
    const items = await all<Item>('/items', 100);
    for (const rv of view.variants) {
      const variant = product.variants.find((v) => v.id === rv.variant_id)!;
      for (const field of ['title', 'sku', 'barcode', 'options', 'attributes'] as const) {
        expect(rv[field]).toEqual({
          value: variant[field],
          provenance: {
            system: 'shopify',
            external_id: variant.external_id,
            as_of: variant.updated_at,
            field,
          },
        });
      }
      const item = items.find((i) => i.sku === variant.sku)!;
      expect(rv.item_id).toBe(item.id);
      expect(rv.price).toEqual({
        value: item.base_price,
        provenance: {
          system: 'netsuite',
          external_id: item.external_id,
          as_of: item.updated_at,
          field: 'base_price',
        },
      });
      const stock = stockAtSync.filter((s) => String(s.item) === item.external_id);
      expect(rv.availability?.system).toBe('netsuite');
      expect(rv.availability?.total_available).toBe(
        stock.reduce((sum, s) => sum + s.onHand - s.committed, 0),
      );
      expect(rv.availability?.locations.map((l) => l.provenance.external_id).sort()).toEqual(
        stock.map((s) => `${s.item}:${s.location}`).sort(),
      );
      expect(rv.availability?.locations.every((l) => l.provenance.system === 'netsuite')).toBe(true);
    }
    const mine = view.variants.find((v) => v.sku.value === priced.sku)!;
    const variant = sandbox.simulator.state.findVariantBySku(priced.sku)!;
    expect(mine.price?.value.amount).toBe(variant.priceMinor + PRICE_DELTA);
    expect(view.conflicts.map((c) => [c.kind, c.match_key])).toContainEqual(['price_mismatch', priced.sku]);
  });

  it('then an unknown product id is a 404 problem', async () => {
    const res = await api<{ status: number; code: string }>('/products/prd_nosuchproduct/resolved');
    expect([res.status, res.body.code]).toEqual([404, 'product_not_found']);
  });
});

describe('given the mid-market sandbox when npm start prints its welcome', () => {
  it('then it names both simulators and every GET command it prints answers 200', async () => {
    const lines: string[] = [];
    await printWelcome(node, (line) => lines.push(line));
    expect(lines.join('\n')).toContain('Shopify and NetSuite simulators, mid_market topology');
    const gets = lines
      .filter((l) => l.trim().startsWith('curl -s') && !l.includes('Idempotency-Key'))
      .map((l) => /(?:"|\s)(http:\/\/[^"\s]+)/.exec(l)![1]!);
    expect(gets.some((u) => u.endsWith('/conflicts'))).toBe(true);
    expect(gets.some((u) => u.endsWith('/resolved'))).toBe(true);
    // The printed quote command, sent as printed (its body after -d, its key), answers a quote.
    const quoteAt = lines.findIndex((l) => l.includes('demo-quote-1'));
    const quoteBody = /-d '(.+)' (http\S+)/.exec(lines[quoteAt + 1]!)!;
    const quoted = await post(new URL(quoteBody[2]!).pathname, JSON.parse(quoteBody[1]!), 'demo-quote-1');
    expect([quoted.status, (quoted.body as Quote).verdict]).toEqual([201, 'ok']);
    for (const url of gets)
      expect({ url, status: (await fetch(url, { headers: auth })).status }).toEqual({ url, status: 200 });
  });
});

/** Polls `check` until it returns true (up to `tries` times, 100 ms apart); returns its last answer. */
async function eventually(check: () => Promise<boolean>, tries = 100): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('given the mid-market sandbox when a system changes after start', () => {
  it('when Shopify reprices a product (products/update webhook) then its price conflicts follow the new price', async () => {
    const priced = sandbox.seeded.find((s) => s.kind === 'price_mismatch')!;
    const product = (await all<Product>(`/products?sku=${priced.sku}`, 5))[0]!;
    const erpPrices = new Map((await all<Item>('/items', 100)).map((i) => [i.sku, i.base_price!.amount]));
    const mismatchedSkus = async () =>
      (await all<StoredConflict>('/conflicts?kind=price_mismatch', 50))
        .map((c) => c.match_key)
        .filter((sku) => product.variants.some((v) => v.sku === sku))
        .sort();
    expect(await mismatchedSkus()).toContain(priced.sku);
    // Shopify now asks NetSuite's price of the planted SKU for every variant of the product.
    const price = erpPrices.get(priced.sku)!;
    await sandbox.simulator.updateProduct(product.external_id, { price: (price / 100).toFixed(2) });
    const expected = product.variants
      .filter((v) => erpPrices.get(v.sku!) !== price)
      .map((v) => v.sku)
      .sort();
    expect(expected).not.toContain(priced.sku);
    expect(
      await eventually(async () => JSON.stringify(await mismatchedSkus()) === JSON.stringify(expected)),
    ).toBe(true);
  });

  it('when NetSuite changes a price then the scheduled sync (ERPs included) lists the new conflict', async () => {
    const ns = sandbox.netsuite.state;
    const clean = (await all<StoredConflict>('/conflicts', 50)).map((c) => c.match_key);
    const item = ns.items.find((i) => !clean.includes(i.itemId) && i.itemId !== ERP_ONLY_SKU)!;
    const price = ns.prices.find((p) => p.item === item.id && p.priceLevel === ns.priceLevels[0]!.id)!;
    price.unitPrice += 1;
    item.lastModified = Date.now();
    const schedule = scheduleSync(node.rt, 1);
    try {
      const listed = () =>
        all<StoredConflict>('/conflicts?kind=price_mismatch', 50).then((cs) =>
          cs.some((c) => c.match_key === item.itemId),
        );
      expect(await eventually(listed, 200)).toBe(true);
    } finally {
      schedule.stop();
    }
  });
});

describe('given the mid-market sandbox when an agent quotes then orders on the quote', () => {
  it('then the quote uses NetSuite price and stock, and the order lands once in each system on its terms', async () => {
    const priced = sandbox.seeded.find((s) => s.kind === 'price_mismatch')!;
    // Illinois taxes clothing at the state rate (New York would exempt this jacket: clothing under $110).
    const shipTo = {
      line1: '233 S Wacker Dr',
      city: 'Chicago',
      region: 'IL',
      postal_code: '60606',
      country: 'US',
    };
    const q = await post(
      '/quotes',
      {
        lines: [{ sku: priced.sku, quantity: 1 }],
        ship_to: shipTo,
        customer: { email: 'mid.quote@example.com' },
      },
      'mid-quote-1',
    );
    expect(q.status).toBe(201);
    const quote = q.body as Quote;
    // NetSuite's price (Shopify's may have been changed by a test above).
    const item = (await all<Item>(`/items?sku=${priced.sku}`, 5))[0]!;
    expect(quote.lines[0]).toMatchObject({ price_source: 'netsuite', unit_price: item.base_price });
    expect(quote.lines[0]!.availability.every((a) => a.system === 'netsuite')).toBe(true);
    expect(quote.lines[0]!.taxes.map((t) => [t.code, t.rate])).toEqual([['US-IL', '6.25']]);
    expect(quote.totals.tax.amount).toBeGreaterThan(0);
    const before = written();
    const placed = await post(
      '/orders',
      { quote_id: quote.id, customer: { first_name: 'Mia', last_name: 'Quote' } },
      'mid-quote-order-1',
    );
    expect(placed.status).toBe(201);
    const order = placed.body as Placed & { total: { amount: number } };
    expect(order.total.amount).toBe(quote.totals.total.amount);
    expect(written()).toMatchObject({ salesOrders: before.salesOrders + 1, orders: before.orders + 1 });
    const so = sandbox.netsuite.state.transactions.find(
      (t) => String(t.id) === order.routing.erp!.external_id,
    )!;
    const locations = await all<{ id: string; external_id: string }>('/locations', 50);
    const location = locations.find((l) => l.id === quote.shipments[0]!.location_id)!;
    expect(so.lines.map((l) => [Math.round(l.rate * 100), String(l.location)])).toEqual([
      [item.base_price!.amount, location.external_id],
    ]);
  });
});
