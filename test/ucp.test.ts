/**
 * The UCP surface end to end, as an agent platform meets it: Concord started as `npm start` starts
 * it (sandbox merchant, first sync), the UCP routes over real HTTP, platform profiles fetched from a
 * local server. Negotiation (supported and unsupported versions, capability intersection), catalog
 * search and lookup, a full checkout ending in exactly one Shopify order, replays, the MCP binding
 * through the SDK client over Streamable HTTP, bad input with nothing written, and one happy path
 * on the mid-market sandbox (NetSuite prices, a sales order and a Shopify order).
 */
import { randomUUID } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TOKENS } from '../src/commerce/payments/handler.js';
import type { MidMarketSandbox } from '../src/sandbox-mid-market.js';
import { PRICE_DELTA } from '../src/sandbox-mid-market-erp.js';
import type { ShopifySimulator } from '../src/simulators/shopify/index.js';
import { CAP, UCP_VERSION } from '../src/surfaces/ucp/profile.js';
import { startUcpHarness, type UcpHarness } from '../src/surfaces/ucp/testing.js';

type Json = Record<string, unknown>;
interface Msg {
  type: string;
  code?: string;
  severity?: string;
  path?: string;
}
interface Line {
  id: string;
  item: { id: string; price: number };
  quantity: number;
  totals: { type: string; amount: number }[];
}
interface Group {
  id: string;
  options: { id: string; totals: { amount: number }[] }[];
  selected_option_id: string | null;
}

const destination = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  street_address: '1 Main St',
  address_locality: 'Springfield',
  address_region: 'IL',
  postal_code: '62701',
  address_country: 'US',
};
const buyer = { email: 'ada.ucp@example.com', first_name: 'Ada', last_name: 'Lovelace' };

const writeBody = (sku: string, quantity: number, extra: Json = {}) => ({
  line_items: [{ item: { id: sku }, quantity }] as Json[],
  buyer,
  fulfillment: { methods: [{ type: 'shipping', destinations: [destination] }] },
  ...extra,
});

const payWith = (token: string = SANDBOX_TOKENS.approve) => ({
  payment: {
    instruments: [
      {
        id: 'instr_1',
        handler_id: 'concord.sandbox',
        type: 'sandbox',
        selected: true,
        credential: { type: 'sandbox_token', token },
      },
    ],
  },
});

const messages = (body: Json) => (body.messages ?? []) as Msg[];
const totalOf = (body: Json, type: string) =>
  (body.totals as { type: string; amount: number }[]).find((t) => t.type === type)?.amount;
const groupsOf = (body: Json) => (body.fulfillment as { methods: { groups: Group[] }[] }).methods[0]!.groups;

type SimVariant = ShopifySimulator['state']['variants'][number];

/** Units at active locations that fulfil online orders (the only ones a quote ships from). */
const shippable = (v: SimVariant) =>
  v.inventoryItem.levels
    .filter((l) => l.location.active && l.location.fulfillsOnlineOrders)
    .reduce((n, l) => n + l.available, 0);

/** SKUs already handed to a test: each test gets its own, so holds of other tests never count. */
const used = new Set<string>();

/** A sellable apparel or kitchen SKU with at least `min` units in stock, not used by another test. */
function stockedSku(sim: ShopifySimulator, min: number): string {
  const v = sim.state.variants.find(
    (x) =>
      x.sku !== null &&
      !used.has(x.sku) &&
      x.product.status === 'ACTIVE' &&
      ['Apparel', 'Kitchen'].includes(x.product.productType) &&
      shippable(x) >= min,
  );
  if (!v?.sku) throw new Error('no stocked SKU left in the sandbox');
  used.add(v.sku);
  return v.sku;
}

let h: UcpHarness;
let sim: ShopifySimulator;

async function activeHolds(): Promise<number> {
  const { rows } = await h.node.rt.db.query<{ n: number }>(
    `select count(*)::int as n from stock_holds where merchant_id = $1 and released_at is null and expires_at > now()`,
    [h.merchantId],
  );
  return rows[0]!.n;
}

/** What a request may have written: sessions, Shopify orders, active stock holds. */
async function written() {
  return {
    sessions: await h.sessions.count(h.merchantId),
    orders: sim.state.orderCount,
    holds: await activeHolds(),
  };
}

beforeAll(async () => {
  h = await startUcpHarness({ CONCORD_SANDBOX: 'true' }, { products: 20, customers: 3, orders: 2 });
  sim = h.node.sandbox!.simulator;
}, 120_000);
afterAll(() => h?.close());

describe('given a platform whose profile Concord fetches', () => {
  it('when the profile declares 2026-04-08 then a checkout runs with the intersected capabilities', async () => {
    const res = await h.rest('POST', '/ucp/checkout-sessions', { body: writeBody(stockedSku(sim, 3), 1) });
    expect(res.status).toBe(201);
    const ucp = res.body.ucp as { version: string; status: string; capabilities: Json };
    expect(ucp).toMatchObject({ version: UCP_VERSION, status: 'success' });
    expect(Object.keys(ucp.capabilities).sort()).toEqual([CAP.checkout, CAP.fulfillment]);
  });

  it('when its profile is at an unsupported version then it gets version_unsupported (422) and nothing is written', async () => {
    const before = await written();
    const res = await h.rest('POST', '/ucp/checkout-sessions', {
      body: writeBody(stockedSku(sim, 3), 1),
      profile: h.profiles.url('/old-version.json'),
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ ucp: { status: 'error' }, messages: [{ code: 'version_unsupported' }] });
    expect(await written()).toEqual(before);
  });

  it('when it supports only the catalog then a checkout is capabilities_incompatible (200) and a search works', async () => {
    const profile = h.profiles.url('/catalog-only.json');
    const checkout = await h.rest('POST', '/ucp/checkout-sessions', {
      body: writeBody(stockedSku(sim, 3), 1),
      profile,
    });
    expect(checkout.status).toBe(200);
    expect(checkout.body).toMatchObject({
      ucp: { status: 'error' },
      messages: [{ code: 'capabilities_incompatible' }],
    });
    const search = await h.rest('POST', '/ucp/catalog/search', { body: { query: 'a' }, profile });
    expect(search.status).toBe(200);
    expect(Object.keys((search.body.ucp as { capabilities: Json }).capabilities)).toEqual([CAP.search]);
  });

  it('when its only capability is the fulfillment extension then the orphan is pruned and checkout is incompatible', async () => {
    const res = await h.rest('POST', '/ucp/checkout-sessions', {
      body: writeBody(stockedSku(sim, 3), 1),
      profile: h.profiles.url('/orphan-extension.json'),
    });
    expect(res.body).toMatchObject({ messages: [{ code: 'capabilities_incompatible' }] });
  });

  it('when the profile declares checkout without fulfillment then the checkout carries no fulfillment', async () => {
    h.profiles.set('/checkout-only.json', {
      ucp: { version: UCP_VERSION, capabilities: { [CAP.checkout]: [{ version: UCP_VERSION }] } },
    });
    const res = await h.rest('POST', '/ucp/checkout-sessions', {
      body: writeBody(stockedSku(sim, 3), 1),
      profile: h.profiles.url('/checkout-only.json'),
    });
    expect(res.status).toBe(201);
    expect(Object.keys((res.body.ucp as { capabilities: Json }).capabilities)).toEqual([CAP.checkout]);
    expect(res.body.fulfillment).toBeUndefined();
  });

  it.each([
    ['no UCP-Agent header', null, 400, 'invalid_profile_url'],
    ['a profile URL that answers 404', '/missing.json', 424, 'profile_unreachable'],
    ['a profile that is not JSON', '/not-json', 422, 'profile_malformed'],
    ['a profile without a version', '/no-version.json', 422, 'profile_malformed'],
  ])('when the request names %s then it gets the spec error', async (_name, path, status, code) => {
    const res = await h.rest('POST', '/ucp/catalog/search', {
      body: { query: 'a' },
      profile: path === null ? null : h.profiles.url(path),
    });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ ucp: { status: 'error' }, messages: [{ type: 'error', code }] });
  });
});

describe('given the sandbox catalog', () => {
  it('when paging a search to the end then each matching active product arrives once, priced in minor units', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await h.rest('POST', '/ucp/catalog/search', {
        body: { query: 'e', pagination: { limit: 3, ...(cursor ? { cursor } : {}) } },
      });
      expect(res.status).toBe(200);
      const products = res.body.products as { id: string; variants: { price: { amount: number } }[] }[];
      expect(products.length).toBeLessThanOrEqual(3);
      expect(products.every((p) => p.variants.every((v) => Number.isInteger(v.price.amount)))).toBe(true);
      ids.push(...products.map((p) => p.id));
      const page = res.body.pagination as { has_next_page: boolean; cursor?: string };
      cursor = page.has_next_page ? page.cursor : undefined;
      pages++;
    } while (cursor);
    const expected = sim.state.products.filter((p) => p.status === 'ACTIVE' && /e/i.test(p.title));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(expected.length);
    expect(pages).toBeGreaterThan(1);
  });

  it('when searching with neither query nor filters then it is a 400', async () => {
    const res = await h.rest('POST', '/ucp/catalog/search', { body: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request' });
  });

  it('when filtering by a price ceiling then no product starts above it', async () => {
    const res = await h.rest('POST', '/ucp/catalog/search', { body: { filters: { price: { max: 3000 } } } });
    const products = res.body.products as { price_range: { min: { amount: number } } }[];
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((p) => p.price_range.min.amount <= 3000)).toBe(true);
  });

  it('when looking up a SKU, its variant id and its product id then the product comes once with exact and featured inputs', async () => {
    const sku = stockedSku(sim, 1);
    const first = await h.rest('POST', '/ucp/catalog/lookup', { body: { ids: [sku] } });
    const product = (first.body.products as { id: string; variants: { id: string; sku: string }[] }[])[0]!;
    expect(product.variants).toHaveLength(1);
    expect(product.variants[0]!.sku).toBe(sku);
    const variantId = product.variants[0]!.id;
    const res = await h.rest('POST', '/ucp/catalog/lookup', {
      body: { ids: [sku, variantId, product.id, sku, 'NO-SUCH-SKU'] },
    });
    const products = res.body.products as {
      id: string;
      variants: { id: string; inputs: { id: string; match: string }[] }[];
    }[];
    expect(products.map((p) => p.id)).toEqual([product.id]);
    const inputs = products[0]!.variants.flatMap((v) => v.inputs.map((i) => `${i.id}:${i.match}`));
    expect(inputs).toEqual(
      expect.arrayContaining([`${sku}:exact`, `${variantId}:exact`, `${product.id}:featured`]),
    );
    expect(messages(res.body)).toEqual([expect.objectContaining({ type: 'info', code: 'not_found' })]);
  });

  it('when looking up more than 50 ids then it is request_too_large (400)', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `SKU-${i}`);
    const res = await h.rest('POST', '/ucp/catalog/lookup', { body: { ids } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'request_too_large' });
  });

  it('when getting a product by variant id then that variant is featured with its options selected', async () => {
    const variant = sim.state.variants.find(
      (v) => v.product.status === 'ACTIVE' && v.product.variantList.length > 1 && v.position > 1,
    )!;
    const lookup = await h.rest('POST', '/ucp/catalog/lookup', { body: { ids: [variant.sku!] } });
    const variantId = (lookup.body.products as { variants: { id: string }[] }[])[0]!.variants[0]!.id;
    const res = await h.rest('POST', '/ucp/catalog/product', { body: { id: variantId } });
    const product = res.body.product as {
      variants: { id: string }[];
      selected: { name: string; label: string }[];
    };
    expect(product.variants[0]!.id).toBe(variantId);
    expect(product.selected).toEqual(variant.selectedOptions.map((o) => ({ name: o.name, label: o.value })));
  });

  it('when getting an unknown product then it is a not_found outcome (200)', async () => {
    const res = await h.rest('POST', '/ucp/catalog/product', { body: { id: 'prod_unknown' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ucp: { status: 'error' },
      messages: [{ code: 'not_found', severity: 'unrecoverable' }],
    });
  });
});

describe('given an agent checking out on the SMB sandbox over REST', () => {
  let sku: string;
  let id: string;
  beforeAll(() => {
    sku = stockedSku(sim, 6);
  });

  it('when created without buyer and address then it is incomplete and says what is missing', async () => {
    const res = await h.rest('POST', '/ucp/checkout-sessions', {
      body: { line_items: [{ item: { id: sku }, quantity: 1 }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('incomplete');
    expect(
      messages(res.body)
        .map((m) => m.code)
        .sort(),
    ).toEqual(['buyer_email_required', 'shipping_address_required']);
    const line = (res.body.line_items as Line[])[0]!;
    expect(totalOf(res.body, 'subtotal')).toBe(line.item.price);
    id = res.body.id as string;
  });

  it('when updated with buyer and address then a quote prices it and it is ready to complete', async () => {
    const before = (res: Json) => (res.line_items as Line[])[0]!.id;
    const got = await h.rest('GET', `/ucp/checkout-sessions/${id}`);
    const lineId = before(got.body);
    const body = writeBody(sku, 2);
    body.line_items = [{ id: lineId, item: { id: sku }, quantity: 2 }];
    const res = await h.rest('PUT', `/ucp/checkout-sessions/${id}`, { body });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ready_for_complete');
    const line = (res.body.line_items as Line[])[0]!;
    expect(line.id).toBe(lineId);
    const sub = totalOf(res.body, 'subtotal')!;
    expect(sub).toBe(line.item.price * 2);
    expect(totalOf(res.body, 'total')).toBe(
      sub + totalOf(res.body, 'fulfillment')! + totalOf(res.body, 'tax')!,
    );
    expect(groupsOf(res.body)[0]!.selected_option_id).not.toBeNull();
  });

  it('when the agent selects another shipping option then the quote follows and the total includes its price', async () => {
    const current = await h.rest('GET', `/ucp/checkout-sessions/${id}`);
    const group = groupsOf(current.body)[0]!;
    const other = group.options.find((o) => o.id !== group.selected_option_id && o.totals[0]!.amount > 0)!;
    const body = writeBody(sku, 2);
    body.line_items = current.body.line_items as Json[];
    (body.fulfillment.methods[0] as Json).groups = [{ id: group.id, selected_option_id: other.id }];
    const res = await h.rest('PUT', `/ucp/checkout-sessions/${id}`, { body });
    expect(groupsOf(res.body)[0]!.selected_option_id).toBe(other.id);
    expect(totalOf(res.body, 'fulfillment')).toBe(other.totals[0]!.amount);
    expect(messages(res.body).filter((m) => m.type === 'warning')).toEqual([]);
  });

  it('when payment is declined then no order is placed and the checkout says payment_failed', async () => {
    const before = await written();
    const res = await h.rest('POST', `/ucp/checkout-sessions/${id}/complete`, {
      body: payWith(SANDBOX_TOKENS.decline),
    });
    expect(res.status).toBe(200);
    expect(messages(res.body)).toEqual([
      expect.objectContaining({ code: 'payment_failed', severity: 'recoverable' }),
    ]);
    expect(sim.state.orderCount).toBe(before.orders);
  });

  it('when completed then exactly one Shopify order lands, and a replay with the same key returns the same order', async () => {
    const before = sim.state.orderCount;
    const key = randomUUID();
    const first = await h.rest('POST', `/ucp/checkout-sessions/${id}/complete`, { body: payWith(), key });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('completed');
    const order = first.body.order as { id: string; label: string; permalink_url: string };
    expect(sim.state.orderCount).toBe(before + 1);
    expect(sim.state.orders.at(-1)!.name).toBe(order.label);
    expect(sim.state.orders.at(-1)!.lineItemList.map((l) => [l.sku, l.quantity])).toEqual([[sku, 2]]);

    const replay = await h.rest('POST', `/ucp/checkout-sessions/${id}/complete`, { body: payWith(), key });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((replay.body.order as { id: string }).id).toBe(order.id);
    expect(sim.state.orderCount).toBe(before + 1);

    const again = await h.rest('POST', `/ucp/checkout-sessions/${id}/complete`, { body: payWith() });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 'checkout_completed', content: expect.any(String) });
    expect(sim.state.orderCount).toBe(before + 1);
    const got = await h.rest('GET', `/ucp/checkout-sessions/${id}`);
    expect(got.body).toMatchObject({ status: 'completed', order: { id: order.id } });
  });

  it('when two completes race with different keys then exactly one Shopify order lands and both see it', async () => {
    const created = await h.rest('POST', '/ucp/checkout-sessions', {
      body: writeBody(stockedSku(sim, 4), 1),
    });
    const path = `/ucp/checkout-sessions/${created.body.id as string}/complete`;
    const before = sim.state.orderCount;
    const replies = await Promise.all([
      h.rest('POST', path, { body: payWith() }),
      h.rest('POST', path, { body: payWith() }),
    ]);
    expect(sim.state.orderCount).toBe(before + 1);
    const completed = replies.filter((r) => r.status === 200 && r.body.status === 'completed');
    expect(completed.length).toBeGreaterThanOrEqual(1);
    expect(new Set(completed.map((r) => (r.body.order as { id: string }).id)).size).toBe(1);
    const others = replies.filter((r) => !completed.includes(r)).map((r) => [r.status, r.body.code]);
    expect(
      others.every(
        ([status, code]) => status === 409 && /^checkout_(completed|in_progress)$/.test(String(code)),
      ),
    ).toBe(true);
  });

  it("when an update raises the quantity to all the stock then the session's own earlier hold does not count against it", async () => {
    const sku = stockedSku(sim, 2);
    const variant = sim.state.findVariantBySku(sku)!;
    const all = shippable(variant);
    const created = await h.rest('POST', '/ucp/checkout-sessions', {
      body: writeBody(variant.sku!, all - 1),
    });
    expect(created.body.status).toBe('ready_for_complete');
    const holds = await activeHolds();
    const body = writeBody(variant.sku!, all);
    body.line_items = [
      { id: (created.body.line_items as Line[])[0]!.id, item: { id: variant.sku }, quantity: all },
    ];
    const res = await h.rest('PUT', `/ucp/checkout-sessions/${created.body.id as string}`, { body });
    expect(res.body.status).toBe('ready_for_complete');
    expect(messages(res.body)).toEqual([]);
    expect(await activeHolds()).toBe(holds);
  });

  it('when a checkout is canceled then its stock is released and it cannot change any more', async () => {
    const created = await h.rest('POST', '/ucp/checkout-sessions', {
      body: writeBody(stockedSku(sim, 3), 1),
    });
    const holds = await activeHolds();
    const res = await h.rest('POST', `/ucp/checkout-sessions/${created.body.id as string}/cancel`);
    expect(res.body.status).toBe('canceled');
    expect(await activeHolds()).toBe(holds - 1);
    const update = await h.rest('PUT', `/ucp/checkout-sessions/${created.body.id as string}`, {
      body: writeBody(stockedSku(sim, 3), 2),
    });
    expect(update.status).toBe(409);
    expect(update.body).toMatchObject({ code: 'checkout_canceled' });
  });
});

describe('given bad input over REST', () => {
  it.each([
    [
      'an invalid address',
      (sku: string) =>
        writeBody(sku, 1, {
          fulfillment: {
            methods: [{ type: 'shipping', destinations: [{ ...destination, postal_code: 'ABCDE' }] }],
          },
        }),
      'invalid_postcode',
    ],
    ['an unknown item', () => writeBody('NO-SUCH-SKU', 1), 'not_found'],
    ['a quantity over stock', (sku: string) => writeBody(sku, 9_999), 'out_of_stock'],
  ])(
    'when creating a checkout with %s then it is an error_response and nothing is written',
    async (_name, body, code) => {
      const before = await written();
      const res = await h.rest('POST', '/ucp/checkout-sessions', { body: body(stockedSku(sim, 1)) });
      expect(res.status).toBe(200);
      expect(res.body.ucp).toEqual({ version: UCP_VERSION, status: 'error' });
      const codes = messages(res.body).map((m) => m.code);
      expect(codes.length).toBeGreaterThan(0);
      if (code === 'invalid_postcode') expect(codes).toEqual(['invalid_address']);
      else expect(codes).toContain(code);
      expect(messages(res.body).every((m) => m.type === 'error' && typeof m.path === 'string')).toBe(true);
      expect(await written()).toEqual(before);
    },
  );

  it('when a session outlives its quote then it reads canceled and completing it is checkout_expired (409), no order', async () => {
    const created = await h.rest('POST', '/ucp/checkout-sessions', {
      body: writeBody(stockedSku(sim, 3), 1),
    });
    expect(created.body.status).toBe('ready_for_complete');
    const before = await written();
    h.advance(16 * 60 * 1000);
    try {
      const got = await h.rest('GET', `/ucp/checkout-sessions/${created.body.id as string}`);
      expect(got.body).toMatchObject({ status: 'canceled', messages: [{ code: 'checkout_expired' }] });
      const res = await h.rest('POST', `/ucp/checkout-sessions/${created.body.id as string}/complete`, {
        body: payWith(),
      });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ code: 'checkout_expired', content: expect.any(String) });
      expect(sim.state.orderCount).toBe(before.orders);
      expect(await h.sessions.count(h.merchantId)).toBe(before.sessions);
    } finally {
      h.advance(-16 * 60 * 1000);
    }
  });

  it('when the payload is over the body limit then it is request_too_large (413) and nothing is written', async () => {
    const before = await written();
    const rawBody = JSON.stringify({ ...writeBody(stockedSku(sim, 1), 1), note: 'x'.repeat(300 * 1024) });
    const res = await h.rest('POST', '/ucp/checkout-sessions', { rawBody });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: 'request_too_large', content: expect.any(String) });
    expect(await written()).toEqual(before);
  });

  it.each([
    ['no API key', 401, 'unauthorized', { apiKey: null }],
    ['a malformed Idempotency-Key', 400, 'invalid_request', { key: 'not-a-uuid' }],
    ['a malformed JSON body', 400, 'invalid_json', { rawBody: '{"line_items": [' }],
    [
      'a zero quantity',
      400,
      'invalid_request',
      { body: { line_items: [{ item: { id: 'X' }, quantity: 0 }] } },
    ],
  ])(
    'when a create has %s then it is a %i protocol error and nothing is written',
    async (_n, status, code, call) => {
      const before = await written();
      const res = await h.rest('POST', '/ucp/checkout-sessions', call);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ code, content: expect.any(String) });
      expect(await written()).toEqual(before);
    },
  );

  it('when an Idempotency-Key is reused with another body then it is a 409 and nothing is written', async () => {
    const key = randomUUID();
    const sku = stockedSku(sim, 3);
    await h.rest('POST', '/ucp/checkout-sessions', { body: writeBody(sku, 1), key });
    const before = await written();
    const res = await h.rest('POST', '/ucp/checkout-sessions', { body: writeBody(sku, 2), key });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await written()).toEqual(before);
  });
});

describe('given an agent speaking MCP (SDK client over Streamable HTTP)', () => {
  let client: Client;
  const meta = (key?: string) => ({
    'ucp-agent': { profile: h.profiles.url('/agent.json') },
    ...(key ? { 'idempotency-key': key } : {}),
  });
  const call = async (name: string, args: Json) =>
    (await client.callTool({ name, arguments: args })).structuredContent as Json;

  beforeAll(async () => {
    client = new Client({ name: 'ucp-test-agent', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${h.url}/ucp/mcp`), {
        requestInit: { headers: { 'x-api-key': h.apiKey } },
      }),
    );
  });
  afterAll(() => client?.close());

  it('when listing tools then the OpenRPC methods of the offered capabilities are there', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'cancel_checkout',
      'complete_checkout',
      'create_checkout',
      'get_checkout',
      'get_product',
      'lookup_catalog',
      'search_catalog',
      'update_checkout',
    ]);
  });

  it('when checking out then one Shopify order lands and a replayed complete returns it', async () => {
    const sku = stockedSku(sim, 4);
    const created = await call('create_checkout', { meta: meta(randomUUID()), checkout: writeBody(sku, 1) });
    expect(created.status).toBe('ready_for_complete');
    const id = created.id as string;
    const got = await call('get_checkout', { meta: meta(), id });
    expect(got.id).toBe(id);
    const updated = await call('update_checkout', {
      meta: meta(randomUUID()),
      id,
      checkout: {
        ...writeBody(sku, 2),
        line_items: [{ id: (created.line_items as Line[])[0]!.id, item: { id: sku }, quantity: 2 }],
      },
    });
    expect((updated.line_items as Line[])[0]!.quantity).toBe(2);
    const before = sim.state.orderCount;
    const key = randomUUID();
    const done = await call('complete_checkout', { meta: meta(key), id, checkout: payWith() });
    expect(done.status).toBe('completed');
    const replay = await call('complete_checkout', { meta: meta(key), id, checkout: payWith() });
    expect((replay.order as { id: string }).id).toBe((done.order as { id: string }).id);
    expect(sim.state.orderCount).toBe(before + 1);
  });

  it('when the profile version is unsupported then the tool call fails with JSON-RPC -32001 version_unsupported, nothing written', async () => {
    const before = await written();
    const failure = await client
      .callTool({
        name: 'create_checkout',
        arguments: {
          meta: { 'ucp-agent': { profile: h.profiles.url('/old-version.json') } },
          checkout: writeBody(stockedSku(sim, 3), 1),
        },
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(McpError);
    expect(failure).toMatchObject({ code: -32001, data: { code: 'version_unsupported' } });
    expect(await written()).toEqual(before);
  });

  it('when creating with an unknown item then the result is an error_response and nothing is written', async () => {
    const before = await written();
    const res = await call('create_checkout', {
      meta: meta(randomUUID()),
      checkout: writeBody('NO-SUCH-SKU', 1),
    });
    expect(res).toMatchObject({ ucp: { status: 'error' }, messages: [{ code: 'not_found' }] });
    expect(await written()).toEqual(before);
  });

  it('when complete has no idempotency key then it is invalid params (-32602)', async () => {
    const failure = await client
      .callTool({ name: 'complete_checkout', arguments: { meta: meta(), id: 'chk_x', checkout: payWith() } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: -32602 });
  });

  it('when the request is over the body limit then it is a JSON-RPC error with HTTP 413', async () => {
    const res = await fetch(`${h.url}/ucp/mcp`, {
      method: 'POST',
      headers: {
        'x-api-key': h.apiKey,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/list',
        params: { pad: 'x'.repeat(300 * 1024) },
      }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { data: { code: 'request_too_large' } },
    });
  });
});

describe('given the mid-market sandbox (NetSuite owns price and stock)', () => {
  let mid: UcpHarness;
  beforeAll(async () => {
    mid = await startUcpHarness({ CONCORD_SANDBOX: 'mid_market' }, { products: 12, customers: 3, orders: 2 });
  }, 120_000);
  afterAll(() => mid?.close());

  it('when an agent checks out a SKU whose prices disagree then it pays the NetSuite price and one sales order and one Shopify order land', async () => {
    const sandbox = mid.node.sandbox as MidMarketSandbox;
    const priced = sandbox.seeded.find((s) => s.kind === 'price_mismatch')!;
    const shopifyPrice = sandbox.simulator.state.findVariantBySku(priced.sku)!.priceMinor;
    const counts = () => ({
      salesOrders: sandbox.netsuite.state.transactions.filter((t) => t.type === 'salesOrder').length,
      orders: sandbox.simulator.state.orderCount,
    });
    const lookup = await mid.rest('POST', '/ucp/catalog/lookup', { body: { ids: [priced.sku] } });
    const variant = (
      lookup.body.products as { variants: { price: { amount: number }; metadata: Json }[] }[]
    )[0]!.variants[0]!;
    expect(variant.price.amount).toBe(shopifyPrice + PRICE_DELTA);
    expect(variant.metadata.price_source).toBe('netsuite');

    const created = await mid.rest('POST', '/ucp/checkout-sessions', { body: writeBody(priced.sku, 1) });
    expect(created.body.status).toBe('ready_for_complete');
    expect((created.body.line_items as Line[])[0]!.item.price).toBe(shopifyPrice + PRICE_DELTA);
    const before = counts();
    const done = await mid.rest('POST', `/ucp/checkout-sessions/${created.body.id as string}/complete`, {
      body: payWith(),
    });
    expect(done.body.status).toBe('completed');
    expect(counts()).toEqual({ salesOrders: before.salesOrders + 1, orders: before.orders + 1 });
  });
});
