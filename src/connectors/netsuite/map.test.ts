import { describe, expect, it } from 'vitest';
import { recordId } from '../../core/ids.js';
import {
  customerRecordToUnified,
  fromSalesOrderInput,
  nsDate,
  nsMoney,
  toUnifiedCustomer,
  toUnifiedInventoryLevel,
  toUnifiedInvoice,
  toUnifiedItem,
  toUnifiedLocation,
  toUnifiedSalesOrder,
} from './map.js';
import type { NsTransactionRecord } from './types.js';

const ctx = { merchantId: 'mer_1', system: 'netsuite' };
const id = (kind: Parameters<typeof recordId>[0], ext: string) => recordId(kind, 'mer_1', 'netsuite', ext);
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('nsDate / nsMoney', () => {
  it('given NetSuite date texts when parsed then each is ISO UTC', () => {
    expect(nsDate('2026-01-15 13:04:05')).toBe('2026-01-15T13:04:05.000Z');
    expect(nsDate('1/15/2026')).toBe('2026-01-15T00:00:00.000Z');
    expect(nsDate('1/15/2026 1:04 pm')).toBe('2026-01-15T13:04:00.000Z');
    expect(nsDate('12/1/2025 12:30 am')).toBe('2025-12-01T00:30:00.000Z');
    expect(nsDate('2026-02-01T10:00:00.000Z')).toBe('2026-02-01T10:00:00.000Z');
    expect(nsDate(undefined)).toBe('1970-01-01T00:00:00.000Z');
    expect(nsDate('garbage')).toBe('1970-01-01T00:00:00.000Z');
  });

  it('given amounts as strings or numbers when converted then minor units are rounded to the currency', () => {
    expect(nsMoney('19.99', 'USD')).toEqual(usd(1999));
    expect(nsMoney(12.345, 'USD')).toEqual(usd(1235));
    expect(nsMoney('100', 'JPY')).toEqual({ amount: 100, currency: 'JPY' });
    expect(nsMoney(undefined, 'USD')).toEqual(usd(0));
  });
});

describe('SuiteQL row mappers', () => {
  it('given an item row with prices when mapped then every Item field is set', () => {
    const row = {
      id: '42',
      itemid: 'SKU-42',
      displayname: 'Blue Mug',
      description: 'A mug',
      itemtype: 'InvtPart',
      isinactive: 'F',
      upccode: '0123',
      lastmodifieddate: '2026-03-01 08:00:00',
      links: [],
    };
    const item = toUnifiedItem(
      row,
      { base: usd(1000), levels: [{ name: 'Wholesale', price: usd(800) }] },
      ctx,
    );
    expect(item).toEqual({
      id: id('item', '42'),
      system: 'netsuite',
      external_id: '42',
      updated_at: '2026-03-01T08:00:00.000Z',
      sku: 'SKU-42',
      barcode: '0123',
      name: 'Blue Mug',
      description: 'A mug',
      unit_of_measure: null,
      base_price: usd(1000),
      price_levels: [{ name: 'Wholesale', price: usd(800) }],
      cost: null,
      active: true,
    });
    const bare = toUnifiedItem({ id: '7', itemid: 'X', isinactive: 'T' }, { base: null, levels: [] }, ctx);
    expect([bare.name, bare.description, bare.active, bare.base_price, bare.barcode]).toEqual([
      'X',
      null,
      false,
      null,
      null,
    ]);
  });

  it('given a location row when mapped then every Location field is set', () => {
    expect(
      toUnifiedLocation(
        { id: '3', name: 'East DC', isinactive: 'F', lastmodifieddate: '2026-01-02 00:00:00' },
        ctx,
      ),
    ).toEqual({
      id: id('location', '3'),
      system: 'netsuite',
      external_id: '3',
      updated_at: '2026-01-02T00:00:00.000Z',
      name: 'East DC',
      kind: 'warehouse',
      active: true,
      fulfills_online_orders: true,
      address: null,
    });
    expect(toUnifiedLocation({ id: '4', name: 'Old', isinactive: 'T' }, ctx).fulfills_online_orders).toBe(
      false,
    );
  });

  it('given a stock row when mapped then quantities, item, sku and location are set', () => {
    const row = {
      item: '42',
      location: '3',
      quantityonhand: '10',
      quantityavailable: '7',
      quantitycommitted: '3',
      quantityonorder: '5',
      lastmodifieddate: '2026-01-02 03:04:05',
      itemid: 'SKU-42',
    };
    expect(toUnifiedInventoryLevel(row, ctx)).toEqual({
      id: id('inventory_level', '42:3'),
      system: 'netsuite',
      external_id: '42:3',
      updated_at: '2026-01-02T03:04:05.000Z',
      variant_id: null,
      item_id: id('item', '42'),
      sku: 'SKU-42',
      location_id: id('location', '3'),
      on_hand: 10,
      available: 7,
      committed: 3,
      incoming: 5,
    });
    const empty = toUnifiedInventoryLevel({ item: '1', location: '2' }, ctx);
    expect([empty.on_hand, empty.available, empty.committed, empty.incoming, empty.sku]).toEqual([
      0,
      0,
      0,
      0,
      null,
    ]);
  });

  it('given a customer row and a customer record when mapped then every Customer field is set', () => {
    const expected = {
      id: id('customer', '9'),
      system: 'netsuite',
      external_id: '9',
      updated_at: '2026-01-05T00:00:00.000Z',
      email: 'a@b.example',
      phone: '+1 555',
      first_name: 'Ada',
      last_name: 'Lovelace',
      default_address: null,
      tags: [],
      created_at: '2025-01-01T00:00:00.000Z',
    };
    expect(
      toUnifiedCustomer(
        {
          id: '9',
          entityid: 'CUST9',
          email: 'a@b.example',
          phone: '+1 555',
          firstname: 'Ada',
          lastname: 'Lovelace',
          datecreated: '2025-01-01 00:00:00',
          lastmodifieddate: '2026-01-05 00:00:00',
        },
        ctx,
      ),
    ).toEqual(expected);
    expect(
      customerRecordToUnified(
        {
          id: '9',
          email: 'a@b.example',
          phone: '+1 555',
          firstName: 'Ada',
          lastName: 'Lovelace',
          dateCreated: '2025-01-01T00:00:00Z',
          lastModifiedDate: '2026-01-05T00:00:00Z',
        },
        ctx,
      ),
    ).toEqual(expected);
  });
});

const SO: NsTransactionRecord = {
  id: '100',
  tranId: 'SO100',
  externalId: 'ord_1',
  entity: { id: '9', refName: 'Ada' },
  currency: { id: '1', refName: 'USD' },
  status: { id: 'B', refName: 'Pending Fulfillment' },
  total: 25,
  createdDate: '2026-02-01T10:00:00Z',
  lastModifiedDate: '2026-02-01T11:00:00Z',
  item: {
    items: [
      { item: { id: '42', refName: 'SKU-42' }, quantity: 2, rate: 12.5, amount: 25, location: { id: '3' } },
    ],
  },
};

describe('record mappers', () => {
  it('given a sales order record when mapped then header and line fields are set', () => {
    expect(toUnifiedSalesOrder(SO, 'USD', ctx)).toEqual({
      id: id('sales_order', '100'),
      system: 'netsuite',
      external_id: '100',
      updated_at: '2026-02-01T11:00:00.000Z',
      number: 'SO100',
      status: 'Pending Fulfillment',
      customer_id: id('customer', '9'),
      lines: [
        {
          item_id: id('item', '42'),
          sku: 'SKU-42',
          quantity: 2,
          unit_price: usd(1250),
          location_id: id('location', '3'),
        },
      ],
      total: usd(2500),
      order_id: null,
      created_at: '2026-02-01T10:00:00.000Z',
    });
  });

  it('given invoice records when mapped then status, links and amounts follow NetSuite', () => {
    const inv: NsTransactionRecord = {
      id: '200',
      tranId: 'INV200',
      entity: { id: '9' },
      createdFrom: { id: '100' },
      status: { id: 'A', refName: 'Open' },
      total: 25,
      amountRemaining: 25,
      tranDate: '2026-02-02T00:00:00Z',
      lastModifiedDate: '2026-02-02T01:00:00Z',
    };
    expect(toUnifiedInvoice(inv, 'USD', ctx)).toEqual({
      id: id('invoice', '200'),
      system: 'netsuite',
      external_id: '200',
      updated_at: '2026-02-02T01:00:00.000Z',
      number: 'INV200',
      status: 'open',
      sales_order_id: id('sales_order', '100'),
      customer_id: id('customer', '9'),
      total: usd(2500),
      amount_due: usd(2500),
      created_at: '2026-02-02T00:00:00.000Z',
    });
    expect(toUnifiedInvoice({ ...inv, status: 'Paid In Full', amountRemaining: 0 }, 'USD', ctx).status).toBe(
      'paid',
    );
    expect(toUnifiedInvoice({ ...inv, status: undefined, amountRemaining: 0 }, 'USD', ctx).status).toBe(
      'paid',
    );
    expect(toUnifiedInvoice({ ...inv, status: { id: 'V', refName: 'Voided' } }, 'USD', ctx).status).toBe(
      'void',
    );
  });

  it('given a sales order input when converted then the body carries externalId, currency, memo and a location per line', () => {
    const body = fromSalesOrderInput(
      {
        reference: 'ord_1',
        customer_external_id: '9',
        currency: 'USD',
        memo: 'agent order',
        platform_order_ref: '#1001',
        lines: [
          { item_external_id: '42', quantity: 2, unit_price: usd(1250), location_external_id: '3' },
          { item_external_id: '43', quantity: 1 },
        ],
      },
      '1',
    );
    expect(body).toEqual({
      entity: { id: '9' },
      externalId: 'ord_1',
      currency: { id: '1' },
      memo: 'agent order — Order #1001',
      item: {
        items: [
          { item: { id: '42' }, quantity: 2, rate: 12.5, location: { id: '3' } },
          { item: { id: '43' }, quantity: 1 },
        ],
      },
    });
  });
});
