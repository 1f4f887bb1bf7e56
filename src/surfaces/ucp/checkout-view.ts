/**
 * A checkout session as UCP shows it (`checkout.json` + the fulfillment extension), built from the
 * Concord quote that prices it: line items with their totals in minor units, one shipping method
 * with the destination and a group per shipment (its options and the selected one), the totals
 * (subtotal, shipping, tax, total), and messages mapped from the quote's reasons — a line that
 * cannot be sold is an error on `$.line_items[i]`, a restricted one a warning, a quote-level problem
 * an error on the fulfillment. Before there is a quote (no buyer email or no shipping address yet),
 * the lines are priced from the same sources a quote uses and the missing inputs are errors.
 *
 * Status: `ready_for_complete` when every line can be sold and shipped and nothing is missing,
 * otherwise `incomplete`; terminal statuses come from the session.
 *
 * @example
 * const checkout = renderCheckout({ id, state, quote, links: [], now });
 */
import type { SourcedLine } from '../../commerce/quotes/sources.js';
import type { Quote } from '../../commerce/quotes/schema.js';
import type { Money } from '../../model/index.js';
import { error, jsonPath, ucpCode, type Message } from './errors.js';
import type { SessionState, SessionStatus } from './sessions.js';

export interface Link {
  type: string;
  url: string;
  title?: string;
}

export interface OrderRef {
  id: string;
  label: string;
  permalink_url: string;
}

/** Lines priced without a quote (see the module comment). */
export interface Provisional {
  currency: string;
  lines: Pick<SourcedLine, 'variant' | 'product' | 'unit_price'>[];
}

export interface RenderInput {
  id: string;
  state: SessionState;
  status: SessionStatus;
  expires_at: string;
  quote: Quote | null;
  provisional: Provisional | null;
  links: Link[];
  order: OrderRef | null;
  /** Messages from outside the quote (missing inputs, payment). */
  messages: Message[];
}

export const DESTINATION_ID = 'dest_1';
export const METHOD_ID = 'shipping_1';

const total = (type: string, amount: number, display_text?: string) => ({
  type,
  amount,
  ...(display_text ? { display_text } : {}),
});

const dateTime = (date: string, endOfDay: boolean) => `${date}T${endOfDay ? '23:59:59' : '00:00:00'}Z`;

function lineItems(input: RenderInput) {
  const { quote, provisional, state } = input;
  return state.line_items.map((line, i) => {
    const q = quote?.lines[i];
    const p = provisional?.lines[i];
    const title =
      q?.title ?? (p ? (p.product ? `${p.product.title} - ${p.variant.title}` : p.variant.title) : '');
    const unit: Money | undefined = q?.unit_price ?? p?.unit_price;
    const subtotal = q?.subtotal.amount ?? (unit ? unit.amount * line.quantity : 0);
    const tax = q?.tax.amount ?? 0;
    const lineTotal = quote?.prices_include_tax ? subtotal : subtotal + tax;
    return {
      id: line.id,
      item: { id: line.item_id, title, price: unit?.amount ?? 0 },
      quantity: line.quantity,
      totals: [total('subtotal', subtotal), ...(q ? [total('tax', tax)] : []), total('total', lineTotal)],
    };
  });
}

function groups(input: RenderInput) {
  const ids = input.state.line_items.map((l) => l.id);
  return (input.quote?.shipments ?? []).map((s) => ({
    id: `grp_${s.location_id}`,
    line_item_ids: s.lines.map((l) => ids[l.line]!),
    options: s.options.map((o) => ({
      id: o.id,
      title: o.name,
      description: `${o.carrier} ${o.service}: arrives ${o.estimated_delivery.earliest} to ${o.estimated_delivery.latest}`,
      carrier: o.carrier,
      earliest_fulfillment_time: dateTime(o.estimated_delivery.earliest, false),
      latest_fulfillment_time: dateTime(o.estimated_delivery.latest, true),
      totals: [total('total', o.price.amount, o.name)],
    })),
    selected_option_id: s.selected_option_id,
  }));
}

function fulfillment(input: RenderInput) {
  const destination = input.state.destination;
  return {
    methods: [
      {
        id: METHOD_ID,
        type: 'shipping',
        line_item_ids: input.state.line_items.map((l) => l.id),
        destinations: destination ? [{ ...destination, id: destination.id ?? DESTINATION_ID }] : [],
        selected_destination_id: destination ? (destination.id ?? DESTINATION_ID) : null,
        groups: groups(input),
      },
    ],
  };
}

function totals(input: RenderInput) {
  const { quote } = input;
  if (quote) {
    const t = quote.totals;
    return [
      total('subtotal', t.subtotal.amount),
      total('fulfillment', t.shipping.amount, 'Shipping'),
      total('tax', t.tax.amount, quote.prices_include_tax ? 'Tax (included)' : 'Tax'),
      total('total', t.total.amount),
    ];
  }
  const subtotal = lineItems(input).reduce((sum, l) => sum + (l.totals[0]?.amount ?? 0), 0);
  return [total('subtotal', subtotal), total('total', subtotal)];
}

/** The quote's reasons as UCP messages (see the module comment). */
export function quoteMessages(quote: Quote, requestedOption: string | null): Message[] {
  const out: Message[] = quote.reasons.map((r) =>
    error(ucpCode(r.code), r.message, 'recoverable', jsonPath(r.field) ?? '$.fulfillment'),
  );
  for (const line of quote.lines) {
    const path = `$.line_items[${line.index}]`;
    if (line.status !== 'ok') {
      out.push(...line.reasons.map((r) => error(ucpCode(r.code), r.message, 'recoverable', path)));
    } else if (line.compliance.verdict === 'restricted') {
      out.push(
        ...line.compliance.reasons.map((r) => ({
          type: 'warning' as const,
          code: r.code,
          content: r.message,
          path,
        })),
      );
    }
  }
  quote.shipments.forEach((s, i) => {
    const path = `$.fulfillment.methods[0].groups[${i}]`;
    if (s.selected_option_id === null) {
      const why = s.reasons.map((r) => r.message).join(' ') || 'No shipping option serves this destination.';
      out.push(error('no_shipping_option', why, 'recoverable', path));
    } else if (requestedOption && s.selected_option_id !== requestedOption) {
      out.push({
        type: 'warning',
        code: 'fulfillment_changed',
        content: `Option "${requestedOption}" is not offered for this shipment; "${s.selected_option_id}" is selected.`,
        path,
      });
    }
  });
  return out;
}

/** The checkout object (without `ucp`) for a session in its current state. */
export function renderCheckout(input: RenderInput): Record<string, unknown> {
  const messages = [
    ...input.messages,
    ...(input.quote ? quoteMessages(input.quote, input.state.selected_option_id) : []),
  ];
  const blocked = messages.some((m) => m.type === 'error') || !input.quote;
  const status =
    input.status === 'completed'
      ? 'completed'
      : input.status === 'canceled'
        ? 'canceled'
        : blocked
          ? 'incomplete'
          : 'ready_for_complete';
  const { buyer } = input.state;
  return {
    id: input.id,
    line_items: lineItems(input),
    ...(buyer ? { buyer } : {}),
    status,
    currency: input.quote?.currency ?? input.provisional?.currency ?? 'USD',
    totals: totals(input),
    messages: input.status === 'open' ? messages : [],
    links: input.links,
    expires_at: input.expires_at,
    fulfillment: fulfillment(input),
    ...(input.order ? { order: input.order } : {}),
  };
}
