/**
 * Turning a UCP checkout write into what prices it: the session state (line ids kept across
 * updates, the destination the platform selected, the shipping option it chose) and then either a
 * Concord quote (`createQuote`: stock held, price and tax locked) or, while the buyer's email or a
 * complete shipping address is missing, a provisional pricing from the same sources a quote reads,
 * with the missing inputs as messages.
 *
 * Everything that can reject the request is checked before anything is written: unknown items
 * (`quoteSources`) and an invalid address (`validateAddress`, the check quotes use). Only then is the
 * session's previous quote released and the new one created.
 *
 * @example
 * const state = stateOf(body, previous?.state ?? null, currentQuote);
 * const priced = await price(rt, merchantId, state, { quoteKey, now, supersedes, preferredSpeed });
 */
import { randomBytes } from 'node:crypto';
import { validateAddress } from '../../commerce/compliance/index.js';
import { createQuote, type Quote } from '../../commerce/quotes/index.js';
import { quoteSources } from '../../commerce/quotes/sources.js';
import type { Speed } from '../../commerce/quotes/schema.js';
import { ConcordError } from '../../core/errors.js';
import type { Address } from '../../model/index.js';
import type { Runtime } from '../../runtime.js';
import type { z } from 'zod';
import type { Provisional } from './checkout-view.js';
import { DESTINATION_ID } from './checkout-view.js';
import { error, jsonPath, type Message } from './errors.js';
import type { CheckoutWrite, ShippingDestination } from './schemas.js';
import { releaseHolds, type SessionState } from './sessions.js';

const newLineId = () => `li_${randomBytes(8).toString('hex')}`;

/** The destination the platform selected (or its only one); pickup is not offered. */
function destinationOf(body: CheckoutWrite): ShippingDestination | null {
  const methods = body.fulfillment?.methods ?? [];
  if (methods.some((m) => m.type === 'pickup')) {
    throw new ConcordError('validation', 'invalid_request', 'Only shipping is offered; pickup is not', {
      field: 'fulfillment.methods',
    });
  }
  const method = methods[0];
  const destinations = method?.destinations ?? [];
  const chosen =
    destinations.find((d) => d.id !== undefined && d.id === method?.selected_destination_id) ??
    destinations[0];
  return chosen ? { ...chosen, id: chosen.id ?? DESTINATION_ID } : null;
}

const selectedOptionOf = (body: CheckoutWrite): string | null =>
  body.fulfillment?.methods?.[0]?.groups?.find((g) => g.selected_option_id)?.selected_option_id ?? null;

/**
 * The session state a create or update asks for. PUT replaces: what the platform omits is gone,
 * except line ids, which are kept for lines it names by id (new lines get new ids).
 */
export function stateOf(body: CheckoutWrite, previous: SessionState | null): SessionState {
  const known = new Set(previous?.line_items.map((l) => l.id));
  const line_items = body.line_items.map((l) => ({
    id: l.id !== undefined && known.has(l.id) ? l.id : newLineId(),
    item_id: l.item.id,
    quantity: l.quantity,
  }));
  return {
    line_items,
    buyer: body.buyer ?? null,
    destination: destinationOf(body),
    selected_option_id: selectedOptionOf(body),
    payment: null,
  };
}

/** A UCP postal address as a Concord address (fields the platform left out stay out). */
export function addressOf(d: ShippingDestination): Partial<Address> & { country: string } {
  const name = [d.first_name, d.last_name].filter(Boolean).join(' ');
  const entries = {
    name: name || undefined,
    line1: d.street_address,
    line2: d.extended_address,
    city: d.address_locality,
    region: d.address_region,
    postal_code: d.postal_code,
    country: d.address_country ?? '',
    phone: d.phone_number,
  };
  return Object.fromEntries(
    Object.entries(entries).filter(([, v]) => v !== undefined),
  ) as Partial<Address> & {
    country: string;
  };
}

const quoteLine = (l: SessionState['line_items'][number]) =>
  l.item_id.startsWith('var_')
    ? { variant_id: l.item_id, quantity: l.quantity }
    : { sku: l.item_id, quantity: l.quantity };

/** Address problems: invalid ones throw `invalid_address`; missing parts are messages. */
function addressMessages(destination: ShippingDestination | null): Message[] {
  if (!destination) {
    return [
      error(
        'shipping_address_required',
        'Add a shipping destination (fulfillment.methods[0].destinations) to get shipping options, tax and a total.',
        'recoverable',
        '$.fulfillment.methods[0].destinations',
      ),
    ];
  }
  const problems = validateAddress(addressOf(destination)).filter((p) => p.code !== 'po_box_not_deliverable');
  const invalid = problems.filter((p) => p.code !== 'missing_field');
  if (invalid.length > 0) {
    throw new ConcordError('validation', 'invalid_address', invalid[0]!.message, {
      issues: invalid.map((p) => ({ field: p.field, message: p.message })),
    });
  }
  return problems.map((p) => error('address_incomplete', p.message, 'recoverable', jsonPath(p.field)));
}

export interface Priced {
  quote: Quote | null;
  provisional: Provisional | null;
  messages: Message[];
}

export interface PriceOptions {
  /** Idempotency key of the quote (derived from the request's key). */
  quoteKey: string;
  now: Date;
  /** The session's current quote, released before the new one holds stock. */
  supersedes: string | null;
  preferredSpeed?: z.infer<typeof Speed>;
}

/** Prices the state (see the module comment); throws before writing when the input is wrong. */
export async function price(
  rt: Runtime,
  merchantId: string,
  state: SessionState,
  options: PriceOptions,
): Promise<Priced> {
  const lines = state.line_items.map(quoteLine);
  const sources = await quoteSources(rt, merchantId, lines);
  const messages = addressMessages(state.destination);
  const email = state.buyer?.email;
  if (!email) {
    messages.push(
      error('buyer_email_required', "Add the buyer's email (buyer.email).", 'recoverable', '$.buyer.email'),
    );
  }
  if (messages.length > 0 || !state.destination || !email) {
    return { quote: null, provisional: { currency: sources.currency, lines: sources.lines }, messages };
  }
  const ship_to = addressOf(state.destination);
  const first_name = state.buyer?.first_name ?? state.destination.first_name;
  const last_name = state.buyer?.last_name ?? state.destination.last_name;
  if (options.supersedes) await releaseHolds(rt.db, merchantId, options.supersedes, options.now);
  const request = {
    lines,
    ship_to,
    customer: { email, ...(first_name ? { first_name } : {}), ...(last_name ? { last_name } : {}) },
    ...(options.preferredSpeed ? { preferred_speed: options.preferredSpeed } : {}),
  };
  try {
    const quote = await createQuote(rt, merchantId, request, options.quoteKey, options.now);
    return { quote, provisional: null, messages: [] };
  } catch (err) {
    throw asAddressError(err);
  }
}

/** A quote request rejected only for its ship-to fields is an invalid address, not a malformed request. */
function asAddressError(err: unknown): unknown {
  if (!(err instanceof ConcordError) || err.code !== 'invalid_request') return err;
  if (err.issues.length === 0 || !err.issues.every((i) => i.field.startsWith('ship_to'))) return err;
  return new ConcordError('validation', 'invalid_address', err.issues[0]!.message, {
    issues: err.issues,
    cause: err,
  });
}

/** The speed of option `id` in `quote`, to ask the next quote to select it. */
export function speedOf(quote: Quote | null, id: string | null): z.infer<typeof Speed> | undefined {
  if (!quote || !id) return undefined;
  return quote.shipments.flatMap((s) => s.options).find((o) => o.id === id)?.speed;
}
