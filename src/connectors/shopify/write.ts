/**
 * Orders and refunds written to Shopify, each at most once.
 *
 * Orders: `orderCreate` has no idempotency key, so the connector guards it by reading before writing.
 * The order is tagged `concord-ref-<reference>` (and gets `sourceIdentifier` = reference); before
 * creating, and again after a create that failed ambiguously (timeout, network error, 5xx — it may
 * have committed), it searches `orders(query: "tag:concord-ref-<reference>")` and returns the order
 * it finds. If the search after an ambiguous failure finds nothing, the original error is rethrown
 * rather than creating again (Shopify's search index may lag a fresh order, inferred): the caller's
 * next attempt searches first. https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/orderCreate
 *
 * Refunds: `refundCreate` carries `@idempotent(key:)` (mandatory since 2026-04), so it is safe to
 * resend and is sent as a guarded call. https://shopify.dev/docs/api/usage/idempotent-requests
 */
import { ConcordError } from '../../core/errors.js';
import type { Order, Refund } from '../../model/index.js';
import type { PlatformOrderInput, RefundInput, SystemContext } from '../types.js';
import type { Clock } from '../kit/index.js';
import type { ShopifyGraphQLClient } from './client.js';
import type { ShopifySettings } from './config.js';
import { fieldOf } from './customers.js';
import { buildOrderCreateInput, buildRefundInput, referenceTag } from './inputs.js';
import { toUnifiedOrder, toUnifiedRefund } from './map.js';
import { ORDER_CREATE, ORDERS_QUERY, PAGE_VARIABLES, REFUND_CREATE } from './queries.js';
import type { ShopifyReader } from './read.js';
import { STREAMS } from './streams.js';
import type { Connection, ShopifyOrder, ShopifyRefund, ShopifyUserError } from './types.js';

export interface WriteDeps {
  gql: ShopifyGraphQLClient;
  ctx: SystemContext;
  reader: ShopifyReader;
  settings: ShopifySettings;
  clock: Clock;
  findOrCreateCustomerGid(input: PlatformOrderInput['customer']): Promise<string>;
}

/** Waits before each search after an ambiguous failure (the order may take a moment to be searchable). */
const AMBIGUOUS_SEARCH_DELAYS_MS = [0, 1000, 3000];

/** A failure after which the order may or may not exist. */
export function isAmbiguous(error: unknown): boolean {
  if (!(error instanceof ConcordError)) return false;
  return error.category === 'transient' || error.category === 'upstream';
}

async function findByReference(deps: WriteDeps, reference: string): Promise<Order | null> {
  const tag = referenceTag(reference);
  const data = await deps.gql.request<{ orders: Connection<ShopifyOrder> }>(ORDERS_QUERY, {
    ...PAGE_VARIABLES.ORDERS_QUERY,
    first: 5,
    query: `tag:${tag}`,
  });
  const node = data.orders.nodes.find((o) => o.tags.includes(tag));
  if (!node) return null;
  await deps.reader.completeNested(
    node as unknown as Record<string, unknown> & { id: string },
    STREAMS.orders.nested!,
  );
  return toUnifiedOrder(deps.ctx, node);
}

function rejected(errors: ShopifyUserError[]): ConcordError {
  const first = errors[0]!;
  const outOfStock = errors.some((e) => e.code === 'INVENTORY_CLAIM_FAILED');
  return new ConcordError(
    outOfStock ? 'conflict' : 'validation',
    outOfStock ? 'insufficient_inventory' : 'shopify_order_rejected',
    `Shopify refused the order: ${errors.map((e) => e.message).join('; ')}`,
    {
      field: fieldOf(first),
      issues: errors.map((e) => ({ field: fieldOf(e) ?? 'order', message: e.message })),
      detail: first.code ? { vendorCode: first.code } : {},
    },
  );
}

interface OrderCreatePayload {
  orderCreate: { order: ShopifyOrder | null; userErrors: ShopifyUserError[] };
}

/** Creates the order for `input.reference`, or returns the one already created for it. */
export async function createOrder(deps: WriteDeps, input: PlatformOrderInput): Promise<Order> {
  const existing = await findByReference(deps, input.reference);
  if (existing) return existing;
  const customerGid = await deps.findOrCreateCustomerGid(input.customer);
  const order = buildOrderCreateInput(input, {
    customerGid,
    gateway: deps.settings.paymentGateway,
    paid: deps.settings.orderPayment === 'paid',
  });
  const options = {
    inventoryBehaviour: deps.settings.inventoryBehaviour,
    sendReceipt: false,
    sendFulfillmentReceipt: false,
  };
  let data: OrderCreatePayload;
  try {
    data = await deps.gql.request<OrderCreatePayload>(ORDER_CREATE, {
      order,
      options,
      ...PAGE_VARIABLES.ORDER_CREATE,
    });
  } catch (error) {
    if (!isAmbiguous(error)) throw error;
    for (const delay of AMBIGUOUS_SEARCH_DELAYS_MS) {
      await deps.clock.sleep(delay);
      const found = await findByReference(deps, input.reference);
      if (found) return found;
    }
    throw error;
  }
  const { order: node, userErrors } = data.orderCreate;
  if (userErrors.length > 0 || !node) {
    throw userErrors.length > 0
      ? rejected(userErrors)
      : new ConcordError('upstream', 'shopify_invalid_response', 'orderCreate returned no order');
  }
  await deps.reader.completeNested(
    node as unknown as Record<string, unknown> & { id: string },
    STREAMS.orders.nested!,
  );
  return toUnifiedOrder(deps.ctx, node);
}

interface RefundCreatePayload {
  refundCreate: {
    refund: ShopifyRefund | null;
    order: { id: string } | null;
    userErrors: ShopifyUserError[];
  };
}

/** Refunds `input.amount` on the order; the same idempotency key never refunds twice. */
export async function createRefund(deps: WriteDeps, input: RefundInput): Promise<Refund> {
  if (!input.idempotency_key.trim()) {
    throw new ConcordError('validation', 'missing_idempotency_key', 'A refund needs an idempotency key', {
      field: 'idempotency_key',
    });
  }
  const data = await deps.gql.request<RefundCreatePayload>(
    REFUND_CREATE,
    { input: buildRefundInput(input, deps.settings.paymentGateway), idempotencyKey: input.idempotency_key },
    { guarded: true },
  );
  const { refund, userErrors } = data.refundCreate;
  if (userErrors.length > 0 || !refund) {
    const first = userErrors[0];
    throw new ConcordError(
      'validation',
      'shopify_refund_rejected',
      `Shopify refused the refund: ${first?.message ?? 'no refund returned'}`,
      {
        field: first ? fieldOf(first) : undefined,
        issues: userErrors.map((e) => ({ field: fieldOf(e) ?? 'refund', message: e.message })),
      },
    );
  }
  return toUnifiedRefund(deps.ctx, refund, new Date(deps.clock.now()).toISOString());
}
