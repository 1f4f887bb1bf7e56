/**
 * Orders and refunds written to Medusa v2, each at most once.
 *
 * Orders go through the Admin draft-order flow: `POST /admin/draft-orders` (customer id, region, sales
 * channel, lines with Concord's unit prices, shipping line, reference in `metadata`) then
 * `POST /admin/draft-orders/{id}/convert-to-order`, which reserves stock at the sales channel's
 * locations exactly like a storefront checkout (`reserveInventoryStep`), then — when the agent's
 * checkout took the money (`orderPayment: 'paid'`) — a payment collection marked as paid with the
 * system provider. Chosen over the Store cart flow (cart → items → address → shipping → payment
 * session → complete) because it keeps the merchant's customer exactly (the customer id Concord found
 * by email, where a cart only matches a guest customer by lower-case email), charges the price the
 * agent quoted (a cart always charges the current price), needs only the secret key (no publishable
 * key), and its draft id is the order id, so an interrupted creation is resumed, never restarted.
 * https://docs.medusajs.com/resources/commerce-modules/order/draft-orders
 *
 * Exactly once: Medusa v2 honours no idempotency key on Admin writes — no route or middleware of
 * @medusajs/medusa / framework 2.21.2 reads an `Idempotency-Key` header (its only trace is the wording
 * of the 409 message in the error handler); only cart completion is idempotent, per cart id. So the
 * connector reads before writing: it looks up the customer by email and scans that customer's drafts
 * and orders for `metadata.concord_reference`; a found draft is converted and paid, a found order is
 * returned. After an ambiguous failure (timeout, 5xx) of the draft create it searches once more (Medusa
 * reads its own database, no search index lags) and rethrows when nothing was written. Converting and marking paid are
 * safe to resend: Medusa refuses to convert a non-draft or to pay a collection that is not `not_paid`.
 * Two concurrent calls for one reference are not serialised here (Concord's order saga does that).
 *
 * Refunds: `POST /admin/payments/{id}/refund` on a captured payment of the order (Medusa v2's admin
 * payment refund; a return with refund is for goods coming back). Refunds take no metadata, so the
 * note starts with `[concord:<idempotency key>]`; the order's refunds are read before writing and after
 * an ambiguous failure. https://docs.medusajs.com/api/admin#payments_postpaymentsidrefund
 */
import { ConcordError } from '../../core/errors.js';
import type { Order, Refund } from '../../model/index.js';
import { addMoney } from '../../model/money.js';
import type { PlatformOrderInput, RefundInput, SystemContext } from '../types.js';
import type { MedusaClient } from './client.js';
import type { MedusaSettings } from './config.js';
import { findCustomerByEmail, findOrCreateCustomer } from './customers.js';
import { ORDER_FIELDS, ORDER_LOOKUP_FIELDS, VARIANT_CHECK_FIELDS } from './fields.js';
import { buildDraftOrderBody, buildRefundBody, parseOrderInput, parseRefundInput } from './inputs.js';
import { MEDUSA_MANIFEST } from './manifest.js';
import { orderReference, refundKey, toUnifiedOrder, toUnifiedRefund } from './map-orders.js';
import { majorFromMinor, minorFromMajorRounded } from './money.js';
import type { MedusaStoreInfo } from './store.js';
import type { MedusaOrder, MedusaPayment } from './types.js';

export interface WriteDeps {
  client: MedusaClient;
  ctx: SystemContext;
  settings: MedusaSettings;
  store: () => Promise<MedusaStoreInfo>;
}

const { paths } = MEDUSA_MANIFEST;

/** A failure after which the write may or may not have happened. */
export function isAmbiguous(error: unknown): boolean {
  return error instanceof ConcordError && (error.category === 'transient' || error.category === 'upstream');
}

function refusedBecause(error: unknown, pattern: RegExp): boolean {
  return error instanceof ConcordError && error.category === 'validation' && pattern.test(error.message);
}

async function getOrder(client: MedusaClient, id: string): Promise<MedusaOrder> {
  return (await client.get<{ order: MedusaOrder }>(`${paths.orders}/${id}`, { fields: ORDER_FIELDS })).order;
}

/** The draft or order Concord created for `reference` for this customer, newest first. */
export async function findByReference(
  client: MedusaClient,
  customerId: string,
  reference: string,
): Promise<{ id: string; status: string } | null> {
  const lists = [
    { path: paths.draftOrders, key: 'draft_orders' },
    { path: paths.orders, key: 'orders' },
  ];
  for (const { path, key } of lists) {
    const pages = client.list<Pick<MedusaOrder, 'id' | 'status' | 'metadata'>>(
      path,
      key,
      { customer_id: customerId, fields: ORDER_LOOKUP_FIELDS, order: '-created_at' },
      { pageSize: MEDUSA_MANIFEST.paging.lookupPageSize },
    );
    for await (const page of pages) {
      const hit = page.find((o) => orderReference(o) === reference);
      if (hit) return { id: hit.id, status: hit.status };
    }
  }
  return null;
}

/** Every line's variant exists and can be sold; else a validation error naming the line, before any write. */
async function checkVariants(client: MedusaClient, lines: PlatformOrderInput['lines']): Promise<void> {
  const ids = [...new Set(lines.map((l) => l.variant_external_id))];
  const { variants } = await client.get<{
    variants: { id: string; product?: { status: string } | null }[];
  }>(paths.variants, { id: ids, fields: VARIANT_CHECK_FIELDS, limit: ids.length });
  const byId = new Map(variants.map((v) => [v.id, v]));
  const issues = lines.flatMap((line, i) => {
    const variant = byId.get(line.variant_external_id);
    const field = `lines[${i}].variant_external_id`;
    if (!variant) return [{ field, message: `Medusa has no variant "${line.variant_external_id}"` }];
    if (variant.product?.status !== 'published')
      return [
        {
          field,
          message: `Variant "${line.variant_external_id}" belongs to a product that is not published`,
        },
      ];
    return [];
  });
  if (issues.length > 0) {
    throw new ConcordError('validation', 'unknown_variant', issues.map((i) => i.message).join('; '), {
      issues,
      field: issues[0]!.field,
    });
  }
}

/** The shipping option for a shipping line: the configured one, else the first by id. */
async function shippingOptionId(deps: WriteDeps): Promise<string | null> {
  if (deps.settings.shippingOptionId) return deps.settings.shippingOptionId;
  const { shipping_options } = await deps.client.get<{ shipping_options: { id: string }[] }>(
    paths.shippingOptions,
    { fields: 'id', order: 'id', limit: 1 },
  );
  return shipping_options[0]?.id ?? null;
}

/** Medusa's refusal of a draft, as Concord's error. */
function rejected(error: unknown): unknown {
  if (!(error instanceof ConcordError) || error.category !== 'validation') return error;
  if (error.detail.vendorCode === 'insufficient_inventory') {
    return new ConcordError('conflict', 'insufficient_inventory', error.message, {
      cause: error,
      detail: { vendorCode: 'insufficient_inventory' },
    });
  }
  return new ConcordError('validation', 'medusa_order_rejected', error.message, { cause: error });
}

/** Records the order as paid: a payment collection for the total, marked paid (system provider). */
async function pay(deps: WriteDeps, order: MedusaOrder): Promise<void> {
  const { client } = deps;
  const collections = order.payment_collections ?? [];
  if (collections.some((c) => c.status !== 'not_paid' && c.status !== 'canceled')) return;
  let collection = collections.find((c) => c.status === 'not_paid');
  if (!collection) {
    const currency = order.currency_code;
    const total = addMoney(
      minorFromMajorRounded(order.item_total, currency),
      minorFromMajorRounded(order.shipping_total, currency),
    );
    try {
      collection = (
        await client.post<{ payment_collection: { id: string; status: string; amount: number } }>(
          paths.paymentCollections,
          { order_id: order.id, amount: majorFromMinor(total) },
        )
      ).payment_collection;
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      collection = (await getOrder(client, order.id)).payment_collections?.find(
        (c) => c.status === 'not_paid',
      );
      if (!collection) throw error;
    }
  }
  try {
    await client.post(
      `${paths.paymentCollections}/${collection.id}/mark-as-paid`,
      { order_id: order.id },
      { guarded: true },
    );
  } catch (error) {
    // A resend after a lost answer: Medusa only pays a `not_paid` collection, so it was paid.
    if (!refusedBecause(error, /not_paid/)) throw error;
  }
}

/** Converts the draft (if still one), pays it (if configured and unpaid), and returns the order. */
async function finish(deps: WriteDeps, id: string): Promise<Order> {
  const { client } = deps;
  let order = await getOrder(client, id);
  if (order.status === 'draft') {
    try {
      await client.post(
        `${paths.draftOrders}/${id}/convert-to-order`,
        {},
        { query: { fields: 'id' }, guarded: true },
      );
    } catch (error) {
      if (!refusedBecause(error, /not a draft order/i)) throw rejected(error);
    }
    order = await getOrder(client, id);
  }
  const placed = order.status !== 'draft' && order.status !== 'canceled';
  if (deps.settings.orderPayment === 'paid' && placed && order.payment_status === 'not_paid') {
    await pay(deps, order);
    order = await getOrder(client, id);
  }
  return toUnifiedOrder(deps.ctx, order);
}

/** Creates the order for `input.reference`, or finishes / returns the one already created for it. */
export async function createOrder(deps: WriteDeps, input: PlatformOrderInput): Promise<Order> {
  const { client } = deps;
  const info = await deps.store();
  parseOrderInput(input, info.currency);
  const known = await findCustomerByEmail(client, input.customer.email);
  const prior = known ? await findByReference(client, known.id, input.reference) : null;
  if (prior) return finish(deps, prior.id);
  await checkVariants(client, input.lines);
  const customerId = known?.id ?? (await findOrCreateCustomer(client, deps.ctx, input.customer)).external_id;
  const body = buildDraftOrderBody(input, {
    regionId: info.regionId,
    salesChannelId: info.salesChannelId,
    customerId,
    email: input.customer.email.trim().toLowerCase(),
    shippingOptionId: input.shipping ? await shippingOptionId(deps) : null,
  });
  let id: string;
  try {
    id = (
      await client.post<{ draft_order: { id: string } }>(paths.draftOrders, body, { query: { fields: 'id' } })
    ).draft_order.id;
  } catch (error) {
    if (!isAmbiguous(error)) throw rejected(error);
    const found = await findByReference(client, customerId, input.reference);
    if (!found) throw error;
    id = found.id;
  }
  return finish(deps, id);
}

function capturedLeft(payment: MedusaPayment, currency: string): number {
  const minor = (v: number | undefined) => (v === undefined ? 0 : minorFromMajorRounded(v, currency).amount);
  const captured = (payment.captures ?? []).reduce((sum, c) => sum + minor(c.amount), 0);
  const refunded = (payment.refunds ?? []).reduce((sum, r) => sum + minor(r.amount), 0);
  return captured - refunded;
}

function findRefund(order: MedusaOrder, key: string) {
  const payments = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? []);
  return payments.flatMap((p) => p.refunds ?? []).find((r) => refundKey(r.note) === key) ?? null;
}

/** Refunds `input.amount` from a captured payment of the order; one key never refunds twice. */
export async function createRefund(deps: WriteDeps, input: RefundInput): Promise<Refund> {
  parseRefundInput(input);
  const { client, ctx } = deps;
  const order = await getOrder(client, input.order_external_id);
  const currency = order.currency_code.toUpperCase();
  const done = findRefund(order, input.idempotency_key);
  if (done) return toUnifiedRefund(ctx, done, currency);
  if (input.amount.currency !== currency) {
    throw new ConcordError('validation', 'currency_mismatch', `The order is in ${currency}`, {
      field: 'amount.currency',
    });
  }
  const payments = (order.payment_collections ?? []).flatMap((pc) => pc.payments ?? []);
  const payment = payments.find((p) => !p.canceled_at && capturedLeft(p, currency) >= input.amount.amount);
  if (!payment) {
    throw new ConcordError(
      'conflict',
      'nothing_to_refund',
      `Order ${order.id} has no captured payment with ${input.amount.amount} ${currency} (minor units) left to refund`,
      { field: 'amount' },
    );
  }
  let failure: unknown;
  try {
    await client.post(`${paths.payments}/${payment.id}/refund`, buildRefundBody(input), {
      query: { fields: 'id' },
    });
  } catch (error) {
    if (!isAmbiguous(error)) throw error;
    failure = error;
  }
  // Read back (after success too): the order's copy carries the refund's final note and time.
  const refund = findRefund(await getOrder(client, order.id), input.idempotency_key);
  if (refund) return toUnifiedRefund(ctx, refund, currency);
  throw (
    failure ??
    new ConcordError('upstream', 'medusa_refund_missing', `Medusa did not list the refund on ${order.id}`)
  );
}
