import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordId } from '../../core/ids.js';
import { Customer, InventoryLevel, Invoice, Item, Location, SalesOrder } from '../../model/index.js';
import {
  invoiceStatus,
  platformOrderOf,
  splitName,
  stockFigures,
  toUnifiedAddress,
  toUnifiedCustomer,
  toUnifiedInventoryLevel,
  toUnifiedInvoice,
  toUnifiedItem,
  toUnifiedLocation,
  toUnifiedSalesOrder,
} from './map.js';
import {
  AddressRow,
  InvoiceRow,
  LocationRow,
  PartyRow,
  ProductRow,
  SaleLineRow,
  SaleRow,
} from './schemas.js';

const ctx = { merchantId: 'mer_1', system: 'tryton' };
const dt = (day: number, hour = 0) => ({
  __class__: 'datetime',
  year: 2026,
  month: 11,
  day,
  hour,
  minute: 0,
  second: 0,
  microsecond: 0,
});
const dec = (decimal: string) => ({ __class__: 'Decimal', decimal });

describe('items', () => {
  const row = ProductRow.parse({
    id: 7,
    code: 'CL-007',
    name: 'Lite Kettle 7',
    description: false,
    list_price: dec('12.5'),
    cost_price: dec('4.1234'),
    active: 0,
    type: 'goods',
    'default_uom.': { id: 1, symbol: 'u' },
    'template.': { id: 3, write_date: dt(20) },
    create_date: dt(1),
    write_date: dt(2),
  });

  it('given a product row when mapped then SKU, name, prices in the company currency, unit, status and ids are set', () => {
    const item = toUnifiedItem(row, '4006380000018', 'USD', ctx);
    expect(Item.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      id: recordId('item', 'mer_1', 'tryton', '7'),
      external_id: '7',
      sku: 'CL-007',
      barcode: '4006380000018',
      name: 'Lite Kettle 7',
      description: null,
      unit_of_measure: 'u',
      base_price: { amount: 1250, currency: 'USD' },
      cost: { amount: 412, currency: 'USD' },
      active: false,
    });
  });

  it('given a template changed after its variant when mapped then updated_at is the later of the two', () => {
    expect(toUnifiedItem(row, null, 'USD', ctx).updated_at).toBe('2026-11-20T00:00:00.000Z');
    const untouched = { ...row, 'template.': { write_date: null }, write_date: null };
    expect(toUnifiedItem(untouched, null, 'USD', ctx).updated_at).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('stock', () => {
  it.each([
    [10, 10, { on_hand: 10, available: 10, committed: 0, incoming: 0 }],
    [10, 7, { on_hand: 10, available: 7, committed: 3, incoming: 0 }],
    [4, 9, { on_hand: 4, available: 4, committed: 0, incoming: 5 }],
    [0, -2, { on_hand: 0, available: -2, committed: 2, incoming: 0 }],
    [2.9999999, 2.0000001, { on_hand: 3, available: 2, committed: 1, incoming: 0 }],
  ])('given quantity %d and forecast %d when mapped then %j', (quantity, forecast, want) => {
    expect(stockFigures(quantity, forecast)).toEqual(want);
  });

  it('given any quantity and forecast when mapped then available = on hand − committed and on hand + incoming − committed = forecast', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (q, f) => {
        const s = stockFigures(q, f);
        expect(s.available).toBe(s.on_hand - s.committed);
        expect(s.on_hand + s.incoming - s.committed).toBe(f);
        expect(Math.min(s.committed, s.incoming)).toBe(0);
      }),
    );
  });

  it('given a stock row when mapped then the level links item and warehouse and carries the SKU', () => {
    const level = toUnifiedInventoryLevel(
      { id: 7, quantity: 12, forecast_quantity: 9 },
      { id: 7, code: 'CL-007' },
      5,
      '2026-11-26T00:00:00.000Z',
      ctx,
    );
    expect(InventoryLevel.parse(level)).toEqual(level);
    expect(level).toMatchObject({
      external_id: '7:5',
      item_id: recordId('item', 'mer_1', 'tryton', '7'),
      location_id: recordId('location', 'mer_1', 'tryton', '5'),
      sku: 'CL-007',
      on_hand: 12,
      available: 9,
      committed: 3,
    });
  });
});

describe('locations, addresses and customers', () => {
  const address = AddressRow.parse({
    id: 2,
    party: 9,
    name: null,
    street: '12 Engine Row\nSuite 4',
    postal_code: '10001',
    city: 'New York',
    'country.': { id: 1, code: 'US' },
    'subdivision.': { id: 3, code: 'US-NY' },
  });

  it('given an address row when mapped then street lines, region from the subdivision and country are split out', () => {
    expect(toUnifiedAddress(address)).toEqual({
      line1: '12 Engine Row',
      line2: 'Suite 4',
      city: 'New York',
      region: 'NY',
      postal_code: '10001',
      country: 'US',
    });
  });

  it('given a warehouse row when mapped then it is an active warehouse location with its address', () => {
    const row = LocationRow.parse({
      id: 5,
      name: 'Main',
      code: 'WH',
      type: 'warehouse',
      active: 1,
      address: 2,
      create_date: dt(1),
      write_date: null,
    });
    const loc = toUnifiedLocation(row, toUnifiedAddress(address), ctx);
    expect(Location.parse(loc)).toEqual(loc);
    expect(loc).toMatchObject({
      name: 'Main',
      kind: 'warehouse',
      active: true,
      fulfills_online_orders: true,
      updated_at: '2026-11-01T00:00:00.000Z',
    });
  });

  it('given party names when split then the first word is the first name and the rest the last name', () => {
    expect(splitName('Ada  Lovelace')).toEqual({ first_name: 'Ada', last_name: 'Lovelace' });
    expect(splitName('Ludwig van Beethoven')).toEqual({ first_name: 'Ludwig', last_name: 'van Beethoven' });
    expect(splitName('Cher')).toEqual({ first_name: 'Cher', last_name: null });
    expect(splitName(null)).toEqual({ first_name: null, last_name: null });
  });

  it('given a party row when mapped then email, phone, names and address are set', () => {
    const row = PartyRow.parse({
      id: 9,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: false,
      addresses: [2],
      create_date: dt(1),
      write_date: dt(3),
    });
    const customer = toUnifiedCustomer(row, toUnifiedAddress(address), ctx);
    expect(Customer.parse(customer)).toEqual(customer);
    expect(customer).toMatchObject({
      email: 'ada@example.com',
      phone: null,
      first_name: 'Ada',
      last_name: 'Lovelace',
      created_at: '2026-11-01T00:00:00.000Z',
      updated_at: '2026-11-03T00:00:00.000Z',
    });
    expect(toUnifiedCustomer(row, {}, ctx).default_address).toBeNull();
  });
});

describe('sales orders and invoices', () => {
  const sale = SaleRow.parse({
    id: 4,
    number: '17',
    reference: 'ord_1',
    description: null,
    comment: 'note\nconcord-platform-order: gid://shop/Order/9',
    state: 'processing',
    party: 9,
    warehouse: 5,
    'currency.': { id: 1, code: 'USD' },
    total_amount: dec('31.00'),
    lines: [10, 11],
    invoices: [],
    create_date: dt(1),
    write_date: dt(2),
  });
  const lines = [
    SaleLineRow.parse({
      id: 10,
      type: 'line',
      product: 7,
      'product.': { id: 7, code: 'CL-007' },
      quantity: 2,
      unit_price: dec('15.50'),
    }),
    SaleLineRow.parse({
      id: 11,
      type: 'comment',
      product: null,
      'product.': null,
      quantity: 0,
      unit_price: null,
    }),
  ];

  it('given a sale with a product line and a comment line when mapped then one line ships from the sale warehouse and the platform order is read back', () => {
    const order = toUnifiedSalesOrder(sale, lines, 'EUR', ctx);
    expect(SalesOrder.parse(order)).toEqual(order);
    expect(order).toMatchObject({
      number: '17',
      status: 'processing',
      total: { amount: 3100, currency: 'USD' },
      order_id: 'gid://shop/Order/9',
    });
    expect(order.lines).toEqual([
      {
        item_id: recordId('item', 'mer_1', 'tryton', '7'),
        sku: 'CL-007',
        quantity: 2,
        unit_price: { amount: 1550, currency: 'USD' },
        location_id: recordId('location', 'mer_1', 'tryton', '5'),
      },
    ]);
    expect(platformOrderOf(null)).toBeNull();
  });

  it.each([
    ['draft', 'draft'],
    ['validated', 'draft'],
    ['posted', 'open'],
    ['paid', 'paid'],
    ['cancelled', 'void'],
  ] as const)('given invoice state %s when mapped then %s', (state, status) => {
    expect(invoiceStatus(state)).toBe(status);
  });

  it('given a posted invoice when mapped then amount due is the amount to pay, and a draft owes its total', () => {
    const base = {
      id: 3,
      type: 'out',
      number: '1',
      reference: 'inv_1',
      party: 9,
      'currency.': { code: 'USD' },
      total_amount: dec('31.00'),
      sales: [4],
      create_date: dt(1),
      write_date: null,
    };
    const posted = toUnifiedInvoice(
      InvoiceRow.parse({ ...base, state: 'posted', amount_to_pay: dec('11.00') }),
      'USD',
      ctx,
    );
    expect(Invoice.parse(posted)).toEqual(posted);
    expect(posted).toMatchObject({
      status: 'open',
      amount_due: { amount: 1100, currency: 'USD' },
      sales_order_id: recordId('sales_order', 'mer_1', 'tryton', '4'),
    });
    const draft = toUnifiedInvoice(
      InvoiceRow.parse({ ...base, state: 'draft', amount_to_pay: dec('0') }),
      'USD',
      ctx,
    );
    expect(draft.amount_due).toEqual({ amount: 3100, currency: 'USD' });
  });
});
