import { describe, expect, it } from 'vitest';
import { recordId } from '../../core/ids.js';
import { Customer, Order } from '../../model/index.js';
import { CTX, customerFixture, orderFixture } from './fixtures.js';
import {
  financialStatus,
  fulfillmentStatus,
  orderReference,
  orderStatus,
  refundKey,
  refundNote,
  toUnifiedCustomer,
  toUnifiedOrder,
} from './map-orders.js';
import type { MedusaFulfillmentStatus, MedusaOrderStatus, MedusaPaymentStatus } from './types.js';

const id = (kind: Parameters<typeof recordId>[0], external: string) =>
  recordId(kind, CTX.merchantId, CTX.system, external);

describe('Medusa customer and order mapping', () => {
  it('given a customer with addresses and a group when mapped then the default shipping address and group name come out', () => {
    const customer = Customer.parse(toUnifiedCustomer(CTX, customerFixture()));
    expect(customer).toMatchObject({
      id: id('customer', 'cus_01ADA'),
      email: 'ada.lovelace@example.com',
      phone: '+12025550101',
      first_name: 'Ada',
      last_name: 'Lovelace',
      tags: ['VIP'],
      default_address: {
        name: 'Ada Lovelace',
        line1: '12 Analytical Way',
        city: 'Boston',
        region: 'MA',
        postal_code: '02110',
        country: 'US',
        phone: '+12025550101',
      },
    });
    expect(customer.default_address).not.toHaveProperty('line2');
  });

  it('given a paid, shipped, partly refunded order when mapped then lines, money, fulfilment and refund are in minor units', () => {
    const order = Order.parse(toUnifiedOrder(CTX, orderFixture()));
    expect(order).toMatchObject({
      id: id('order', 'order_01PLACED'),
      name: '#7',
      status: 'open',
      financial_status: 'partially_refunded',
      fulfillment_status: 'fulfilled',
      customer_id: id('customer', 'cus_01ADA'),
      currency: 'USD',
      subtotal: { amount: 46_100, currency: 'USD' },
      shipping: { amount: 1000, currency: 'USD' },
      tax: { amount: 0, currency: 'USD' },
      total: { amount: 47_100, currency: 'USD' },
      shipping_address: { name: 'Ada Lovelace', line1: '12 Analytical Way', country: 'US' },
      cancelled_at: null,
    });
    expect(order.line_items).toEqual([
      {
        id: id('line_item', 'ordli_01'),
        external_id: 'ordli_01',
        variant_id: id('variant', 'variant_01TENT2P'),
        sku: 'TENT-2P-GRN',
        title: 'Trail Tent - 2P / GRN',
        quantity: 2,
        unit_price: { amount: 23_050, currency: 'USD' },
        total: { amount: 46_100, currency: 'USD' },
      },
    ]);
    expect(order.refunds).toEqual([
      {
        id: id('refund', 'ref_01'),
        external_id: 'ref_01',
        amount: { amount: 150, currency: 'USD' },
        note: 'goodwill',
        created_at: '2026-11-26T19:42:50.386Z',
      },
    ]);
    expect(order.fulfillments[0]).toMatchObject({
      status: 'success',
      location_id: id('location', 'sloc_01EAST'),
      tracking: [{ number: '1Z999', company: null, url: 'https://track.example/1Z999' }],
    });
  });

  it('given taxed totals with float noise when mapped then subtotal + shipping + tax = total in minor units', () => {
    const taxed = {
      ...orderFixture(),
      item_total: 26.52125,
      item_tax_total: 2.02125,
      shipping_total: 10.8,
      shipping_tax_total: 0.8,
      tax_total: 2.82125,
    };
    const order = toUnifiedOrder(CTX, taxed);
    expect([order.subtotal.amount, order.shipping.amount, order.tax.amount, order.total.amount]).toEqual([
      2450, 1000, 282, 3732,
    ]);
  });

  it('given every Medusa order status when mapped then each has a unified status', () => {
    const all: MedusaOrderStatus[] = [
      'pending',
      'completed',
      'draft',
      'archived',
      'canceled',
      'requires_action',
    ];
    expect(all.map(orderStatus)).toEqual(['open', 'closed', 'open', 'closed', 'cancelled', 'open']);
  });

  it('given every Medusa payment status when mapped then each has a unified financial status', () => {
    const all: MedusaPaymentStatus[] = [
      'not_paid',
      'awaiting',
      'authorized',
      'partially_authorized',
      'captured',
      'partially_captured',
      'partially_refunded',
      'refunded',
      'canceled',
      'requires_action',
    ];
    expect(all.map(financialStatus)).toEqual([
      'pending',
      'pending',
      'authorized',
      'authorized',
      'paid',
      'partially_paid',
      'partially_refunded',
      'refunded',
      'voided',
      'pending',
    ]);
    expect(financialStatus(undefined)).toBe('pending');
  });

  it('given every Medusa fulfilment status when mapped then each has a unified fulfilment status', () => {
    const all: MedusaFulfillmentStatus[] = [
      'not_fulfilled',
      'partially_fulfilled',
      'fulfilled',
      'partially_shipped',
      'shipped',
      'partially_delivered',
      'delivered',
      'canceled',
    ];
    expect(all.map(fulfillmentStatus)).toEqual([
      'unfulfilled',
      'partially_fulfilled',
      'fulfilled',
      'partially_fulfilled',
      'fulfilled',
      'partially_fulfilled',
      'fulfilled',
      'unfulfilled',
    ]);
  });

  it('given Concord metadata and refund notes when read then the reference and idempotency key are recovered', () => {
    expect(orderReference(orderFixture())).toBe('concord-abc');
    expect(orderReference({ metadata: null })).toBeNull();
    expect(orderReference({ metadata: { concord_reference: 42 } })).toBeNull();
    expect(refundKey('[concord:key-1] goodwill')).toBe('key-1');
    expect(refundKey('goodwill')).toBeNull();
    expect(refundNote('[concord:key-1] goodwill')).toBe('goodwill');
    expect(refundNote('[concord:key-1]')).toBeNull();
    expect(refundNote('merchant note')).toBe('merchant note');
  });

  it('given a cancelled order without a display id when mapped then it is cancelled and named by its id', () => {
    const order = toUnifiedOrder(CTX, {
      ...orderFixture(),
      display_id: null,
      status: 'canceled',
      canceled_at: '2026-11-28T00:00:00.000Z',
      fulfillments: [],
    });
    expect([order.name, order.status, order.cancelled_at]).toEqual([
      'order_01PLACED',
      'cancelled',
      '2026-11-28T00:00:00.000Z',
    ]);
  });
});
