/**
 * The checkout session workflows behind the ACP routes: create (items and optional buyer and
 * fulfillment details → a priced session, quote-backed once an address and email are known),
 * update (items, buyer, address, selected fulfillment option → re-priced; the quote is reused when
 * only the option changed, else a new one replaces it and the old one's holds are released),
 * retrieve, and cancel (holds released, 405 once completed or canceled).
 *
 * Unknown items are an ACP 400 (`invalid_item_id`, the spec's own example `error_400_invalid_item`)
 * naming the request entry; everything the buyer can fix (address, stock, destination rules) is a
 * session message instead, so nothing but the session itself is written for them.
 *
 * @example
 * const view = await createSession(ctx, 'mer_a', body); // status 'ready_for_payment' | 'not_ready_for_payment'
 */
import { ConcordError } from '../../core/errors.js';
import {
  assertOpen,
  effectiveStatus,
  loadSession,
  newSessionId,
  sessionBusy,
  viewOf,
  type AcpContext,
} from './context.js';
import { invalidRequest } from './errors.js';
import { paymentDeclined } from './messages.js';
import { priceSession, type Priced } from './pricing.js';
import { releaseQuoteHolds } from './quote-holds.js';
import type { CreateSessionRequest, UpdateSessionRequest } from './schemas.js';
import type { RequestedItem, SessionInputs, StoredSession } from './store.js';
import type { AcpCheckoutSession } from './types.js';
import { renderSession } from './view.js';

/** Request entries merged by id: each entry is one unit (see `schemas.ts`). */
export function mergeItems(entries: readonly { id: string }[]): RequestedItem[] {
  const byId = new Map<string, RequestedItem>();
  entries.forEach((entry, index) => {
    const known = byId.get(entry.id);
    if (known) known.quantity += 1;
    else byId.set(entry.id, { id: entry.id, quantity: 1, index });
  });
  return [...byId.values()];
}

const ITEM_CODES = new Set([
  'unknown_sku',
  'unknown_variant',
  'ambiguous_sku',
  'not_in_erp',
  'mixed_systems',
  'mixed_currencies',
]);

/** Concord's line errors (`lines[i].sku`) as the ACP 400 about the request entry behind line i. */
function itemError(error: unknown, items: readonly RequestedItem[]): unknown {
  if (!(error instanceof ConcordError) || error.category !== 'validation' || !ITEM_CODES.has(error.code))
    return error;
  const line = Number(/^lines\[(\d+)\]/.exec(error.issues[0]?.field ?? '')?.[1] ?? 0);
  const item = items[line] ?? items[0]!;
  const param = `$.line_items[${item.index}].id`;
  const id = item.id.slice(0, 100);
  switch (error.code) {
    case 'unknown_sku':
    case 'unknown_variant':
      return invalidRequest('invalid_item_id', `The item ID '${id}' does not exist.`, param);
    case 'ambiguous_sku':
      return invalidRequest(
        'invalid_item_id',
        `The item ID '${id}' names several products; use its variant id.`,
        param,
      );
    default:
      return invalidRequest(
        'unsupported_item',
        `The item '${id}' cannot be sold in this checkout: ${error.message}`,
        param,
      );
  }
}

async function price(
  ctx: AcpContext,
  merchantId: string,
  draft: Draft,
  previous: StoredSession | null,
): Promise<Priced> {
  try {
    return await priceSession(ctx.rt, merchantId, draft, ctx.now(), {
      quote_id: previous?.quote_id ?? null,
      basis: previous?.inputs.quote_basis ?? null,
    });
  } catch (error) {
    throw itemError(error, draft.inputs.items);
  }
}

interface Draft {
  id: string;
  revision: number;
  inputs: SessionInputs;
}

/** The stored session for a draft and its pricing. */
function build(
  ctx: AcpContext,
  merchantId: string,
  draft: Draft,
  priced: Priced,
  base: StoredSession | null,
): StoredSession {
  const now = ctx.now().toISOString();
  const created_at = base?.created_at ?? now;
  const expires_at = base?.expires_at ?? new Date(Date.parse(now) + ctx.sessionTtlMs).toISOString();
  const declined = draft.inputs.declined;
  const { view } = renderSession({
    id: draft.id,
    inputs: { ...draft.inputs, quote_basis: priced.basis },
    priced,
    capabilities: {
      payment: { handlers: [ctx.payments.get(merchantId).declaration] },
      interventions: { supported: [], required: [], enforcement: 'conditional' },
    },
    links: ctx.links(merchantId),
    extra: declined ? [paymentDeclined(declined)] : [],
    created_at,
    updated_at: now,
    expires_at,
  });
  return {
    merchant_id: merchantId,
    id: draft.id,
    status: view.status,
    revision: draft.revision,
    quote_id: priced.quote?.id ?? null,
    order_id: null,
    inputs: { ...draft.inputs, quote_basis: priced.basis },
    view,
    order: null,
    payment: null,
    lock_key: null,
    expires_at,
    created_at,
    updated_at: now,
  };
}

/** `POST /checkout_sessions`. */
export async function createSession(
  ctx: AcpContext,
  merchantId: string,
  body: CreateSessionRequest,
): Promise<AcpCheckoutSession> {
  const codes = body.discounts?.codes ?? body.coupons;
  const inputs: SessionInputs = {
    currency: body.currency.toLowerCase(),
    items: mergeItems(body.line_items),
    ...(body.buyer ? { buyer: body.buyer } : {}),
    ...(body.fulfillment_details ? { fulfillment_details: body.fulfillment_details } : {}),
    ...(body.locale ? { locale: body.locale } : {}),
    ...(body.timezone ? { timezone: body.timezone } : {}),
    ...(body.metadata ? { metadata: body.metadata } : {}),
    ...(body.order_notes ? { order_notes: body.order_notes } : {}),
    ...(codes?.length ? { discount_codes: codes } : {}),
    ...(body.affiliate_attribution ? { affiliate_attribution: [body.affiliate_attribution] } : {}),
  };
  const draft = { id: newSessionId(), revision: 0, inputs };
  const priced = await price(ctx, merchantId, draft, null);
  if (priced.currency.toLowerCase() !== inputs.currency) {
    if (priced.quote) await releaseQuoteHolds(ctx.rt.db, merchantId, priced.quote.id, ctx.now());
    throw invalidRequest(
      'unsupported_currency',
      `This merchant sells in ${priced.currency.toLowerCase()}, not ${inputs.currency.slice(0, 8)}`,
      '$.currency',
    );
  }
  const session = build(ctx, merchantId, draft, priced, null);
  await ctx.sessions.insert(session);
  return viewOf(session, ctx.now());
}

function updatedInputs(current: SessionInputs, body: UpdateSessionRequest): SessionInputs {
  if (body.line_items && body.line_items.length === 0) {
    throw invalidRequest('invalid_field', 'A checkout session needs at least one line item', '$.line_items');
  }
  const selected = body.selected_fulfillment_options;
  selected?.forEach((s, i) => {
    if (s.type !== 'shipping') {
      throw invalidRequest(
        'unsupported_fulfillment_type',
        `Only shipping is offered, not ${s.type}`,
        `$.selected_fulfillment_options[${i}].type`,
      );
    }
    if (s.option_id !== selected[0]!.option_id) {
      throw invalidRequest(
        'unsupported_fulfillment_split',
        'The whole cart ships by one fulfillment option; select the same option for every item',
        `$.selected_fulfillment_options[${i}].option_id`,
      );
    }
  });
  const codes = body.discounts?.codes ?? body.coupons;
  return {
    ...current,
    ...(body.line_items ? { items: mergeItems(body.line_items) } : {}),
    ...(body.buyer ? { buyer: body.buyer } : {}),
    ...(body.fulfillment_details ? { fulfillment_details: body.fulfillment_details } : {}),
    ...(selected?.[0] ? { selected_option_id: selected[0].option_id } : {}),
    ...(body.order_notes !== undefined ? { order_notes: body.order_notes } : {}),
    ...(codes ? { discount_codes: codes } : {}),
  };
}

/** Re-prices `current` with `inputs` and saves it (compare-and-set); releases a replaced quote's holds. */
export async function reprice(
  ctx: AcpContext,
  current: StoredSession,
  inputs: SessionInputs,
): Promise<StoredSession> {
  const merchantId = current.merchant_id;
  const draft = { id: current.id, revision: current.revision + 1, inputs };
  const priced = await price(ctx, merchantId, draft, current);
  const next = build(ctx, merchantId, draft, priced, current);
  const replaced = current.quote_id !== null && current.quote_id !== next.quote_id;
  if (!(await ctx.sessions.save(next, current.revision))) {
    if (next.quote_id && next.quote_id !== current.quote_id)
      await releaseQuoteHolds(ctx.rt.db, merchantId, next.quote_id, ctx.now());
    throw sessionBusy();
  }
  if (replaced) await releaseQuoteHolds(ctx.rt.db, merchantId, current.quote_id!, ctx.now());
  return next;
}

/** `POST /checkout_sessions/{id}`. */
export async function updateSession(
  ctx: AcpContext,
  merchantId: string,
  id: string,
  body: UpdateSessionRequest,
): Promise<AcpCheckoutSession> {
  const current = await loadSession(ctx, merchantId, id);
  assertOpen(current, ctx.now());
  const next = await reprice(ctx, current, { ...updatedInputs(current.inputs, body), declined: null });
  return viewOf(next, ctx.now());
}

/** `GET /checkout_sessions/{id}`. */
export async function getSession(
  ctx: AcpContext,
  merchantId: string,
  id: string,
): Promise<AcpCheckoutSession> {
  return viewOf(await loadSession(ctx, merchantId, id), ctx.now());
}

/** `POST /checkout_sessions/{id}/cancel`. */
export async function cancelSession(
  ctx: AcpContext,
  merchantId: string,
  id: string,
): Promise<AcpCheckoutSession> {
  const current = await loadSession(ctx, merchantId, id);
  const status = effectiveStatus(current, ctx.now());
  if (status === 'completed' || status === 'canceled') {
    throw new ConcordError(
      'validation',
      'checkout_session_not_cancelable',
      `This checkout session is already ${status}`,
    );
  }
  if (status === 'complete_in_progress') {
    throw new ConcordError(
      'conflict',
      'checkout_session_in_progress',
      'This checkout session is being completed',
    );
  }
  const now = ctx.now().toISOString();
  const next: StoredSession = {
    ...current,
    status: 'canceled',
    view: {
      ...current.view,
      status: 'canceled',
      updated_at: now,
      messages: [{ type: 'info', content_type: 'plain', content: 'Checkout session has been canceled.' }],
    },
    updated_at: now,
  };
  if (!(await ctx.sessions.save(next, current.revision))) throw sessionBusy();
  if (current.quote_id) await releaseQuoteHolds(ctx.rt.db, merchantId, current.quote_id, ctx.now());
  return viewOf(next, ctx.now());
}
