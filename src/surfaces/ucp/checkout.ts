/**
 * UCP checkout sessions over Concord quotes (UCP 2026-04-08 checkout + fulfillment), the same for
 * REST and MCP (complete is in `checkout-complete.ts`):
 *
 * - create / update: validate, price (`checkout-price.ts`: a quote once the buyer's email and a
 *   shipping address are known), store the session, show it (`checkout-view.ts`). An unknown item or
 *   an invalid address is an `error_response` and nothing is written; so is a create whose every
 *   line is refused (out of stock, not allowed there).
 * - get: the session as it reads now.
 * - cancel: the session becomes `canceled` and its quote's stock is released.
 *
 * A completed or canceled session is immutable (409); one past `expires_at` reads as `canceled`.
 *
 * @example
 * const reply = await createCheckout(deps, ctx, body, idempotencyKey);
 */
import { randomBytes } from 'node:crypto';
import { getQuote, type Quote } from '../../commerce/quotes/index.js';
import { price, speedOf, stateOf, type Priced } from './checkout-price.js';
import { assertOpen, current, load, shown, type CheckoutDeps } from './checkout-session.js';
import { renderCheckout } from './checkout-view.js';
import { error, UcpProtocolError, type Message } from './errors.js';
import { CAP } from './profile.js';
import { idempotent, outcome, requireCapability, type UcpContext, type UcpReply } from './reply.js';
import type { CheckoutWrite } from './schemas.js';
import type { SessionState } from './sessions.js';

export { completeCheckout } from './checkout-complete.js';
export type { CheckoutDeps } from './checkout-session.js';

/** Default lifetime of a session that has no quote yet (checkout.json: 6 hours). */
const UNQUOTED_TTL_MS = 6 * 60 * 60 * 1000;

const newSessionId = () => `chk_${randomBytes(12).toString('hex')}`;

function render(deps: CheckoutDeps, id: string, state: SessionState, priced: Priced, expires_at: string) {
  return renderCheckout({
    id,
    state,
    status: 'open',
    expires_at,
    quote: priced.quote,
    provisional: priced.provisional,
    links: deps.links,
    order: null,
    messages: priced.messages,
  });
}

export async function createCheckout(
  deps: CheckoutDeps,
  ctx: UcpContext,
  body: CheckoutWrite,
  key: string,
): Promise<UcpReply> {
  const refused = requireCapability(ctx.negotiated, CAP.checkout);
  if (refused) return refused;
  return idempotent(deps, ctx.merchantId, 'create_checkout', key, body, async () => {
    const now = deps.now();
    const id = newSessionId();
    const state = stateOf(body, null);
    const priced = await price(deps.rt, ctx.merchantId, state, {
      quoteKey: `ucp-create:${key}`,
      now,
      supersedes: null,
    });
    if (priced.quote?.verdict === 'refused') {
      const view = render(deps, id, state, priced, priced.quote.expires_at);
      return outcome(view.messages as Message[]);
    }
    const expires_at = priced.quote?.expires_at ?? new Date(now.getTime() + UNQUOTED_TTL_MS).toISOString();
    const checkout = render(deps, id, state, priced, expires_at);
    await deps.sessions.create(
      ctx.merchantId,
      {
        id,
        status: 'open',
        quote_id: priced.quote?.id ?? null,
        order_id: null,
        expires_at,
        state,
        checkout,
        created_at: now.toISOString(),
      },
      now,
    );
    deps.rt.logger.info(
      { merchantId: ctx.merchantId, checkoutId: id, status: checkout.status },
      'ucp checkout created',
    );
    return { status: 201, body: shown(deps, ctx, checkout) };
  });
}

export async function getCheckout(deps: CheckoutDeps, ctx: UcpContext, id: string): Promise<UcpReply> {
  const refused = requireCapability(ctx.negotiated, CAP.checkout);
  if (refused) return refused;
  const session = await deps.sessions.get(ctx.merchantId, id);
  if (!session) return outcome([error('not_found', `No checkout session with id "${id}"`, 'unrecoverable')]);
  return { status: 200, body: shown(deps, ctx, current(session, deps.now())) };
}

export async function updateCheckout(
  deps: CheckoutDeps,
  ctx: UcpContext,
  id: string,
  body: CheckoutWrite,
  key: string,
): Promise<UcpReply> {
  const refused = requireCapability(ctx.negotiated, CAP.checkout);
  if (refused) return refused;
  return idempotent(deps, ctx.merchantId, 'update_checkout', key, { id, body }, async () => {
    const now = deps.now();
    const session = await load(deps, ctx.merchantId, id);
    assertOpen(session, now);
    const previous: Quote | null = session.quote_id
      ? await getQuote(deps.rt, ctx.merchantId, session.quote_id, now)
      : null;
    const state = stateOf(body, session.state);
    const preferredSpeed = speedOf(previous, state.selected_option_id);
    const priced = await price(deps.rt, ctx.merchantId, state, {
      quoteKey: `ucp-update:${id}:${key}`,
      now,
      supersedes: session.quote_id,
      ...(preferredSpeed ? { preferredSpeed } : {}),
    });
    const expires_at = priced.quote?.expires_at ?? new Date(now.getTime() + UNQUOTED_TTL_MS).toISOString();
    const checkout = render(deps, id, state, priced, expires_at);
    const change = {
      status: 'open' as const,
      quote_id: priced.quote?.id ?? null,
      order_id: null,
      expires_at,
      state,
      checkout,
    };
    if (!(await deps.sessions.update(ctx.merchantId, id, session.version, change, now))) {
      if (priced.quote) await deps.sessions.release(ctx.merchantId, priced.quote.id, now);
      throw new UcpProtocolError(
        409,
        'checkout_modified',
        'The checkout changed meanwhile; get it and retry',
      );
    }
    return { status: 200, body: shown(deps, ctx, checkout) };
  });
}

export async function cancelCheckout(
  deps: CheckoutDeps,
  ctx: UcpContext,
  id: string,
  key: string,
): Promise<UcpReply> {
  const refused = requireCapability(ctx.negotiated, CAP.checkout);
  if (refused) return refused;
  return idempotent(deps, ctx.merchantId, 'cancel_checkout', key, { id }, async () => {
    const now = deps.now();
    const session = await load(deps, ctx.merchantId, id);
    if (session.status === 'completed')
      throw new UcpProtocolError(
        409,
        'checkout_completed',
        'This checkout is completed; it cannot be canceled',
      );
    if (session.status === 'canceled') return { status: 200, body: shown(deps, ctx, session.checkout) };
    const checkout = { ...session.checkout, status: 'canceled', messages: [] };
    const change = { ...session, status: 'canceled' as const, checkout };
    if (!(await deps.sessions.update(ctx.merchantId, id, session.version, change, now, session.quote_id)))
      throw new UcpProtocolError(409, 'checkout_modified', 'The checkout changed meanwhile; retry');
    return { status: 200, body: shown(deps, ctx, checkout) };
  });
}
