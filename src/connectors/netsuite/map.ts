/**
 * Pure mappers from NetSuite's wire shapes (SuiteQL rows, record JSON) to Concord's unified records, and
 * from Concord's inputs to record bodies. Ids are Concord ids from `recordId`; raw NetSuite types stay in
 * this folder. SuiteQL values are strings ('T'/'F' for booleans); amounts with more decimals than the
 * currency has are rounded half-away-from-zero by `toFixed` (NetSuite rates may carry 4+ decimals).
 */
import { recordId } from '../../core/ids.js';
import {
  moneyFromDecimal,
  moneyToDecimal,
  type Customer,
  type InventoryLevel,
  type Invoice,
  type Item,
  type Location,
  type Money,
  type SalesOrder,
} from '../../model/index.js';
import type { SalesOrderInput, SystemContext } from '../types.js';
import type {
  CustomerRow,
  ItemRow,
  LocationRow,
  NsCustomerRecord,
  NsRef,
  NsTransactionRecord,
  StockRow,
} from './types.js';

const EPOCH = '1970-01-01T00:00:00.000Z';

/** NetSuite date text (ISO, "YYYY-MM-DD HH:MM:SS", or "M/D/YYYY[ h:mm am]") as ISO UTC; epoch when absent. */
export function nsDate(value: string | undefined | null): string {
  if (!value) return EPOCH;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i.exec(
    value.trim(),
  );
  if (us) {
    const [, m, d, y, hh = '0', mm = '0', ss = '0', ampm] = us;
    let hour = Number(hh) % (ampm ? 12 : 24);
    if (ampm?.toLowerCase() === 'pm') hour += 12;
    return new Date(
      Date.UTC(Number(y), Number(m) - 1, Number(d), hour, Number(mm), Number(ss)),
    ).toISOString();
  }
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? EPOCH : new Date(ms).toISOString();
}

/** A NetSuite amount (string or number) as Money, rounded to the currency's digits. */
export function nsMoney(value: string | number | undefined | null, currency: string): Money {
  const n = Number(value ?? 0);
  return moneyFromDecimal(Number.isFinite(n) ? n : 0, currency);
}

function int(value: string | number | undefined | null): number {
  const n = Math.trunc(Number(value ?? 0));
  return Number.isFinite(n) ? n : 0;
}

const blank = (v: string | undefined | null): string | null =>
  v === undefined || v === null || v === '' ? null : v;

/** Prices of one item, already resolved to the reader's currency. */
export interface ItemPrices {
  base: Money | null;
  levels: { name: string; price: Money }[];
}

/** SuiteQL `item` row (+ its prices) → Item. */
export function toUnifiedItem(row: ItemRow, prices: ItemPrices, ctx: SystemContext): Item {
  return {
    id: recordId('item', ctx.merchantId, ctx.system, row.id),
    system: ctx.system,
    external_id: row.id,
    updated_at: nsDate(row.lastmodifieddate),
    sku: row.itemid,
    barcode: blank(row.upccode),
    name: blank(row.displayname) ?? row.itemid,
    description: blank(row.description),
    unit_of_measure: null,
    base_price: prices.base,
    price_levels: prices.levels,
    cost: null,
    active: row.isinactive !== 'T',
  };
}

/** SuiteQL `location` row → Location (NetSuite locations are warehouses or stores; default warehouse). */
export function toUnifiedLocation(row: LocationRow, ctx: SystemContext): Location {
  return {
    id: recordId('location', ctx.merchantId, ctx.system, row.id),
    system: ctx.system,
    external_id: row.id,
    updated_at: nsDate(row.lastmodifieddate),
    name: row.name,
    kind: 'warehouse',
    active: row.isinactive !== 'T',
    fulfills_online_orders: row.isinactive !== 'T',
    address: null,
  };
}

/** SuiteQL `inventoryitemlocations` row → InventoryLevel (incoming = quantity on order). */
export function toUnifiedInventoryLevel(row: StockRow, ctx: SystemContext): InventoryLevel {
  const externalId = `${row.item}:${row.location}`;
  return {
    id: recordId('inventory_level', ctx.merchantId, ctx.system, externalId),
    system: ctx.system,
    external_id: externalId,
    updated_at: nsDate(row.lastmodifieddate),
    variant_id: null,
    item_id: recordId('item', ctx.merchantId, ctx.system, row.item),
    sku: blank(row.itemid),
    location_id: recordId('location', ctx.merchantId, ctx.system, row.location),
    on_hand: int(row.quantityonhand),
    available: int(row.quantityavailable),
    committed: int(row.quantitycommitted),
    incoming: int(row.quantityonorder),
  };
}

/** SuiteQL `customer` row → Customer. */
export function toUnifiedCustomer(row: CustomerRow, ctx: SystemContext): Customer {
  return {
    id: recordId('customer', ctx.merchantId, ctx.system, row.id),
    system: ctx.system,
    external_id: row.id,
    updated_at: nsDate(row.lastmodifieddate),
    email: blank(row.email),
    phone: blank(row.phone),
    first_name: blank(row.firstname),
    last_name: blank(row.lastname),
    default_address: null,
    tags: [],
    created_at: nsDate(row.datecreated ?? row.lastmodifieddate),
  };
}

/** `customer` record JSON → Customer. */
export function customerRecordToUnified(rec: NsCustomerRecord, ctx: SystemContext): Customer {
  return toUnifiedCustomer(
    {
      id: rec.id,
      email: rec.email,
      phone: rec.phone,
      firstname: rec.firstName,
      lastname: rec.lastName,
      datecreated: rec.dateCreated,
      lastmodifieddate: rec.lastModifiedDate,
    },
    ctx,
  );
}

const refName = (status: NsRef | string | undefined): string | undefined =>
  typeof status === 'string' ? status : (status?.refName ?? status?.id);

/** `salesOrder` record JSON (expandSubResources) → SalesOrder; `currency` is the ISO code of its amounts. */
export function toUnifiedSalesOrder(
  rec: NsTransactionRecord,
  currency: string,
  ctx: SystemContext,
): SalesOrder {
  const ref = (kind: 'customer' | 'item' | 'location', r: NsRef | null | undefined) =>
    r?.id ? recordId(kind, ctx.merchantId, ctx.system, r.id) : null;
  return {
    id: recordId('sales_order', ctx.merchantId, ctx.system, rec.id),
    system: ctx.system,
    external_id: rec.id,
    updated_at: nsDate(rec.lastModifiedDate),
    number: rec.tranId ?? null,
    status: refName(rec.status) ?? 'unknown',
    customer_id: ref('customer', rec.entity),
    lines: (rec.item?.items ?? []).map((line) => ({
      item_id: ref('item', line.item),
      sku: line.item?.refName ?? line.item?.id ?? '',
      quantity: Math.max(1, int(line.quantity)),
      unit_price: nsMoney(line.rate, currency),
      location_id: ref('location', line.location),
    })),
    total: nsMoney(rec.total, currency),
    order_id: null,
    created_at: nsDate(rec.createdDate ?? rec.tranDate ?? rec.lastModifiedDate),
  };
}

/** NetSuite invoice status → unified status (amount remaining decides paid when the status is unclear). */
export function invoiceStatus(rec: NsTransactionRecord): Invoice['status'] {
  const status = (refName(rec.status) ?? '').toLowerCase();
  if (status.includes('void')) return 'void';
  if (status.includes('paid')) return 'paid';
  if (rec.amountRemaining !== undefined && rec.amountRemaining <= 0 && (rec.total ?? 0) > 0) return 'paid';
  return 'open';
}

/** `invoice` record JSON → Invoice. */
export function toUnifiedInvoice(rec: NsTransactionRecord, currency: string, ctx: SystemContext): Invoice {
  return {
    id: recordId('invoice', ctx.merchantId, ctx.system, rec.id),
    system: ctx.system,
    external_id: rec.id,
    updated_at: nsDate(rec.lastModifiedDate),
    number: rec.tranId ?? null,
    status: invoiceStatus(rec),
    sales_order_id: rec.createdFrom?.id
      ? recordId('sales_order', ctx.merchantId, ctx.system, rec.createdFrom.id)
      : null,
    customer_id: rec.entity?.id ? recordId('customer', ctx.merchantId, ctx.system, rec.entity.id) : null,
    total: nsMoney(rec.total, currency),
    amount_due: nsMoney(rec.amountRemaining ?? rec.total, currency),
    created_at: nsDate(rec.createdDate ?? rec.tranDate ?? rec.lastModifiedDate),
  };
}

/** SalesOrderInput → `POST /record/v1/salesOrder` body (externalId = reference; location per line). */
export function fromSalesOrderInput(
  input: SalesOrderInput,
  currencyId: string | null,
): Record<string, unknown> {
  const memo = [input.memo, input.platform_order_ref ? `Order ${input.platform_order_ref}` : undefined]
    .filter(Boolean)
    .join(' — ');
  return {
    entity: { id: input.customer_external_id },
    externalId: input.reference,
    ...(currencyId ? { currency: { id: currencyId } } : {}),
    ...(memo ? { memo } : {}),
    item: {
      items: input.lines.map((line) => ({
        item: { id: line.item_external_id },
        quantity: line.quantity,
        ...(line.unit_price ? { rate: Number(moneyToDecimal(line.unit_price)) } : {}),
        ...(line.location_external_id ? { location: { id: line.location_external_id } } : {}),
      })),
    },
  };
}
