/**
 * The ERP routes end to end: the seeded two-merchant API, each merchant with its own NetSuite
 * simulator over real HTTP and a real NetSuite connector registered with `registerErp` and synced
 * with `syncSystem`. Writes are checked in the simulator's own state (sales orders, invoices,
 * customers), so "nothing written" means the ERP saw nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSharedLimiters } from '../../connectors/kit/index.js';
import { createNetSuiteConnector } from '../../connectors/netsuite/index.js';
import { recordId } from '../../core/ids.js';
import type { Invoice, Item, Location, SalesOrder } from '../../model/index.js';
import { startNetSuiteSimulator, type NetSuiteSimulator } from '../../simulators/netsuite/index.js';
import { syncSystem } from '../../sync/run.js';
import { seededApi, type SeededApi } from './testing.js';

interface ProblemBody {
  code: string;
  status: number;
  errors: { field: string; message: string }[];
}
interface List<T> {
  data: T[];
  next_cursor: string | null;
}

const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5, maxAttempts: 5 };
const A = { merchantId: 'mer_a', system: 'netsuite' };
const B = { merchantId: 'mer_b', system: 'netsuite' };
// Both seeds share the SKU KIT-MIXI-00003, so isolation is tested on equal keys.
const SHARED_SKU = 'KIT-MIXI-00003';

let api: SeededApi;
let simA: NetSuiteSimulator;
let simB: NetSuiteSimulator;
let itemsA: Item[];
let locationsA: Location[];
let n = 0;

async function connect(ctx: typeof A, accountId: string, seed: number): Promise<NetSuiteSimulator> {
  const sim = await startNetSuiteSimulator({
    accountId,
    seed: { items: 6, locations: 2, customers: 2, seed },
  });
  const settings = { accountId, ...sim.credentials, endpoint: sim.url };
  const connector = createNetSuiteConnector(settings, ctx, { retry: FAST_RETRY });
  api.rt.connectors.registerErp(ctx, connector);
  await syncSystem(api.rt, connector);
  return sim;
}

beforeAll(async () => {
  forgetSharedLimiters();
  api = await seededApi();
  simA = await connect(A, 'TSTDRVA', 3);
  simB = await connect(B, 'TSTDRVB', 4);
  itemsA = (await api.rt.search.list<Item>(A.merchantId, 'item', { limit: 50 })).items;
  const locations = await api.rt.search.list<Location>(A.merchantId, 'location', {
    filters: { system: 'netsuite' },
  });
  locationsA = locations.items;
});
afterAll(async () => {
  await simA.close();
  await simB.close();
  await api.close();
});

const get = (path: string, key = api.keyA) => api.call('GET', path, { key });
const post = (path: string, body: unknown, idempotencyKey: string | null = `k-${++n}`, key = api.keyA) =>
  api.call('POST', path, {
    key,
    body,
    headers: idempotencyKey === null ? {} : { 'Idempotency-Key': idempotencyKey },
  });
const salesOrders = (sim: NetSuiteSimulator) => sim.state.transactionsOf('salesOrder').length;
const invoices = (sim: NetSuiteSimulator) => sim.state.transactionsOf('invoice').length;
const itemA = (sku: string) => itemsA.find((i) => i.sku === sku)!;
const order = (over: Record<string, unknown> = {}) => ({
  customer: { email: 'dana@example.com', first_name: 'Dana', last_name: 'Reyes' },
  lines: [{ sku: SHARED_SKU, quantity: 2 }],
  ...over,
});

describe('given synced NetSuite items when listing and reading them', () => {
  it('then GET /items pages through every item of the merchant, without raw payloads', async () => {
    const first = (await (await get('/items?limit=4')).json()) as List<Item>;
    expect(first.data).toHaveLength(4);
    expect(first.next_cursor).not.toBeNull();
    const second = (await (await get(`/items?limit=4&cursor=${first.next_cursor}`)).json()) as List<Item>;
    expect(second.next_cursor).toBeNull();
    const ids = [...first.data, ...second.data].map((i) => i.id);
    expect(new Set(ids).size).toBe(simA.state.items.length);
    expect(first.data.every((i) => i.raw === undefined && i.system === 'netsuite')).toBe(true);
  });

  it('then sku, q and updated_since filter, and an unknown filter is a 400 naming it', async () => {
    const bySku = (await (await get(`/items?sku=${SHARED_SKU}`)).json()) as List<Item>;
    expect(bySku.data.map((i) => i.id)).toEqual([itemA(SHARED_SKU).id]);
    const byName = (await (await get('/items?q=jACKET')).json()) as List<Item>;
    expect(byName.data.map((i) => i.sku)).toEqual(['APP-JACK-00001']);
    const future = (await (await get('/items?updated_since=2100-01-01T00:00:00Z')).json()) as List<Item>;
    expect(future.data).toEqual([]);
    const bad = await get('/items?name=x');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ProblemBody).errors.map((e) => e.field)).toEqual(['name']);
  });

  it('then GET /items/{id} returns the item, and the raw member only on expand=raw', async () => {
    const item = itemA(SHARED_SKU);
    const res = await get(`/items/${item.id}`);
    expect(res.status).toBe(200);
    const plain = (await res.json()) as Item;
    expect(plain.sku).toBe(SHARED_SKU);
    expect(plain).not.toHaveProperty('raw');
    // The NetSuite reader keeps no payload for SuiteQL rows, so the member is there and null.
    const expanded = (await (await get(`/items/${item.id}?expand=raw`)).json()) as Item;
    expect(expanded).toHaveProperty('raw');
    expect({ ...expanded, raw: undefined }).toEqual({ ...plain, raw: undefined });
  });

  it("then another merchant's items are invisible: same SKU gives its own item, the other id is a 404", async () => {
    const idA = itemA(SHARED_SKU).id;
    const ofB = (await (await get(`/items?sku=${SHARED_SKU}`, api.keyB)).json()) as List<Item>;
    expect(ofB.data).toHaveLength(1);
    expect(ofB.data[0]!.id).not.toBe(idA);
    const all = (await (await get('/items?limit=250', api.keyB)).json()) as List<Item>;
    expect(all.data.map((i) => i.id)).not.toContain(idA);
    const res = await get(`/items/${idA}`, api.keyB);
    expect(res.status).toBe(404);
    expect(((await res.json()) as ProblemBody).code).toBe('item_not_found');
  });
});

describe('given a valid request when POST /sales_orders', () => {
  it('then the customer is created in NetSuite, the sales order placed there once, stored and returned', async () => {
    const [first, second] = [itemA(SHARED_SKU), itemA('APP-JACK-00001')];
    const location = locationsA[1]!;
    const before = { orders: salesOrders(simA), customers: simA.state.customers.length };
    const body = order({
      lines: [
        { sku: first.sku, quantity: 2, location_id: location.id },
        { item_id: second.id, quantity: 1, unit_price: { amount: 1234, currency: 'USD' } },
      ],
      memo: 'agent order',
    });
    const res = await post('/sales_orders', body);
    expect(res.status).toBe(201);
    const so = (await res.json()) as SalesOrder;
    expect(salesOrders(simA)).toBe(before.orders + 1);
    expect(simA.state.customers.length).toBe(before.customers + 1);
    const ns = simA.state.transactionsOf('salesOrder').at(-1)!;
    expect(so.id).toBe(recordId('sales_order', A.merchantId, 'netsuite', String(ns.id)));
    expect(ns.externalId).toMatch(/^concord-so-[0-9a-f]{32}$/);
    expect(ns.memo).toBe('agent order');
    expect(so.lines.map((l) => [l.item_id, l.quantity, l.location_id])).toEqual([
      [first.id, 2, location.id],
      [second.id, 1, null],
    ]);
    expect(so.lines[1]!.unit_price).toEqual({ amount: 1234, currency: 'USD' });
    expect(so.raw).toBeUndefined();
    const stored = await get(`/sales_orders/${so.id}`);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual(so);
    const customers = await (await get('/customers?email=dana@example.com')).json();
    expect((customers as List<{ id: string }>).data.map((c) => c.id)).toContain(so.customer_id);
  });

  it('then a customer given by id (a synced NetSuite customer) is used as is', async () => {
    const nsCustomer = simA.state.customers[0]!;
    const id = recordId('customer', A.merchantId, 'netsuite', String(nsCustomer.id));
    const customers = simA.state.customers.length;
    const res = await post('/sales_orders', order({ customer: { id } }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as SalesOrder).customer_id).toBe(id);
    expect(simA.state.transactionsOf('salesOrder').at(-1)!.entity).toBe(nsCustomer.id);
    expect(simA.state.customers.length).toBe(customers);
  });

  it('then a retry with the same Idempotency-Key replays the first answer and NetSuite holds one order', async () => {
    const before = salesOrders(simA);
    const first = await post('/sales_orders', order(), 'replay-1');
    const again = await post('/sales_orders', order(), 'replay-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(salesOrders(simA)).toBe(before + 1);
    const reused = await post('/sales_orders', order({ memo: 'other' }), 'replay-1');
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as ProblemBody).code).toBe('idempotency_key_reused');
    expect(salesOrders(simA)).toBe(before + 1);
  });
});

describe('given a bad request when POST /sales_orders then a 4xx names the field and NetSuite is untouched', () => {
  const cases: [string, () => unknown, number, string, string][] = [
    [
      'an unknown sku',
      () => order({ lines: [{ sku: 'NOPE-1', quantity: 1 }] }),
      422,
      'invalid_sales_order',
      'lines[0].sku',
    ],
    [
      "another merchant's item id",
      () =>
        order({
          lines: [
            { sku: SHARED_SKU, quantity: 1 },
            { item_id: bItemId(), quantity: 1 },
          ],
        }),
      422,
      'invalid_sales_order',
      'lines[1].item_id',
    ],
    [
      'a location of the platform, not of the ERP',
      () => order({ lines: [{ sku: SHARED_SKU, quantity: 1, location_id: api.a.locations[0]!.id }] }),
      422,
      'invalid_sales_order',
      'lines[0].location_id',
    ],
    [
      'a customer without email',
      () => order({ customer: { first_name: 'X' } }),
      422,
      'invalid_sales_order',
      'customer.email',
    ],
    [
      'a new customer without last name',
      () => order({ customer: { email: 'new@example.com' } }),
      422,
      'invalid_sales_order',
      'customer.last_name',
    ],
    [
      'a customer id of the platform',
      () => order({ customer: { id: api.a.customers[0]!.id } }),
      422,
      'invalid_sales_order',
      'customer.id',
    ],
    [
      'prices in two currencies',
      () =>
        order({
          lines: [
            { sku: SHARED_SKU, quantity: 1 },
            { sku: 'APP-JACK-00001', quantity: 1, unit_price: { amount: 100, currency: 'EUR' } },
          ],
        }),
      422,
      'mixed_currencies',
      'lines[1].unit_price',
    ],
    [
      'a quantity over 10000',
      () => order({ lines: [{ sku: SHARED_SKU, quantity: 10_001 }] }),
      400,
      'invalid_request',
      'lines[0].quantity',
    ],
    [
      'both sku and item_id',
      () => order({ lines: [{ sku: 'A', item_id: 'item_x', quantity: 1 }] }),
      400,
      'invalid_request',
      'lines[0].sku',
    ],
    ['an unknown field', () => order({ note: 'x' }), 400, 'invalid_request', 'note'],
  ];
  const bItemId = () => recordId('item', B.merchantId, 'netsuite', String(simB.state.items[0]!.id));

  it.each(cases)('given %s', async (_name, body, status, code, field) => {
    const before = { orders: salesOrders(simA), customers: simA.state.customers.length };
    const res = await post('/sales_orders', body());
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as ProblemBody;
    expect(problem.code).toBe(code);
    expect(problem.errors.map((e) => e.field)).toContain(field);
    expect({ orders: salesOrders(simA), customers: simA.state.customers.length }).toEqual(before);
  });

  it('given no Idempotency-Key then a 400 names the header and nothing is written', async () => {
    const before = salesOrders(simA);
    const res = await post('/sales_orders', order(), null);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors.map((e) => e.field)).toEqual(['Idempotency-Key']);
    expect(salesOrders(simA)).toBe(before);
  });

  it('given a merchant with no ERP then a 409 erp_not_connected', async () => {
    await api.rt.merchants.ensureMerchant('mer_c', 'C');
    const keyC = (await api.rt.merchants.createApiKey('mer_c', 'test')).secret;
    const res = await post('/sales_orders', order(), 'no-erp', keyC);
    expect(res.status).toBe(409);
    expect(((await res.json()) as ProblemBody).code).toBe('erp_not_connected');
  });
});

describe('given a sales order when POST /invoices', () => {
  const createOrder = async (key = api.keyA) =>
    (await (await post('/sales_orders', order(), `so-${++n}`, key)).json()) as SalesOrder;

  it('then NetSuite bills it once, the invoice is stored and returned; a retry replays it', async () => {
    const so = await createOrder();
    const before = invoices(simA);
    const res = await post('/invoices', { sales_order_id: so.id }, 'inv-1');
    expect(res.status).toBe(201);
    const invoice = (await res.json()) as Invoice;
    expect(invoice.sales_order_id).toBe(so.id);
    expect(invoice.total).toEqual(so.total);
    expect(invoices(simA)).toBe(before + 1);
    expect(simA.state.transactionsOf('invoice').at(-1)!.createdFrom).toBe(Number(so.external_id));
    const again = await post('/invoices', { sales_order_id: so.id }, 'inv-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(invoice);
    expect(invoices(simA)).toBe(before + 1);
    const stored = await get(`/invoices/${invoice.id}`);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual(invoice);
  });

  it("then another merchant's sales order is a 404 and no invoice is written anywhere", async () => {
    const soB = await createOrder(api.keyB);
    const before = { a: invoices(simA), b: invoices(simB) };
    const res = await post('/invoices', { sales_order_id: soB.id });
    expect(res.status).toBe(404);
    expect(((await res.json()) as ProblemBody).code).toBe('sales_order_not_found');
    expect({ a: invoices(simA), b: invoices(simB) }).toEqual(before);
    expect((await get(`/sales_orders/${soB.id}`)).status).toBe(404);
  });

  it.each([
    ['an empty body', {}],
    [
      'a standalone invoice with lines',
      { customer: { email: 'x@example.com' }, lines: [{ sku: SHARED_SKU }] },
    ],
  ])('given %s then a 422 says standalone invoices are not supported', async (_name, body) => {
    const before = invoices(simA);
    const res = await post('/invoices', body);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as ProblemBody;
    expect(problem.code).toBe('standalone_invoice_unsupported');
    expect(problem.errors.map((e) => e.field)).toEqual(['sales_order_id']);
    expect(invoices(simA)).toBe(before);
  });

  it('given an unknown field beside sales_order_id then a 400 names it', async () => {
    const so = await createOrder();
    const res = await post('/invoices', { sales_order_id: so.id, memo: 'x' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors.map((e) => e.field)).toEqual(['memo']);
  });
});

describe('given the OpenAPI document', () => {
  it('then it declares the ERP operations, and both POSTs take an Idempotency-Key', async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string; parameters?: unknown }>>;
    };
    const ops = [
      '/items',
      '/items/{id}',
      '/sales_orders',
      '/sales_orders/{id}',
      '/invoices',
      '/invoices/{id}',
    ].flatMap((path) => Object.values(doc.paths[path] ?? {}).map((op) => op.operationId));
    expect(ops.sort()).toEqual(
      ['createInvoice', 'createSalesOrder', 'getInvoice', 'getItem', 'getSalesOrder', 'listItems'].sort(),
    );
    for (const path of ['/sales_orders', '/invoices'])
      expect(JSON.stringify(doc.paths[path]!['post']!.parameters)).toContain('Idempotency-Key');
  });
});
