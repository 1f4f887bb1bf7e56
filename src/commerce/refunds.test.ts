import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../core/config.js';
import { ConcordError } from '../core/errors.js';
import type { Order } from '../model/index.js';
import type { MidMarketSandbox } from '../sandbox-mid-market.js';
import { startConcord, type ConcordNode } from '../server.js';
import { openTestDatabase } from '../store/testing.js';
import { getOrder } from './catalog.js';
import { invoiceErpSalesOrder } from './erp.js';
import { placeOrder } from './orders.js';
import { requestRefund } from './refunds.js';

const address = {
  line1: '1 Main St',
  city: 'Springfield',
  region: 'IL',
  postal_code: '62701',
  country: 'US',
};
const customer = { email: 'refund.me@example.com', first_name: 'Rae', last_name: 'Fund' };

async function start(sandbox: 'true' | 'mid_market'): Promise<ConcordNode> {
  const env = loadEnv({
    PORT: '0',
    CONCORD_SANDBOX: sandbox,
    CONCORD_SYNC_INTERVAL_SECONDS: '0',
    CONCORD_DATA_DIR: 'memory://',
  });
  return startConcord(env, {
    db: await openTestDatabase(),
    sandbox: { products: 8, customers: 2, orders: 1 },
  });
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as ConcordError,
  );

describe('given the SMB sandbox and a paid order', () => {
  let node: ConcordNode;
  let n = 0;
  const merchant = 'mer_sandbox';

  beforeAll(async () => {
    node = await start('true');
  }, 120_000);
  afterAll(() => node?.stop());

  async function paidOrder(): Promise<Order> {
    const sim = node.sandbox!.simulator;
    const variant = sim.state.variants.find((v) => v.inventoryItem.levels.some((l) => l.available > 3))!;
    const body = { lines: [{ sku: variant.sku!, quantity: 1 }], customer, shipping_address: address };
    return (await placeOrder(node.rt, merchant, body, `refund-order-${++n}`)).order;
  }

  it('when refunding without an amount then all of it is refunded once in Shopify and recorded', async () => {
    const order = await paidOrder();
    const sim = node.sandbox!.simulator;
    const before = sim.state.refundCount;
    const out = await requestRefund(
      node.rt,
      merchant,
      { order_id: order.id, reason: 'Arrived damaged' },
      'rf-all',
    );
    expect(out.refund.amount).toEqual(order.total);
    expect(out.refundable).toEqual({ amount: 0, currency: 'USD' });
    expect(out.financial_status).toBe('refunded');
    expect(out.erp).toBeNull();
    expect(sim.state.refundCount).toBe(before + 1);
    expect(sim.state.orders.find((o) => o.name === order.name)?.refundedMinor).toBe(order.total.amount);
    const stored = await getOrder(node.rt, merchant, order.id);
    expect(stored.financial_status).toBe('refunded');
    expect(stored.refunds.map((r) => r.id)).toEqual([out.refund.id]);
    expect(stored.refunds[0]!.note).toContain('Arrived damaged');
  });

  it('when refunding part then more than is left then the second is refused and nothing more is refunded', async () => {
    const order = await paidOrder();
    const sim = node.sandbox!.simulator;
    const part = { amount: 500, currency: 'USD' };
    const first = await requestRefund(node.rt, merchant, { order_id: order.id, amount: part }, 'rf-part');
    expect(first.refunded).toEqual(part);
    expect(first.refundable.amount).toBe(order.total.amount - 500);
    const count = sim.state.refundCount;
    const over = { amount: order.total.amount, currency: 'USD' };
    const error = await errorOf(
      requestRefund(node.rt, merchant, { order_id: order.id, amount: over }, 'rf-over'),
    );
    expect([error.code, error.issues[0]?.field]).toEqual(['refund_exceeds_refundable', 'amount.amount']);
    expect(error.detail).toEqual({ refundable: first.refundable });
    expect(sim.state.refundCount).toBe(count);
  });

  it('when the same idempotency key is sent again then the first refund is returned and none is added', async () => {
    const order = await paidOrder();
    const sim = node.sandbox!.simulator;
    const input = { order_id: order.id, amount: { amount: 300, currency: 'USD' } };
    const first = await requestRefund(node.rt, merchant, input, 'rf-twice');
    const count = sim.state.refundCount;
    const again = await requestRefund(node.rt, merchant, input, 'rf-twice');
    expect(again.refund.id).toBe(first.refund.id);
    expect(again.refunded).toEqual({ amount: 300, currency: 'USD' });
    expect(sim.state.refundCount).toBe(count);
  });

  it('when the input is wrong then each case gets its code and Shopify sees no refund', async () => {
    const order = await paidOrder();
    const sim = node.sandbox!.simulator;
    const count = sim.state.refundCount;
    const cases: [unknown, string, string][] = [
      [{ order_id: 'ord_nosuchorder' }, 'order_not_found', ''],
      [{ order_id: order.id, amount: { amount: 0, currency: 'USD' } }, 'invalid_request', 'amount.amount'],
      [
        { order_id: order.id, amount: { amount: 100, currency: 'EUR' } },
        'currency_mismatch',
        'amount.currency',
      ],
      [{ order_id: order.id, refund_everything: true }, 'invalid_request', 'refund_everything'],
      [{}, 'invalid_request', 'order_id'],
    ];
    for (const [i, [input, code, field]] of cases.entries()) {
      const error = await errorOf(requestRefund(node.rt, merchant, input, `rf-bad-${i}`));
      expect({ i, code: error.code, field: error.issues[0]?.field ?? '' }).toEqual({ i, code, field });
    }
    expect(sim.state.refundCount).toBe(count);
  });

  it("when another merchant's key asks for the order then it is not found", async () => {
    const order = await paidOrder();
    const error = await errorOf(requestRefund(node.rt, 'mer_other', { order_id: order.id }, 'rf-other'));
    expect(error.code).toBe('order_not_found');
  });

  it('when the order is refunded in full then another refund is refused as fully refunded', async () => {
    const order = await paidOrder();
    await requestRefund(node.rt, merchant, { order_id: order.id }, 'rf-full-1');
    const error = await errorOf(requestRefund(node.rt, merchant, { order_id: order.id }, 'rf-full-2'));
    expect(error.code).toBe('order_fully_refunded');
  });
});

describe('given the mid-market sandbox and a paid order whose sales order is invoiced', () => {
  let node: ConcordNode;
  let sandbox: MidMarketSandbox;
  const merchant = 'mer_midmarket';
  const memos = () => sandbox.netsuite.state.transactions.filter((t) => t.type === 'creditMemo').length;

  beforeAll(async () => {
    node = await start('mid_market');
    sandbox = node.sandbox as MidMarketSandbox;
  }, 120_000);
  afterAll(() => node?.stop());

  async function order(key: string, invoiced: boolean) {
    const sku = sandbox.seeded.find((s) => s.kind === 'price_mismatch')!.sku;
    const body = { lines: [{ sku, quantity: 1 }], customer, shipping_address: address };
    const placed = await placeOrder(node.rt, merchant, body, key);
    const invoice = invoiced
      ? await invoiceErpSalesOrder(
          node.rt,
          merchant,
          { sales_order_id: placed.sales_order!.id },
          `${key}-inv`,
        )
      : null;
    return { order: placed.order, invoice };
  }

  it('when a part is refunded then the ERP is left alone and says why; the rest then credits the invoice once', async () => {
    const { order: placed, invoice } = await order('mm-refund-1', true);
    const before = memos();
    const part = await requestRefund(
      node.rt,
      merchant,
      { order_id: placed.id, amount: { amount: 100, currency: placed.currency } },
      'mm-rf-1',
    );
    expect(part.erp).toEqual({ status: 'skipped', reason: 'partial_refund', credit_memo: null });
    expect(memos()).toBe(before);
    const rest = await requestRefund(node.rt, merchant, { order_id: placed.id }, 'mm-rf-2');
    expect(rest.refundable.amount).toBe(0);
    expect(rest.erp?.status).toBe('credited');
    expect(rest.erp?.credit_memo?.invoice_id).toBe(invoice!.id);
    expect(memos()).toBe(before + 1);
    const again = await requestRefund(node.rt, merchant, { order_id: placed.id }, 'mm-rf-2');
    expect(again.erp?.credit_memo?.id).toBe(rest.erp?.credit_memo?.id);
    expect(memos()).toBe(before + 1);
  });

  it('when the sales order is not invoiced then the refund lands on the platform and the ERP is skipped', async () => {
    const { order: placed } = await order('mm-refund-2', false);
    const before = memos();
    const out = await requestRefund(node.rt, merchant, { order_id: placed.id }, 'mm-rf-3');
    expect(out.refundable.amount).toBe(0);
    expect(out.erp).toEqual({ status: 'skipped', reason: 'not_invoiced', credit_memo: null });
    expect(memos()).toBe(before);
  });
});
