/**
 * Builds an `OrderRecord` with its line items, shipping lines and payment transactions, shared by
 * the seed (past orders) and the `orderCreate` mutation. Totals are derived by the record itself.
 *
 * @example
 * const order = buildOrder(state, { lines: [{ variant, quantity: 2, unitMinor: variant.priceMinor }], … });
 */
import type { MailingAddressRecord } from './model/address.js';
import type { CustomerRecord } from './model/customer.js';
import { LineItemRecord, ShippingLineRecord } from './model/line-item.js';
import { TransactionRecord, type TransactionKind } from './model/order-events.js';
import { OrderRecord, type FinancialStatus } from './model/order.js';
import type { VariantRecord } from './model/variant.js';
import type { ShopifyState } from './state.js';

/** One line of an order to build. */
export interface OrderLineSpec {
  variant: VariantRecord | null;
  quantity: number;
  unitMinor: number;
  title?: string | null;
  sku?: string | null;
  taxable?: boolean | null;
  requiresShipping?: boolean | null;
}

/** One payment transaction of an order to build. */
export interface TransactionSpec {
  kind: TransactionKind;
  status: 'SUCCESS' | 'PENDING' | 'FAILURE';
  gateway: string;
  amountMinor: number;
}

/** Everything needed to build an order. */
export interface OrderSpec {
  lines: OrderLineSpec[];
  customer: CustomerRecord | null;
  email: string | null;
  phone?: string | null;
  shippingAddress: MailingAddressRecord | null;
  billingAddress: MailingAddressRecord | null;
  shippingLines: { title: string; code?: string | null; source?: string | null; priceMinor: number }[];
  taxMinor: number;
  taxesIncluded?: boolean;
  tags: string[];
  note: string | null;
  financialStatus: FinancialStatus | null;
  transactions: TransactionSpec[];
  createdMs: number;
  processedMs: number;
  sourceName?: string | null;
  sourceIdentifier?: string | null;
  test?: boolean;
  name?: string | null;
}

/** Financial status implied by transactions when none is given (inferred from Shopify's display rules). */
export function impliedFinancialStatus(totalMinor: number, transactions: TransactionSpec[]): FinancialStatus {
  const ok = transactions.filter((t) => t.status === 'SUCCESS');
  const paid = ok
    .filter((t) => t.kind === 'SALE' || t.kind === 'CAPTURE')
    .reduce((s, t) => s + t.amountMinor, 0);
  const authorized = ok.filter((t) => t.kind === 'AUTHORIZATION').reduce((s, t) => s + t.amountMinor, 0);
  if (paid >= totalMinor && totalMinor > 0) return 'PAID';
  if (paid > 0) return 'PARTIALLY_PAID';
  if (authorized > 0) return 'AUTHORIZED';
  return totalMinor === 0 ? 'PAID' : 'PENDING';
}

/** Creates the order record (not yet added to the store). */
export function buildOrder(state: ShopifyState, spec: OrderSpec): OrderRecord {
  const number = state.nextOrderNumber();
  const order = new OrderRecord(
    state.nextId('Order'),
    number,
    spec.name ?? `#${number}`,
    state.currency,
    'PENDING',
    spec.tags,
    spec.createdMs,
    spec.createdMs,
    spec.processedMs,
  );
  order.customer = spec.customer;
  order.email = spec.email ?? spec.customer?.email ?? null;
  order.phone = spec.phone ?? null;
  order.shippingAddress = spec.shippingAddress;
  order.billingAddress = spec.billingAddress ?? spec.shippingAddress;
  order.note = spec.note;
  order.taxMinor = spec.taxMinor;
  order.taxesIncluded = !!spec.taxesIncluded;
  order.sourceName = spec.sourceName ?? 'web';
  order.sourceIdentifier = spec.sourceIdentifier ?? null;
  order.test = !!spec.test;
  for (const line of spec.lines) {
    const variant = line.variant;
    order.lineItemList.push(
      new LineItemRecord(
        state.nextId('LineItem'),
        order,
        variant,
        variant?.product ?? null,
        line.title ?? variant?.product.title ?? 'Custom item',
        variant ? variant.title : null,
        line.sku ?? variant?.sku ?? null,
        variant?.product.vendor ?? null,
        line.quantity,
        line.unitMinor,
        line.taxable ?? variant?.taxable ?? true,
        line.requiresShipping ?? variant?.inventoryItem.requiresShipping ?? true,
      ),
    );
  }
  for (const shipping of spec.shippingLines) {
    order.shippingLineList.push(
      new ShippingLineRecord(
        state.nextId('ShippingLine'),
        shipping.title,
        shipping.code ?? null,
        shipping.source ?? null,
        shipping.priceMinor,
      ),
    );
  }
  // Inferred: an order created as PAID / AUTHORIZED without transactions gets a manual one.
  const transactions = [...spec.transactions];
  if (
    transactions.length === 0 &&
    (spec.financialStatus === 'PAID' || spec.financialStatus === 'AUTHORIZED')
  ) {
    const kind = spec.financialStatus === 'PAID' ? 'SALE' : 'AUTHORIZATION';
    transactions.push({ kind, status: 'SUCCESS', gateway: 'manual', amountMinor: order.totalMinor });
  }
  for (const t of transactions) {
    order.transactionList.push(
      new TransactionRecord(
        state.nextId('OrderTransaction'),
        order,
        t.kind,
        t.status,
        t.gateway,
        t.amountMinor,
        spec.processedMs,
        !!spec.test,
      ),
    );
  }
  order.financialStatus = spec.financialStatus ?? impliedFinancialStatus(order.totalMinor, transactions);
  return order;
}

/** Sales-tax rate (basis points) the seeded merchant charges by destination (illustrative, not tax advice). */
export function taxRateBps(address: MailingAddressRecord | null): number {
  if (!address) return 0;
  const byRegion: Record<string, number> = {
    'US-NY': 888,
    'US-NJ': 663,
    'US-CA': 725,
    'US-TX': 625,
    'US-WA': 650,
    'US-IL': 625,
    'US-CO': 290,
    'US-PA': 600,
    'US-OR': 0,
  };
  const byCountry: Record<string, number> = {
    US: 500,
    CA: 1300,
    GB: 2000,
    DE: 1900,
    FR: 2000,
    AU: 1000,
    NL: 2100,
    IE: 2300,
  };
  const key = `${address.countryCodeV2}-${address.provinceCode}`;
  return byRegion[key] ?? byCountry[address.countryCodeV2 ?? ''] ?? 0;
}
