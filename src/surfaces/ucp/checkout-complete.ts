/**
 * Completing a UCP checkout: only a session that is `ready_for_complete` and whose quote has not
 * expired. Payment and placement run once per (session, quote) — under a second idempotency claim
 * keyed by them, whatever key the request carries — so two completes racing with different keys
 * cannot place two orders: the second is `checkout_in_progress` (409) while the first runs, and
 * after it replays the placed order. Inside the claim the payment instrument goes to the merchant's
 * payment handler (`payment.ts`; a decline releases the claim so another instrument can be tried),
 * then `placeOrder` with the session's quote under a key derived from the session (voiding the
 * authorization if placing fails). The session becomes `completed` with `order`.
 *
 * @example
 * const reply = await completeCheckout(deps, ctx, 'chk_…', { payment: { instruments: [...] } }, key);
 */
import { runIdempotent } from '../../commerce/idempotent.js';
import { placeOrder } from '../../commerce/orders.js';
import { getQuote, type Quote } from '../../commerce/quotes/index.js';
import { ConcordError } from '../../core/errors.js';
import { requestFingerprint } from '../../store/idempotency.js';
import { assertOpen, load, shown, type CheckoutDeps } from './checkout-session.js';
import type { OrderRef } from './checkout-view.js';
import { error, UcpProtocolError, type Message } from './errors.js';
import { completePayment } from './payment.js';
import { CAP } from './profile.js';
import { idempotent, replyOf, requireCapability, type UcpContext, type UcpReply } from './reply.js';
import type { CheckoutComplete } from './schemas.js';
import type { Session } from './sessions.js';

/** What the claim stores once the order is placed. */
interface Placed {
  order: OrderRef;
  authorization_id: string;
}

/** A declined payment: releases the claim (thrown as a non-Concord error) and becomes an outcome. */
class Declined extends Error {
  constructor(readonly messages: Message[]) {
    super('payment declined');
  }
}

/** Pays and places the order on the session's quote (see the module comment). */
async function payAndPlace(
  deps: CheckoutDeps,
  ctx: UcpContext,
  session: Session,
  quote: Quote,
  input: { body: CheckoutComplete; key: string },
): Promise<UcpReply> {
  const paid = await completePayment(deps.payments, {
    checkoutId: session.id,
    key: input.key,
    quote,
    payment: input.body.payment,
  });
  if (!paid.ok) throw new Declined(paid.messages);
  const buyer = session.state.buyer;
  try {
    const placed = await placeOrder(
      deps.rt,
      ctx.merchantId,
      {
        quote_id: quote.id,
        // The email is the quote's; names and phone come from the buyer.
        customer: {
          ...(buyer?.first_name ? { first_name: buyer.first_name } : {}),
          ...(buyer?.last_name ? { last_name: buyer.last_name } : {}),
          ...(buyer?.phone_number ? { phone: buyer.phone_number } : {}),
        },
      },
      `ucp-checkout:${session.id}`,
    );
    const order = {
      id: placed.order.id,
      label: placed.order.name,
      permalink_url: `${ctx.baseUrl}/orders/${placed.order.id}`,
    };
    return { status: 200, body: { order, authorization_id: paid.authorizationId } satisfies Placed };
  } catch (err) {
    await deps.payments.void(paid.authorizationId).catch(() => undefined);
    throw err;
  }
}

/** Runs `payAndPlace` once per (session, quote): the placed order, or the reply that says why not. */
async function claimed(
  deps: CheckoutDeps,
  ctx: UcpContext,
  session: Session,
  quote: Quote,
  input: { body: CheckoutComplete; key: string },
): Promise<Placed | UcpReply> {
  const claim = { session: session.id, quote: quote.id };
  try {
    const out = await runIdempotent(
      deps.keys,
      {
        merchantId: ctx.merchantId,
        scope: 'ucp place_checkout_order',
        key: `${session.id}:${quote.id}`,
        fingerprint: requestFingerprint('UCP', 'place_checkout_order', claim),
      },
      () => payAndPlace(deps, ctx, session, quote, input),
      replyOf,
      deps.rt.logger,
    );
    const body = out.body as Partial<Placed>;
    return body.order && body.authorization_id
      ? { order: body.order, authorization_id: body.authorization_id }
      : { status: out.status, body: out.body as Record<string, unknown> };
  } catch (err) {
    if (err instanceof Declined)
      return { status: 200, body: shown(deps, ctx, session.checkout, err.messages) };
    if (err instanceof ConcordError && err.code === 'idempotency_key_in_flight') {
      throw new UcpProtocolError(409, 'checkout_in_progress', 'Another request is completing this checkout');
    }
    throw err;
  }
}

export async function completeCheckout(
  deps: CheckoutDeps,
  ctx: UcpContext,
  id: string,
  body: CheckoutComplete,
  key: string,
): Promise<UcpReply> {
  const refused = requireCapability(ctx.negotiated, CAP.checkout);
  if (refused) return refused;
  return idempotent(deps, ctx.merchantId, 'complete_checkout', key, { id, body }, async () => {
    const now = deps.now();
    const session = await load(deps, ctx.merchantId, id);
    assertOpen(session, now);
    if (!session.quote_id || session.checkout.status !== 'ready_for_complete') {
      const why = error('checkout_not_ready', 'Resolve the messages of this checkout first', 'recoverable');
      return { status: 200, body: shown(deps, ctx, session.checkout, [why]) };
    }
    const quote = await getQuote(deps.rt, ctx.merchantId, session.quote_id, now);
    if (quote.status === 'expired') {
      throw new UcpProtocolError(
        409,
        'checkout_expired',
        'The terms of this checkout expired; start a new one',
      );
    }
    const placed = await claimed(deps, ctx, session, quote, { body, key });
    if ('status' in placed) return placed;
    const checkout = { ...session.checkout, status: 'completed', messages: [], order: placed.order };
    const state = {
      ...session.state,
      payment: { handler_id: deps.payments.id, authorization_id: placed.authorization_id },
    };
    const change = { ...session, status: 'completed' as const, order_id: placed.order.id, state, checkout };
    if (!(await deps.sessions.update(ctx.merchantId, id, session.version, change, now))) {
      const winner = await load(deps, ctx.merchantId, id);
      if (winner.status !== 'completed')
        throw new UcpProtocolError(409, 'checkout_modified', 'The checkout changed meanwhile; retry');
      return { status: 200, body: shown(deps, ctx, winner.checkout) };
    }
    deps.rt.logger.info(
      { merchantId: ctx.merchantId, checkoutId: id, orderId: placed.order.id },
      'ucp checkout completed',
    );
    return { status: 200, body: shown(deps, ctx, checkout) };
  });
}
