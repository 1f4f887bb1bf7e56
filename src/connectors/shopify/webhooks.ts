/**
 * Shopify webhooks: verification and parsing of deliveries, and subscription of Concord's callback.
 * A delivery is trusted only when `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body
 * with the app's secret (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries), compared in
 * constant time by the kit. The payload is then read only for what to refetch: the topic names the
 * stream, `admin_graphql_api_id` (or `inventory_item_id`) the record. `X-Shopify-Webhook-Id` stays
 * the same when Shopify retries a delivery, so it is the dedupe id
 * (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates).
 *
 * @example
 * const event = parseShopifyWebhook(secret, req.headers, rawBody); // { id, topic, stream, external_id }
 */
import { ConcordError } from '../../core/errors.js';
import { cursorPages, verifyHmacSignature } from '../kit/index.js';
import type { SyncStream, WebhookEvent } from '../types.js';
import type { ShopifyGraphQLClient } from './client.js';
import { SHOPIFY_MANIFEST } from './manifest.js';
import { PAGE_VARIABLES, WEBHOOK_SUBSCRIPTION_CREATE, WEBHOOK_SUBSCRIPTIONS_QUERY } from './queries.js';
import type { Connection, ShopifyUserError } from './types.js';

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** Stream to refresh for a topic (`products/update` → products), or null for topics we only log. */
export function streamForTopic(topic: string): SyncStream | null {
  const [resource] = topic.split('/');
  switch (resource) {
    case 'products':
      return 'products';
    case 'inventory_levels':
    case 'inventory_items':
      return 'inventory_levels';
    case 'orders':
      return 'orders';
    case 'customers':
      return 'customers';
    case 'locations':
      return 'locations';
    default:
      return null;
  }
}

function parseBody(rawBody: string): Record<string, unknown> {
  try {
    const body = JSON.parse(rawBody) as unknown;
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    throw new ConcordError('validation', 'invalid_webhook_body', 'Shopify webhook body is not JSON');
  }
}

function gidOf(kind: string, value: unknown): string | null {
  if (typeof value === 'string' && value.startsWith('gid://')) return value;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))
    return `gid://shopify/${kind}/${value}`;
  return null;
}

/** The record a delivery is about: for inventory levels, the inventory item to refetch. */
function externalIdFor(stream: SyncStream | null, body: Record<string, unknown>): string | null {
  if (!stream) return null;
  if (stream === 'inventory_levels') return gidOf('InventoryItem', body.inventory_item_id ?? body.id);
  const kind = { products: 'Product', orders: 'Order', customers: 'Customer', locations: 'Location' }[stream];
  return gidOf(kind, body.admin_graphql_api_id) ?? gidOf(kind, body.id);
}

/** Verifies and parses one delivery; throws `unauthorized` / `invalid_webhook_signature` when unsigned. */
export function parseShopifyWebhook(
  apiSecret: string,
  headers: Record<string, string | undefined>,
  rawBody: string,
): WebhookEvent {
  const signature = header(headers, 'x-shopify-hmac-sha256');
  if (!verifyHmacSignature({ secret: apiSecret, payload: rawBody, signature, encoding: 'base64' })) {
    throw new ConcordError(
      'unauthorized',
      'invalid_webhook_signature',
      'Shopify webhook signature is missing or invalid',
    );
  }
  const topic = header(headers, 'x-shopify-topic') ?? 'unknown';
  const id = header(headers, 'x-shopify-webhook-id') ?? header(headers, 'x-shopify-event-id');
  if (!id)
    throw new ConcordError('validation', 'invalid_webhook', 'Shopify webhook has no X-Shopify-Webhook-Id');
  const stream = streamForTopic(topic);
  return { id, topic, stream, external_id: externalIdFor(stream, parseBody(rawBody)) };
}

interface Subscription {
  id: string;
  topic: string;
  uri: string;
}

/**
 * Subscribes `callbackUrl` to every topic Concord consumes that it is not yet subscribed to (safe to
 * call again: existing subscriptions are listed first). Returns the topics created.
 */
export async function subscribeShopifyWebhooks(
  gql: ShopifyGraphQLClient,
  callbackUrl: string,
): Promise<string[]> {
  const existing: Subscription[] = [];
  const pages = cursorPages(async (after) => {
    const data = await gql.request<{ webhookSubscriptions: Connection<Subscription> }>(
      WEBHOOK_SUBSCRIPTIONS_QUERY,
      {
        ...PAGE_VARIABLES.WEBHOOK_SUBSCRIPTIONS_QUERY,
        after,
      },
    );
    const { nodes, pageInfo } = data.webhookSubscriptions;
    return { items: nodes, hasNextPage: pageInfo.hasNextPage, endCursor: pageInfo.endCursor };
  });
  for await (const page of pages) existing.push(...page);
  const have = new Set(existing.filter((s) => s.uri === callbackUrl).map((s) => s.topic));
  const created: string[] = [];
  for (const topic of SHOPIFY_MANIFEST.capabilities.webhooks.filter((t) => !have.has(t))) {
    const data = await gql.request<{ webhookSubscriptionCreate: { userErrors: ShopifyUserError[] } }>(
      WEBHOOK_SUBSCRIPTION_CREATE,
      {
        topic,
        uri: callbackUrl,
      },
    );
    const [error] = data.webhookSubscriptionCreate.userErrors;
    // Another caller subscribed the same address meanwhile: that is the state we want.
    if (error && /taken|already exists/i.test(error.message)) continue;
    if (error) {
      throw new ConcordError(
        'validation',
        'shopify_webhook_subscription_failed',
        `Shopify refused ${topic}: ${error.message}`,
      );
    }
    created.push(topic);
  }
  return created;
}
