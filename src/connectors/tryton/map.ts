/**
 * Pure mappers from Tryton rows (decoded by `schemas.ts`) to Concord's unified records, and from Concord's
 * inputs to Tryton values. Ids are Concord ids from `recordId`; the external id of a record is its Tryton
 * id as a string, of an inventory level `<product id>:<warehouse id>`.
 *
 * Stock: Tryton reports two figures per product and location — `quantity` (done moves, and assigned ones:
 * reserved stock already counts as gone) and `forecast_quantity` (also every planned move up to the end of
 * time). Unified: on_hand = quantity; the difference is the net of planned moves — committed when the
 * forecast is lower (orders waiting to ship), incoming when it is higher (supplies expected); available =
 * on hand minus committed. Tryton keeps one figure, so a product with both planned supplies and planned
 * shipments shows only their net (documented limitation).
 *
 * Customers: a party has one `name`; it is split at its first space into first and last name (lossy for
 * company names: "Acme Supply" → "Acme" / "Supply").
 */
import { recordId } from '../../core/ids.js';
import {
  moneyFromDecimal,
  type Address,
  type Customer,
  type InventoryLevel,
  type Invoice,
  type Item,
  type Location,
  type Money,
  type SalesOrder,
} from '../../model/index.js';
import type { SystemContext } from '../types.js';
import { latest } from './codec.js';
import type {
  AddressRow,
  InvoiceRow,
  LocationRow,
  PartyRow,
  ProductRow,
  SaleLineRow,
  SaleRow,
  StockRow,
} from './schemas.js';

const EPOCH = '1970-01-01T00:00:00.000Z';
/** Marks the platform order reference in a sale's comment, so it can be read back. */
export const PLATFORM_ORDER_MARK = 'concord-platform-order:';

/** A Tryton decimal string as Money, rounded half away from zero to the currency's digits. */
export function trytonMoney(value: string | null | undefined, currency: string): Money {
  const n = Number(value ?? 0);
  return moneyFromDecimal(Number.isFinite(n) ? n : 0, currency);
}

/** Rounds a float quantity to an integer (Tryton quantities are floats; Concord's are whole units). */
export function wholeQuantity(value: number): number {
  return Math.round(value);
}

/** `product.product` (+ its first EAN/UPC/GTIN identifier) → Item (list price = base price in the company currency). */
export function toUnifiedItem(
  row: ProductRow,
  barcode: string | null,
  currency: string,
  ctx: SystemContext,
): Item {
  const external = String(row.id);
  return {
    id: recordId('item', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: latest(EPOCH, row.write_date ?? row.create_date, row['template.']?.write_date),
    sku: row.code ?? '',
    barcode,
    name: row.name,
    description: row.description ?? null,
    unit_of_measure: row['default_uom.']?.symbol ?? null,
    base_price: row.list_price === null ? null : trytonMoney(row.list_price, currency),
    price_levels: [],
    cost:
      row.cost_price === null || row.cost_price === undefined ? null : trytonMoney(row.cost_price, currency),
    active: row.active,
  };
}

/** `stock.location` (warehouse) → Location. */
export function toUnifiedLocation(
  row: LocationRow,
  address: Partial<Address> | null,
  ctx: SystemContext,
): Location {
  const external = String(row.id);
  return {
    id: recordId('location', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: latest(EPOCH, row.write_date ?? row.create_date),
    name: row.name,
    kind: 'warehouse',
    active: row.active,
    fulfills_online_orders: row.active,
    address,
  };
}

/** Unified quantities from Tryton's quantity and forecast (see the module comment). */
export function stockFigures(
  quantity: number,
  forecast: number,
): Pick<InventoryLevel, 'on_hand' | 'available' | 'committed' | 'incoming'> {
  const onHand = wholeQuantity(quantity);
  const planned = wholeQuantity(forecast) - onHand;
  const committed = Math.max(0, -planned);
  return { on_hand: onHand, available: onHand - committed, committed, incoming: Math.max(0, planned) };
}

/** Stock of one product in one warehouse → InventoryLevel; `at` is when it was read. */
export function toUnifiedInventoryLevel(
  row: StockRow,
  product: { id: number; code: string | null },
  warehouse: number,
  at: string,
  ctx: SystemContext,
): InventoryLevel {
  const external = `${product.id}:${warehouse}`;
  return {
    id: recordId('inventory_level', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: at,
    variant_id: null,
    item_id: recordId('item', ctx.merchantId, ctx.system, String(product.id)),
    sku: product.code,
    location_id: recordId('location', ctx.merchantId, ctx.system, String(warehouse)),
    ...stockFigures(row.quantity, row.forecast_quantity),
  };
}

/** `party.address` → a partial unified address (region from the subdivision code "US-CA" → "CA"). */
export function toUnifiedAddress(row: AddressRow): Partial<Address> {
  const [line1, ...rest] = (row.street ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const country = row['country.']?.code ?? null;
  const subdivision = row['subdivision.']?.code ?? null;
  const out: Partial<Address> = {};
  if (row.name) out.name = row.name;
  if (line1) out.line1 = line1;
  if (rest.length) out.line2 = rest.join(', ');
  if (row.city) out.city = row.city;
  if (subdivision)
    out.region = subdivision.includes('-') ? subdivision.slice(subdivision.indexOf('-') + 1) : subdivision;
  if (row.postal_code) out.postal_code = row.postal_code;
  if (country && /^[A-Z]{2}$/.test(country)) out.country = country;
  return out;
}

/** A party's name split at its first space. */
export function splitName(name: string | null): { first_name: string | null; last_name: string | null } {
  const text = (name ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return { first_name: null, last_name: null };
  const space = text.indexOf(' ');
  return space < 0
    ? { first_name: text, last_name: null }
    : { first_name: text.slice(0, space), last_name: text.slice(space + 1) };
}

/** `party.party` (+ its first address) → Customer. */
export function toUnifiedCustomer(
  row: PartyRow,
  address: Partial<Address> | null,
  ctx: SystemContext,
): Customer {
  const external = String(row.id);
  const created = row.create_date ?? EPOCH;
  return {
    id: recordId('customer', ctx.merchantId, ctx.system, external),
    system: ctx.system,
    external_id: external,
    updated_at: latest(created, row.write_date),
    email: row.email,
    phone: row.phone,
    ...splitName(row.name),
    default_address: address && Object.keys(address).length > 0 ? address : null,
    tags: [],
    created_at: created,
  };
}

/** The platform order reference written in a sale's comment, if any. */
export function platformOrderOf(comment: string | null): string | null {
  const line = (comment ?? '').split(/\r?\n/).find((l) => l.startsWith(PLATFORM_ORDER_MARK));
  return line ? line.slice(PLATFORM_ORDER_MARK.length).trim() || null : null;
}

/** `sale.sale` + its lines → SalesOrder (every line ships from the sale's warehouse). */
export function toUnifiedSalesOrder(
  sale: SaleRow,
  lines: SaleLineRow[],
  fallbackCurrency: string,
  ctx: SystemContext,
): SalesOrder {
  const currency = sale['currency.']?.code ?? fallbackCurrency;
  const ref = (kind: 'customer' | 'item' | 'location', id: number | null) =>
    id === null ? null : recordId(kind, ctx.merchantId, ctx.system, String(id));
  const created = sale.create_date ?? EPOCH;
  return {
    id: recordId('sales_order', ctx.merchantId, ctx.system, String(sale.id)),
    system: ctx.system,
    external_id: String(sale.id),
    updated_at: latest(created, sale.write_date),
    number: sale.number,
    status: sale.state,
    customer_id: ref('customer', sale.party),
    lines: lines
      .filter((line) => line.type === 'line' && line.product !== null)
      .map((line) => ({
        item_id: ref('item', line.product),
        sku: line['product.']?.code ?? String(line.product),
        quantity: Math.max(1, wholeQuantity(line.quantity)),
        unit_price: trytonMoney(line.unit_price, currency),
        location_id: ref('location', sale.warehouse),
      })),
    total: trytonMoney(sale.total_amount, currency),
    order_id: platformOrderOf(sale.comment),
    created_at: created,
  };
}

/** Tryton invoice state → unified status (draft and validated are not yet owed). */
export function invoiceStatus(state: string): Invoice['status'] {
  switch (state) {
    case 'posted':
      return 'open';
    case 'paid':
      return 'paid';
    case 'cancelled':
    case 'cancel':
      return 'void';
    default:
      return 'draft';
  }
}

/** `account.invoice` → Invoice (amount due = amount to pay once posted, the total before). */
export function toUnifiedInvoice(row: InvoiceRow, fallbackCurrency: string, ctx: SystemContext): Invoice {
  const currency = row['currency.']?.code ?? fallbackCurrency;
  const status = invoiceStatus(row.state);
  const total = trytonMoney(row.total_amount, currency);
  const due =
    status === 'open' || status === 'paid'
      ? trytonMoney(row.amount_to_pay, currency)
      : status === 'void'
        ? trytonMoney('0', currency)
        : total;
  const sale = row.sales[0];
  const created = row.create_date ?? EPOCH;
  return {
    id: recordId('invoice', ctx.merchantId, ctx.system, String(row.id)),
    system: ctx.system,
    external_id: String(row.id),
    updated_at: latest(created, row.write_date),
    number: row.number,
    status,
    sales_order_id:
      sale === undefined ? null : recordId('sales_order', ctx.merchantId, ctx.system, String(sale)),
    customer_id:
      row.party === null ? null : recordId('customer', ctx.merchantId, ctx.system, String(row.party)),
    total,
    amount_due: due,
    created_at: created,
  };
}
