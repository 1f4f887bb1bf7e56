/**
 * `webhookSubscriptionCreate(topic:, webhookSubscription: { uri })` and
 * `webhookSubscriptionDelete(id:)`. Shopify wants HTTPS endpoints; the simulator also accepts plain
 * HTTP on loopback addresses so tests and the sandbox can receive deliveries locally (a deliberate
 * deviation). Validation messages are inferred.
 */
import type { SimContext } from '../context.js';
import { idOf } from '../format.js';
import { WebhookSubscriptionRecord } from '../model/admin.js';

interface SubscriptionInput {
  uri?: string | null;
  callbackUrl?: string | null;
  format?: 'JSON' | 'XML' | null;
  filter?: string | null;
  includeFields?: string[] | null;
  metafieldNamespaces?: string[] | null;
}

function uriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'Address is invalid';
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return undefined;
  return 'Address protocol http:// is not supported';
}

/** Resolver of `webhookSubscriptionCreate`. */
export function webhookSubscriptionCreate(
  args: { topic: string; webhookSubscription: SubscriptionInput },
  ctx: SimContext,
) {
  const input = args.webhookSubscription;
  const uri = input.uri ?? input.callbackUrl ?? '';
  const field = ['webhookSubscription', 'callbackUrl'];
  const problem = uri ? uriProblem(uri) : "Address can't be blank";
  if (problem) return { webhookSubscription: null, userErrors: [{ field, message: problem }] };
  if (ctx.state.webhookSubscriptions.some((w) => w.topic === args.topic && w.uri === uri)) {
    return {
      webhookSubscription: null,
      userErrors: [{ field, message: 'Address for this topic has already been taken' }],
    };
  }
  const subscription = new WebhookSubscriptionRecord(
    ctx.state.nextId('WebhookSubscription'),
    args.topic,
    uri,
    input.format ?? 'JSON',
    input.filter ?? null,
    input.includeFields ?? [],
    input.metafieldNamespaces ?? [],
    ctx.now,
    ctx.now,
  );
  ctx.state.webhookSubscriptions.push(subscription);
  ctx.state.touch();
  return { webhookSubscription: subscription, userErrors: [] };
}

/** Resolver of `webhookSubscriptionDelete`. */
export function webhookSubscriptionDelete(args: { id: string }, ctx: SimContext) {
  const list = ctx.state.webhookSubscriptions;
  const index = list.findIndex((w) => w.num === idOf(args.id, 'WebhookSubscription'));
  if (index < 0)
    return {
      deletedWebhookSubscriptionId: null,
      userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }],
    };
  list.splice(index, 1);
  ctx.state.touch();
  return { deletedWebhookSubscriptionId: args.id, userErrors: [] };
}
