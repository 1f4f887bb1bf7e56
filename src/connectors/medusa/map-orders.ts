/**
 * Pure mappers from Medusa v2 customers and orders (lines, fulfilments, refunds) to unified records,
 * and Medusa's order / payment / fulfilment statuses to Concord's, each in an exhaustive switch.
 * Order money: subtotal = item_total − item_tax_total (lines after discounts, before tax), shipping =
 * shipping_total − shipping_tax_total, tax = tax_total, total = item_total + shipping_total — so
 * subtotal + shipping + tax = total, and a refund never lowers the order's total (Medusa's own `total`
 * does). Computed totals are rounded to the currency's minor unit; line prices must be exact.
 *
 * @example
 * const order = toUnifiedOrder({ merchantId: 'mer_1', system: 'medusa' }, medusaOrder);
 */
import type { Customer, Fulfillment, LineItem, Order, Refund } from '../../model/index.js';
import { addMoney, multiplyMoney } from '../../model/money.js';
import type { SystemContext } from '../types.js';
import { MEDUSA_MANIFEST } from './manifest.js';
import { fromMedusaAddress, idFor } from './map-shared.js';
import { minorFromMajorRounded } from './money.js';
import type {
  MedusaCustomer,
  MedusaFulfillment,
  MedusaFulfillmentStatus,
  MedusaOrder,
  MedusaOrderItem,
  MedusaOrderStatus,
  MedusaPaymentStatus,
  MedusaRefund,
} from './types.js';

export function toUnifiedCustomer(ctx: SystemContext, node: MedusaCustomer): Customer {
  const addresses = [...(node.addresses ?? [])].sort((a, b) => a.id.localeCompare(b.id));
  const preferred = addresses.find((a) => a.is_default_shipping) ?? addresses[0];
  return {
    id: idFor(ctx, 'customer', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updated_at,
    email: node.email || null,
    phone: node.phone || null,
    first_name: node.first_name || null,
    last_name: node.last_name || null,
    default_address: fromMedusaAddress(preferred),
    // Customer groups are Medusa's way of labelling customers.
    tags: (node.groups ?? []).map((g) => g.name).sort(),
    created_at: node.created_at,
    raw: node,
  };
}

/** Medusa order status. Drafts are orders not placed yet: still open (inferred). */
export function orderStatus(status: MedusaOrderStatus): Order['status'] {
  switch (status) {
    case 'pending':
    case 'requires_action':
    case 'draft':
      return 'open';
    case 'completed':
    case 'archived':
      return 'closed';
    case 'canceled':
      return 'cancelled';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/**
 * Medusa payment status. Choices that are ours (inferred): `awaiting` and `requires_action` → pending
 * (no money moved yet), `partially_authorized` → authorized, `canceled` → voided.
 */
export function financialStatus(status: MedusaPaymentStatus | undefined): Order['financial_status'] {
  switch (status) {
    case undefined:
    case 'not_paid':
    case 'awaiting':
    case 'requires_action':
      return 'pending';
    case 'authorized':
    case 'partially_authorized':
      return 'authorized';
    case 'captured':
      return 'paid';
    case 'partially_captured':
      return 'partially_paid';
    case 'partially_refunded':
      return 'partially_refunded';
    case 'refunded':
      return 'refunded';
    case 'canceled':
      return 'voided';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/**
 * Medusa fulfilment status. Medusa counts an item fulfilled once packed, then shipped, then delivered:
 * all three are 'fulfilled' here, their partial forms 'partially_fulfilled'; a cancelled fulfilment
 * leaves the items waiting, so `canceled` → unfulfilled (inferred).
 */
export function fulfillmentStatus(status: MedusaFulfillmentStatus | undefined): Order['fulfillment_status'] {
  switch (status) {
    case undefined:
    case 'not_fulfilled':
    case 'canceled':
      return 'unfulfilled';
    case 'partially_fulfilled':
    case 'partially_shipped':
    case 'partially_delivered':
      return 'partially_fulfilled';
    case 'fulfilled':
    case 'shipped':
    case 'delivered':
      return 'fulfilled';
    default: {
      const never: never = status;
      return never;
    }
  }
}

export function toUnifiedFulfillment(ctx: SystemContext, node: MedusaFulfillment): Fulfillment {
  const status: Fulfillment['status'] = node.canceled_at
    ? 'cancelled'
    : node.shipped_at || node.delivered_at
      ? 'success'
      : 'open';
  return {
    id: idFor(ctx, 'fulfillment', node.id),
    external_id: node.id,
    status,
    location_id: node.location_id ? idFor(ctx, 'location', node.location_id) : null,
    tracking: (node.labels ?? []).map((l) => ({
      number: l.tracking_number || null,
      company: null,
      url: l.tracking_url || null,
    })),
    created_at: node.created_at,
  };
}

/** The note Concord wrote, without the idempotency marker that prefixes it. */
export function refundNote(note: string | null): string | null {
  const stripped = (note ?? '').replace(/^\[concord:[^\]]*\]\s*/, '').trim();
  return stripped || null;
}

/** The idempotency key in a refund's note, when Concord wrote it. */
export function refundKey(note: string | null): string | null {
  const match = /^\[concord:([^\]]*)\]/.exec(note ?? '');
  return match ? match[1]! : null;
}

export function toUnifiedRefund(ctx: SystemContext, node: MedusaRefund, currency: string): Refund {
  return {
    id: idFor(ctx, 'refund', node.id),
    external_id: node.id,
    amount: minorFromMajorRounded(node.raw_amount ?? node.amount, currency),
    note: refundNote(node.note),
    created_at: node.created_at,
  };
}

export function toUnifiedLineItem(ctx: SystemContext, node: MedusaOrderItem, currency: string): LineItem {
  const unit = minorFromMajorRounded(node.raw_unit_price ?? node.unit_price, currency);
  return {
    id: idFor(ctx, 'line_item', node.id),
    external_id: node.id,
    variant_id: node.variant_id ? idFor(ctx, 'variant', node.variant_id) : null,
    sku: node.variant_sku || null,
    title: node.subtitle ? `${node.title} - ${node.subtitle}` : node.title,
    quantity: node.quantity,
    unit_price: unit,
    total: multiplyMoney(unit, node.quantity),
  };
}

/** The reference Concord stored on an order it created, if any. */
export function orderReference(node: Pick<MedusaOrder, 'metadata'>): string | null {
  const value = node.metadata?.[MEDUSA_MANIFEST.metadata.reference];
  return typeof value === 'string' ? value : null;
}

export function toUnifiedOrder(ctx: SystemContext, node: MedusaOrder): Order {
  const currency = node.currency_code.toUpperCase();
  const money = (value: number) => minorFromMajorRounded(value, currency);
  const items = money(node.item_total);
  const shippingTotal = money(node.shipping_total);
  const payments = (node.payment_collections ?? []).flatMap((pc) => pc.payments ?? []);
  return {
    id: idFor(ctx, 'order', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updated_at,
    name: node.display_id != null ? `#${node.display_id}` : node.id,
    status: orderStatus(node.status),
    financial_status: financialStatus(node.payment_status),
    fulfillment_status: fulfillmentStatus(node.fulfillment_status),
    customer_id: node.customer_id ? idFor(ctx, 'customer', node.customer_id) : null,
    email: node.email || null,
    currency,
    // Medusa returns relations in no fixed order: lines by id, fulfilments and refunds by time.
    line_items: [...(node.items ?? [])]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((li) => toUnifiedLineItem(ctx, li, currency)),
    subtotal: minorFromMajorRounded(node.item_total - node.item_tax_total, currency),
    shipping: minorFromMajorRounded(node.shipping_total - node.shipping_tax_total, currency),
    tax: money(node.tax_total),
    total: addMoney(items, shippingTotal),
    shipping_address: fromMedusaAddress(node.shipping_address),
    fulfillments: [...(node.fulfillments ?? [])]
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))
      .map((f) => toUnifiedFulfillment(ctx, f)),
    refunds: payments
      .flatMap((p) => p.refunds ?? [])
      .map((r) => toUnifiedRefund(ctx, r, currency))
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.external_id.localeCompare(b.external_id)),
    created_at: node.created_at,
    cancelled_at: node.canceled_at ?? null,
    raw: node,
  };
}
