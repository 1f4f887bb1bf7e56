/**
 * The NetSuite connector's credit memos against the simulator over real HTTP: one credit memo per
 * reference under retries, the read-back by externalId after an ambiguous failure, partial credits at the
 * invoiced rate, and NetSuite's refusals surfacing as validation errors with nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { recordId } from '../../core/ids.js';
import { startNetSuiteSimulator, type NetSuiteSimulator } from '../../simulators/netsuite/index.js';
import { forgetSharedLimiters } from '../kit/index.js';
import { createNetSuiteConnector, type NetSuiteConnector } from './index.js';

const ctx = { merchantId: 'mer_1', system: 'netsuite' };
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5, maxAttempts: 30 };
let sim: NetSuiteSimulator | undefined;

async function setup(
  retry: Partial<typeof FAST_RETRY> = {},
): Promise<{ sim: NetSuiteSimulator; ns: NetSuiteConnector }> {
  forgetSharedLimiters();
  sim = await startNetSuiteSimulator({ seed: { items: 5, locations: 1, customers: 1 } });
  const settings = { accountId: sim.accountId, ...sim.credentials, endpoint: sim.url };
  return { sim, ns: createNetSuiteConnector(settings, ctx, { retry: { ...FAST_RETRY, ...retry } }) };
}

/** An invoice of 3 × item 1 at 12.50 and 1 × item 2 at 40.00 (total 77.50). */
async function invoiced(sim: NetSuiteSimulator, ns: NetSuiteConnector) {
  const [first, second] = [sim.state.items[0]!, sim.state.items[1]!];
  const order = await ns.createSalesOrder({
    reference: `so-${Math.random().toString(36).slice(2)}`,
    customer_external_id: String(sim.state.customers[0]!.id),
    currency: 'USD',
    lines: [
      { item_external_id: String(first.id), quantity: 3, unit_price: { amount: 1250, currency: 'USD' } },
      { item_external_id: String(second.id), quantity: 1, unit_price: { amount: 4000, currency: 'USD' } },
    ],
  });
  const invoice = await ns.invoiceSalesOrder(order.external_id, `inv-${order.external_id}`);
  return { invoice, first: String(first.id), second: String(second.id) };
}

const memos = (s: NetSuiteSimulator) => s.state.transactionsOf('creditMemo');

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('NetSuite connector: credit memos', () => {
  it('given a 500 after commit on the transform when crediting twice with one reference then one credit memo exists and the invoice is paid', async () => {
    const { sim, ns } = await setup();
    const { invoice } = await invoiced(sim, ns);
    sim.failNext(500, 1, { afterCommit: true, method: 'POST' });
    const input = { invoice_external_id: invoice.external_id, reference: 'cm_retry_1', memo: 'refund' };
    const memo = await ns.creditInvoice(input);
    const again = await ns.creditInvoice(input);
    expect(memos(sim).filter((m) => m.externalId === 'cm_retry_1')).toHaveLength(1);
    expect(memos(sim)).toHaveLength(1);
    expect(again).toEqual(memo);
    expect(memo).toMatchObject({
      invoice_id: invoice.id,
      customer_id: invoice.customer_id,
      status: 'applied',
      total: { amount: 7750, currency: 'USD' },
      memo: 'refund',
    });
    expect(memo.lines.map((l) => [l.quantity, l.unit_price.amount, l.amount.amount])).toEqual([
      [3, 1250, 3750],
      [1, 4000, 4000],
    ]);
    expect(await ns.getCreditMemo(memo.external_id)).toEqual(memo);
    expect(await ns.getInvoice(invoice.external_id)).toMatchObject({
      status: 'paid',
      amount_due: { amount: 0, currency: 'USD' },
    });
  });

  it('given every attempt of the transform failing after commit when crediting then the memo is read back by externalId, not made twice', async () => {
    const { sim, ns } = await setup({ maxAttempts: 2 });
    const { invoice } = await invoiced(sim, ns);
    sim.failNext(500, 2, { afterCommit: true, method: 'POST' });
    const memo = await ns.creditInvoice({
      invoice_external_id: invoice.external_id,
      reference: 'cm_ambiguous',
    });
    expect(memos(sim)).toHaveLength(1);
    expect(memo.external_id).toBe(String(memos(sim)[0]!.id));
    expect(memos(sim)[0]!.externalId).toBe('cm_ambiguous');
  });

  it('given lines when crediting part of the invoice then the memo holds only them, at the invoiced rate, and the rest stays due', async () => {
    const { sim, ns } = await setup();
    const { invoice, first } = await invoiced(sim, ns);
    const memo = await ns.creditInvoice({
      invoice_external_id: invoice.external_id,
      reference: 'cm_partial',
      lines: [{ item_external_id: first, quantity: 2 }],
    });
    expect(memo.lines.map((l) => [l.item_id, l.quantity, l.unit_price.amount])).toEqual([
      [recordId('item', ctx.merchantId, ctx.system, first), 2, 1250],
    ]);
    expect(memo.lines[0]!.sku).toBe(sim.state.items[0]!.itemId);
    expect(memo.total).toEqual({ amount: 2500, currency: 'USD' });
    expect(await ns.getInvoice(invoice.external_id)).toMatchObject({
      status: 'open',
      amount_due: { amount: 5250, currency: 'USD' },
    });
  });

  it('given more than the invoice has left, or an item not on it, when crediting then a validation error and nothing is written', async () => {
    const { sim, ns } = await setup();
    const { invoice, first } = await invoiced(sim, ns);
    const over = await ns
      .creditInvoice({
        invoice_external_id: invoice.external_id,
        reference: 'cm_over',
        lines: [{ item_external_id: first, quantity: 4 }],
      })
      .catch((e: unknown) => e);
    expect(over).toBeInstanceOf(ConcordError);
    expect((over as ConcordError).category).toBe('validation');
    expect((over as ConcordError).detail.vendorCode).toBe('USER_ERROR');
    const stranger = await ns
      .creditInvoice({
        invoice_external_id: invoice.external_id,
        reference: 'cm_stranger',
        lines: [{ item_external_id: String(sim.state.items[4]!.id), quantity: 1 }],
      })
      .catch((e: unknown) => e);
    expect((stranger as ConcordError).code).toBe('netsuite_item_not_on_invoice');
    expect(memos(sim)).toHaveLength(0);
    expect(await ns.getCreditMemo('eid:cm_over')).toBeNull();
  });
});
