/**
 * Tryton's rows as this connector reads them, as zod schemas (raw vendor shapes stay in this folder).
 * `search_read` / `read` answer one object per record with the fields asked for; a dotted field such as
 * `currency.code` comes back nested under `"currency."` (null when the Many2One is empty). Values are
 * decoded by the codec schemas (Decimal → decimal string, datetime → ISO instant, 0/1 → boolean).
 */
import { z } from 'zod';
import { TBool, TDateTime, TDecimal, TFloat, TRef, TText } from './codec.js';

const id = z.number().int();
const stamps = { create_date: TDateTime.nullable(), write_date: TDateTime.nullable() };
const codeOf = z.object({ code: TText }).nullable().optional();

/** `product.product`: the fields in `PRODUCT_FIELDS`. */
export const ProductRow = z.object({
  id,
  code: TText,
  name: z.string(),
  description: TText.optional(),
  list_price: TDecimal.nullable(),
  cost_price: TDecimal.nullable().optional(),
  active: TBool,
  type: z.string(),
  'default_uom.': z.object({ symbol: TText }).nullable().optional(),
  'template.': z.object({ write_date: TDateTime.nullable() }).nullable().optional(),
  ...stamps,
});
export type ProductRow = z.infer<typeof ProductRow>;
export const PRODUCT_FIELDS = [
  'code',
  'name',
  'description',
  'list_price',
  'cost_price',
  'active',
  'type',
  'default_uom.symbol',
  'template.write_date',
  'create_date',
  'write_date',
];

/** `product.product` read with a `locations` context: stock of one product in those locations. */
export const StockRow = z.object({ id, quantity: TFloat, forecast_quantity: TFloat });
export type StockRow = z.infer<typeof StockRow>;
export const STOCK_FIELDS = ['quantity', 'forecast_quantity'];

/** `stock.location` of type warehouse. */
export const LocationRow = z.object({
  id,
  name: z.string(),
  code: TText,
  type: z.string(),
  active: TBool,
  address: TRef.optional(),
  ...stamps,
});
export type LocationRow = z.infer<typeof LocationRow>;
export const LOCATION_FIELDS = ['name', 'code', 'type', 'active', 'address', 'create_date', 'write_date'];

/** `party.party` (email and phone are Function fields: the first contact mechanism of that type). */
export const PartyRow = z.object({
  id,
  name: TText,
  email: TText,
  phone: TText,
  addresses: z.array(id),
  ...stamps,
});
export type PartyRow = z.infer<typeof PartyRow>;
export const PARTY_FIELDS = ['name', 'email', 'phone', 'addresses', 'create_date', 'write_date'];

/** `party.address`. */
export const AddressRow = z.object({
  id,
  party: id,
  name: TText,
  street: TText,
  postal_code: TText,
  city: TText,
  'country.': codeOf,
  'subdivision.': codeOf,
});
export type AddressRow = z.infer<typeof AddressRow>;
export const ADDRESS_FIELDS = [
  'party',
  'name',
  'street',
  'postal_code',
  'city',
  'country.code',
  'subdivision.code',
];

/** `sale.sale`. */
export const SaleRow = z.object({
  id,
  number: TText,
  reference: TText,
  description: TText,
  comment: TText,
  state: z.string(),
  party: TRef,
  warehouse: TRef,
  'currency.': z.object({ code: z.string() }).nullable(),
  total_amount: TDecimal.nullable(),
  lines: z.array(id),
  invoices: z.array(id),
  ...stamps,
});
export type SaleRow = z.infer<typeof SaleRow>;
export const SALE_FIELDS = [
  'number',
  'reference',
  'description',
  'comment',
  'state',
  'party',
  'warehouse',
  'currency.code',
  'total_amount',
  'lines',
  'invoices',
  'create_date',
  'write_date',
];

/** `sale.line` (type "line"; comment and subtotal lines carry no product). */
export const SaleLineRow = z.object({
  id,
  type: z.string(),
  product: TRef,
  'product.': codeOf,
  quantity: TFloat,
  unit_price: TDecimal.nullable(),
});
export type SaleLineRow = z.infer<typeof SaleLineRow>;
export const SALE_LINE_FIELDS = ['type', 'product', 'product.code', 'quantity', 'unit_price'];

/** `account.invoice`. */
export const InvoiceRow = z.object({
  id,
  type: z.string(),
  number: TText,
  reference: TText,
  state: z.string(),
  party: TRef,
  'currency.': z.object({ code: z.string() }).nullable(),
  total_amount: TDecimal.nullable(),
  amount_to_pay: TDecimal.nullable(),
  sales: z.array(id),
  ...stamps,
});
export type InvoiceRow = z.infer<typeof InvoiceRow>;
export const INVOICE_FIELDS = [
  'type',
  'number',
  'reference',
  'state',
  'party',
  'currency.code',
  'total_amount',
  'amount_to_pay',
  'sales',
  'create_date',
  'write_date',
];

/** A product as the sales order writer checks it before creating anything. */
export const OrderableRow = z.object({
  id,
  code: TText,
  name: z.string(),
  type: z.string(),
  salable: TBool,
  active: TBool,
  list_price: TDecimal.nullable(),
  sale_uom: TRef,
  default_uom: TRef,
});
export type OrderableRow = z.infer<typeof OrderableRow>;
export const ORDERABLE_FIELDS = [
  'code',
  'name',
  'type',
  'salable',
  'active',
  'list_price',
  'sale_uom',
  'default_uom',
];

/** `product.identifier`: a product's codes by type (ean, upc, isbn, …). */
export const IdentifierRow = z.object({ id, product: id, type: TText, code: z.string() });
export type IdentifierRow = z.infer<typeof IdentifierRow>;
export const IDENTIFIER_FIELDS = ['product', 'type', 'code'];
/** Identifier types that are barcodes, in order of preference (6.0 has no separate UPC: EAN takes UPC-A). */
export const BARCODE_TYPES = ['ean', 'isbn', 'ismn'];
