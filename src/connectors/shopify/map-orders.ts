/**
 * Pure mappers from Shopify's customers, orders, line items, fulfillments and refunds to unified
 * records. Amounts are the `shopMoney` of each `MoneyBag` (the shop's currency, which is the
 * order's `currencyCode`). Every Shopify status enum value is mapped in an exhaustive switch.
 *
 * @example
 * const order = toUnifiedOrder({ merchantId: 'mer_1', system: 'shopify' }, orderNode);
 */
import type { Customer, Fulfillment, LineItem, Order, Refund } from '../../model/index.js';
import { multiplyMoney, type Money } from '../../model/money.js';
import type { SystemContext } from '../types.js';
import { bagMoney, fromMailingAddress, idFor } from './map-shared.js';
import type {
  ShopifyCustomer,
  ShopifyFinancialStatus,
  ShopifyFulfillment,
  ShopifyFulfillmentDisplayStatus,
  ShopifyFulfillmentStatus,
  ShopifyLineItem,
  ShopifyMoneyBag,
  ShopifyOrder,
  ShopifyRefund,
} from './types.js';

export function toUnifiedCustomer(ctx: SystemContext, node: ShopifyCustomer): Customer {
  return {
    id: idFor(ctx, 'customer', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updatedAt,
    email: node.defaultEmailAddress?.emailAddress ?? null,
    phone: node.defaultPhoneNumber?.phoneNumber ?? null,
    first_name: node.firstName || null,
    last_name: node.lastName || null,
    default_address: fromMailingAddress(node.defaultAddress),
    tags: [...node.tags],
    created_at: node.createdAt,
    raw: node,
  };
}

/** `null` (no payment yet) counts as pending. */
export function financialStatus(status: ShopifyFinancialStatus | null): Order['financial_status'] {
  switch (status) {
    case null:
    case 'PENDING':
      return 'pending';
    case 'AUTHORIZED':
      return 'authorized';
    case 'PAID':
      return 'paid';
    case 'PARTIALLY_PAID':
      return 'partially_paid';
    case 'PARTIALLY_REFUNDED':
      return 'partially_refunded';
    case 'REFUNDED':
      return 'refunded';
    case 'VOIDED':
      return 'voided';
    case 'EXPIRED':
      return 'expired';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/**
 * Shopify's display fulfillment status. Choices that are ours (inferred): FULFILLMENT_NOT_REQUIRED
 * → fulfilled (nothing left to ship), PENDING_FULFILLMENT → in_progress (a fulfillment service has
 * the request), REQUEST_DECLINED → unfulfilled (the service refused; the items still wait), OPEN →
 * unfulfilled.
 * https://shopify.dev/docs/api/admin-graphql/2026-10/enums/OrderDisplayFulfillmentStatus
 */
export function fulfillmentStatus(status: ShopifyFulfillmentDisplayStatus): Order['fulfillment_status'] {
  switch (status) {
    case 'UNFULFILLED':
    case 'OPEN':
    case 'REQUEST_DECLINED':
      return 'unfulfilled';
    case 'PARTIALLY_FULFILLED':
      return 'partially_fulfilled';
    case 'FULFILLED':
    case 'FULFILLMENT_NOT_REQUIRED':
      return 'fulfilled';
    case 'SCHEDULED':
      return 'scheduled';
    case 'ON_HOLD':
      return 'on_hold';
    case 'IN_PROGRESS':
    case 'PENDING_FULFILLMENT':
      return 'in_progress';
    case 'RESTOCKED':
      return 'restocked';
    default: {
      const never: never = status;
      return never;
    }
  }
}

function shipmentStatus(status: ShopifyFulfillmentStatus): Fulfillment['status'] {
  switch (status) {
    case 'PENDING':
      return 'pending';
    case 'OPEN':
      return 'open';
    case 'SUCCESS':
      return 'success';
    case 'CANCELLED':
      return 'cancelled';
    case 'ERROR':
      return 'error';
    case 'FAILURE':
      return 'failure';
    default: {
      const never: never = status;
      return never;
    }
  }
}

export function toUnifiedFulfillment(ctx: SystemContext, node: ShopifyFulfillment): Fulfillment {
  return {
    id: idFor(ctx, 'fulfillment', node.id),
    external_id: node.id,
    status: shipmentStatus(node.status),
    location_id: node.location ? idFor(ctx, 'location', node.location.id) : null,
    tracking: node.trackingInfo.map((t) => ({
      number: t.number ?? null,
      company: t.company ?? null,
      url: t.url ?? null,
    })),
    created_at: node.createdAt,
  };
}

/** A refund; `fallbackCreatedAt` stands in when Shopify leaves the (nullable) `createdAt` empty. */
export function toUnifiedRefund(ctx: SystemContext, node: ShopifyRefund, fallbackCreatedAt: string): Refund {
  return {
    id: idFor(ctx, 'refund', node.id),
    external_id: node.id,
    amount: bagMoney(node.totalRefundedSet),
    note: node.note || null,
    created_at: node.createdAt ?? fallbackCreatedAt,
  };
}

export function toUnifiedLineItem(ctx: SystemContext, node: ShopifyLineItem): LineItem {
  const unit = bagMoney(node.originalUnitPriceSet);
  return {
    id: idFor(ctx, 'line_item', node.id),
    external_id: node.id,
    variant_id: node.variant ? idFor(ctx, 'variant', node.variant.id) : null,
    sku: node.sku || null,
    title: node.title,
    quantity: node.quantity,
    unit_price: unit,
    total: multiplyMoney(unit, node.quantity),
  };
}

function orderStatus(node: Pick<ShopifyOrder, 'cancelledAt' | 'closed'>): Order['status'] {
  if (node.cancelledAt) return 'cancelled';
  return node.closed ? 'closed' : 'open';
}

function moneyOrZero(bag: ShopifyMoneyBag | null, currency: string): Money {
  return bag ? bagMoney(bag) : { amount: 0, currency };
}

/** An order with all the line items present on the node (the caller pages the rest in first). */
export function toUnifiedOrder(ctx: SystemContext, node: ShopifyOrder): Order {
  return {
    id: idFor(ctx, 'order', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updatedAt,
    name: node.name,
    status: orderStatus(node),
    financial_status: financialStatus(node.displayFinancialStatus),
    fulfillment_status: fulfillmentStatus(node.displayFulfillmentStatus),
    customer_id: node.customer ? idFor(ctx, 'customer', node.customer.id) : null,
    email: node.email || null,
    currency: node.currencyCode,
    line_items: node.lineItems.nodes.map((li) => toUnifiedLineItem(ctx, li)),
    subtotal: moneyOrZero(node.subtotalPriceSet, node.currencyCode),
    shipping: bagMoney(node.totalShippingPriceSet),
    tax: moneyOrZero(node.totalTaxSet, node.currencyCode),
    total: bagMoney(node.totalPriceSet),
    shipping_address: fromMailingAddress(node.shippingAddress),
    fulfillments: node.fulfillments.map((f) => toUnifiedFulfillment(ctx, f)),
    refunds: node.refunds.map((r) => toUnifiedRefund(ctx, r, node.updatedAt)),
    created_at: node.createdAt,
    cancelled_at: node.cancelledAt,
    raw: node,
  };
}
