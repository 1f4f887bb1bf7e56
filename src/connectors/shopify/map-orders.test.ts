import { describe, expect, it } from 'vitest';
import { recordId } from '../../core/ids.js';
import { Customer, Order } from '../../model/index.js';
import { CTX, customerNode, orderNode } from './fixtures.js';
import { financialStatus, fulfillmentStatus, toUnifiedCustomer, toUnifiedOrder } from './map.js';

const id = (kind: Parameters<typeof recordId>[0], gid: string) =>
  recordId(kind, CTX.merchantId, CTX.system, gid);

describe('toUnifiedCustomer', () => {
  it('given a customer node then every field is mapped', () => {
    const node = customerNode();
    const c = toUnifiedCustomer(CTX, node);
    expect(Customer.parse(c)).toBeTruthy();
    expect(c).toEqual({
      id: id('customer', 'gid://shopify/Customer/5550001'),
      system: 'shopify',
      external_id: 'gid://shopify/Customer/5550001',
      updated_at: '2026-01-20T15:00:00Z',
      email: 'ada@example.com',
      phone: '+14155550123',
      first_name: 'Ada',
      last_name: 'Lovelace',
      default_address: {
        name: 'Ada Lovelace',
        company: 'Analytical Engines',
        line1: '1 Market St',
        line2: 'Suite 200',
        city: 'San Francisco',
        region: 'CA',
        postal_code: '94105',
        country: 'US',
        phone: '+14155550123',
      },
      tags: ['vip'],
      created_at: '2025-12-01T15:00:00Z',
      raw: node,
    });
  });

  it('given no email, phone, names or address then they are null', () => {
    const c = toUnifiedCustomer(
      CTX,
      customerNode({
        defaultEmailAddress: null,
        defaultPhoneNumber: null,
        firstName: null,
        lastName: '',
        defaultAddress: null,
      }),
    );
    expect([c.email, c.phone, c.first_name, c.last_name, c.default_address]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('toUnifiedOrder', () => {
  it('given an order node then every field is mapped', () => {
    const node = orderNode();
    const o = toUnifiedOrder(CTX, node);
    expect(Order.parse(o)).toBeTruthy();
    expect(o).toEqual({
      id: id('order', 'gid://shopify/Order/6010001'),
      system: 'shopify',
      external_id: 'gid://shopify/Order/6010001',
      updated_at: '2026-02-04T11:00:00Z',
      name: '#1001',
      status: 'open',
      financial_status: 'partially_refunded',
      fulfillment_status: 'fulfilled',
      customer_id: id('customer', 'gid://shopify/Customer/5550001'),
      email: 'ada@example.com',
      currency: 'USD',
      line_items: [
        {
          id: id('line_item', 'gid://shopify/LineItem/9001'),
          external_id: 'gid://shopify/LineItem/9001',
          variant_id: id('variant', 'gid://shopify/ProductVariant/43729076'),
          sku: 'TENT-2P-S-RED',
          title: 'Trailhead 2P Tent',
          quantity: 2,
          unit_price: { amount: 24999, currency: 'USD' },
          total: { amount: 49998, currency: 'USD' },
        },
      ],
      subtotal: { amount: 49998, currency: 'USD' },
      shipping: { amount: 1500, currency: 'USD' },
      tax: { amount: 4125, currency: 'USD' },
      total: { amount: 55623, currency: 'USD' },
      shipping_address: {
        name: 'Ada Lovelace',
        line1: '1 Market St',
        city: 'San Francisco',
        region: 'CA',
        postal_code: '94105',
        country: 'US',
      },
      fulfillments: [
        {
          id: id('fulfillment', 'gid://shopify/Fulfillment/7001'),
          external_id: 'gid://shopify/Fulfillment/7001',
          status: 'success',
          location_id: id('location', 'gid://shopify/Location/70001'),
          tracking: [
            {
              number: '1Z999AA10123456784',
              company: 'UPS',
              url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
            },
          ],
          created_at: '2026-02-03T18:00:00Z',
        },
      ],
      refunds: [
        {
          id: id('refund', 'gid://shopify/Refund/8001'),
          external_id: 'gid://shopify/Refund/8001',
          amount: { amount: 2000, currency: 'USD' },
          note: 'Damaged pole',
          created_at: '2026-02-04T11:00:00Z',
        },
      ],
      created_at: '2026-02-03T10:00:00Z',
      cancelled_at: null,
      raw: node,
    });
  });

  it('given a cancelled order then status is cancelled; closed then closed', () => {
    expect(toUnifiedOrder(CTX, orderNode({ cancelledAt: '2026-02-05T00:00:00Z', closed: true })).status).toBe(
      'cancelled',
    );
    expect(toUnifiedOrder(CTX, orderNode({ closed: true })).status).toBe('closed');
  });

  it('given no subtotal, tax, customer, address and a refund without createdAt then defaults apply', () => {
    const o = toUnifiedOrder(
      CTX,
      orderNode({
        subtotalPriceSet: null,
        totalTaxSet: null,
        customer: null,
        shippingAddress: null,
        email: null,
        refunds: [
          {
            id: 'gid://shopify/Refund/1',
            createdAt: null,
            note: null,
            totalRefundedSet: { shopMoney: { amount: '1.5', currencyCode: 'USD' } },
          },
        ],
      }),
    );
    expect(o.subtotal).toEqual({ amount: 0, currency: 'USD' });
    expect(o.tax).toEqual({ amount: 0, currency: 'USD' });
    expect([o.customer_id, o.shipping_address, o.email]).toEqual([null, null, null]);
    expect(o.refunds[0]).toMatchObject({
      created_at: '2026-02-04T11:00:00Z',
      note: null,
      amount: { amount: 150, currency: 'USD' },
    });
  });

  it('given a JPY order then amounts are whole yen', () => {
    const yen = (amount: string) => ({ shopMoney: { amount, currencyCode: 'JPY' } });
    const o = toUnifiedOrder(
      CTX,
      orderNode({
        currencyCode: 'JPY',
        totalPriceSet: yen('12000.0'),
        totalShippingPriceSet: yen('0.0'),
        subtotalPriceSet: yen('12000'),
        totalTaxSet: yen('0'),
        refunds: [],
        lineItems: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } },
      }),
    );
    expect(o.total).toEqual({ amount: 12000, currency: 'JPY' });
  });

  it.each([
    [null, 'pending'],
    ['PENDING', 'pending'],
    ['AUTHORIZED', 'authorized'],
    ['PAID', 'paid'],
    ['PARTIALLY_PAID', 'partially_paid'],
    ['PARTIALLY_REFUNDED', 'partially_refunded'],
    ['REFUNDED', 'refunded'],
    ['VOIDED', 'voided'],
    ['EXPIRED', 'expired'],
  ] as const)('given financial status %s then %s', (status, expected) => {
    expect(financialStatus(status)).toBe(expected);
  });

  it.each([
    ['UNFULFILLED', 'unfulfilled'],
    ['OPEN', 'unfulfilled'],
    ['REQUEST_DECLINED', 'unfulfilled'],
    ['PARTIALLY_FULFILLED', 'partially_fulfilled'],
    ['FULFILLED', 'fulfilled'],
    ['FULFILLMENT_NOT_REQUIRED', 'fulfilled'],
    ['SCHEDULED', 'scheduled'],
    ['ON_HOLD', 'on_hold'],
    ['IN_PROGRESS', 'in_progress'],
    ['PENDING_FULFILLMENT', 'in_progress'],
    ['RESTOCKED', 'restocked'],
  ] as const)('given fulfillment status %s then %s', (status, expected) => {
    expect(fulfillmentStatus(status)).toBe(expected);
  });

  it.each([
    ['PENDING', 'pending'],
    ['OPEN', 'open'],
    ['SUCCESS', 'success'],
    ['CANCELLED', 'cancelled'],
    ['ERROR', 'error'],
    ['FAILURE', 'failure'],
  ] as const)('given shipment status %s then %s', (status, expected) => {
    const node = orderNode();
    const o = toUnifiedOrder(
      CTX,
      orderNode({ fulfillments: [{ ...node.fulfillments[0]!, status, location: null }] }),
    );
    expect(o.fulfillments[0]).toMatchObject({ status: expected, location_id: null });
  });
});
