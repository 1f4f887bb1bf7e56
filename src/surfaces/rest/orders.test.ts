import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import type { Order } from '../../model/index.js';
import { TEST_DATABASE_URL } from '../../store/testing.js';
import { seededApi, type SeededApi } from './testing.js';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: { field: string; message: string }[];
  [extension: string]: unknown;
}

const customer = { email: 'carol@example.com', first_name: 'Carol' };
const teeOrder = { lines: [{ sku: 'TEE-S', quantity: 2 }], customer };

describe(`POST /orders on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let api: SeededApi;
  let n = 0;
  let key: string;
  beforeAll(async () => {
    api = await seededApi();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    n += 1;
    key = `test-key-${n}`;
  });

  const post = (body: unknown, idempotencyKey: string | null = key, apiKey = api.keyA) =>
    api.call('POST', '/orders', {
      key: apiKey,
      body,
      headers: idempotencyKey === null ? {} : { 'Idempotency-Key': idempotencyKey },
    });
  const calls = () => ({ ...api.platformA.calls });

  it('given a valid order when posted then it is created once on the platform, recorded, and readable at once', async () => {
    const before = calls();
    const res = await post({ ...teeOrder, note: 'gift wrap' });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    const { routing, ...order } = (await res.json()) as Order & { routing: unknown };
    expect(routing).toEqual({
      topology: 'smb',
      platform: {
        system: order.system,
        order_id: order.id,
        external_id: order.external_id,
        name: order.name,
      },
      erp: null,
    });
    expect(order.total).toEqual({ amount: 5000, currency: 'USD' });
    expect(order).not.toHaveProperty('raw');
    expect(order.line_items).toMatchObject([
      { sku: 'TEE-S', quantity: 2, unit_price: { amount: 2500, currency: 'USD' } },
    ]);
    expect(calls().createOrder - before.createOrder).toBe(1);
    const sent = api.platformA.inputs.at(-1)!;
    expect(sent).toMatchObject({
      currency: 'USD',
      note: 'gift wrap',
      customer: { email: 'carol@example.com', first_name: 'Carol' },
    });
    expect(sent.reference).toMatch(/^concord-[0-9a-f]{32}$/);
    const read = await api.call('GET', `/orders/${order.id}`, { key: api.keyA });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(order);
    const withRaw = (await (
      await api.call('GET', `/orders/${order.id}?expand=raw`, { key: api.keyA })
    ).json()) as Order;
    expect(withRaw.raw).toEqual({ reference: sent.reference });
    const customers = await api.call('GET', '/customers?email=carol@example.com', { key: api.keyA });
    expect(((await customers.json()) as { data: unknown[] }).data).toHaveLength(1);
  });

  it('given the same key and body when posted again then the first response is replayed and the platform is called once', async () => {
    const before = calls();
    const first = await post(teeOrder);
    const firstBody = await first.json();
    const second = await post({ customer, lines: [{ quantity: 2, sku: 'TEE-S' }] }); // same body, other key order
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(firstBody);
    expect(calls().createOrder - before.createOrder).toBe(1);
    expect(calls().findOrCreateCustomer - before.findOrCreateCustomer).toBe(1);
  });

  it('given a used key when posted with another body then it is 422 idempotency_key_reused and the platform is not called again', async () => {
    await post(teeOrder);
    const before = calls();
    const res = await post({ ...teeOrder, lines: [{ sku: 'TEE-S', quantity: 1 }] });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ProblemBody;
    expect(body).toMatchObject({
      code: 'idempotency_key_reused',
      type: '/problems/idempotency_key_reused',
    });
    expect(body.errors.map((e) => e.field)).toEqual(['Idempotency-Key']);
    expect(calls()).toEqual(before);
  });

  it('given a request still in flight when the same request arrives then it is 409 idempotency_key_in_flight', async () => {
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const original = api.platformA.createOrder.bind(api.platformA);
    api.platformA.createOrder = async (input) => {
      entered();
      await gate;
      return original(input);
    };
    try {
      const first = post(teeOrder);
      await inside; // the first request holds the key and waits inside the platform call
      const second = await post(teeOrder);
      expect(second.status).toBe(409);
      expect(((await second.json()) as ProblemBody).code).toBe('idempotency_key_in_flight');
      release();
      expect((await first).status).toBe(201);
    } finally {
      api.platformA.createOrder = original;
    }
  });

  it('given an upstream failure when posted then the key is released and a retry creates the order', async () => {
    api.platformA.failNextCreateOrder(
      new ConcordError('upstream', 'platform_down', 'The platform answered 503'),
    );
    const failed = await post(teeOrder);
    expect(failed.status).toBe(502);
    expect(((await failed.json()) as ProblemBody).code).toBe('platform_down');
    const before = calls();
    const retry = await post(teeOrder);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(calls().createOrder - before.createOrder).toBe(1);
  });

  it('given a lost reply (committed, then timeout) when retried with the same key then the same platform order comes back', async () => {
    const ordersBefore = api.platformA.orders.size;
    api.platformA.failNextCreateOrder(
      new ConcordError('transient', 'timeout', 'The platform did not answer'),
      { afterCommit: true },
    );
    expect((await post(teeOrder)).status).toBe(503);
    const retry = await post(teeOrder);
    expect(retry.status).toBe(201);
    expect(api.platformA.orders.size - ordersBefore).toBe(1);
    const refs = api.platformA.inputs.slice(-2).map((i) => i.reference);
    expect(refs[0]).toBe(refs[1]);
  });

  it('given over-stock when posted then 409 insufficient_stock names the line, says how many are available, and is replayed', async () => {
    const before = calls();
    const res = await post({
      lines: [
        { sku: 'MUG', quantity: 1 },
        { sku: 'TEE-S', quantity: 6 },
      ],
      customer,
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as ProblemBody;
    expect(body.code).toBe('insufficient_stock');
    expect(body.errors).toEqual([
      { field: 'lines[1].sku', message: 'only 5 available of SKU "TEE-S"; 6 requested' },
    ]);
    expect(body['lines']).toEqual([
      expect.objectContaining({ line: 1, sku: 'TEE-S', requested: 6, available: 5 }),
    ]);
    const replay = await post({
      lines: [
        { sku: 'MUG', quantity: 1 },
        { sku: 'TEE-S', quantity: 6 },
      ],
      customer,
    });
    expect(replay.status).toBe(409);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(calls()).toEqual(before);
  });

  it('given untracked or continue-policy variants when posted beyond stock then the order is placed', async () => {
    const res = await post({
      lines: [
        { sku: 'MUG', quantity: 500 },
        { sku: 'GIFT', quantity: 3 },
      ],
      customer,
    });
    expect(res.status).toBe(201);
  });

  it('given a variant_id line when posted then it resolves like a sku', async () => {
    const hoodie = api.a.products[1]!.variants[0]!;
    const res = await post({ lines: [{ variant_id: hoodie.id, quantity: 1 }], customer });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Order).line_items[0]?.sku).toBe('HOOD-M');
  });

  describe('given bad input when posted then a 4xx problem names the field and createOrder is never called', () => {
    const cases: [string, () => Promise<Response>, number, string][] = [
      [
        'malformed JSON',
        () =>
          api.call('POST', '/orders', {
            key: api.keyA,
            rawBody: '{"lines": [',
            headers: { 'Idempotency-Key': key },
          }),
        400,
        '(body)',
      ],
      ['unknown field', () => post({ ...teeOrder, coupon: 'FREE' }), 400, 'coupon'],
      [
        'unknown line field',
        () => post({ ...teeOrder, lines: [{ sku: 'TEE-S', quantity: 1, price: 1 }] }),
        400,
        'lines[0].price',
      ],
      [
        'wrong type',
        () => post({ ...teeOrder, lines: [{ sku: 'TEE-S', quantity: '2' }] }),
        400,
        'lines[0].quantity',
      ],
      [
        'quantity 0',
        () => post({ ...teeOrder, lines: [{ sku: 'TEE-S', quantity: 0 }] }),
        400,
        'lines[0].quantity',
      ],
      [
        'quantity -1',
        () => post({ ...teeOrder, lines: [{ sku: 'TEE-S', quantity: -1 }] }),
        400,
        'lines[0].quantity',
      ],
      [
        'quantity 1.5',
        () => post({ ...teeOrder, lines: [{ sku: 'TEE-S', quantity: 1.5 }] }),
        400,
        'lines[0].quantity',
      ],
      [
        'quantity 10 001',
        () => post({ ...teeOrder, lines: [{ sku: 'MUG', quantity: 10_001 }] }),
        400,
        'lines[0].quantity',
      ],
      [
        'both sku and variant_id',
        () => post({ ...teeOrder, lines: [{ sku: 'TEE-S', variant_id: 'var_x', quantity: 1 }] }),
        400,
        'lines[0].sku',
      ],
      ['no lines', () => post({ ...teeOrder, lines: [] }), 400, 'lines'],
      [
        '251 lines',
        () => post({ ...teeOrder, lines: Array.from({ length: 251 }, () => ({ sku: 'MUG', quantity: 1 })) }),
        400,
        'lines',
      ],
      ['bad email', () => post({ ...teeOrder, customer: { email: 'not-an-email' } }), 400, 'customer.email'],
      [
        'bad country',
        () => post({ ...teeOrder, shipping_address: { line1: '1 Main', city: 'Austin', country: 'usa' } }),
        400,
        'shipping_address.country',
      ],
      ['missing Idempotency-Key', () => post(teeOrder, null), 400, 'Idempotency-Key'],
      ['Idempotency-Key with a space', () => post(teeOrder, 'has space'), 400, 'Idempotency-Key'],
      [
        'unknown SKU',
        () =>
          post({
            ...teeOrder,
            lines: [
              { sku: 'TEE-S', quantity: 1 },
              { sku: 'NOPE', quantity: 1 },
            ],
          }),
        422,
        'lines[1].sku',
      ],
      [
        'unknown variant_id',
        () => post({ ...teeOrder, lines: [{ variant_id: 'var_nope', quantity: 1 }] }),
        422,
        'lines[0].variant_id',
      ],
      [
        "another merchant's variant",
        () => post({ ...teeOrder, lines: [{ variant_id: api.b.products[0]!.variants[0]!.id, quantity: 1 }] }),
        422,
        'lines[0].variant_id',
      ],
      [
        'mixed currencies',
        () =>
          post({
            ...teeOrder,
            lines: [
              { sku: 'TEE-S', quantity: 1 },
              { sku: 'COTTON', quantity: 1 },
            ],
          }),
        422,
        'lines[1].sku',
      ],
      [
        'over-stock',
        () => post({ ...teeOrder, lines: [{ sku: 'TEE-M', quantity: 1 }] }),
        409,
        'lines[0].sku',
      ],
    ];
    for (const [name, send, status, field] of cases) {
      it(`${name} → ${status} naming ${field}`, async () => {
        const before = calls();
        const res = await send();
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        const body = (await res.json()) as ProblemBody;
        expect(body.status).toBe(status);
        expect(body.type).toBe(`/problems/${body.code}`);
        expect(body.errors.map((e) => e.field)).toContain(field);
        expect(calls().createOrder).toBe(before.createOrder);
      });
    }
  });

  it('given a body over 1 MB when posted then it is 413 and nothing is called', async () => {
    const before = calls();
    const res = await post({ ...teeOrder, note: 'x'.repeat(1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ProblemBody).code).toBe('payload_too_large');
    expect(calls()).toEqual(before);
  });

  it('given a non-JSON content type when posted then it is 415', async () => {
    const res = await api.call('POST', '/orders', {
      key: api.keyA,
      rawBody: 'lines=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'Idempotency-Key': key },
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ProblemBody).code).toBe('unsupported_media_type');
  });

  it("given merchant B's key when it reuses A's idempotency key then B gets its own order", async () => {
    const mine = (await (await post(teeOrder)).json()) as Order;
    const res = await post({ lines: [{ sku: 'TEE-S', quantity: 1 }], customer }, key, api.keyB);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    const theirs = (await res.json()) as Order;
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.line_items[0]?.quantity).toBe(1);
  });
});
