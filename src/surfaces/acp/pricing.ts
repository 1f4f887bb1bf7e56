/**
 * Prices a checkout session. With a ship-to address and an email the session is backed by a
 * Concord quote (`createQuote`: stock held, price and tax locked until it expires, one quote per
 * session revision, keyed `acp:<session>:<revision>` so a retried update finds the same quote);
 * its lines, its shipments' shipping options and its reasons become the session's line items,
 * fulfillment options and messages. Without them (or when the quote refuses the address) the lines
 * are priced from the catalog as the quote would price them (`quoteSources`: the price owner's
 * price) with no tax or shipping yet, and a message says what is missing.
 *
 * An ACP fulfillment option is one shipping service every shipment offers (`placeOrder` takes one
 * `shipping_option_id` for all shipments); its price is the sum over shipments and its tax follows
 * each shipment's effective shipping tax rate, exactly as `src/commerce/order-quote.ts` charges it
 * (`shippingTax` there: the quote's shipping tax over its selected price, or the lines' rate when
 * that was free), so the session total is the order's total.
 *
 * An item id is a Concord variant id (`var_…`, what the ACP feed exports) or else a SKU.
 *
 * @example
 * const priced = await priceSession(rt, 'mer_a', session, new Date());
 * priced.options[0]; // { id: 'usps_ground_advantage', amount: 0, tax: 0, … }
 */
import { ConcordError } from '../../core/errors.js';
import { createQuote, getQuote, type Quote } from '../../commerce/quotes/index.js';
import { shippingTax } from '../../commerce/order-quote.js';
import { quoteSources } from '../../commerce/quotes/sources.js';
import type { Address } from '../../model/index.js';
import type { Runtime } from '../../runtime.js';
import { canonicalJson } from '../../store/idempotency.js';
import { addressMessages, missingAddress, missingEmail, noCommonOption, quoteMessages } from './messages.js';
import type { AcpAddress } from './schemas.js';
import type { SessionInputs } from './store.js';
import type { AcpMessage } from './types.js';

export interface PricedLine {
  item_id: string;
  quantity: number;
  name: string;
  unit_amount: number;
  sku: string | null;
  product_id: string;
  variant_id: string;
  subtotal: number;
  tax: number;
  /** Units that can be promised (available minus other quotes' holds); null when unknown. */
  available: number | null;
  status: 'ok' | 'unavailable' | 'refused';
}

export interface PricedOption {
  id: string;
  title: string;
  carrier: string;
  earliest: string | null;
  latest: string | null;
  amount: number;
  tax: number;
}

export interface Priced {
  currency: string;
  prices_include_tax: boolean;
  lines: PricedLine[];
  options: PricedOption[];
  default_option_id: string | null;
  quote: Quote | null;
  /** What the quote was asked (canonical JSON), to reuse it while nothing it depends on changed. */
  basis: string | null;
  messages: AcpMessage[];
}

const VARIANT_ID = /^var_[0-9a-z]{20}$/;

/** The quote/order line for an ACP item id (see the module comment). */
export function lineOf(item: { id: string; quantity: number }) {
  return VARIANT_ID.test(item.id)
    ? { variant_id: item.id, quantity: item.quantity }
    : { sku: item.id, quantity: item.quantity };
}

/**
 * A phone number in E.164 (`+15551234567`), or undefined when it cannot be one. ACP sends free-form
 * numbers (its examples: `15551234567`); platforms such as Shopify refuse anything but E.164.
 */
export function e164(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const compact = phone.replace(/[\s().-]/g, '');
  const candidate = compact.startsWith('+') ? compact : `+${compact}`;
  return /^\+[1-9]\d{7,14}$/.test(candidate) ? candidate : undefined;
}

/** An ACP address as Concord's ship-to (country upper-cased, an empty second line dropped). */
export function toConcordAddress(address: AcpAddress, contactPhone?: string): Address {
  const phone = e164(contactPhone);
  return {
    name: address.name,
    line1: address.line_one,
    ...(address.line_two ? { line2: address.line_two } : {}),
    ...(address.company ? { company: address.company } : {}),
    city: address.city,
    region: address.state,
    postal_code: address.postal_code,
    country: address.country.trim().toUpperCase(),
    ...(phone ? { phone } : {}),
  };
}

/** The session's email: the buyer's, else the fulfillment contact's. */
export const emailOf = (inputs: SessionInputs) => inputs.buyer?.email ?? inputs.fulfillment_details?.email;

const later = (a: string | null, b: string) => (a === null || b > a ? b : a);

function optionsOf(quote: Quote): { options: PricedOption[]; default_id: string | null } {
  const shipments = quote.shipments.filter((s) => s.options.length > 0);
  if (shipments.length === 0) return { options: [], default_id: null };
  const common = shipments[0]!.options.filter((o) =>
    shipments.every((s) => s.options.some((x) => x.id === o.id)),
  );
  const options = common.map((first) => {
    let amount = 0;
    let tax = 0;
    let earliest: string | null = null;
    let latest: string | null = null;
    for (const s of shipments) {
      const o = s.options.find((x) => x.id === first.id)!;
      amount += o.price.amount;
      tax += shippingTax(quote, s, o.price.amount);
      earliest = later(earliest, o.estimated_delivery.earliest);
      latest = later(latest, o.estimated_delivery.latest);
    }
    return { id: first.id, title: first.name, carrier: first.carrier, earliest, latest, amount, tax };
  });
  const selected = new Set(shipments.map((s) => s.selected_option_id));
  const agreed = selected.size === 1 ? [...selected][0] : undefined;
  const fallback = [...options].sort((a, b) => a.amount - b.amount || (a.id < b.id ? -1 : 1))[0];
  const default_id = options.find((o) => o.id === agreed)?.id ?? fallback?.id ?? null;
  return { options, default_id };
}

function fromQuote(quote: Quote, items: SessionInputs['items']): Priced {
  const lines: PricedLine[] = quote.lines.map((l) => ({
    item_id: items[l.index]!.id,
    quantity: l.quantity,
    name: l.title,
    unit_amount: l.unit_price.amount,
    sku: l.sku,
    product_id: l.product_id,
    variant_id: l.variant_id,
    subtotal: l.subtotal.amount,
    tax: l.status === 'ok' ? l.tax.amount : 0,
    available: l.availability.reduce((sum, a) => sum + a.available_to_promise, 0),
    status: l.status,
  }));
  const { options, default_id } = optionsOf(quote);
  const messages = quoteMessages(quote);
  if (options.length === 0 && quote.shipments.some((s) => s.options.length > 0))
    messages.push(noCommonOption());
  return {
    currency: quote.currency,
    prices_include_tax: quote.prices_include_tax,
    lines,
    options,
    default_option_id: default_id,
    quote,
    basis: null,
    messages,
  };
}

async function fromCatalog(
  rt: Runtime,
  merchantId: string,
  inputs: SessionInputs,
  messages: AcpMessage[],
): Promise<Priced> {
  const sources = await quoteSources(rt, merchantId, inputs.items.map(lineOf));
  const lines: PricedLine[] = sources.lines.map((l) => ({
    item_id: inputs.items[l.index]!.id,
    quantity: l.quantity,
    name: l.product ? `${l.product.title} - ${l.variant.title}` : l.variant.title,
    unit_amount: l.unit_price.amount,
    sku: l.variant.sku,
    product_id: l.variant.product_id,
    variant_id: l.variant.id,
    subtotal: l.unit_price.amount * l.quantity,
    tax: 0,
    available: sources.levels
      .filter((v) => (v.variant_id ?? v.item_id) === l.stock_id)
      .reduce((sum, v) => sum + Math.max(0, v.available), 0),
    status: 'ok',
  }));
  return {
    currency: sources.currency,
    prices_include_tax: false,
    lines,
    options: [],
    default_option_id: null,
    quote: null,
    basis: null,
    messages,
  };
}

/** True when every issue of a quote validation error is about the ship-to address. */
function isAddressError(error: unknown): error is ConcordError {
  return (
    error instanceof ConcordError &&
    error.category === 'validation' &&
    error.issues.length > 0 &&
    error.issues.every((i) => i.field.startsWith('ship_to'))
  );
}

/**
 * Prices the session (see the module comment); unknown items throw (the caller maps them). The
 * `previous` quote is reused when it is still open and was asked exactly the same (e.g. only the
 * selected fulfillment option changed).
 */
export async function priceSession(
  rt: Runtime,
  merchantId: string,
  session: { id: string; revision: number; inputs: SessionInputs },
  now: Date,
  previous: { quote_id: string | null; basis: string | null } = { quote_id: null, basis: null },
): Promise<Priced> {
  const { inputs } = session;
  const address = inputs.fulfillment_details?.address;
  const email = emailOf(inputs);
  if (!address || !email) {
    const missing = [...(address ? [] : [missingAddress()]), ...(email ? [] : [missingEmail()])];
    return fromCatalog(rt, merchantId, inputs, missing);
  }
  const request = {
    lines: inputs.items.map(lineOf),
    ship_to: toConcordAddress(address, inputs.fulfillment_details?.phone_number),
    customer: { email, ...splitName(inputs) },
  };
  const basis = canonicalJson(request);
  if (previous.quote_id && previous.basis === basis) {
    const quote = await getQuote(rt, merchantId, previous.quote_id, now);
    if (quote.status === 'open') return { ...fromQuote(quote, inputs.items), basis };
  }
  try {
    const quote = await createQuote(rt, merchantId, request, `acp:${session.id}:${session.revision}`, now);
    return { ...fromQuote(quote, inputs.items), basis };
  } catch (error) {
    if (!isAddressError(error)) throw error;
    return fromCatalog(rt, merchantId, inputs, addressMessages(error.issues));
  }
}

/** The buyer's first and last name: given, else split from the full or fulfillment name. */
export function splitName(inputs: SessionInputs): { first_name?: string; last_name?: string } {
  const buyer = inputs.buyer;
  if (buyer?.first_name || buyer?.last_name) {
    return {
      ...(buyer.first_name ? { first_name: buyer.first_name } : {}),
      ...(buyer.last_name ? { last_name: buyer.last_name } : {}),
    };
  }
  const full = (buyer?.full_name ?? inputs.fulfillment_details?.name ?? '').trim();
  if (!full) return {};
  const at = full.indexOf(' ');
  return at < 0
    ? { first_name: full }
    : { first_name: full.slice(0, at), last_name: full.slice(at + 1).trim() };
}
