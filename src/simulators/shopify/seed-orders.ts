/**
 * Seeded past orders: real variants at their prices, shipping by order value, sales tax by
 * destination, payments, fulfillments with carrier tracking, some refunds and cancellations.
 * Totals add up (total = subtotal + shipping + tax) because the order record derives them.
 */
import { MailingAddressRecord } from './model/address.js';
import type { CustomerRecord } from './model/customer.js';
import type { LocationRecord } from './model/location.js';
import { FulfillmentRecord, RefundRecord, TransactionRecord } from './model/order-events.js';
import type { OrderRecord } from './model/order.js';
import type { VariantRecord } from './model/variant.js';
import { buildOrder, taxRateBps, type TransactionSpec } from './order-builder.js';
import type { Rng } from './prng.js';
import { randomAddress } from './seed-people.js';
import type { ShopifyState } from './state.js';

const DAY = 86_400_000;
const CARRIERS = [
  {
    company: 'UPS',
    url: (n: string) => `https://www.ups.com/track?tracknum=${n}`,
    number: (r: Rng) => `1Z${r.int(100000, 999999)}${r.int(1000000000, 9999999999)}`,
  },
  {
    company: 'USPS',
    url: (n: string) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
    number: (r: Rng) => `9400${r.int(10000000, 99999999)}${r.int(10000000, 99999999)}${r.int(10, 99)}`,
  },
  {
    company: 'FedEx',
    url: (n: string) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
    number: (r: Rng) => `${r.int(100000, 999999)}${r.int(100000, 999999)}`,
  },
];

function pickLines(rng: Rng, sellable: VariantRecord[]) {
  const chosen = rng.sample(
    sellable.length > 400 ? sellable.slice(rng.int(0, sellable.length - 400)).slice(0, 400) : sellable,
    rng.int(1, 4),
  );
  return chosen.map((variant) => ({
    variant,
    quantity: rng.chance(0.75) ? 1 : rng.int(2, 3),
    unitMinor: variant.priceMinor,
  }));
}

function fulfil(state: ShopifyState, rng: Rng, order: OrderRecord, location: LocationRecord, atMs: number) {
  const carrier = rng.pick(CARRIERS);
  const number = carrier.number(rng);
  const fulfillment = new FulfillmentRecord(
    state.nextId('Fulfillment'),
    order,
    location,
    1,
    'SUCCESS',
    { number, company: carrier.company, url: carrier.url(number) },
    atMs,
    atMs,
  );
  for (const line of order.lineItemList) {
    fulfillment.lines.push({ lineItem: line, quantity: line.quantity });
    line.fulfilledQty = line.quantity;
  }
  if (rng.chance(0.8)) fulfillment.deliveredMs = atMs + rng.int(2, 6) * DAY;
  order.fulfillmentList.push(fulfillment);
  return fulfillment.deliveredMs ?? atMs;
}

function refund(state: ShopifyState, order: OrderRecord, full: boolean, atMs: number) {
  const record = new RefundRecord(
    state.nextId('Refund'),
    order,
    full ? 'Order cancelled by customer' : 'Item returned',
    atMs,
  );
  const lines = full ? order.lineItemList : order.lineItemList.slice(0, 1);
  let amount = 0;
  for (const line of lines) {
    const quantity = full ? line.quantity : 1;
    record.lines.push({
      num: state.nextId('RefundLineItem'),
      lineItem: line,
      quantity,
      restockType: full ? 'CANCEL' : 'RETURN',
      location: null,
    });
    line.refundedQty += quantity;
    amount += line.unitMinor * quantity;
  }
  if (full) amount = order.totalMinor;
  const sale = order.transactionList[0];
  const tx = new TransactionRecord(
    state.nextId('OrderTransaction'),
    order,
    'REFUND',
    'SUCCESS',
    sale?.gateway ?? 'shopify_payments',
    amount,
    atMs,
    false,
  );
  tx.parent = sale ?? null;
  record.transactionList.push(tx);
  order.transactionList.push(tx);
  order.refundList.push(record);
  order.financialStatus = full ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

function shippingFor(rng: Rng, subtotal: number) {
  if (subtotal >= 10000) return { title: 'Free Shipping', code: 'FREE', priceMinor: 0 };
  return rng.chance(0.8)
    ? { title: 'Standard Shipping', code: 'STANDARD', priceMinor: 599 }
    : { title: 'Express Shipping', code: 'EXPRESS', priceMinor: 1499 };
}

/** Places one past order (paid in 92% of cases) for a random customer or a guest. */
function placeOrder(state: ShopifyState, rng: Rng, sellable: VariantRecord[], createdMs: number, i: number) {
  const customer: CustomerRecord | null =
    state.customers.length > 0 && rng.chance(0.85) ? rng.pick(state.customers) : null;
  const address = new MailingAddressRecord(
    state.nextId('MailingAddress'),
    customer?.defaultAddress ??
      randomAddress(rng, customer?.firstName ?? 'Guest', customer?.lastName ?? 'Buyer', null),
    'Address',
  );
  const lines = pickLines(rng, sellable);
  const subtotal = lines.reduce((sum, line) => sum + line.unitMinor * line.quantity, 0);
  const shipping = shippingFor(rng, subtotal);
  const tax = Math.round((subtotal * taxRateBps(address)) / 10000);
  const roll = rng.next();
  const paid = roll >= 0.08;
  const gateway = paid && rng.chance(0.85) ? 'shopify_payments' : 'paypal';
  const transactions: TransactionSpec[] = paid
    ? [{ kind: 'SALE', status: 'SUCCESS', gateway, amountMinor: subtotal + shipping.priceMinor + tax }]
    : [];
  const order = buildOrder(state, {
    lines,
    customer,
    email: customer?.email ?? `guest${i + 1}@example.com`,
    shippingAddress: address,
    billingAddress: address,
    shippingLines: [{ ...shipping, source: 'shopify' }],
    taxMinor: tax,
    tags: rng.chance(0.15) ? [rng.pick(['gift', 'wholesale', 'priority'])] : [],
    note: rng.chance(0.1) ? 'Please leave at the front desk.' : null,
    financialStatus: paid ? 'PAID' : 'PENDING',
    transactions,
    createdMs,
    processedMs: createdMs,
    sourceName: rng.chance(0.9) ? 'web' : 'pos',
  });
  return { order, customer, paid, roll };
}

/** What happened after: cancellation with a full refund, or fulfilment, a return, archiving. */
function afterwards(
  state: ShopifyState,
  rng: Rng,
  order: OrderRecord,
  roll: number,
  warehouse: LocationRecord,
  endMs: number,
) {
  const createdMs = order.createdMs;
  let lastMs = createdMs;
  if (roll < 0.14) {
    refund(state, order, true, createdMs + DAY);
    order.cancelledMs = createdMs + DAY;
    order.cancelReason = 'CUSTOMER';
    lastMs = createdMs + DAY;
  } else if (createdMs < endMs - 3 * DAY && rng.chance(0.8)) {
    lastMs = fulfil(state, rng, order, warehouse, createdMs + rng.int(1, 2) * DAY);
    if (roll < 0.2) {
      refund(state, order, false, lastMs + 2 * DAY);
      lastMs += 2 * DAY;
    }
    if (rng.chance(0.5)) order.closedMs = lastMs;
  }
  return lastMs;
}

/** Adds `count` past orders, placed between start and end, to the store. */
export function seedOrders(
  state: ShopifyState,
  rng: Rng,
  count: number,
  startMs: number,
  endMs: number,
): void {
  const sellable = state.variants.filter((variant) => variant.product.status === 'ACTIVE');
  const warehouse = state.locations.find((location) => location.active);
  if (sellable.length === 0 || !warehouse) return;
  for (let i = 0; i < count; i++) {
    const createdMs = startMs + Math.floor(((endMs - startMs) * (i + rng.next())) / Math.max(1, count));
    const { order, customer, paid, roll } = placeOrder(state, rng, sellable, createdMs, i);
    const lastMs = paid ? afterwards(state, rng, order, roll, warehouse, endMs) : createdMs;
    order.updatedMs = Math.min(lastMs, endMs);
    if (customer) {
      customer.orderList.push(order);
      customer.updatedMs = Math.max(customer.updatedMs, order.updatedMs);
    }
    state.addOrder(order);
  }
}
