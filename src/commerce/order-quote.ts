/**
 * Placing an order from a quote (`POST /orders` with `quote_id`), the normal agent path: the order
 * gets the quote's lines that can be sold, at its locked prices, with its tax, its ship-to, the
 * shipping option chosen per shipment (the quote's selected one unless `shipping_option_id` names
 * another the shipment offers) and fulfilling locations, and the quote's held stock becomes the
 * order's.
 *
 *   validate → quote (404; expired → 409 `quote_expired`; ordered by another request → 409
 *   `quote_already_ordered`; nothing sellable → 422) → claim (one statement: of two orders racing
 *   for a quote exactly one wins; the same idempotency key may claim again) → place (SMB or routed,
 *   on these terms) → mark ordered (holds released). A permanent failure gives the claim back.
 *
 * Shipping tax for an option other than the selected one follows the shipment's effective shipping
 * tax rate in the quote (its shipping tax over its selected price; the lines' rate when that was
 * free) — the quote's tax for the selected option is exact, this one is proportional.
 *
 * @example
 * await placeOrder(rt, 'mer_a', { quote_id: 'quo_…', customer: { first_name: 'Ada', last_name: 'L' } }, key);
 */
import { ConcordError, isRetryableCategory, notFound } from '../core/errors.js';
import type { Money } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { QuoteStore } from '../store/quotes.js';
import { issuesOf, QuotedOrderInput } from './order-input.js';
import { orderReference, type OrderTerms, type PlacedOrder } from './order-platform.js';
import type { Quote, Shipment } from './quotes/schema.js';

type Place = (
  rt: Runtime,
  merchantId: string,
  input: unknown,
  key: string,
  terms: OrderTerms | null,
) => Promise<PlacedOrder>;

export function isQuoted(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'quote_id' in input;
}

function parse(input: unknown): QuotedOrderInput {
  const result = QuotedOrderInput.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConcordError('validation', 'invalid_request', `${issues[0]?.field}: ${issues[0]?.message}`, {
    issues,
  });
}

const money = (amount: number, currency: string): Money => ({ amount, currency });

/** The option each shipment ships by: `wanted` where offered, else the quote's selected one. */
function chosenOptions(quote: Quote, wanted: string | undefined) {
  if (wanted && !quote.shipments.some((s) => s.options.some((o) => o.id === wanted))) {
    throw new ConcordError(
      'validation',
      'unknown_shipping_option',
      `No shipment of the quote offers "${wanted}"`,
      {
        field: 'shipping_option_id',
        detail: { offered: [...new Set(quote.shipments.flatMap((s) => s.options.map((o) => o.id)))] },
      },
    );
  }
  return quote.shipments.map((s) => {
    const option =
      s.options.find((o) => o.id === wanted) ?? s.options.find((o) => o.id === s.selected_option_id);
    return { shipment: s, option: option ?? null };
  });
}

/** Shipping tax of `shipment` at `price` (see the module comment). */
export function shippingTax(quote: Quote, shipment: Shipment, price: number): number {
  const selected = shipment.options.find((o) => o.id === shipment.selected_option_id)?.price.amount ?? 0;
  if (selected > 0) return Math.round((shipment.shipping_tax.amount * price) / selected);
  const lines = shipment.lines.map((l) => quote.lines[l.line]!);
  const subtotal = lines.reduce((sum, l) => sum + l.subtotal.amount, 0);
  const tax = lines.reduce((sum, l) => sum + l.tax.amount, 0);
  return subtotal > 0 ? Math.round((tax * price) / subtotal) : 0;
}

function termsOf(quote: Quote, sellable: Quote['lines'], wanted: string | undefined): OrderTerms {
  const currency = quote.currency;
  const chosen = chosenOptions(quote, wanted);
  const shippingPrice = chosen.reduce((sum, c) => sum + (c.option?.price.amount ?? 0), 0);
  const taxes = new Map<string, { title: string; rate: number; amount: Money }>();
  for (const t of sellable.flatMap((l) => l.taxes)) {
    const key = `${t.code}|${t.rate}`;
    const known = taxes.get(key);
    taxes.set(key, {
      title: t.name,
      rate: Number(t.rate) / 100,
      amount: money((known?.amount.amount ?? 0) + t.tax.amount, currency),
    });
  }
  const shipTax = chosen.reduce(
    (sum, c) => sum + shippingTax(quote, c.shipment, c.option?.price.amount ?? 0),
    0,
  );
  if (shipTax > 0)
    taxes.set('shipping', { title: 'Shipping tax', rate: 0, amount: money(shipTax, currency) });
  const names = [...new Set(chosen.flatMap((c) => (c.option ? [c.option.name] : [])))];
  return {
    quote_id: quote.id,
    prices: new Map(sellable.map((l, i) => [i, l.unit_price])),
    locations: new Map(
      sellable.map((l, i) => [
        i,
        quote.shipments.find((s) => s.lines.some((x) => x.line === l.index))!.location_id,
      ]),
    ),
    shipping: names.length > 0 ? { title: names.join(' + '), price: money(shippingPrice, currency) } : null,
    taxes: [...taxes.values()].filter((t) => t.amount.amount > 0),
    taxes_included: quote.prices_include_tax,
  };
}

/** Places the order on the quote's terms (see the module comment). */
export async function placeQuotedOrder(
  rt: Runtime,
  merchantId: string,
  input: unknown,
  idempotencyKey: string,
  place: Place,
  now = new Date(),
): Promise<PlacedOrder> {
  const valid = parse(input);
  const store = new QuoteStore(rt.db);
  const stored = await store.get<Quote>(merchantId, valid.quote_id, now);
  if (!stored) throw notFound('quote', valid.quote_id);
  const quote = stored.body;
  const ref = orderReference(merchantId, idempotencyKey);
  if (stored.order_ref !== null && stored.order_ref !== ref) {
    throw new ConcordError('conflict', 'quote_already_ordered', 'This quote was already used for an order', {
      field: 'quote_id',
      detail: { order_id: stored.order_id },
    });
  }
  if (stored.status === 'expired' && stored.order_ref === null) {
    throw new ConcordError(
      'conflict',
      'quote_expired',
      `The quote expired at ${stored.expires_at}: its prices, tax and held stock are released; create a new quote`,
      { field: 'quote_id', detail: { expires_at: stored.expires_at } },
    );
  }
  const sellable = quote.lines.filter((l) => l.status === 'ok');
  if (sellable.length === 0) {
    throw new ConcordError(
      'validation',
      'quote_not_orderable',
      'No line of this quote can be sold and shipped',
      {
        field: 'quote_id',
        issues: quote.lines.flatMap((l) =>
          l.reasons.map((r) => ({ field: `lines[${l.index}]`, message: r.message })),
        ),
      },
    );
  }
  const terms = termsOf(quote, sellable, valid.shipping_option_id);
  if (!(await store.claim(merchantId, quote.id, ref, now))) {
    const again = await store.get<Quote>(merchantId, quote.id, now);
    throw again?.order_ref && again.order_ref !== ref
      ? new ConcordError('conflict', 'quote_already_ordered', 'This quote was already used for an order', {
          field: 'quote_id',
        })
      : new ConcordError(
          'conflict',
          'quote_expired',
          `The quote expired at ${stored.expires_at}; create a new quote`,
          {
            field: 'quote_id',
            detail: { expires_at: stored.expires_at },
          },
        );
  }
  const orderInput = {
    lines: sellable.map((l) => ({ variant_id: l.variant_id, quantity: l.quantity })),
    customer: { email: quote.customer.email, ...valid.customer },
    shipping_address: quote.ship_to,
    ...(valid.billing_address ? { billing_address: valid.billing_address } : {}),
    ...(valid.note !== undefined ? { note: valid.note } : {}),
  };
  let placed: PlacedOrder;
  try {
    placed = await place(rt, merchantId, orderInput, idempotencyKey, terms);
  } catch (error) {
    const retryable = error instanceof ConcordError ? isRetryableCategory(error.category) : true;
    if (!retryable) await store.unclaim(merchantId, quote.id, ref);
    throw error;
  }
  await store.markOrdered(merchantId, quote.id, placed.order.id, now);
  return placed;
}
