/**
 * Refunds: money given back on an order, on the platform that took it (the platform owns the
 * customer-facing order under every preset) and, under mid-market, credited on the ERP invoice too.
 * Validation first, so nothing is written when the request is wrong:
 *
 *   validate (shape, 400) → order (stored, of this merchant, else 404) → live order (its refunds as
 *   the platform sees them now) → refundable (paid orders only; total minus refunds so far; the
 *   amount defaults to all of it; more is `refund_exceeds_refundable`, 422) → refund on the platform
 *   → record the order as the platform now shows it → ERP credit memo (mid-market, when the order's
 *   sales order is invoiced and the refund leaves nothing to refund: credit memos credit items, so a
 *   partial amount is not translated into item quantities; the result says why it was skipped).
 *   The credit memo's memo carries the refund's reference too, so a retry returns the same one.
 *
 * Exactly once: the platform refund carries an idempotency key and a reference in its note, both
 * derived from (merchant, idempotency key); a retry that finds a refund with the reference on the
 * live order does not refund again (and is not refused as an over-refund), and the credit memo has
 * its own reference (`creditReference`).
 *
 * @example
 * const out = await requestRefund(rt, 'mer_a', { order_id: 'ord_…', reason: 'Arrived damaged' }, key);
 * out.refund.amount; // { amount: 2500, currency: 'USD' } — all that was left to refund
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PlatformConnector } from '../connectors/types.js';
import { ConcordError, notFound } from '../core/errors.js';
import { CreditMemo, Money, Refund, type Invoice, type Order, type SalesOrder } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { MAX_PAGE_SIZE } from './catalog.js';
import { createCreditMemo } from './credit-memos.js';
import { issuesOf } from './order-input.js';
import { platformConnector, recordOrder, withoutRaw } from './order-platform.js';

export const RefundRequest = z
  .object({
    order_id: z.string().min(1).max(64).describe('Concord id of the order (`ord_…`)'),
    amount: Money.extend({ amount: Money.shape.amount.positive('must be positive') })
      .optional()
      .describe("In the order's currency; default: all that is left to refund"),
    reason: z.string().min(1).max(500).optional().describe('Shown to the merchant with the refund'),
  })
  .strict()
  .meta({ id: 'RefundRequest' });
export type RefundRequest = z.infer<typeof RefundRequest>;

export const ErpCredit = z
  .object({
    status: z.enum(['credited', 'skipped']),
    reason: z
      .enum(['no_sales_order', 'not_invoiced', 'partial_refund', 'erp_cannot_credit', 'already_credited'])
      .nullable()
      .describe('Why nothing was credited in the ERP, when skipped'),
    credit_memo: CreditMemo.nullable(),
  })
  .meta({ id: 'ErpCredit' });

export const RefundResult = z
  .object({
    refund: Refund,
    order_id: z.string(),
    financial_status: z.string().describe('The order as the platform shows it after the refund'),
    refunded: Money.describe('Refunded on the order so far, this refund included'),
    refundable: Money.describe('What is still left to refund'),
    erp: ErpCredit.nullable().describe(
      'The ERP side (mid-market); null when the platform order is the record',
    ),
  })
  .meta({ id: 'RefundResult' });
export type RefundResult = z.infer<typeof RefundResult>;

/** Financial statuses of an order whose total was received (so all of it may be refunded). */
const PAID = new Set<Order['financial_status']>(['paid', 'partially_refunded', 'refunded']);

/**
 * The reference a refund carries (in its note, and as the platform's idempotency key): the same for
 * the same (merchant, idempotency key).
 *
 * @example
 * refundReference('mer_a', 'k-1') // 'concord-rf-3f9a…' (32 hex digits)
 */
export function refundReference(merchantId: string, idempotencyKey: string): string {
  const digest = createHash('sha256')
    .update(`refund\u0000${merchantId}\u0000${idempotencyKey}`)
    .digest('hex');
  return `concord-rf-${digest.slice(0, 32)}`;
}

function parse(input: unknown): RefundRequest {
  const result = RefundRequest.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConcordError('validation', 'invalid_request', `${issues[0]?.field}: ${issues[0]?.message}`, {
    issues,
  });
}

const sumRefunds = (order: Order) =>
  order.refunds.reduce((sum, r) => sum + (r.amount.currency === order.currency ? r.amount.amount : 0), 0);

/** The order as the platform shows it now; the stored copy when the platform cannot say. */
async function liveOrder(connector: PlatformConnector, stored: Order): Promise<Order> {
  const found = await connector.fetchOne('orders', stored.external_id);
  const order = found?.find((r) => r.stream === 'orders' && r.record.external_id === stored.external_id);
  return order?.stream === 'orders' ? order.record : stored;
}

/** Step: the amount to refund, or a 422 naming why nothing can be. */
function amountToRefund(order: Order, requested: Money | undefined): Money {
  if (!PAID.has(order.financial_status)) {
    throw new ConcordError(
      'validation',
      'order_not_paid',
      `The order is ${order.financial_status}: only a paid order can be refunded`,
      { field: 'order_id', detail: { financial_status: order.financial_status } },
    );
  }
  const refundable = {
    amount: Math.max(0, order.total.amount - sumRefunds(order)),
    currency: order.currency,
  };
  if (refundable.amount === 0) {
    throw new ConcordError(
      'validation',
      'order_fully_refunded',
      'Everything paid on this order is refunded',
      {
        field: 'order_id',
      },
    );
  }
  if (!requested) return refundable;
  if (requested.currency !== order.currency) {
    throw new ConcordError(
      'validation',
      'currency_mismatch',
      `The order is in ${order.currency}; refund in that currency`,
      { field: 'amount.currency' },
    );
  }
  if (requested.amount > refundable.amount) {
    throw new ConcordError(
      'validation',
      'refund_exceeds_refundable',
      `At most ${refundable.amount} (minor units, ${refundable.currency}) is left to refund on this order`,
      { field: 'amount.amount', detail: { refundable } },
    );
  }
  return requested;
}

/** The stored sales order linked to a platform order, and its stored invoice. */
async function erpDocuments(rt: Runtime, merchantId: string, orderId: string) {
  const orders = await rt.search.list<SalesOrder>(merchantId, 'sales_order', {
    data: { order_id: orderId },
    limit: 1,
    cursor: null,
  });
  const salesOrder = orders.items[0] ?? null;
  if (!salesOrder) return { salesOrder: null, invoice: null };
  const invoices = await rt.search.list<Invoice>(merchantId, 'invoice', {
    filters: { parent_id: salesOrder.id },
    limit: 1,
    cursor: null,
  });
  return { salesOrder, invoice: invoices.items[0] ?? null };
}

type Skip = NonNullable<z.infer<typeof ErpCredit>['reason']>;
const skipped = (reason: Skip) => ({ status: 'skipped' as const, reason, credit_memo: null });

/** A credit memo stored against the invoice for this refund (a retry finds it by the reference in its memo). */
async function storedCredit(rt: Runtime, merchantId: string, invoiceId: string, reference: string) {
  const page = await rt.search.list<CreditMemo>(merchantId, 'credit_memo', {
    filters: { parent_id: invoiceId },
    limit: MAX_PAGE_SIZE,
    cursor: null,
  });
  return page.items.find((m) => m.memo?.includes(reference)) ?? null;
}

/** Step: the ERP credit memo (mid-market), see the module comment. */
async function creditErp(
  rt: Runtime,
  merchantId: string,
  order: Order,
  reason: string | undefined,
  key: string,
): Promise<z.infer<typeof ErpCredit> | null> {
  const erp = rt.connectors.erp(merchantId);
  if (!erp) return null;
  const { salesOrder, invoice } = await erpDocuments(rt, merchantId, order.id);
  if (!salesOrder) return skipped('no_sales_order');
  if (!invoice) return skipped('not_invoiced');
  if (sumRefunds(order) < order.total.amount) return skipped('partial_refund');
  if (!erp.creditInvoice) return skipped('erp_cannot_credit');
  const reference = refundReference(merchantId, key);
  const earlier = await storedCredit(rt, merchantId, invoice.id, reference);
  if (earlier) return { status: 'credited', reason: null, credit_memo: earlier };
  const memo = `${(reason ?? `Refund of order ${order.name}`).slice(0, 900)} [${reference}]`;
  try {
    const credit = await createCreditMemo(rt, merchantId, { invoice_id: invoice.id, memo }, key);
    return { status: 'credited', reason: null, credit_memo: credit };
  } catch (error) {
    if (error instanceof ConcordError && error.code === 'invoice_fully_credited')
      return skipped('already_credited');
    throw error;
  }
}

/** Refunds an order (see the module comment) and returns the refund and where the order now stands. */
export async function requestRefund(
  rt: Runtime,
  merchantId: string,
  input: unknown,
  idempotencyKey: string,
): Promise<RefundResult> {
  const valid = parse(input);
  const stored = await rt.search.get<Order>(merchantId, 'order', valid.order_id);
  if (!stored) throw notFound('order', valid.order_id);
  const connector = platformConnector(rt, merchantId, stored.system);
  const reference = refundReference(merchantId, idempotencyKey);
  const before = await liveOrder(connector, stored);
  const refund =
    before.refunds.find((r) => r.note?.includes(reference)) ??
    (await connector.createRefund({
      order_external_id: stored.external_id,
      amount: amountToRefund(before, valid.amount),
      note: valid.reason ? `${valid.reason} [${reference}]` : `[${reference}]`,
      idempotency_key: reference,
    }));
  const fresh = await liveOrder(connector, stored);
  const after = fresh.refunds.some((r) => r.external_id === refund.external_id)
    ? fresh
    : { ...fresh, refunds: [...fresh.refunds, refund] };
  await recordOrder(rt, merchantId, after);
  const erp = await creditErp(rt, merchantId, after, valid.reason, idempotencyKey);
  const refunded = sumRefunds(after);
  rt.logger.info({ merchantId, orderId: after.id, refundId: refund.id }, 'order refunded');
  return {
    refund,
    order_id: after.id,
    financial_status: after.financial_status,
    refunded: { amount: refunded, currency: after.currency },
    refundable: { amount: Math.max(0, after.total.amount - refunded), currency: after.currency },
    erp: erp ? { ...erp, credit_memo: erp.credit_memo ? withoutRaw(erp.credit_memo) : null } : null,
  };
}
