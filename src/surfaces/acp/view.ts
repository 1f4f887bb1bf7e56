/**
 * Renders a priced session as the ACP `CheckoutSession`: line items with their totals, one shipping
 * fulfillment option per service every shipment offers, the selected option (the agent's choice
 * when offered, else the quote's default), cart totals in minor units (items, subtotal, fulfillment,
 * tax, total — tax shown as included when prices include it), messages, and the status they imply:
 * `ready_for_payment` when the quote has a sellable cart, an option and no error message, else
 * `not_ready_for_payment`. Currency codes are lower case, as the spec recommends.
 *
 * @example
 * const { view } = renderSession({ id, inputs, priced, capabilities, links, times });
 * view.status; // 'ready_for_payment'
 */
import { discountNotApplied, optionReplaced } from './messages.js';
import type { Priced, PricedOption } from './pricing.js';
import type { SessionInputs } from './store.js';
import {
  ACP_VERSION,
  type AcpCapabilities,
  type AcpCheckoutSession,
  type AcpLineItem,
  type AcpLink,
  type AcpMessage,
  type AcpShippingOption,
  type AcpTotal,
  type SessionStatus,
} from './types.js';

export interface RenderInput {
  id: string;
  inputs: SessionInputs;
  priced: Priced;
  capabilities: AcpCapabilities;
  links: AcpLink[];
  /** Messages kept from earlier steps (e.g. a declined payment). */
  extra?: AcpMessage[];
  created_at: string;
  updated_at: string;
  expires_at: string;
}

const total = (
  type: AcpTotal['type'],
  display_text: string,
  amount: number,
  description?: string,
): AcpTotal => ({
  type,
  display_text,
  amount,
  ...(description ? { description } : {}),
});

function lineItem(priced: Priced, index: number): AcpLineItem {
  const line = priced.lines[index]!;
  const lineTotal = priced.prices_include_tax ? line.subtotal : line.subtotal + line.tax;
  return {
    id: line.item_id,
    item: { id: line.item_id },
    quantity: line.quantity,
    name: line.name,
    unit_amount: line.unit_amount,
    product_id: line.product_id,
    variant_id: line.variant_id,
    ...(line.sku ? { sku: line.sku } : {}),
    ...(line.available !== null
      ? {
          availability_status:
            line.status === 'unavailable' || line.available === 0 ? 'out_of_stock' : 'in_stock',
          available_quantity: Math.max(0, line.available),
        }
      : {}),
    totals: [
      total('items_base_amount', 'Base amount', line.subtotal),
      total('subtotal', 'Subtotal', line.subtotal),
      total('tax', 'Tax', line.tax, priced.prices_include_tax ? 'Included in the price' : undefined),
      total('total', 'Total', lineTotal),
    ],
  };
}

function shippingOption(option: PricedOption): AcpShippingOption {
  return {
    type: 'shipping',
    id: option.id,
    title: option.title,
    carrier: option.carrier,
    ...(option.earliest ? { earliest_delivery_time: `${option.earliest}T00:00:00Z` } : {}),
    ...(option.latest ? { latest_delivery_time: `${option.latest}T23:59:59Z` } : {}),
    ...(option.earliest && option.latest
      ? { description: `Arrives ${option.earliest} to ${option.latest}` }
      : {}),
    totals: [total('total', option.title, option.amount)],
  };
}

function cartTotals(priced: Priced, option: PricedOption | undefined): AcpTotal[] {
  const sellable = priced.lines.filter((l) => l.status === 'ok');
  const items = sellable.reduce((sum, l) => sum + l.subtotal, 0);
  const tax = sellable.reduce((sum, l) => sum + l.tax, 0) + (option?.tax ?? 0);
  const shipping = option?.amount ?? 0;
  const out = [total('items_base_amount', 'Item(s) total', items), total('subtotal', 'Subtotal', items)];
  if (priced.quote) {
    out.push(total('fulfillment', 'Shipping', shipping));
    out.push(total('tax', 'Tax', tax, priced.prices_include_tax ? 'Included in the prices' : undefined));
  }
  out.push(total('total', 'Total', priced.prices_include_tax ? items + shipping : items + shipping + tax));
  return out;
}

/** The option the session ships by, and a message when the agent's choice was not offered. */
export function chooseOption(priced: Priced, wanted: string | undefined) {
  const option = priced.options.find((o) => o.id === (wanted ?? priced.default_option_id));
  if (option || wanted === undefined) return { option, messages: [] };
  const fallback = priced.options.find((o) => o.id === priced.default_option_id);
  return { option: fallback, messages: [optionReplaced(wanted, fallback?.id ?? null)] };
}

/** The session's status from its messages and pricing (terminal statuses are set elsewhere). */
function statusOf(priced: Priced, option: PricedOption | undefined, messages: AcpMessage[]): SessionStatus {
  const blocked = messages.some((m) => m.type === 'error' && m.code !== 'payment_declined');
  const sellable = priced.lines.some((l) => l.status === 'ok');
  return !blocked && priced.quote && option && sellable ? 'ready_for_payment' : 'not_ready_for_payment';
}

/** The session as ACP shows it, and the option it ships by. */
export function renderSession(input: RenderInput): {
  view: AcpCheckoutSession;
  option: PricedOption | undefined;
} {
  const { priced, inputs } = input;
  const { option, messages: optionMessages } = chooseOption(priced, inputs.selected_option_id);
  const messages = [
    ...priced.messages,
    ...optionMessages,
    ...(inputs.discount_codes ?? []).map(discountNotApplied),
    ...(input.extra ?? []),
  ];
  const view: AcpCheckoutSession = {
    id: input.id,
    protocol: { version: ACP_VERSION },
    capabilities: input.capabilities,
    ...(inputs.buyer ? { buyer: inputs.buyer } : {}),
    status: statusOf(priced, option, messages),
    currency: priced.currency.toLowerCase(),
    ...(inputs.locale ? { locale: inputs.locale } : {}),
    ...(inputs.timezone ? { timezone: inputs.timezone } : {}),
    line_items: priced.lines.map((_, i) => lineItem(priced, i)),
    ...(inputs.fulfillment_details ? { fulfillment_details: inputs.fulfillment_details } : {}),
    fulfillment_options: priced.options.map(shippingOption),
    selected_fulfillment_options: option
      ? [
          {
            type: 'shipping',
            option_id: option.id,
            item_ids: priced.lines.filter((l) => l.status === 'ok').map((l) => l.item_id),
          },
        ]
      : [],
    totals: cartTotals(priced, option),
    messages,
    links: input.links,
    created_at: input.created_at,
    updated_at: input.updated_at,
    expires_at: input.expires_at,
    ...(inputs.metadata ? { metadata: inputs.metadata } : {}),
    ...(priced.quote ? { quote_id: priced.quote.id, quote_expires_at: priced.quote.expires_at } : {}),
  };
  return { view, option };
}
