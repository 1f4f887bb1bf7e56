/**
 * ERP workflows (mid-market preset: the ERP owns items, sales orders and invoices). Items are read
 * from the record store; sales orders and invoices are written to the merchant's ERP as steps,
 * validation first, so nothing is written when the request is wrong:
 *
 *   validate (shape, customer) → ERP connected → resolve (lines → stored items and locations of
 *   that ERP, one currency; customer id → stored customer of that ERP) → customer (found or created
 *   in the ERP, recorded) → create (sales order with a reference from (merchant, idempotency key)) → record
 *
 * An invoice bills a stored sales order of the same merchant (another merchant's id is simply not
 * found); standalone invoices are out of scope. Like `orders.ts`, each ERP write carries a reference
 * derived only from (merchant, idempotency key), so a retry finds the same document.
 *
 * Sales orders and invoices are stored through `RecordStore.upsertStream` as document records
 * (parent: the customer for a sales order, the sales order for an invoice), newer copy wins.
 *
 * @example
 * const so = await createErpSalesOrder(rt, 'mer_a', { customer: { email }, lines: [{ sku: 'APP-TEE-00001', quantity: 2 }] }, key);
 * const invoice = await invoiceErpSalesOrder(rt, 'mer_a', { sales_order_id: so.id }, key2);
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DocumentRecord, ErpConnector, SalesOrderLineInput } from '../connectors/types.js';
import { ConcordError, notFound, type FieldIssue } from '../core/errors.js';
import {
  Money,
  type Customer,
  type Invoice,
  type Item,
  type Location,
  type SalesOrder,
} from '../model/index.js';
import type { Runtime } from '../runtime.js';
import type { Page } from '../store/records.js';
import { DEFAULT_PAGE_SIZE, type PageRequest } from './catalog.js';
import { issuesOf, MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './order-input.js';

export const SalesOrderLineRequest = z
  .object({
    item_id: z.string().min(1).max(64).optional().describe('Concord item id; give this or `sku`'),
    sku: z.string().min(1).max(255).optional().describe('Item SKU (NetSuite itemid); give this or `item_id`'),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
    location_id: z.string().min(1).max(64).optional().describe('Concord id of a location of the ERP'),
    unit_price: Money.optional().describe("Overrides the ERP's price for this line"),
  })
  .strict()
  .superRefine((line, ctx) => {
    if ((line.item_id === undefined) === (line.sku === undefined))
      ctx.addIssue({ code: 'custom', path: ['sku'], message: 'give exactly one of item_id or sku' });
  })
  .meta({ id: 'SalesOrderLineRequest' });

export const SalesOrderCustomerRequest = z
  .object({
    id: z.string().min(1).max(64).optional().describe('Concord id of a customer of the ERP'),
    email: z.email().max(255).optional().describe('Found by email in the ERP, or created there'),
    first_name: z.string().min(1).max(255).optional(),
    last_name: z.string().min(1).max(255).optional(),
  })
  .strict()
  .meta({ id: 'SalesOrderCustomerRequest', description: '`{ email, first_name?, last_name? }` or `{ id }`' });

export const CreateSalesOrderRequest = z
  .object({
    customer: SalesOrderCustomerRequest,
    lines: z.array(SalesOrderLineRequest).min(1).max(MAX_ORDER_LINES),
    memo: z.string().max(999).optional().describe('Max 999 characters (NetSuite memo; inferred)'),
  })
  .strict()
  .meta({ id: 'CreateSalesOrderRequest' });
export type CreateSalesOrderRequest = z.infer<typeof CreateSalesOrderRequest>;

const invoiceFields = {
  sales_order_id: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Concord id of a sales order of this merchant'),
};

/** Loose, so that a standalone invoice request (lines, customer…) gets the clear 422, not "unknown field". */
export const CreateInvoiceRequest = z
  .object(invoiceFields)
  .loose()
  .meta({
    id: 'CreateInvoiceRequest',
    description:
      'Bills a sales order in full. Standalone invoices (no `sales_order_id`) are not supported: 422 ' +
      '`standalone_invoice_unsupported`; other fields beside `sales_order_id` are a 400.',
  });
const StrictInvoiceRequest = z.object(invoiceFields).strict();
export type CreateInvoiceRequest = z.infer<typeof CreateInvoiceRequest>;

export interface ItemQuery extends PageRequest {
  sku?: string;
  /** Case-insensitive "name contains". */
  q?: string;
  updated_since?: string;
}

const invalid = (code: string, message: string, issues: FieldIssue[]) =>
  new ConcordError('validation', code, message, { issues });

/** Parses a request with `schema`, or throws `invalid_request` (400) naming every bad field. */
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw invalid('invalid_request', `${issues[0]?.field}: ${issues[0]?.message}`, issues);
}

/** A record as reads show it by default (the vendor payload takes `expand=raw`). */
function withoutRaw<T extends { raw?: unknown }>(record: T): T {
  const { raw: _raw, ...rest } = record;
  return rest as T;
}

/**
 * The reference an ERP document carries: the same for the same (kind, merchant, idempotency key).
 *
 * @example
 * erpReference('sales_order', 'mer_a', 'k-1') // 'concord-so-3f9a…' (32 hex digits)
 */
export function erpReference(
  kind: 'sales_order' | 'invoice',
  merchantId: string,
  idempotencyKey: string,
): string {
  const digest = createHash('sha256')
    .update(`${kind}\u0000${merchantId}\u0000${idempotencyKey}`)
    .digest('hex');
  return `concord-${kind === 'sales_order' ? 'so' : 'inv'}-${digest.slice(0, 32)}`;
}

/** The merchant's ERP (of `system` when given), or `erp_not_connected` (409). */
export function erpOf(rt: Runtime, merchantId: string, system?: string): ErpConnector {
  const erp = system
    ? rt.connectors.listErps(merchantId).find((c) => c.context.system === system)
    : rt.connectors.erp(merchantId);
  if (erp) return erp;
  const what = system ? `The ERP "${system}" is not connected` : 'This merchant has no ERP connected';
  throw new ConcordError('conflict', 'erp_not_connected', `${what}; sales orders and invoices need one`, {
    detail: system ? { system } : {},
  });
}

/** Items matching every filter given, from the store. */
export function listItems(rt: Runtime, merchantId: string, query: ItemQuery = {}): Promise<Page<Item>> {
  return rt.search.list<Item>(merchantId, 'item', {
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    cursor: query.cursor ?? null,
    raw: query.expand === 'raw',
    filters: {
      ...(query.sku !== undefined ? { sku: query.sku } : {}),
      ...(query.updated_since !== undefined ? { updated_since: query.updated_since } : {}),
    },
    ...(query.q ? { contains: { field: 'name', value: query.q } } : {}),
  });
}

/** One item; `item_not_found` (404) when the merchant has none with this id. */
export async function getItem(rt: Runtime, merchantId: string, id: string, expand?: 'raw'): Promise<Item> {
  const item = await rt.search.get<Item>(merchantId, 'item', id, { raw: expand === 'raw' });
  if (!item) throw notFound('item', id);
  return item;
}

type DocumentKind = 'sales_order' | 'invoice';

/** A stored sales order or invoice of this merchant, or 404. */
export async function getErpDocument<T>(
  rt: Runtime,
  merchantId: string,
  kind: DocumentKind,
  id: string,
  expand?: 'raw',
): Promise<T> {
  const doc = await rt.search.get<T>(merchantId, kind, id, { raw: expand === 'raw' });
  if (!doc) throw notFound(kind, id);
  return doc;
}

/** Upserts a sales order (parent: its customer) or invoice (parent: its sales order); newer wins. */
export async function storeDocument(
  rt: Runtime,
  merchantId: string,
  kind: DocumentKind,
  doc: SalesOrder | Invoice,
) {
  const record: DocumentRecord =
    kind === 'sales_order'
      ? { stream: 'sales_orders', record: doc as SalesOrder }
      : { stream: 'invoices', record: doc as Invoice };
  await rt.records.upsertStream(merchantId, [record]);
}

interface ResolvedLine {
  item: Item;
  quantity: number;
  location: Location | null;
  unit_price: Money | undefined;
}

/** Finds a line's item and location among the ERP's stored records; pushes an issue for each miss. */
async function resolveLine(
  rt: Runtime,
  merchantId: string,
  system: string,
  line: z.infer<typeof SalesOrderLineRequest>,
  at: string,
  issues: FieldIssue[],
): Promise<ResolvedLine | null> {
  const item = line.item_id
    ? await rt.search.get<Item>(merchantId, 'item', line.item_id)
    : (await rt.search.list<Item>(merchantId, 'item', { filters: { sku: line.sku!, system }, limit: 1 }))
        .items[0];
  if (!item || item.system !== system) {
    const field = line.item_id ? 'item_id' : 'sku';
    issues.push({ field: `${at}.${field}`, message: `no item of the ERP "${system}" has this ${field}` });
  } else if (!item.active) {
    issues.push({ field: `${at}.${line.item_id ? 'item_id' : 'sku'}`, message: 'the item is inactive' });
  }
  let location: Location | null = null;
  if (line.location_id !== undefined) {
    location = await rt.search.get<Location>(merchantId, 'location', line.location_id);
    if (!location || location.system !== system)
      issues.push({ field: `${at}.location_id`, message: `not a location of the ERP "${system}"` });
  }
  if (!item) return null;
  return { item, quantity: line.quantity, location, unit_price: line.unit_price };
}

/** The one currency of the lines (given prices first, else the items' base prices). */
function currencyOf(lines: ResolvedLine[]): string {
  const currencies = lines.map((l) => (l.unit_price ?? l.item.base_price)?.currency);
  const currency = currencies.find((c) => c !== undefined);
  const issues = currencies.flatMap((c, i) =>
    c === currency
      ? []
      : [{ field: `lines[${i}].unit_price`, message: `give a unit_price in ${currency ?? 'a currency'}` }],
  );
  if (currency === undefined || issues.length > 0)
    throw invalid('mixed_currencies', 'Every line of a sales order needs a price in one currency', issues);
  return currency;
}

/** The customer part of steps 1–3: a stored customer of the ERP by id, or by email (null: to create). */
export async function resolveCustomer(
  rt: Runtime,
  merchantId: string,
  system: string,
  customer: CreateSalesOrderRequest['customer'],
  issues: FieldIssue[],
): Promise<Customer | null> {
  const { id, email, first_name, last_name } = customer;
  if (id !== undefined && (email ?? first_name ?? last_name) !== undefined) {
    issues.push({ field: 'customer.id', message: 'give either customer.id or customer.email, not both' });
    return null;
  }
  if (id === undefined && email === undefined) {
    issues.push({ field: 'customer.email', message: 'an email (or a customer id) is required' });
    return null;
  }
  if (id !== undefined) {
    const known = await rt.search.get<Customer>(merchantId, 'customer', id);
    if (known?.system === system) return known;
    issues.push({ field: 'customer.id', message: `no customer of the ERP "${system}" has this id` });
    return null;
  }
  // A person customer needs a last name in NetSuite ("Please enter a value for Last Name", as the
  // simulator answers; inferred from NetSuite's required fields), so a new one is refused up front.
  const synced = await rt.search.list<Customer>(merchantId, 'customer', {
    filters: { email, system },
    limit: 1,
  });
  if (synced.items.length === 0 && last_name === undefined)
    issues.push({
      field: 'customer.last_name',
      message: 'required to create a customer the ERP does not have yet',
    });
  return null;
}

/** Steps 1–3: validated lines and customer, before anything is written. */
async function resolveSalesOrder(
  rt: Runtime,
  merchantId: string,
  input: CreateSalesOrderRequest,
  system: string,
) {
  const issues: FieldIssue[] = [];
  const known = await resolveCustomer(rt, merchantId, system, input.customer, issues);
  const lines = await Promise.all(
    input.lines.map((line, i) => resolveLine(rt, merchantId, system, line, `lines[${i}]`, issues)),
  );
  if (issues.length > 0)
    throw invalid(
      'invalid_sales_order',
      `Invalid sales order: ${issues[0]!.field}: ${issues[0]!.message}`,
      issues,
    );
  const resolved = lines as ResolvedLine[];
  return { known, lines: resolved, currency: currencyOf(resolved) };
}

/**
 * Creates a sales order in the merchant's ERP and records it; returns it as `GET` shows it. Throws
 * `validation` (422: unknown item, location or customer; 400: bad shape) or `erp_not_connected` (409)
 * before any write; a retry with the same idempotency key finds the same sales order.
 */
export async function createErpSalesOrder(
  rt: Runtime,
  merchantId: string,
  input: unknown,
  idempotencyKey: string,
): Promise<SalesOrder> {
  const valid = parse(CreateSalesOrderRequest, input);
  const erp = erpOf(rt, merchantId);
  const { known, lines, currency } = await resolveSalesOrder(rt, merchantId, valid, erp.context.system);
  let customer = known;
  if (!customer) {
    const { email, first_name, last_name } = valid.customer;
    customer = await erp.findOrCreateCustomer({
      email: email!,
      ...(first_name ? { first_name } : {}),
      ...(last_name ? { last_name } : {}),
    });
    await rt.records.upsertStream(merchantId, [{ stream: 'customers', record: customer }]);
  }
  const order = await erp.createSalesOrder({
    reference: erpReference('sales_order', merchantId, idempotencyKey),
    customer_external_id: customer.external_id,
    currency,
    lines: lines.map((l): SalesOrderLineInput => ({
      item_external_id: l.item.external_id,
      quantity: l.quantity,
      ...(l.unit_price ? { unit_price: l.unit_price } : {}),
      ...(l.location ? { location_external_id: l.location.external_id } : {}),
    })),
    ...(valid.memo !== undefined ? { memo: valid.memo } : {}),
  });
  await storeDocument(rt, merchantId, 'sales_order', order);
  rt.logger.info({ merchantId, salesOrderId: order.id, lines: lines.length }, 'sales order created');
  return withoutRaw(order);
}

/**
 * Invoices a stored sales order of this merchant in its ERP (in full) and records the invoice.
 * Throws `standalone_invoice_unsupported` (422) without `sales_order_id`, `sales_order_not_found`
 * (404, also for another merchant's id) or `erp_not_connected` (409) before any write.
 */
export async function invoiceErpSalesOrder(
  rt: Runtime,
  merchantId: string,
  input: unknown,
  idempotencyKey: string,
): Promise<Invoice> {
  if (parse(CreateInvoiceRequest, input).sales_order_id === undefined) {
    throw invalid(
      'standalone_invoice_unsupported',
      'Only a sales order can be invoiced: give sales_order_id',
      [
        {
          field: 'sales_order_id',
          message: 'required: standalone invoices (without a sales order) are not supported',
        },
      ],
    );
  }
  const { sales_order_id } = parse(StrictInvoiceRequest, input);
  const order = await getErpDocument<SalesOrder>(rt, merchantId, 'sales_order', sales_order_id!);
  const erp = erpOf(rt, merchantId, order.system);
  const invoice = await erp.invoiceSalesOrder(
    order.external_id,
    erpReference('invoice', merchantId, idempotencyKey),
  );
  await storeDocument(rt, merchantId, 'invoice', invoice);
  rt.logger.info({ merchantId, invoiceId: invoice.id, salesOrderId: order.id }, 'sales order invoiced');
  return withoutRaw(invoice);
}
