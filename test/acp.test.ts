/**
 * The ACP checkout surface end to end on the SMB sandbox (Shopify simulator), over real HTTP:
 * create → update address → select a fulfillment option → complete with the sandbox token → one
 * Shopify order; idempotency (replay, in flight, conflict); a declined payment; cancel; an expired
 * session; bad input that gets ACP's error shapes and writes nothing; the order webhook, signed and
 * retried. One happy path runs on the mid-market sandbox (Shopify + NetSuite).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_TOKENS,
  type PaymentHandler,
  type PaymentRequest,
} from '../src/commerce/payments/handler.js';
import type { Order, Variant } from '../src/model/index.js';
import type { MidMarketSandbox } from '../src/sandbox-mid-market.js';
import { SandboxPaymentHandler } from '../src/commerce/payments/handler.js';
import { startAcpHarness, type AcpHarness } from '../src/surfaces/acp/testing.js';
import type { AcpCheckoutSession } from '../src/surfaces/acp/types.js';

type Session = AcpCheckoutSession & {
  order?: { id: string; checkout_session_id: string; permalink_url: string };
};
interface AcpError {
  type: string;
  code: string;
  message: string;
  param?: string;
  supported_versions?: string[];
}

const ADDRESS = {
  name: 'Grace Hopper',
  line_one: '1234 Chat Road',
  city: 'San Francisco',
  state: 'CA',
  country: 'US',
  postal_code: '94131',
};
const FULFILLMENT = {
  name: 'Grace Hopper',
  email: 'grace.acp@example.com',
  phone_number: '15551234567',
  address: ADDRESS,
};

let h: AcpHarness;

/**
 * A POST on its own connection: a server answers 413 without reading the body and closes the
 * socket, which a pooled client connection would otherwise carry into the next request.
 */
function oneShotPost(url: string, body: string, headers: Record<string, string>) {
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type']),
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    req.end(body);
  });
}

/** Variants a US buyer may simply buy: not hazardous, no age limit, shippable to the US, in stock. */
async function sellable(h: AcpHarness, minAvailable: number): Promise<Variant[]> {
  const page = await h.node.rt.search.list<Variant>(h.merchantId, 'variant', { limit: 500 });
  const sim = h.node.sandbox!.simulator;
  return page.items.filter((v) => {
    const c = v.constraints;
    const simVariant = v.sku ? sim.state.findVariantBySku(v.sku) : undefined;
    return (
      v.sku !== null &&
      !c.hazmat &&
      c.min_age === null &&
      c.requires_shipping &&
      (c.ships_to_countries === null || c.ships_to_countries.includes('US')) &&
      !c.excluded_countries.includes('US') &&
      v.inventory_policy === 'deny' &&
      simVariant !== undefined &&
      simVariant.inventoryQuantity >= minAvailable
    );
  });
}

const totalOf = (s: AcpCheckoutSession, type = 'total') => s.totals.find((t) => t.type === type)?.amount;
const orderCount = () => h.node.sandbox!.simulator.state.orderCount;
async function sessionCount(): Promise<number> {
  const { rows } = await h.node.rt.db.query<{ n: number }>(
    `select count(*)::int as n from acp_checkout_sessions`,
  );
  return rows[0]!.n;
}
const complete = (
  id: string,
  key: string,
  token: string = SANDBOX_TOKENS.approve,
  handler = 'concord.sandbox',
) =>
  h.post<Session & AcpError>(
    `/checkout_sessions/${id}/complete`,
    {
      buyer: { first_name: 'Grace', last_name: 'Hopper', email: 'grace.acp@example.com' },
      payment_data: { handler_id: handler, instrument: { type: 'card', credential: { type: 'spt', token } } },
    },
    key,
  );
async function readySession(variant: Variant, key: string, quantity = 1): Promise<Session> {
  const res = await h.post<Session>(
    '/checkout_sessions',
    {
      currency: 'usd',
      line_items: Array.from({ length: quantity }, () => ({ id: variant.id })),
      capabilities: {},
      fulfillment_details: FULFILLMENT,
    },
    key,
  );
  expect(res.status).toBe(201);
  expect(res.body.status).toBe('ready_for_payment');
  return res.body;
}

beforeAll(async () => {
  h = await startAcpHarness({ sandbox: 'smb', products: 15 });
}, 180_000);
afterAll(() => h?.close());

describe('given the SMB sandbox when an agent checks out over ACP', () => {
  let session: Session;
  let variant: Variant;

  it('when creating a session without an address then it is priced from the catalog and not ready, asking for the address', async () => {
    variant = (await sellable(h, 3))[0]!;
    const res = await h.post<Session>(
      '/checkout_sessions',
      { currency: 'usd', line_items: [{ id: variant.id }, { id: variant.id }], capabilities: {} },
      'flow-create',
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotency-key')).toBe('flow-create');
    session = res.body;
    expect(session.id).toMatch(/^cs_[0-9a-f]{24}$/);
    expect(session.status).toBe('not_ready_for_payment');
    expect(session.currency).toBe('usd');
    expect(session.line_items).toHaveLength(1);
    expect(session.line_items[0]).toMatchObject({
      id: variant.id,
      quantity: 2,
      unit_amount: variant.price.amount,
    });
    expect(totalOf(session)).toBe(variant.price.amount * 2);
    expect(session.fulfillment_options).toEqual([]);
    expect(session.messages.map((m) => [m.type, 'code' in m ? m.code : null, m.param])).toEqual([
      ['error', 'missing', '$.fulfillment_details.address'],
      ['error', 'missing', '$.buyer.email'],
    ]);
    expect(session.capabilities.payment.handlers.map((x) => x.id)).toEqual(['concord.sandbox']);
  });

  it('when the address arrives then a quote backs it: shipping options, tax, minor-unit totals that add up, ready for payment', async () => {
    const res = await h.post<Session>(
      `/checkout_sessions/${session.id}`,
      { fulfillment_details: FULFILLMENT },
      'flow-address',
    );
    expect(res.status).toBe(200);
    session = res.body;
    expect(session.status).toBe('ready_for_payment');
    expect(session.quote_id).toMatch(/^quo_/);
    expect(session.fulfillment_options.length).toBeGreaterThan(0);
    expect(session.selected_fulfillment_options).toHaveLength(1);
    const [items, subtotal, shipping, tax, total] = [
      'items_base_amount',
      'subtotal',
      'fulfillment',
      'tax',
      'total',
    ].map((t) => totalOf(session, t)!);
    expect(items).toBe(variant.price.amount * 2);
    expect(subtotal).toBe(items);
    expect(total).toBe(subtotal! + shipping! + tax!);
    expect([items, shipping, tax, total].every(Number.isInteger)).toBe(true);
    const selected = session.fulfillment_options.find(
      (o) => o.id === session.selected_fulfillment_options[0]!.option_id,
    )!;
    expect(selected.totals[0]!.amount).toBe(shipping);
  });

  it('when another fulfillment option is selected then the same quote is kept and the total moves by the price difference', async () => {
    const before = session;
    const current = before.selected_fulfillment_options[0]!.option_id;
    const other = before.fulfillment_options.find((o) => o.id !== current)!;
    expect(other).toBeDefined();
    const res = await h.post<Session>(
      `/checkout_sessions/${session.id}`,
      { selected_fulfillment_options: [{ type: 'shipping', option_id: other.id, item_ids: [variant.id] }] },
      'flow-option',
    );
    expect(res.status).toBe(200);
    session = res.body;
    expect(session.quote_id).toBe(before.quote_id);
    expect(session.selected_fulfillment_options[0]!.option_id).toBe(other.id);
    expect(totalOf(session, 'fulfillment')).toBe(other.totals[0]!.amount);
    expect(totalOf(session)).toBe(
      totalOf(session, 'subtotal')! + totalOf(session, 'fulfillment')! + totalOf(session, 'tax')!,
    );
  });

  it('when completed with the sandbox token then exactly one Shopify order lands, at the session total, and the session is completed', async () => {
    const before = orderCount();
    const res = await complete(session.id, 'flow-complete');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('completed');
    expect(res.body.order).toMatchObject({ checkout_session_id: session.id });
    expect(orderCount()).toBe(before + 1);
    const stored = (await h.node.rt.search.get<Order>(h.merchantId, 'order', res.body.order!.id))!;
    const shopOrder = h.node.sandbox!.simulator.state.orders.find(
      (o) => String(o.id) === stored.external_id || o.name === stored.name,
    )!;
    expect(shopOrder.totalMinor).toBe(totalOf(session));
    expect(shopOrder.customer?.email).toBe('grace.acp@example.com');
    expect(shopOrder.lineItemList.map((l) => [l.sku, l.quantity])).toEqual([[variant.sku, 2]]);
    const got = await h.request<Session>('GET', `/checkout_sessions/${session.id}`);
    expect(got.body.status).toBe('completed');
    expect(got.body.order?.id).toBe(res.body.order!.id);
  });

  it('when the completion is replayed with the same key and body then the first response comes back, marked replayed, and no order is added', async () => {
    const before = orderCount();
    const first = (await h.request<Session>('GET', `/checkout_sessions/${session.id}`)).body.order!.id;
    const res = await complete(session.id, 'flow-complete');
    expect(res.status).toBe(200);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    expect(res.body.order!.id).toBe(first);
    expect(orderCount()).toBe(before);
  });

  it('when the same key comes with another body then it is 422 idempotency_conflict and nothing is written', async () => {
    const before = orderCount();
    const res = await complete(session.id, 'flow-complete', SANDBOX_TOKENS.decline);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      type: 'invalid_request',
      code: 'idempotency_conflict',
      message: expect.any(String),
    });
    expect(orderCount()).toBe(before);
  });

  it('when the completed session is completed again with a new key then it is refused and no second order lands', async () => {
    const before = orderCount();
    const res = await complete(session.id, 'flow-complete-again');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('checkout_session_completed');
    expect(orderCount()).toBe(before);
  });

  it('when the order webhook was sent then the platform got one order_create, signed, with the order', async () => {
    await h.surface.webhooks.idle();
    const events = h.receiver.received.filter(
      (r) => (r.json as { data: { checkout_session_id: string } }).data.checkout_session_id === session.id,
    );
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.signatureValid).toBe(true);
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['request-id']).toMatch(/^whk_/);
    const got = await h.request<Session>('GET', `/checkout_sessions/${session.id}`);
    expect(event.json).toMatchObject({
      type: 'order_create',
      data: { type: 'order', id: got.body.order!.id, checkout_session_id: session.id, status: 'created' },
    });
  });

  it('when the order is fulfilled in the store then order_update goes out with status shipped', async () => {
    const orderId = (await h.request<Session>('GET', `/checkout_sessions/${session.id}`)).body.order!.id;
    const order = (await h.node.rt.search.get<Order>(h.merchantId, 'order', orderId))!;
    await h.node.rt.records.upsertStream(h.merchantId, [
      {
        stream: 'orders',
        record: {
          ...order,
          fulfillment_status: 'fulfilled',
          updated_at: new Date(Date.parse(order.updated_at) + 1000).toISOString(),
        },
      },
    ]);
    expect(await h.surface.notifyOrderChanged(h.merchantId, orderId)).toBe(true);
    expect(await h.surface.notifyOrderChanged(h.merchantId, orderId)).toBe(false);
    await h.surface.webhooks.idle();
    const updates = h.receiver.received.filter((r) => (r.json as { type: string }).type === 'order_update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.signatureValid).toBe(true);
    expect(updates[0]!.json).toMatchObject({ data: { id: orderId, status: 'shipped' } });
  });
});

describe('given the platform webhook fails when an order is created', () => {
  async function eventRow(requestId: string) {
    const { rows } = await h.node.rt.db.query<{ status: string; attempts: number }>(
      `select status, attempts from acp_webhook_events where request_id = $1`,
      [requestId],
    );
    return rows[0];
  }

  it('when it answers 500 twice then the third attempt delivers it, every attempt with the same Request-Id', async () => {
    const variant = (await sellable(h, 3))[1]!;
    const s = await readySession(variant, 'retry-create');
    const seen = h.receiver.received.length;
    h.receiver.failNext(500, 2);
    expect((await complete(s.id, 'retry-complete')).status).toBe(200);
    await h.surface.webhooks.idle();
    const attempts = h.receiver.received.slice(seen);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers['request-id'])).size).toBe(1);
    expect(attempts.every((a) => a.signatureValid)).toBe(true);
    expect(await eventRow(attempts[0]!.headers['request-id']!)).toEqual({ status: 'delivered', attempts: 3 });
  });

  it('when it answers 400 then the event is not retried and is kept as failed', async () => {
    const variant = (await sellable(h, 3))[1]!;
    const s = await readySession(variant, 'noretry-create');
    const seen = h.receiver.received.length;
    h.receiver.failNext(400, 1);
    expect((await complete(s.id, 'noretry-complete')).status).toBe(200);
    await h.surface.webhooks.idle();
    const attempts = h.receiver.received.slice(seen);
    expect(attempts).toHaveLength(1);
    expect(await eventRow(attempts[0]!.headers['request-id']!)).toEqual({ status: 'failed', attempts: 1 });
  });
});

describe('given a completion still running when the same request arrives', () => {
  it('then it is 409 idempotency_in_flight with Retry-After, and the first completes once', async () => {
    let entered!: () => void;
    let release!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sandbox = new SandboxPaymentHandler();
    const gated: PaymentHandler = {
      id: 'test.gated',
      accepts: ['spt'],
      async authorize(request: PaymentRequest) {
        entered();
        await gate;
        return sandbox.authorize(request);
      },
      void: (id) => sandbox.void(id),
    };
    h.surface.payments.set(h.merchantId, gated);
    try {
      const variant = (await sellable(h, 3))[2]!;
      const s = await readySession(variant, 'inflight-create');
      expect(s.capabilities.payment.handlers[0]!.id).toBe('test.gated');
      const before = orderCount();
      const first = complete(s.id, 'inflight-complete', SANDBOX_TOKENS.approve, 'test.gated');
      await inside;
      const second = await complete(s.id, 'inflight-complete', SANDBOX_TOKENS.approve, 'test.gated');
      expect(second.status).toBe(409);
      expect(second.headers.get('retry-after')).toBe('1');
      expect(second.body).toMatchObject({ type: 'invalid_request', code: 'idempotency_in_flight' });
      release();
      const done = await first;
      expect(done.status).toBe(200);
      expect(orderCount()).toBe(before + 1);
    } finally {
      h.surface.payments.set(h.merchantId, new SandboxPaymentHandler());
    }
  });
});

describe('given a buyer whose payment is declined', () => {
  it('when completing with the decline token then it is 402 payment_declined, the session says so, no order lands; another card then completes it', async () => {
    const variant = (await sellable(h, 3))[0]!;
    const s = await readySession(variant, 'decline-create');
    const before = orderCount();
    const declined = await complete(s.id, 'decline-1', SANDBOX_TOKENS.decline);
    expect(declined.status).toBe(402);
    expect(declined.body).toMatchObject({
      type: 'processing_error',
      code: 'payment_declined',
      param: '$.payment_data',
    });
    expect(orderCount()).toBe(before);
    const got = await h.request<Session>('GET', `/checkout_sessions/${s.id}`);
    expect(got.body.status).toBe('ready_for_payment');
    expect(got.body.messages).toContainEqual(
      expect.objectContaining({ type: 'error', code: 'payment_declined' }),
    );
    const ok = await complete(s.id, 'decline-2');
    expect(ok.status).toBe(200);
    expect(ok.body.messages).toEqual([]);
    expect(orderCount()).toBe(before + 1);
  });
});

describe('given a session that learns the buyer email only at completion', () => {
  it('when completing then the new total (now with shipping and tax) stops it with 409 total_changed; completing again places the order', async () => {
    const variant = (await sellable(h, 3))[0]!;
    const { email: _email, ...withoutEmail } = FULFILLMENT;
    const created = await h.post<Session>(
      '/checkout_sessions',
      {
        currency: 'usd',
        line_items: [{ id: variant.id }],
        capabilities: {},
        fulfillment_details: withoutEmail,
      },
      'late-email-create',
    );
    expect(created.body.status).toBe('not_ready_for_payment');
    const before = orderCount();
    const first = await complete(created.body.id, 'late-email-1');
    expect(first.status).toBe(409);
    expect(first.body.code).toBe('total_changed');
    expect(orderCount()).toBe(before);
    const shown = await h.request<Session>('GET', `/checkout_sessions/${created.body.id}`);
    expect(shown.body.status).toBe('ready_for_payment');
    expect(totalOf(shown.body)).toBeGreaterThan(totalOf(created.body)!);
    const second = await complete(created.body.id, 'late-email-2');
    expect(second.status).toBe(200);
    expect(orderCount()).toBe(before + 1);
  });
});

describe('given a session the buyer abandons', () => {
  it('when canceled then it is canceled, its stock holds are released, and it can be neither canceled again (405) nor completed', async () => {
    const variant = (await sellable(h, 3))[0]!;
    const s = await readySession(variant, 'cancel-create');
    const before = orderCount();
    const res = await h.post<Session>(
      `/checkout_sessions/${s.id}/cancel`,
      { intent_trace: { reason_code: 'shipping_cost' } },
      'cancel-1',
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('canceled');
    const { rows } = await h.node.rt.db.query<{ open: number }>(
      `select count(*)::int as open from stock_holds where quote_id = $1 and released_at is null`,
      [s.quote_id],
    );
    expect(rows[0]!.open).toBe(0);
    const again = await h.post<AcpError>(`/checkout_sessions/${s.id}/cancel`, {}, 'cancel-2');
    expect(again.status).toBe(405);
    expect(again.body).toMatchObject({ type: 'invalid_request', code: 'checkout_session_not_cancelable' });
    const completing = await complete(s.id, 'cancel-complete');
    expect(completing.status).toBe(400);
    expect(completing.body.code).toBe('checkout_session_canceled');
    expect(orderCount()).toBe(before);
  });
});

describe('given a session left open past its expiry', () => {
  it('when read it is expired, and updating or completing it is refused with nothing written', async () => {
    const variant = (await sellable(h, 3))[0]!;
    const s = await readySession(variant, 'expire-create');
    const before = orderCount();
    h.setClockOffset(2 * 3600 * 1000);
    try {
      const got = await h.request<Session>('GET', `/checkout_sessions/${s.id}`);
      expect(got.body.status).toBe('expired');
      const update = await h.post<AcpError>(
        `/checkout_sessions/${s.id}`,
        { fulfillment_details: FULFILLMENT },
        'expire-update',
      );
      expect([update.status, update.body.code]).toEqual([400, 'checkout_session_expired']);
      const completing = await complete(s.id, 'expire-complete');
      expect([completing.status, completing.body.code]).toEqual([400, 'checkout_session_expired']);
      expect(orderCount()).toBe(before);
    } finally {
      h.setClockOffset(0);
    }
  });

  it('when only the quote expired then completing re-quotes on the same terms and places the order', async () => {
    const variant = (await sellable(h, 3))[0]!;
    const s = await readySession(variant, 'requote-create');
    h.setClockOffset(20 * 60 * 1000);
    try {
      const res = await complete(s.id, 'requote-complete');
      expect(res.status).toBe(200);
      expect(res.body.quote_id).not.toBe(s.quote_id);
      expect(totalOf(res.body)).toBe(totalOf(s));
    } finally {
      h.setClockOffset(0);
    }
  });
});

describe('given bad input over ACP then each gets the spec error shape and nothing is written', () => {
  const create = (body: unknown, key: string, headers: Record<string, string> = {}) =>
    h.post<Session & AcpError>('/checkout_sessions', body, key, headers);

  it('when the address is invalid then the session says which field, holds no quote, and cannot be completed', async () => {
    const variant = (await sellable(h, 3))[0]!;
    const before = orderCount();
    const res = await create(
      {
        currency: 'usd',
        line_items: [{ id: variant.id }],
        capabilities: {},
        fulfillment_details: { ...FULFILLMENT, address: { ...ADDRESS, postal_code: 'ABCDE' } },
      },
      'bad-address',
    );
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('not_ready_for_payment');
    expect(res.body.quote_id).toBeUndefined();
    expect(res.body.messages).toContainEqual(
      expect.objectContaining({
        type: 'error',
        code: 'invalid',
        param: '$.fulfillment_details.address.postal_code',
      }),
    );
    const completing = await complete(res.body.id, 'bad-address-complete');
    expect([completing.status, completing.body.code]).toEqual([400, 'checkout_session_not_ready']);
    expect(completing.body.param).toBe('$.fulfillment_details.address.postal_code');
    expect(orderCount()).toBe(before);
  });

  it('when an item is unknown then it is 400 invalid_item_id naming the entry, and no session is stored', async () => {
    const variant = (await sellable(h, 3))[0]!;
    const sessions = await sessionCount();
    const res = await create(
      {
        currency: 'usd',
        line_items: [{ id: variant.id }, { id: 'NO-SUCH-SKU' }],
        capabilities: {},
        fulfillment_details: FULFILLMENT,
      },
      'bad-item',
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      type: 'invalid_request',
      code: 'invalid_item_id',
      message: "The item ID 'NO-SUCH-SKU' does not exist.",
      param: '$.line_items[1].id',
    });
    expect(await sessionCount()).toBe(sessions);
  });

  it('when the quantity exceeds the stock then the line is out_of_stock, the session not ready, and completing writes nothing', async () => {
    const variant = (await sellable(h, 1))[0]!;
    const stock = h.node.sandbox!.simulator.state.findVariantBySku(variant.sku!)!.inventoryQuantity;
    const before = orderCount();
    const res = await create(
      {
        currency: 'usd',
        line_items: Array.from({ length: stock + 1 }, () => ({ id: variant.id })),
        capabilities: {},
        fulfillment_details: FULFILLMENT,
      },
      'bad-stock',
    );
    expect(res.status).toBe(201);
    expect(res.body.line_items[0]).toMatchObject({
      quantity: stock + 1,
      availability_status: 'out_of_stock',
    });
    expect(res.body.status).toBe('not_ready_for_payment');
    expect(res.body.messages).toContainEqual(
      expect.objectContaining({ type: 'error', code: 'out_of_stock', param: '$.line_items[0]' }),
    );
    const completing = await complete(res.body.id, 'bad-stock-complete');
    expect([completing.status, completing.body.code]).toEqual([400, 'checkout_session_not_ready']);
    expect(orderCount()).toBe(before);
  });

  it('when the API version is wrong or missing then it is 400 with the supported versions, and no session is stored', async () => {
    const variant = (await sellable(h, 3))[0]!;
    const sessions = await sessionCount();
    const body = { currency: 'usd', line_items: [{ id: variant.id }], capabilities: {} };
    const wrong = await create(body, 'bad-version', { 'api-version': '2025-09-29' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      type: 'invalid_request',
      code: 'unsupported_api_version',
      supported_versions: ['2026-04-17'],
    });
    const missing = await h.request<AcpError>('GET', '/checkout_sessions/cs_x', {
      headers: { 'api-version': '' },
    });
    expect([missing.status, missing.body.code]).toEqual([400, 'api_version_required']);
    expect(await sessionCount()).toBe(sessions);
  });

  it('when the payload is oversized then it is 413 in the ACP error shape, and no session is stored', async () => {
    const sessions = await sessionCount();
    const body = JSON.stringify({
      currency: 'usd',
      line_items: [{ id: 'x' }],
      capabilities: {},
      metadata: { pad: 'x'.repeat(300_000) },
    });
    const res = await oneShotPost(`${h.url}/checkout_sessions`, body, {
      authorization: `Bearer ${h.apiKey}`,
      'api-version': '2026-04-17',
      'content-type': 'application/json',
      'idempotency-key': 'big',
    });
    expect(res.status).toBe(413);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ type: 'invalid_request', code: 'payload_too_large' });
    expect(await sessionCount()).toBe(sessions);
  });

  it('when the Idempotency-Key, the body form or the key itself is wrong then each is its own 4xx and no session is stored', async () => {
    const sessions = await sessionCount();
    const noKey = await h.request<AcpError>('POST', '/checkout_sessions', {
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body).toEqual({
      type: 'invalid_request',
      code: 'idempotency_key_required',
      message: 'Idempotency-Key header is required',
    });
    const unknown = await create(
      { currency: 'usd', line_items: [{ id: 'x' }], capabilities: {}, items: [] },
      'bad-field',
    );
    expect([unknown.status, unknown.body.code, unknown.body.param]).toEqual([
      400,
      'unknown_field',
      '$.items',
    ]);
    const missing = await create({ line_items: [{ id: 'x' }], capabilities: {} }, 'bad-missing');
    expect([missing.status, missing.body.code, missing.body.param]).toEqual([
      400,
      'missing_required_field',
      '$.currency',
    ]);
    const json = await h.request<AcpError>('POST', '/checkout_sessions', {
      body: '{"currency":',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'bad-json' },
    });
    expect([json.status, json.body.code]).toEqual([400, 'invalid_json']);
    const anonymous = await fetch(`${h.url}/checkout_sessions/cs_x`, {
      headers: { 'api-version': '2026-04-17' },
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ type: 'invalid_request', code: 'unauthorized' });
    const absent = await h.request<AcpError>('GET', '/checkout_sessions/cs_000000000000000000000000');
    expect([absent.status, absent.body.code]).toEqual([404, 'checkout_session_not_found']);
    expect(await sessionCount()).toBe(sessions);
  });
});

describe('given the mid-market sandbox (Shopify + NetSuite) when an agent checks out over ACP', () => {
  let mm: AcpHarness;
  beforeAll(async () => {
    mm = await startAcpHarness({ sandbox: 'mid_market', products: 8 });
  }, 180_000);
  afterAll(() => mm?.close());

  it('then the session is priced at NetSuite prices and completing lands one NetSuite sales order and one Shopify order', async () => {
    const sandbox = mm.node.sandbox as MidMarketSandbox;
    const priced = sandbox.seeded.find((s) => s.kind === 'price_mismatch')!;
    const variant = sandbox.simulator.state.findVariantBySku(priced.sku)!;
    const ns = () => sandbox.netsuite.state.transactions.filter((t) => t.type === 'salesOrder').length;
    const [salesBefore, ordersBefore] = [ns(), sandbox.simulator.state.orderCount];
    const created = await mm.post<Session>(
      '/checkout_sessions',
      {
        currency: 'usd',
        line_items: [{ id: priced.sku }],
        capabilities: {},
        fulfillment_details: FULFILLMENT,
      },
      'mm-create',
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('ready_for_payment');
    expect(created.body.line_items[0]!.unit_amount).not.toBe(variant.priceMinor);
    const done = await mm.post<Session>(
      `/checkout_sessions/${created.body.id}/complete`,
      {
        buyer: { first_name: 'Dana', last_name: 'Reyes', email: 'dana.acp@example.com' },
        payment_data: {
          handler_id: 'concord.sandbox',
          instrument: { type: 'card', credential: { type: 'spt', token: SANDBOX_TOKENS.approve } },
        },
      },
      'mm-complete',
    );
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    expect([ns(), sandbox.simulator.state.orderCount]).toEqual([salesBefore + 1, ordersBefore + 1]);
    await mm.surface.webhooks.idle();
    expect(mm.receiver.received.filter((r) => r.signatureValid)).toHaveLength(1);
  });
});
