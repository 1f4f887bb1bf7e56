/**
 * The ERP workflows against a counting in-memory ERP: references are stable per (kind, merchant,
 * key), and every refusal happens before the ERP is called at all.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErpConnector, SalesOrderInput } from '../connectors/types.js';
import { ConcordError } from '../core/errors.js';
import { recordId } from '../core/ids.js';
import type { Customer, Invoice, Item, SalesOrder } from '../model/index.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { openTestDatabase } from '../store/testing.js';
import { createErpSalesOrder, erpReference, invoiceErpSalesOrder } from './erp.js';

const ctx = { merchantId: 'mer_e', system: 'erp' };
const T = '2026-07-01T00:00:00.000Z';
const usd = (amount: number) => ({ amount, currency: 'USD' });

/** An ERP that records each call and answers from the inputs. */
class CountingErp implements ErpConnector {
  readonly vendor = 'memory';
  readonly context = ctx;
  calls: string[] = [];
  async *read() {}
  findOrCreateCustomer(input: { email: string }): Promise<Customer> {
    this.calls.push('customer');
    const id = recordId('customer', ctx.merchantId, ctx.system, input.email);
    return Promise.resolve({
      id,
      system: ctx.system,
      external_id: input.email,
      updated_at: T,
      email: input.email,
      phone: null,
      first_name: null,
      last_name: null,
      default_address: null,
      tags: [],
      created_at: T,
    });
  }
  createSalesOrder(input: SalesOrderInput): Promise<SalesOrder> {
    this.calls.push(`sales_order ${input.reference}`);
    return Promise.resolve({
      id: recordId('sales_order', ctx.merchantId, ctx.system, input.reference),
      system: ctx.system,
      external_id: input.reference,
      updated_at: T,
      number: 'SO1',
      status: 'open',
      customer_id: null,
      lines: [],
      total: usd(0),
      order_id: null,
      created_at: T,
    });
  }
  getSalesOrder = () => Promise.resolve(null);
  invoiceSalesOrder(external: string, reference: string): Promise<Invoice> {
    this.calls.push(`invoice ${external}`);
    return Promise.resolve({
      id: recordId('invoice', ctx.merchantId, ctx.system, reference),
      system: ctx.system,
      external_id: reference,
      updated_at: T,
      number: 'INV1',
      status: 'open',
      sales_order_id: null,
      customer_id: null,
      total: usd(0),
      amount_due: usd(0),
      created_at: T,
    });
  }
  getInvoice = () => Promise.resolve(null);
}

const item: Item = {
  id: recordId('item', ctx.merchantId, ctx.system, '1'),
  system: ctx.system,
  external_id: '1',
  updated_at: T,
  sku: 'SKU-1',
  barcode: null,
  name: 'Widget',
  description: null,
  unit_of_measure: null,
  base_price: usd(500),
  price_levels: [],
  cost: null,
  active: true,
};

let rt: Runtime;
let erp: CountingErp;
beforeAll(async () => {
  rt = createRuntime({ db: await openTestDatabase() });
  await rt.records.upsertStream(ctx.merchantId, [{ stream: 'items', record: item }]);
  erp = new CountingErp();
});
afterAll(() => rt.db.close());

const request = {
  customer: { email: 'a@example.com', last_name: 'A' },
  lines: [{ sku: 'SKU-1', quantity: 1 }],
};
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as ConcordError).code,
  );

describe('erpReference', () => {
  it('given any keys then equal inputs give equal references and a different kind, merchant or key another', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (m, k1, k2) => {
        expect(erpReference('sales_order', m, k1)).toBe(erpReference('sales_order', m, k1));
        expect(erpReference('sales_order', m, k1)).not.toBe(erpReference('invoice', m, k1));
        expect(erpReference('sales_order', `${m}x`, k1)).not.toBe(erpReference('sales_order', m, k1));
        if (k1 !== k2)
          expect(erpReference('sales_order', m, k1)).not.toBe(erpReference('sales_order', m, k2));
      }),
    );
  });
});

describe('given the ERP workflows', () => {
  it('when no ERP is registered then erp_not_connected (a conflict) and nothing is called', async () => {
    const error = await createErpSalesOrder(rt, ctx.merchantId, request, 'k0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcordError);
    expect((error as ConcordError).category).toBe('conflict');
    expect((error as ConcordError).code).toBe('erp_not_connected');
  });

  it('when the request is wrong then every bad field is named and the ERP gets no call', async () => {
    rt.connectors.registerErp(ctx, erp);
    const bad = {
      customer: { first_name: 'X' },
      lines: [
        { sku: 'NOPE', quantity: 1 },
        { sku: 'SKU-1', quantity: 1, location_id: 'loc_none' },
      ],
    };
    const error = (await createErpSalesOrder(rt, ctx.merchantId, bad, 'k1').catch(
      (e: unknown) => e,
    )) as ConcordError;
    expect(error.issues.map((i) => i.field)).toEqual([
      'customer.email',
      'lines[0].sku',
      'lines[1].location_id',
    ]);
    expect(await codeOf(invoiceErpSalesOrder(rt, ctx.merchantId, {}, 'k2'))).toBe(
      'standalone_invoice_unsupported',
    );
    expect(await codeOf(invoiceErpSalesOrder(rt, ctx.merchantId, { sales_order_id: 'so_x' }, 'k3'))).toBe(
      'sales_order_not_found',
    );
    expect(erp.calls).toEqual([]);
  });

  it('when valid then the sales order carries the key-derived reference and is invoiceable', async () => {
    const so = await createErpSalesOrder(rt, ctx.merchantId, request, 'k4');
    const reference = erpReference('sales_order', ctx.merchantId, 'k4');
    expect(erp.calls).toEqual(['customer', `sales_order ${reference}`]);
    await invoiceErpSalesOrder(rt, ctx.merchantId, { sales_order_id: so.id }, 'k5');
    expect(erp.calls.at(-1)).toBe(`invoice ${reference}`);
    expect(await rt.records.count(ctx.merchantId, 'sales_order')).toBe(1);
    expect(await rt.records.count(ctx.merchantId, 'invoice')).toBe(1);
  });
});
