/**
 * Recorded-shape Medusa v2 Admin API records for the unit tests: the fields `fields.ts` asks for, in
 * the shapes Medusa 2.21 answers with (https://docs.medusajs.com/api/admin — products, stock
 * locations, inventory items, customers, orders), trimmed to what the mappers read. Amounts are major
 * units, as Medusa sends them.
 *
 * @example
 * toUnifiedProduct(CTX, productFixture())
 */
import type { MedusaMapContext } from './map-shared.js';
import type {
  MedusaCustomer,
  MedusaInventoryItem,
  MedusaOrder,
  MedusaProduct,
  MedusaStockLocation,
} from './types.js';

export const CTX: MedusaMapContext = {
  merchantId: 'mer_test',
  system: 'medusa',
  currency: 'USD',
  weightUnit: 'g',
  dimensionUnit: 'cm',
};

const T0 = '2026-11-26T19:42:13.104Z';
const T1 = '2026-11-26T19:42:13.195Z';

export function productFixture(): MedusaProduct {
  const capacity = { id: 'opt_CAP', title: 'Capacity' };
  const colour = { id: 'opt_COL', title: 'Colour' };
  return {
    id: 'prod_01TENT',
    title: 'Trail Tent',
    handle: 'trail-tent',
    subtitle: null,
    description: '  Trail Tent for two.  ',
    status: 'published',
    is_giftcard: false,
    weight: 2100,
    length: null,
    height: null,
    width: null,
    hs_code: '630622',
    origin_country: 'vn',
    material: null,
    created_at: T0,
    updated_at: T0,
    type: { id: 'ptyp_1', value: 'Tents' },
    collection: null,
    tags: [{ id: 'ptag_1', value: 'camping' }],
    options: [
      {
        ...capacity,
        values: [
          { id: 'optval_2P', value: '2P', option_id: 'opt_CAP' },
          { id: 'optval_3P', value: '3P', option_id: 'opt_CAP' },
        ],
      },
      { ...colour, values: [{ id: 'optval_GRN', value: 'GRN', option_id: 'opt_COL' }] },
    ],
    variants: [
      {
        id: 'variant_01TENT3P',
        title: '3P / GRN',
        sku: 'TENT-3P-GRN',
        barcode: null,
        ean: '4006381333931',
        upc: null,
        allow_backorder: true,
        manage_inventory: true,
        variant_rank: 1,
        weight: null,
        length: 60,
        height: 20,
        width: 20,
        hs_code: null,
        origin_country: null,
        material: 'nylon',
        product_id: 'prod_01TENT',
        created_at: T1,
        updated_at: T1,
        // Medusa does not promise option values in option order.
        options: [
          { id: 'optval_GRN', value: 'GRN', option_id: 'opt_COL', option: colour },
          { id: 'optval_3P', value: '3P', option_id: 'opt_CAP', option: capacity },
        ],
        prices: [
          { id: 'price_eur', amount: 279, currency_code: 'eur', rules: {} },
          { id: 'price_usd', amount: 299.99, currency_code: 'usd', rules: {} },
        ],
        inventory_items: [{ inventory_item_id: 'iitem_01TENT3P', required_quantity: 1 }],
      },
      {
        id: 'variant_01TENT2P',
        title: '2P / GRN',
        sku: 'TENT-2P-GRN',
        barcode: '0012345678905',
        allow_backorder: false,
        manage_inventory: true,
        variant_rank: 0,
        product_id: 'prod_01TENT',
        created_at: T1,
        updated_at: T1,
        options: [
          { id: 'optval_2P', value: '2P', option_id: 'opt_CAP', option: capacity },
          { id: 'optval_GRN', value: 'GRN', option_id: 'opt_COL', option: colour },
        ],
        prices: [
          // A quantity tier and a region-rule price come before the plain one: the plain one wins.
          { id: 'price_tier', amount: 199, currency_code: 'usd', min_quantity: 10, rules: {} },
          { id: 'price_rule', amount: 239, currency_code: 'usd', rules: { region_id: 'reg_1' } },
          {
            id: 'price_plain',
            amount: 249.99,
            raw_amount: { value: '249.99', precision: 20 },
            currency_code: 'usd',
            rules: {},
          },
        ],
        inventory_items: [{ inventory_item_id: 'iitem_01TENT2P', required_quantity: 1 }],
      },
    ],
  };
}

export function locationFixture(): MedusaStockLocation {
  return {
    id: 'sloc_01EAST',
    name: 'East Coast Warehouse',
    created_at: T0,
    updated_at: T0,
    deleted_at: null,
    metadata: { seed_key: 'east' },
    address: {
      address_1: '100 Harbor Road',
      address_2: null,
      company: null,
      city: 'Newark',
      country_code: 'us',
      phone: null,
      province: 'NJ',
      postal_code: '07105',
    },
    sales_channels: [{ id: 'sc_01DEFAULT' }],
    fulfillment_sets: [{ id: 'fuset_01', type: 'shipping' }],
  };
}

export function inventoryItemFixture(): MedusaInventoryItem {
  return {
    id: 'iitem_01TENT2P',
    sku: 'TENT-2P-GRN',
    updated_at: T1,
    location_levels: [
      {
        id: 'ilev_01EAST',
        location_id: 'sloc_01EAST',
        inventory_item_id: 'iitem_01TENT2P',
        stocked_quantity: 10,
        reserved_quantity: 2,
        incoming_quantity: 5,
        available_quantity: 8,
        updated_at: '2026-11-26T19:42:36.202Z',
      },
      {
        id: 'ilev_01WEST',
        location_id: 'sloc_01WEST',
        inventory_item_id: 'iitem_01TENT2P',
        stocked_quantity: 4,
        reserved_quantity: 0,
        incoming_quantity: 0,
        available_quantity: 4,
        updated_at: T1,
      },
    ],
    variants: [{ id: 'variant_01TENT2P', sku: 'TENT-2P-GRN' }],
  };
}

export function customerFixture(): MedusaCustomer {
  return {
    id: 'cus_01ADA',
    email: 'ada.lovelace@example.com',
    first_name: 'Ada',
    last_name: 'Lovelace',
    phone: '+12025550101',
    has_account: false,
    created_at: T0,
    updated_at: T0,
    addresses: [
      {
        id: 'cuaddr_billing',
        is_default_shipping: false,
        is_default_billing: true,
        first_name: 'Ada',
        last_name: 'Lovelace',
        address_1: '1 Billing Lane',
        city: 'Boston',
        country_code: 'us',
      },
      {
        id: 'cuaddr_1',
        is_default_shipping: true,
        is_default_billing: false,
        company: null,
        first_name: 'Ada',
        last_name: 'Lovelace',
        address_1: '12 Analytical Way',
        address_2: '',
        city: 'Boston',
        country_code: 'us',
        province: 'MA',
        postal_code: '02110',
        phone: '+12025550101',
      },
    ],
    groups: [{ id: 'cusgroup_1', name: 'VIP' }],
  };
}

/** A placed order: 2 × 230.50 + 10.00 shipping, paid, 1.50 refunded, one shipped fulfilment. */
export function orderFixture(): MedusaOrder {
  return {
    id: 'order_01PLACED',
    display_id: 7,
    status: 'pending',
    email: 'ada.lovelace@example.com',
    currency_code: 'usd',
    customer_id: 'cus_01ADA',
    created_at: '2026-11-26T19:42:32.849Z',
    updated_at: '2026-11-26T19:42:50.502Z',
    canceled_at: null,
    metadata: { concord_reference: 'concord-abc', concord_note: 'agent order' },
    payment_status: 'partially_refunded',
    fulfillment_status: 'shipped',
    item_total: 461,
    item_tax_total: 0,
    shipping_total: 10,
    shipping_tax_total: 0,
    tax_total: 0,
    items: [
      {
        id: 'ordli_01',
        title: 'Trail Tent',
        subtitle: '2P / GRN',
        variant_id: 'variant_01TENT2P',
        variant_sku: 'TENT-2P-GRN',
        quantity: 2,
        unit_price: 230.5,
        raw_unit_price: { value: '230.5', precision: 20 },
      },
    ],
    shipping_address: {
      first_name: 'Ada',
      last_name: 'Lovelace',
      address_1: '12 Analytical Way',
      city: 'Boston',
      province: 'MA',
      postal_code: '02110',
      country_code: 'us',
    },
    fulfillments: [
      {
        id: 'ful_01',
        location_id: 'sloc_01EAST',
        created_at: '2026-11-27T09:00:00.000Z',
        packed_at: '2026-11-27T09:00:00.000Z',
        shipped_at: '2026-11-27T10:00:00.000Z',
        delivered_at: null,
        canceled_at: null,
        labels: [{ tracking_number: '1Z999', tracking_url: 'https://track.example/1Z999' }],
      },
    ],
    payment_collections: [
      {
        id: 'pay_col_01',
        status: 'completed',
        amount: 471,
        payments: [
          {
            id: 'pay_01',
            amount: 471,
            currency_code: 'usd',
            captured_at: '2026-11-26T19:42:47.051Z',
            canceled_at: null,
            captures: [{ id: 'capt_01', amount: 471 }],
            refunds: [
              {
                id: 'ref_01',
                amount: 1.5,
                raw_amount: { value: '1.5', precision: 20 },
                note: '[concord:key-1] goodwill',
                created_at: '2026-11-26T19:42:50.386Z',
              },
            ],
          },
        ],
      },
    ],
  };
}
