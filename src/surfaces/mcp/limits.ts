/**
 * Agent limits, enforced on the server for every surface: which tools a key may call, which
 * merchants it may act for, and the most one order may be worth (see `store/agent-limits.ts`).
 * MCP tools check them before running; REST gets the same checks from `agentLimitsMiddleware`, which
 * maps each route onto the tool doing the same thing. Refusals are `forbidden` errors (REST 403, MCP
 * tool error) with codes `tool_not_allowed`, `merchant_not_allowed`, `order_value_over_limit` and
 * `quote_required` (an order with a value limit must come from a quote, whose total is known before
 * anything is written).
 *
 * A limit refusal is checked outside the idempotency key, so it never uses the key up: once an
 * operator raises the limit, the same call with the same key goes through.
 *
 * @example
 * assertToolAllowed(limits, 'mer_a', 'place_order');
 * await assertQuoteWithinLimit(rt, 'mer_a', limits, 'quo_…');
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getQuote } from '../../commerce/quotes/index.js';
import type { Quote } from '../../commerce/quotes/schema.js';
import { ConcordError } from '../../core/errors.js';
import type { Money } from '../../model/index.js';
import type { Runtime } from '../../runtime.js';
import { AgentLimitStore, type AgentLimits, type KeyLimits } from '../../store/agent-limits.js';
import { TtlCache, type AuthCacheOptions } from '../rest/auth.js';

/** Every MCP tool, in the order `tools/list` shows them. */
export const TOOL_NAMES = [
  'search_products',
  'get_product',
  'list_locations',
  'check_availability',
  'quote_order',
  'place_order',
  'get_order_status',
  'request_refund',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

const forbidden = (code: string, message: string, detail: Record<string, unknown> = {}) =>
  new ConcordError('forbidden', code, message, { detail });

/** Refuses a tool the key may not call, or a merchant it may not act for. */
export function assertToolAllowed(limits: AgentLimits, merchantId: string, tool: string): void {
  assertMerchantAllowed(limits, merchantId);
  if (limits.allowed_tools && !limits.allowed_tools.includes(tool)) {
    throw forbidden('tool_not_allowed', `This API key is not allowed to use ${tool}`, {
      allowed_tools: limits.allowed_tools,
    });
  }
}

/** Refuses a merchant the key may not act for. */
export function assertMerchantAllowed(limits: AgentLimits, merchantId: string): void {
  if (limits.allowed_merchants && !limits.allowed_merchants.includes(merchantId)) {
    throw forbidden('merchant_not_allowed', 'This API key is not allowed to act for this merchant');
  }
}

/** True when the key may call the tool (used to list only what it may call). */
export function toolAllowed(limits: AgentLimits, tool: string): boolean {
  return !limits.allowed_tools || limits.allowed_tools.includes(tool);
}

/**
 * What an order placed from the quote will total: the quote's total, with the shipping of another
 * option than the selected one (and its shipping tax, scaled like `order-quote.ts` scales it) when
 * `shippingOptionId` names one.
 */
export function orderValueOf(quote: Quote, shippingOptionId?: string): Money {
  let total = quote.totals.total.amount;
  if (!shippingOptionId) return quote.totals.total;
  for (const shipment of quote.shipments) {
    const selected = shipment.options.find((o) => o.id === shipment.selected_option_id);
    const chosen = shipment.options.find((o) => o.id === shippingOptionId) ?? selected;
    const from = selected?.price.amount ?? 0;
    const to = chosen?.price.amount ?? 0;
    total += to - from + shippingTax(quote, shipment, to) - shipment.shipping_tax.amount;
  }
  return { amount: total, currency: quote.totals.total.currency };
}

/** Shipping tax of a shipment at `price`: its selected option's rate, else its lines' rate (rounded up). */
function shippingTax(quote: Quote, shipment: Quote['shipments'][number], price: number): number {
  const selected = shipment.options.find((o) => o.id === shipment.selected_option_id)?.price.amount ?? 0;
  if (selected > 0) return Math.ceil((shipment.shipping_tax.amount * price) / selected);
  const lines = shipment.lines.flatMap((l) => quote.lines.filter((q) => q.index === l.line));
  const subtotal = lines.reduce((sum, l) => sum + l.subtotal.amount, 0);
  const tax = lines.reduce((sum, l) => sum + l.tax.amount, 0);
  return subtotal > 0 ? Math.ceil((tax * price) / subtotal) : 0;
}

/** Refuses an order worth more than the key's `max_order_value` (or in another currency). */
export function assertOrderValue(limits: AgentLimits, value: Money): void {
  const max = limits.max_order_value;
  if (!max) return;
  if (value.currency !== max.currency || value.amount > max.amount) {
    throw forbidden(
      'order_value_over_limit',
      `This order totals ${value.amount} ${value.currency} (minor units); this API key may place orders of at most ${max.amount} ${max.currency}`,
      { order_value: value, max_order_value: max },
    );
  }
}

/** Reads the quote and refuses it when the order would exceed the key's limit. */
export async function assertQuoteWithinLimit(
  rt: Runtime,
  merchantId: string,
  limits: AgentLimits,
  quoteId: string,
  shippingOptionId?: string,
): Promise<void> {
  if (!limits.max_order_value) return;
  assertOrderValue(limits, orderValueOf(await getQuote(rt, merchantId, quoteId), shippingOptionId));
}

const BEARER = /^Bearer[ ]+([\x21-\x7E]{1,512})[ ]*$/i;

/** The secret of an `Authorization: Bearer …` header, or undefined. */
export function bearerSecret(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header)?.[1] : undefined;
}

/** Limits by key, cached like auth caches keys (by hash, for the TTL), so a hot client costs no query. */
export class KeyLimitsCache {
  private readonly cache: TtlCache<KeyLimits>;

  constructor(
    readonly store: AgentLimitStore,
    options: AuthCacheOptions = {},
  ) {
    this.cache = new TtlCache<KeyLimits>(options);
  }

  async get(secret: string): Promise<KeyLimits | null> {
    const hash = createHash('sha256').update(secret).digest('base64url');
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const found = await this.store.forSecret(secret);
    if (found) this.cache.set(hash, found);
    return found;
  }
}

/** The tool a REST route does the work of, or null for routes no tool covers. */
export function toolOfRoute(method: string, path: string): ToolName | null {
  const m = method.toUpperCase();
  if (m === 'GET' && path === '/products') return 'search_products';
  if (m === 'GET' && /^\/products\/[^/]+(\/resolved)?$/.test(path)) return 'get_product';
  if (m === 'GET' && path === '/locations') return 'list_locations';
  if (m === 'GET' && path === '/inventory') return 'check_availability';
  if ((m === 'POST' && path === '/quotes') || (m === 'GET' && /^\/quotes\/[^/]+$/.test(path)))
    return 'quote_order';
  if (m === 'POST' && path === '/orders') return 'place_order';
  if (m === 'GET' && /^\/orders(\/[^/]+)?$/.test(path)) return 'get_order_status';
  if (m === 'POST' && /^\/orders\/[^/]+\/refunds$/.test(path)) return 'request_refund';
  return null;
}

async function quoteIdOf(
  body: Promise<unknown>,
): Promise<{ quote_id?: unknown; shipping_option_id?: unknown }> {
  const value = await body.catch(() => null);
  return typeof value === 'object' && value !== null ? value : {};
}

/**
 * REST middleware enforcing the same limits as the MCP tools. Register it after the body limit and
 * before the routes (`app.use('*', agentLimitsMiddleware(rt, store))`); requests without a known key
 * pass through to the route's own auth (401). With `allowed_tools` set, routes no tool covers are
 * refused too (`route_not_allowed`).
 */
export function agentLimitsMiddleware(
  rt: Runtime,
  store: AgentLimitStore,
  options: AuthCacheOptions = {},
): MiddlewareHandler {
  const limitsOf = new KeyLimitsCache(store, options);
  return async (c, next) => {
    const secret = bearerSecret(c.req.header('authorization'));
    const found = secret ? await limitsOf.get(secret) : null;
    if (!found) return next();
    const { limits, merchantId } = found;
    const tool = toolOfRoute(c.req.method, c.req.path);
    if (limits.allowed_tools && !tool) {
      throw forbidden('route_not_allowed', 'This API key may only use the agent operations it is allowed', {
        allowed_tools: limits.allowed_tools,
      });
    }
    if (tool) assertToolAllowed(limits, merchantId, tool);
    else assertMerchantAllowed(limits, merchantId);
    if (tool === 'place_order' && limits.max_order_value) {
      const body = await quoteIdOf(c.req.json());
      if (typeof body.quote_id !== 'string') {
        throw forbidden(
          'quote_required',
          'This API key has a maximum order value: place orders from a quote (`quote_id`)',
        );
      }
      const option = typeof body.shipping_option_id === 'string' ? body.shipping_option_id : undefined;
      await assertQuoteWithinLimit(rt, merchantId, limits, body.quote_id, option);
    }
    return next();
  };
}
