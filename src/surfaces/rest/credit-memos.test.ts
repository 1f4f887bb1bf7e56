/**
 * The credit memo routes end to end: the seeded two-merchant API, each merchant with its own NetSuite
 * simulator over real HTTP and a real NetSuite connector, synced; sales orders and invoices made through
 * POST /sales_orders and POST /invoices. Writes are checked in the simulators' own state, so "nothing
 * written" means the ERP saw nothing.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSharedLimiters } from '../../connectors/kit/index.js';
import { createNetSuiteConnector } from '../../connectors/netsuite/index.js';
import type { ErpConnector } from '../../connectors/types.js';
import { recordId } from '../../core/ids.js';
import type { CreditMemo, Invoice, Item, SalesOrder } from '../../model/index.js';
import { startNetSuiteSimulator, type NetSuiteSimulator } from '../../simulators/netsuite/index.js';
import { syncSystem } from '../../sync/run.js';
import { seededApi, type SeededApi } from './testing.js';

interface ProblemBody {
  code: string;
  status: number;
  errors: { field: string; message: string }[];
}

const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5, maxAttempts: 5 };
const A = { merchantId: 'mer_a', system: 'netsuite' };
const B = { merchantId: 'mer_b', system: 'netsuite' };
const SHARED_SKU = 'KIT-MIXI-00003';
const OTHER_SKU = 'APP-JACK-00001';

let api: SeededApi;
let simA: NetSuiteSimulator;
let simB: NetSuiteSimulator;
let itemsA: Item[];
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
const memos = (sim: NetSuiteSimulator) => sim.state.transactionsOf('creditMemo').length;
const itemA = (sku: string) => itemsA.find((i) => i.sku === sku)!;

const BOTH_LINES = [
  { sku: SHARED_SKU, quantity: 2, unit_price: { amount: 1000, currency: 'USD' } },
  { sku: OTHER_SKU, quantity: 1, unit_price: { amount: 2500, currency: 'USD' } },
];

/** A sales order (by default 2 × SHARED_SKU at 10.00, 1 × OTHER_SKU at 25.00) invoiced in full, through the API. */
async function newInvoice(key = api.keyA, lines: unknown[] = BOTH_LINES): Promise<Invoice> {
  const order = { customer: { email: 'carol@example.com', first_name: 'Carol', last_name: 'Diaz' }, lines };
  const so = (await (await post('/sales_orders', order, `so-${++n}`, key)).json()) as SalesOrder;
  const res = await post('/invoices', { sales_order_id: so.id }, `inv-${++n}`, key);
  expect(res.status).toBe(201);
  return (await res.json()) as Invoice;
}

describe('given an invoice when POST /credit_memos', () => {
  it('then NetSuite credits it in full once, the memo is stored and returned, the invoice paid; a retry replays', async () => {
    const invoice = await newInvoice();
    const before = memos(simA);
    const res = await post('/credit_memos', { invoice_id: invoice.id, memo: 'order refunded' }, 'cm-full');
    expect(res.status).toBe(201);
    const memo = (await res.json()) as CreditMemo;
    expect(memos(simA)).toBe(before + 1);
    const ns = simA.state.transactionsOf('creditMemo').at(-1)!;
    expect(ns.externalId).toMatch(/^concord-cm-[0-9a-f]{32}$/);
    expect(memo).toMatchObject({
      id: recordId('credit_memo', A.merchantId, 'netsuite', String(ns.id)),
      invoice_id: invoice.id,
      status: 'applied',
      total: invoice.total,
      memo: 'order refunded',
    });
    expect(memo.lines.map((l) => [l.sku, l.quantity])).toEqual([
      [SHARED_SKU, 2],
      [OTHER_SKU, 1],
    ]);
    expect(memo.raw).toBeUndefined();
    expect(await (await get(`/credit_memos/${memo.id}`)).json()).toEqual(memo);
    const stored = (await (await get(`/invoices/${invoice.id}`)).json()) as Invoice;
    expect([stored.status, stored.amount_due.amount]).toEqual(['paid', 0]);

    const again = await post('/credit_memos', { invoice_id: invoice.id, memo: 'order refunded' }, 'cm-full');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(memo);
    const reused = await post('/credit_memos', { invoice_id: invoice.id }, 'cm-full');
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as ProblemBody).code).toBe('idempotency_key_reused');
    expect(memos(simA)).toBe(before + 1);
  });

  it('then lines credit part of it, by sku or item id, and what is left shrinks until an over-credit is a 422', async () => {
    const invoice = await newInvoice();
    const before = memos(simA);
    const first = await post('/credit_memos', {
      invoice_id: invoice.id,
      lines: [{ sku: SHARED_SKU, quantity: 1 }],
    });
    expect(first.status).toBe(201);
    const memo = (await first.json()) as CreditMemo;
    expect(memo.lines.map((l) => [l.item_id, l.quantity, l.unit_price.amount])).toEqual([
      [itemA(SHARED_SKU).id, 1, 1000],
    ]);
    expect(memo.total).toEqual({ amount: 1000, currency: 'USD' });
    const stored = (await (await get(`/invoices/${invoice.id}`)).json()) as Invoice;
    expect(stored.amount_due.amount).toBe(invoice.total.amount - 1000);

    const byId = { invoice_id: invoice.id, lines: [{ item_id: itemA(SHARED_SKU).id, quantity: 1 }] };
    expect((await post('/credit_memos', byId)).status).toBe(201);
    expect(memos(simA)).toBe(before + 2);
    const over = await post('/credit_memos', byId);
    expect(over.status).toBe(422);
    const problem = (await over.json()) as ProblemBody;
    expect([problem.code, problem.errors.map((e) => e.field)]).toEqual([
      'invalid_credit_memo',
      ['lines[0].quantity'],
    ]);
    expect(memos(simA)).toBe(before + 2);
  });
});

describe('given a bad request when POST /credit_memos then a 4xx names the field and NetSuite is untouched', () => {
  let invoice: Invoice;
  let invoiceB: Invoice;
  beforeAll(async () => {
    invoice = await newInvoice();
    invoiceB = await newInvoice(api.keyB, [{ sku: SHARED_SKU, quantity: 1 }]);
  });

  const cases: [string, () => unknown, number, string, string[]][] = [
    ['an unknown invoice', () => ({ invoice_id: 'invc_unknown' }), 404, 'invoice_not_found', []],
    ["another merchant's invoice", () => ({ invoice_id: invoiceB.id }), 404, 'invoice_not_found', []],
    [
      'a sku not on the invoice',
      () => ({ invoice_id: invoice.id, lines: [{ sku: 'APP-TEE-00001', quantity: 1 }] }),
      422,
      'invalid_credit_memo',
      ['lines[0].sku'],
    ],
    [
      'more than invoiced',
      () => ({ invoice_id: invoice.id, lines: [{ sku: OTHER_SKU, quantity: 2 }] }),
      422,
      'invalid_credit_memo',
      ['lines[0].quantity'],
    ],
    [
      'both sku and item_id',
      () => ({ invoice_id: invoice.id, lines: [{ sku: SHARED_SKU, item_id: 'item_x', quantity: 1 }] }),
      400,
      'invalid_request',
      ['lines[0].sku'],
    ],
    ['an unknown field', () => ({ invoice_id: invoice.id, amount: 5 }), 400, 'invalid_request', ['amount']],
    [
      'no invoice id',
      () => ({ lines: [{ sku: SHARED_SKU, quantity: 1 }] }),
      400,
      'invalid_request',
      ['invoice_id'],
    ],
  ];

  it.each(cases)('given %s', async (_name, body, status, code, fields) => {
    const before = { a: memos(simA), b: memos(simB) };
    const res = await post('/credit_memos', body());
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as ProblemBody;
    expect(problem.code).toBe(code);
    expect(problem.errors.map((e) => e.field)).toEqual(fields);
    expect({ a: memos(simA), b: memos(simB) }).toEqual(before);
  });

  it('given no Idempotency-Key then a 400 names the header and nothing is written', async () => {
    const before = memos(simA);
    const res = await post('/credit_memos', { invoice_id: invoice.id }, null);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemBody).errors.map((e) => e.field)).toEqual(['Idempotency-Key']);
    expect(memos(simA)).toBe(before);
  });

  it('given an ERP that cannot record credit memos then a 409 erp_unsupported and nothing is stored', async () => {
    const ctx = { merchantId: 'mer_d', system: 'legacy' };
    await api.rt.merchants.ensureMerchant(ctx.merchantId, 'D');
    const keyD = (await api.rt.merchants.createApiKey(ctx.merchantId, 'test')).secret;
    const legacy: ErpConnector = {
      vendor: 'legacy',
      context: ctx,
      read: async function* () {},
      findOrCreateCustomer: () => Promise.reject(new Error('not used')),
      createSalesOrder: () => Promise.reject(new Error('not used')),
      getSalesOrder: () => Promise.resolve(null),
      invoiceSalesOrder: () => Promise.reject(new Error('not used')),
      getInvoice: () => Promise.resolve(null),
    };
    api.rt.connectors.registerErp(ctx, legacy);
    const stored: Invoice = {
      ...invoice,
      id: recordId('invoice', ctx.merchantId, ctx.system, '1'),
      system: ctx.system,
    };
    await api.rt.records.upsertStream(ctx.merchantId, [{ stream: 'invoices', record: stored }]);
    const res = await post('/credit_memos', { invoice_id: stored.id }, 'legacy-1', keyD);
    expect(res.status).toBe(409);
    expect(((await res.json()) as ProblemBody).code).toBe('erp_unsupported');
    expect(await api.rt.records.count(ctx.merchantId, 'credit_memo')).toBe(0);
  });

  it("given another merchant's credit memo id when GET /credit_memos/{id} then 404", async () => {
    const memoB = (await (
      await post('/credit_memos', { invoice_id: invoiceB.id }, 'b-1', api.keyB)
    ).json()) as CreditMemo;
    expect((await get(`/credit_memos/${memoB.id}`, api.keyB)).status).toBe(200);
    const res = await get(`/credit_memos/${memoB.id}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as ProblemBody).code).toBe('credit_memo_not_found');
  });
});

describe('given the OpenAPI document', () => {
  it('then it declares both credit memo operations, the POST takes an Idempotency-Key, and real bodies conform', async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string; parameters?: unknown }>>;
    };
    const ops = ['/credit_memos', '/credit_memos/{id}'].flatMap((path) =>
      Object.values(doc.paths[path] ?? {}).map((op) => op.operationId),
    );
    expect(ops.sort()).toEqual(['createCreditMemo', 'getCreditMemo']);
    expect(JSON.stringify(doc.paths['/credit_memos']!['post']!.parameters)).toContain('Idempotency-Key');

    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, 'openapi.json');
    const validator = (name: string) => ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` });
    const invoice = await newInvoice();
    const request = { invoice_id: invoice.id, lines: [{ sku: OTHER_SKU, quantity: 1 }], memo: 'docs' };
    const validRequest = validator('CreateCreditMemoRequest');
    expect(validRequest(request), ajv.errorsText(validRequest.errors)).toBe(true);
    expect(validRequest({ ...request, refund: true })).toBe(false);
    const memo = await (await post('/credit_memos', request)).json();
    const validMemo = validator('CreditMemo');
    expect(validMemo(memo), ajv.errorsText(validMemo.errors)).toBe(true);
    expect(validMemo({ ...(memo as object), status: 'refunded' })).toBe(false);
  });
});
