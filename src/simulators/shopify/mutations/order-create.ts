/**
 * `orderCreate(order: OrderCreateOrderInput!, options: OrderCreateOptionsInput)`
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCreate). Line items reference
 * variants (price from `priceSet` or the variant), the customer is associated (`toAssociate`) or
 * upserted (`toUpsert`), shipping and tax lines and transactions set the money. Inventory follows
 * `options.inventoryBehaviour`: BYPASS (the default) leaves stock alone, DECREMENT_IGNORING_POLICY
 * always decrements, DECREMENT_OBEYING_POLICY refuses — with a userError and no write at all — when
 * a tracked variant with policy DENY lacks stock. Fires `orders/create` and
 * `inventory_levels/update`. Validation messages are inferred.
 */
import type { SimContext } from '../context.js';
import { idOf } from '../format.js';
import type { AddressFields } from '../model/address.js';
import type { CustomerRecord } from '../model/customer.js';
import type { FinancialStatus } from '../model/order.js';
import type { VariantRecord } from '../model/variant.js';
import { buildOrder, type OrderLineSpec, type TransactionSpec } from '../order-builder.js';
import { orderPayload } from '../webhook-payloads.js';
import { createCustomer } from './customer-create.js';
import { addressFrom, bagMinor, cleanTags, type MoneyBagInput } from './inputs.js';
import { applyClaims, planClaims, type InventoryBehaviour } from './stock.js';

interface LineInput {
  variantId?: string | null;
  quantity: number;
  priceSet?: MoneyBagInput | null;
  title?: string | null;
  sku?: string | null;
  taxable?: boolean | null;
  requiresShipping?: boolean | null;
  taxLines?: { priceSet?: MoneyBagInput | null; rate: string }[] | null;
}

interface OrderInput {
  lineItems?: LineInput[] | null;
  customer?: {
    toAssociate?: { id?: string | null; email?: string | null } | null;
    toUpsert?: Record<string, unknown> | null;
  } | null;
  email?: string | null;
  phone?: string | null;
  shippingAddress?: AddressFields | null;
  billingAddress?: AddressFields | null;
  shippingLines?:
    { title: string; code?: string | null; source?: string | null; priceSet: MoneyBagInput }[] | null;
  taxLines?: { priceSet?: MoneyBagInput | null; rate: string; title: string }[] | null;
  taxesIncluded?: boolean | null;
  tags?: string[] | null;
  note?: string | null;
  financialStatus?: FinancialStatus | null;
  transactions?:
    | { amountSet: MoneyBagInput; kind?: string | null; status?: string | null; gateway?: string | null }[]
    | null;
  processedAt?: string | null;
  sourceIdentifier?: string | null;
  sourceName?: string | null;
  test?: boolean | null;
  name?: string | null;
}

interface OrderUserError {
  field: string[] | null;
  message: string;
  code: string | null;
}

function resolveLines(ctx: SimContext, input: OrderInput, errors: OrderUserError[]): OrderLineSpec[] {
  const currency = ctx.state.currency;
  const lines: OrderLineSpec[] = [];
  (input.lineItems ?? []).forEach((line, i) => {
    const field = ['order', 'lineItems', String(i)];
    let variant: VariantRecord | null = null;
    if (line.variantId) {
      variant = ctx.state.variantById.get(idOf(line.variantId, 'ProductVariant') ?? -1) ?? null;
      if (!variant)
        errors.push({ field: [...field, 'variantId'], message: 'Variant does not exist', code: 'INVALID' });
    } else if (!line.title) {
      errors.push({
        field: [...field, 'title'],
        message: 'Title is required for a custom line item',
        code: 'INVALID',
      });
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      errors.push({
        field: [...field, 'quantity'],
        message: 'Quantity must be greater than 0',
        code: 'INVALID',
      });
    }
    const unit = bagMinor(line.priceSet, currency) ?? variant?.priceMinor;
    if (unit === undefined)
      errors.push({
        field: [...field, 'priceSet'],
        message: 'Price is required for a custom line item',
        code: 'INVALID',
      });
    lines.push({
      variant,
      quantity: line.quantity,
      unitMinor: unit ?? 0,
      title: line.title,
      sku: line.sku,
      taxable: line.taxable,
      requiresShipping: line.requiresShipping,
    });
  });
  if (lines.length === 0)
    errors.push({
      field: ['order', 'lineItems'],
      message: 'Line items must have at least one line item',
      code: 'INVALID',
    });
  return lines;
}

function resolveCustomer(
  ctx: SimContext,
  input: OrderInput,
  errors: OrderUserError[],
): CustomerRecord | null | 'upsert' {
  const associate = input.customer?.toAssociate;
  if (associate?.id) {
    const customer = ctx.state.customerById.get(idOf(associate.id, 'Customer') ?? -1);
    if (!customer)
      errors.push({
        field: ['order', 'customer', 'toAssociate', 'id'],
        message: 'Customer does not exist',
        code: 'INVALID',
      });
    return customer ?? null;
  }
  if (associate?.email) return ctx.state.findCustomerByEmail(associate.email) ?? null;
  if (input.customer?.toUpsert) return 'upsert';
  return null;
}

function taxMinor(ctx: SimContext, input: OrderInput, subtotal: number): number {
  const currency = ctx.state.currency;
  const lineTaxes = (input.lineItems ?? []).flatMap((line) => line.taxLines ?? []);
  return [...(input.taxLines ?? []), ...lineTaxes].reduce(
    (sum, tax) => sum + (bagMinor(tax.priceSet, currency) ?? Math.round(subtotal * Number(tax.rate))),
    0,
  );
}

function transactionsOf(ctx: SimContext, input: OrderInput): TransactionSpec[] {
  return (input.transactions ?? []).map((t) => ({
    kind: (t.kind ?? 'SALE') as TransactionSpec['kind'],
    status: (t.status ?? 'SUCCESS') as TransactionSpec['status'],
    gateway: t.gateway ?? 'manual',
    amountMinor: bagMinor(t.amountSet, ctx.state.currency) ?? 0,
  }));
}

/** Resolver of `orderCreate`. */
export function orderCreate(
  args: { order: OrderInput; options?: { inventoryBehaviour?: InventoryBehaviour | null } | null },
  ctx: SimContext,
) {
  const input = args.order;
  const errors: OrderUserError[] = [];
  const lines = resolveLines(ctx, input, errors);
  const found = resolveCustomer(ctx, input, errors);
  const behaviour = args.options?.inventoryBehaviour ?? 'BYPASS';
  const { claims, shortfalls } = errors.length
    ? { claims: [], shortfalls: [] }
    : planClaims(ctx, lines, behaviour);
  for (const s of shortfalls) {
    errors.push({
      field: ['order', 'lineItems', String(s.index), 'quantity'],
      message: `Unable to reserve inventory: ${s.variant.displayName} has ${s.available} available, ${s.quantity} requested`,
      code: 'INVENTORY_CLAIM_FAILED',
    });
  }
  if (errors.length > 0) return { order: null, userErrors: errors };
  const customer = found === 'upsert' ? upsertCustomer(ctx, input.customer?.toUpsert ?? {}) : found;
  const subtotal = lines.reduce((sum, line) => sum + line.unitMinor * line.quantity, 0);
  const processedMs = input.processedAt ? Date.parse(input.processedAt) : ctx.now;
  const order = buildOrder(ctx.state, {
    lines,
    customer,
    email: input.email ?? null,
    phone: input.phone ?? null,
    shippingAddress: addressFrom(ctx.state, input.shippingAddress, 'Address'),
    billingAddress: addressFrom(ctx.state, input.billingAddress, 'Address'),
    shippingLines: (input.shippingLines ?? []).map((s) => ({
      title: s.title,
      code: s.code,
      source: s.source,
      priceMinor: bagMinor(s.priceSet, ctx.state.currency) ?? 0,
    })),
    taxMinor: taxMinor(ctx, input, subtotal),
    taxesIncluded: !!input.taxesIncluded,
    tags: cleanTags(input.tags),
    note: input.note ?? null,
    financialStatus: input.financialStatus ?? null,
    transactions: transactionsOf(ctx, input),
    createdMs: ctx.now,
    processedMs: Number.isNaN(processedMs) ? ctx.now : processedMs,
    sourceName: input.sourceName ?? 'api',
    sourceIdentifier: input.sourceIdentifier,
    test: !!input.test,
    name: input.name,
  });
  ctx.state.addOrder(order);
  if (customer) {
    customer.orderList.push(order);
    customer.updatedMs = ctx.now;
  }
  ctx.services.emit('ORDERS_CREATE', orderPayload(order, ctx.state.currency));
  applyClaims(ctx, claims);
  ctx.state.touch();
  return { order, userErrors: [] };
}

function upsertCustomer(ctx: SimContext, upsert: Record<string, unknown>): CustomerRecord {
  const email = typeof upsert.email === 'string' ? upsert.email : null;
  const existing = email ? ctx.state.findCustomerByEmail(email) : undefined;
  if (existing) return existing;
  return createCustomer(ctx, upsert as Parameters<typeof createCustomer>[1]);
}
