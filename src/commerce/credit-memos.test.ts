/**
 * The credit memo workflow against a counting in-memory ERP: references are stable per (merchant, key),
 * lines resolve to the ERP's item ids from the stored sales order the invoice bills, what was already
 * credited counts, and every refusal happens before the ERP is called at all.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditInvoiceInput, ErpConnector } from '../connectors/types.js';
import type { ConcordError } from '../core/errors.js';
import { recordId } from '../core/ids.js';
import type { CreditMemo, Invoice, Item, SalesOrder } from '../model/index.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { openTestDatabase } from '../store/testing.js';
import { createCreditMemo, creditReference, getCreditMemo } from './credit-memos.js';
import { erpReference } from './erp.js';

const ctx = { merchantId: 'mer_c', system: 'erp' };
const T = '2026-07-01T00:00:00.000Z';
const usd = (amount: number) => ({ amount, currency: 'USD' });
const rid = (kind: Parameters<typeof recordId>[0], ext: string) =>
  recordId(kind, ctx.merchantId, ctx.system, ext);

const item = (ext: string, sku: string): Item => ({
  id: rid('item', ext),
  system: ctx.system,
  external_id: ext,
  updated_at: T,
  sku,
  barcode: null,
  name: sku,
  description: null,
  unit_of_measure: null,
  base_price: usd(500),
  price_levels: [],
  cost: null,
  active: true,
});
const items = [item('10', 'SKU-A'), item('20', 'SKU-B')];
const order: SalesOrder = {
  id: rid('sales_order', 'so1'),
  system: ctx.system,
  external_id: 'so1',
  updated_at: T,
  number: 'SO1',
  status: 'open',
  customer_id: null,
  lines: [
    { item_id: items[0]!.id, sku: 'SKU-A', quantity: 3, unit_price: usd(500), location_id: null },
    { item_id: items[1]!.id, sku: 'SKU-B', quantity: 1, unit_price: usd(900), location_id: null },
  ],
  total: usd(2400),
  order_id: null,
  created_at: T,
};
const invoice = (ext: string, salesOrderId: string | null): Invoice => ({
  id: rid('invoice', ext),
  system: ctx.system,
  external_id: ext,
  updated_at: T,
  number: `INV-${ext}`,
  status: 'open',
  sales_order_id: salesOrderId,
  customer_id: null,
  total: usd(2400),
  amount_due: usd(2400),
  created_at: T,
});
const billed = invoice('inv1', order.id);
const standalone = invoice('inv2', null);

/** An ERP without credit memos: only what `ErpConnector` requires. */
class BareErp implements ErpConnector {
  readonly vendor = 'memory';
  readonly context = ctx;
  async *read() {}
  findOrCreateCustomer = () => Promise.reject(new Error('not used'));
  createSalesOrder = () => Promise.reject(new Error('not used'));
  getSalesOrder = () => Promise.resolve(null);
  invoiceSalesOrder = () => Promise.reject(new Error('not used'));
  getInvoice(external: string): Promise<Invoice | null> {
    const paid = {
      ...billed,
      updated_at: '2026-07-02T00:00:00.000Z',
      amount_due: usd(0),
      status: 'paid' as const,
    };
    return Promise.resolve(external === billed.external_id ? paid : null);
  }
}

/** An ERP that records each credit and answers from the input (lines at the invoiced SKUs). */
class CountingErp extends BareErp {
  calls: CreditInvoiceInput[] = [];
  creditInvoice(input: CreditInvoiceInput): Promise<CreditMemo> {
    this.calls.push(input);
    const lines = (input.lines ?? []).map((l) => {
      const it = items.find((i) => i.external_id === l.item_external_id)!;
      return {
        item_id: it.id,
        sku: it.sku,
        quantity: l.quantity,
        unit_price: usd(500),
        amount: usd(500 * l.quantity),
      };
    });
    return Promise.resolve({
      id: rid('credit_memo', input.reference),
      system: ctx.system,
      external_id: input.reference,
      updated_at: T,
      number: `CM${this.calls.length}`,
      status: 'applied',
      invoice_id: rid('invoice', input.invoice_external_id),
      customer_id: null,
      lines,
      total: usd(lines.reduce((s, l) => s + l.amount.amount, 0)),
      memo: input.memo ?? null,
      created_at: T,
    });
  }
}

let rt: Runtime;
let erp: CountingErp;
beforeAll(async () => {
  rt = createRuntime({ db: await openTestDatabase() });
  await rt.records.upsertStream(ctx.merchantId, [
    ...items.map((record) => ({ stream: 'items' as const, record })),
    { stream: 'sales_orders', record: order },
    { stream: 'invoices', record: billed },
    { stream: 'invoices', record: standalone },
  ]);
  erp = new CountingErp();
});
afterAll(() => rt.db.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as ConcordError,
  );

describe('creditReference', () => {
  it('given any keys then equal inputs give equal references, another merchant or key another, never an erpReference', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (m, k1, k2) => {
        expect(creditReference(m, k1)).toBe(creditReference(m, k1));
        expect(creditReference(m, k1)).toMatch(/^concord-cm-[0-9a-f]{32}$/);
        expect(creditReference(`${m}x`, k1)).not.toBe(creditReference(m, k1));
        if (k1 !== k2) expect(creditReference(m, k1)).not.toBe(creditReference(m, k2));
        expect(creditReference(m, k1)).not.toBe(erpReference('invoice', m, k1));
      }),
    );
  });
});

describe('given the credit memo workflow', () => {
  it('when no ERP is connected then erp_not_connected (409) and nothing is stored', async () => {
    const error = await failure(createCreditMemo(rt, ctx.merchantId, { invoice_id: billed.id }, 'k0'));
    expect([error?.category, error?.code]).toEqual(['conflict', 'erp_not_connected']);
    expect(await rt.records.count(ctx.merchantId, 'credit_memo')).toBe(0);
  });

  it('when the ERP cannot credit then erp_unsupported (409) before any call', async () => {
    rt.connectors.registerErp(ctx, new BareErp());
    const error = await failure(createCreditMemo(rt, ctx.merchantId, { invoice_id: billed.id }, 'k1'));
    expect([error?.category, error?.code]).toEqual(['conflict', 'erp_unsupported']);
    rt.connectors.registerErp(ctx, erp);
    expect(erp.calls).toEqual([]);
  });

  it.each([
    ['an unknown invoice', { invoice_id: 'invc_nope' }, 'invoice_not_found', []],
    [
      "another merchant's invoice",
      { invoice_id: recordId('invoice', 'mer_other', 'erp', 'inv1') },
      'invoice_not_found',
      [],
    ],
    ['an unknown field', { invoice_id: billed.id, refund: true }, 'invalid_request', ['refund']],
    [
      'both item_id and sku',
      { invoice_id: billed.id, lines: [{ sku: 'SKU-A', item_id: items[0]!.id, quantity: 1 }] },
      'invalid_request',
      ['lines[0].sku'],
    ],
    [
      'a sku not on the invoice',
      {
        invoice_id: billed.id,
        lines: [
          { sku: 'SKU-A', quantity: 1 },
          { sku: 'SKU-Z', quantity: 1 },
        ],
      },
      'invalid_credit_memo',
      ['lines[1].sku'],
    ],
    [
      'more than invoiced',
      { invoice_id: billed.id, lines: [{ item_id: items[1]!.id, quantity: 2 }] },
      'invalid_credit_memo',
      ['lines[0].quantity'],
    ],
    [
      'one item over two lines past its quantity',
      {
        invoice_id: billed.id,
        lines: [
          { sku: 'SKU-A', quantity: 2 },
          { sku: 'SKU-A', quantity: 2 },
        ],
      },
      'invalid_credit_memo',
      ['lines[1].quantity'],
    ],
    [
      'lines on an invoice without a stored sales order',
      { invoice_id: standalone.id, lines: [{ sku: 'SKU-A', quantity: 1 }] },
      'invoice_lines_unknown',
      ['lines'],
    ],
  ])('when given %s then %s naming %j, and the ERP gets no call', async (_name, body, code, fields) => {
    rt.connectors.registerErp(ctx, erp);
    const error = await failure(createCreditMemo(rt, ctx.merchantId, body, `bad-${code}`));
    expect(error?.code).toBe(code);
    expect(error?.issues.map((i) => i.field)).toEqual(fields);
    expect(erp.calls).toEqual([]);
    expect(await rt.records.count(ctx.merchantId, 'credit_memo')).toBe(0);
  });

  it('when crediting part of the invoice then the ERP gets its item ids and the key-derived reference, and the memo is stored under the invoice', async () => {
    const input = { invoice_id: billed.id, lines: [{ sku: 'SKU-A', quantity: 2 }], memo: 'damaged' };
    const memo = await createCreditMemo(rt, ctx.merchantId, input, 'k-part');
    expect(erp.calls).toEqual([
      {
        invoice_external_id: 'inv1',
        reference: creditReference(ctx.merchantId, 'k-part'),
        lines: [{ item_external_id: '10', quantity: 2 }],
        memo: 'damaged',
      },
    ]);
    expect(await getCreditMemo(rt, ctx.merchantId, memo.id)).toEqual(memo);
    const underInvoice = await rt.search.list<CreditMemo>(ctx.merchantId, 'credit_memo', {
      filters: { parent_id: billed.id },
    });
    expect(underInvoice.items.map((m) => m.id)).toEqual([memo.id]);
    const refreshed = await rt.search.get<Invoice>(ctx.merchantId, 'invoice', billed.id);
    expect(refreshed?.amount_due).toEqual(usd(0));
  });

  it('when a later request asks for more than the stored credits leave then 422, and the rest can still be credited', async () => {
    const calls = erp.calls.length;
    const over = await failure(
      createCreditMemo(
        rt,
        ctx.merchantId,
        { invoice_id: billed.id, lines: [{ sku: 'SKU-A', quantity: 2 }] },
        'k-over',
      ),
    );
    expect(over?.issues).toEqual([
      { field: 'lines[0].quantity', message: 'more than the invoice has left to credit (1)' },
    ]);
    expect(erp.calls.length).toBe(calls);
    const rest = {
      invoice_id: billed.id,
      lines: [
        { sku: 'SKU-A', quantity: 1 },
        { sku: 'SKU-B', quantity: 1 },
      ],
    };
    await createCreditMemo(rt, ctx.merchantId, rest, 'k-rest');
    expect(erp.calls.at(-1)?.lines).toEqual([
      { item_external_id: '10', quantity: 1 },
      { item_external_id: '20', quantity: 1 },
    ]);
    expect(await rt.records.count(ctx.merchantId, 'credit_memo')).toBe(2);
    const done = await failure(createCreditMemo(rt, ctx.merchantId, { invoice_id: billed.id }, 'k-done'));
    expect([done?.code, done?.issues.map((i) => i.field)]).toEqual([
      'invoice_fully_credited',
      ['invoice_id'],
    ]);
    expect(erp.calls.length).toBe(calls + 1);
  });

  it('when crediting in full then the ERP is asked without lines, under the key-derived reference', async () => {
    const fresh = invoice('inv3', order.id);
    await rt.records.upsertStream(ctx.merchantId, [{ stream: 'invoices', record: fresh }]);
    await createCreditMemo(rt, ctx.merchantId, { invoice_id: fresh.id }, 'k-full');
    expect(erp.calls.at(-1)).toEqual({
      invoice_external_id: 'inv3',
      reference: creditReference(ctx.merchantId, 'k-full'),
    });
  });

  it('when an unknown credit memo id is read then credit_memo_not_found', async () => {
    expect((await failure(getCreditMemo(rt, ctx.merchantId, 'cm_nope')))?.code).toBe('credit_memo_not_found');
  });
});
