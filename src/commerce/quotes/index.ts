/**
 * Quotes: `createQuote` answers do we have it, can we ship it to this person and is it compliant in
 * one call (see `schema.ts` for the shape and `build.ts` for how), locks price and tax and holds the
 * stock until the quote expires. The quote id is derived from (merchant, idempotency key): the same
 * key returns the same quote, on any surface and any node.
 *
 * @example
 * const quote = await createQuote(rt, 'mer_a', { lines: [{ sku: 'TEE-M', quantity: 2 }], ship_to, customer: { email } }, key);
 * const again = await getQuote(rt, 'mer_a', quote.id); // status 'open' | 'expired' | 'ordered'
 */
import { createHash } from 'node:crypto';
import { ConcordError, notFound } from '../../core/errors.js';
import type { Runtime } from '../../runtime.js';
import { QuoteStore } from '../../store/quotes.js';
import { issuesOf } from '../order-input.js';
import { buildQuote } from './build.js';
import { Quote, QuoteRequest } from './schema.js';
import { commerceSettings } from './settings.js';
import { quoteSources } from './sources.js';

export { Quote, QuoteRequest } from './schema.js';
export { commerceSettings, setCommerceSettings, type CommerceSettings } from './settings.js';

/** The quote id for (merchant, idempotency key). */
export function quoteId(merchantId: string, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`quote\u0000${merchantId}\u0000${idempotencyKey}`).digest('hex');
  return `quo_${digest.slice(0, 24)}`;
}

function parseRequest(input: unknown): QuoteRequest {
  const result = QuoteRequest.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConcordError('validation', 'invalid_request', `${issues[0]?.field}: ${issues[0]?.message}`, {
    issues,
  });
}

/** A stored quote as reads show it (status and order id from the store). */
export async function getQuote(
  rt: Runtime,
  merchantId: string,
  id: string,
  now = new Date(),
): Promise<Quote> {
  const stored = await new QuoteStore(rt.db).get<Quote>(merchantId, id, now);
  if (!stored) throw notFound('quote', id);
  return { ...stored.body, status: stored.status, order_id: stored.order_id };
}

/** Builds, stores and holds a quote (see the module comment). */
export async function createQuote(
  rt: Runtime,
  merchantId: string,
  input: unknown,
  idempotencyKey: string,
  now = new Date(),
): Promise<Quote> {
  const request = parseRequest(input);
  const id = quoteId(merchantId, idempotencyKey);
  const store = new QuoteStore(rt.db);
  if (await store.get(merchantId, id, now)) return getQuote(rt, merchantId, id, now);
  const sources = await quoteSources(rt, merchantId, request.lines);
  const held = await store.heldByOthers(merchantId, [...new Set(sources.lines.map((l) => l.stock_id))], now);
  const { quote, holds } = await buildQuote({
    id,
    now,
    request,
    sources,
    held,
    settings: commerceSettings(rt, merchantId),
  });
  try {
    await store.create(merchantId, { id, expires_at: quote.expires_at, body: quote }, holds, now);
  } catch (error) {
    // The same key racing itself: the other request stored this quote first.
    if (await store.get(merchantId, id, now)) return getQuote(rt, merchantId, id, now);
    throw error;
  }
  rt.logger.info(
    { merchantId, quoteId: id, verdict: quote.verdict, shipments: quote.shipments.length },
    'quote created',
  );
  return quote;
}
