/**
 * Test data: Shopify Admin API 2026-10 nodes shaped exactly as the connector's documents select
 * them (gids, `Money` decimal strings, `MoneyBag`s, enum values, metafield encodings), modelled on
 * the examples in Shopify's reference pages. Used by the mapper and bulk tests; not used at run time.
 */
import type {
  ShopifyCustomer,
  ShopifyInventoryItem,
  ShopifyLocation,
  ShopifyOrder,
  ShopifyProduct,
  ShopifyVariant,
} from './types.js';

export const CTX = { merchantId: 'mer_test', system: 'shopify', currency: 'USD' } as const;

export function variantNode(overrides: Partial<ShopifyVariant> = {}): ShopifyVariant {
  return {
    id: 'gid://shopify/ProductVariant/43729076',
    title: 'Small / Red',
    sku: 'TENT-2P-S-RED',
    barcode: '0123456789012',
    position: 1,
    price: '249.99',
    compareAtPrice: '299.00',
    taxable: true,
    inventoryPolicy: 'DENY',
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-02-01T09:30:00Z',
    selectedOptions: [
      { name: 'Size', value: 'Small' },
      { name: 'Color', value: 'Red' },
    ],
    product: { id: 'gid://shopify/Product/8765432' },
    inventoryItem: {
      id: 'gid://shopify/InventoryItem/45678901',
      tracked: true,
      requiresShipping: true,
      countryCodeOfOrigin: 'VN',
      harmonizedSystemCode: '630622',
      measurement: { weight: { value: 2.4, unit: 'KILOGRAMS' } },
    },
    metafields: {
      nodes: [
        { key: 'material', type: 'single_line_text_field', value: 'Ripstop nylon' },
        { key: 'compatibility', type: 'list.single_line_text_field', value: '["Footprint 2P","Gear loft"]' },
        { key: 'hazmat', type: 'boolean', value: 'false' },
        { key: 'min_age', type: 'number_integer', value: '16' },
        { key: 'excluded_countries', type: 'list.single_line_text_field', value: '["KP","ir"]' },
        { key: 'dimensions', type: 'json', value: '{"length":55,"width":18,"height":18,"unit":"cm"}' },
        { key: 'care', type: 'multi_line_text_field', value: 'Dry before storing' },
      ],
    },
    ...overrides,
  };
}

export function productNode(overrides: Partial<ShopifyProduct> = {}): ShopifyProduct {
  return {
    id: 'gid://shopify/Product/8765432',
    title: 'Trailhead 2P Tent',
    handle: 'trailhead-2p-tent',
    descriptionHtml: '<p>Light <strong>two-person</strong> tent &amp; footprint.</p>',
    description: 'Light two-person tent & footprint.',
    vendor: 'Summit Gear',
    productType: 'Tents',
    status: 'ACTIVE',
    tags: ['camping', 'tents'],
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-02-01T09:30:00Z',
    options: [
      { name: 'Size', values: ['Small', 'Large'] },
      { name: 'Color', values: ['Red'] },
    ],
    variants: {
      nodes: [
        variantNode({
          id: 'gid://shopify/ProductVariant/43729077',
          title: 'Large / Red',
          sku: 'TENT-2P-L-RED',
          position: 2,
          price: '279.99',
          compareAtPrice: null,
          selectedOptions: [
            { name: 'Size', value: 'Large' },
            { name: 'Color', value: 'Red' },
          ],
          metafields: { nodes: [] },
        }),
        variantNode(),
      ],
      pageInfo: { hasNextPage: false, endCursor: 'eyJsYXN0X2lkIjo0MzcyOTA3N30=' },
    },
    ...overrides,
  };
}

export function locationNode(overrides: Partial<ShopifyLocation> = {}): ShopifyLocation {
  return {
    id: 'gid://shopify/Location/70001',
    name: 'Reno Distribution Center',
    isActive: true,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    isFulfillmentService: false,
    createdAt: '2025-11-01T08:00:00Z',
    updatedAt: '2026-01-10T08:00:00Z',
    address: {
      address1: '1200 Logistics Way',
      address2: null,
      city: 'Reno',
      provinceCode: 'NV',
      zip: '89502',
      countryCode: 'US',
      phone: '+17755550100',
    },
    ...overrides,
  };
}

export function inventoryItemNode(overrides: Partial<ShopifyInventoryItem> = {}): ShopifyInventoryItem {
  return {
    id: 'gid://shopify/InventoryItem/45678901',
    sku: 'TENT-2P-S-RED',
    tracked: true,
    updatedAt: '2026-02-01T09:30:00Z',
    variant: { id: 'gid://shopify/ProductVariant/43729076' },
    inventoryLevels: {
      nodes: [
        {
          id: 'gid://shopify/InventoryLevel/98765?inventory_item_id=45678901',
          updatedAt: '2026-02-02T12:00:00Z',
          location: { id: 'gid://shopify/Location/70001' },
          quantities: [
            { name: 'available', quantity: 12 },
            { name: 'on_hand', quantity: 15 },
            { name: 'committed', quantity: 3 },
            { name: 'incoming', quantity: 20 },
          ],
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: null },
    },
    ...overrides,
  };
}

export function customerNode(overrides: Partial<ShopifyCustomer> = {}): ShopifyCustomer {
  return {
    id: 'gid://shopify/Customer/5550001',
    firstName: 'Ada',
    lastName: 'Lovelace',
    tags: ['vip'],
    createdAt: '2025-12-01T15:00:00Z',
    updatedAt: '2026-01-20T15:00:00Z',
    defaultEmailAddress: { emailAddress: 'ada@example.com' },
    defaultPhoneNumber: { phoneNumber: '+14155550123' },
    defaultAddress: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines',
      address1: '1 Market St',
      address2: 'Suite 200',
      city: 'San Francisco',
      provinceCode: 'CA',
      zip: '94105',
      countryCodeV2: 'US',
      phone: '+14155550123',
    },
    ...overrides,
  };
}

const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' } });

export function orderNode(overrides: Partial<ShopifyOrder> = {}): ShopifyOrder {
  return {
    id: 'gid://shopify/Order/6010001',
    name: '#1001',
    email: 'ada@example.com',
    createdAt: '2026-02-03T10:00:00Z',
    updatedAt: '2026-02-04T11:00:00Z',
    cancelledAt: null,
    closed: false,
    tags: ['concord-ref-q_123'],
    sourceIdentifier: 'q_123',
    displayFinancialStatus: 'PARTIALLY_REFUNDED',
    displayFulfillmentStatus: 'FULFILLED',
    currencyCode: 'USD',
    subtotalPriceSet: usd('499.98'),
    totalShippingPriceSet: usd('15.00'),
    totalTaxSet: usd('41.25'),
    totalPriceSet: usd('556.23'),
    customer: { id: 'gid://shopify/Customer/5550001' },
    shippingAddress: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: null,
      address1: '1 Market St',
      address2: null,
      city: 'San Francisco',
      provinceCode: 'CA',
      zip: '94105',
      countryCodeV2: 'US',
      phone: null,
    },
    fulfillments: [
      {
        id: 'gid://shopify/Fulfillment/7001',
        status: 'SUCCESS',
        createdAt: '2026-02-03T18:00:00Z',
        location: { id: 'gid://shopify/Location/70001' },
        trackingInfo: [
          {
            number: '1Z999AA10123456784',
            company: 'UPS',
            url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
          },
        ],
      },
    ],
    refunds: [
      {
        id: 'gid://shopify/Refund/8001',
        createdAt: '2026-02-04T11:00:00Z',
        note: 'Damaged pole',
        totalRefundedSet: usd('20.00'),
      },
    ],
    lineItems: {
      nodes: [
        {
          id: 'gid://shopify/LineItem/9001',
          sku: 'TENT-2P-S-RED',
          title: 'Trailhead 2P Tent',
          quantity: 2,
          variant: { id: 'gid://shopify/ProductVariant/43729076' },
          originalUnitPriceSet: usd('249.99'),
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: null },
    },
    ...overrides,
  };
}
