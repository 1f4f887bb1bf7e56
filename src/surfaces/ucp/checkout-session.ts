/**
 * What the checkout operations share: their dependencies, loading a session (unknown: `not_found`),
 * the rule that a completed, canceled or expired session cannot change (409), how a stored session
 * reads now (past `expires_at` it is canceled), and the reply body of a checkout — the `ucp`
 * envelope, and the fulfillment only when that extension was negotiated.
 *
 * @example
 * const session = await load(deps, merchantId, id); assertOpen(session, deps.now());
 * return { status: 200, body: shown(deps, ctx, session.checkout) };
 */
import type { PaymentHandler } from '../../commerce/payments/handler.js';
import { notFound } from '../../core/errors.js';
import type { Runtime } from '../../runtime.js';
import type { IdempotencyStore } from '../../store/idempotency.js';
import type { Link } from './checkout-view.js';
import { error, UcpProtocolError, type Message } from './errors.js';
import { CAP } from './profile.js';
import { CHECKOUT_CAPS, envelope, type UcpContext } from './reply.js';
import type { Session, SessionStore } from './sessions.js';

export interface CheckoutDeps {
  rt: Runtime;
  keys: IdempotencyStore;
  sessions: SessionStore;
  payments: PaymentHandler;
  links: Link[];
  now: () => Date;
}

/** The checkout as a reply body (see the module comment), with `extra` messages appended. */
export function shown(
  deps: CheckoutDeps,
  ctx: UcpContext,
  checkout: Record<string, unknown>,
  extra: Message[] = [],
) {
  const { fulfillment, messages, ...rest } = checkout;
  return {
    ucp: envelope(ctx.negotiated, CHECKOUT_CAPS, deps.payments),
    ...rest,
    messages: [...((messages as Message[] | undefined) ?? []), ...extra],
    ...(ctx.negotiated.has(CAP.fulfillment) ? { fulfillment } : {}),
  };
}

const expired = (session: Session, now: Date) =>
  session.status === 'open' && new Date(session.expires_at) <= now;

export async function load(deps: CheckoutDeps, merchantId: string, id: string): Promise<Session> {
  const session = await deps.sessions.get(merchantId, id);
  if (!session) throw notFound('checkout_session', id);
  return session;
}

/** 409 unless the session can still change. */
export function assertOpen(session: Session, now: Date): void {
  if (session.status === 'completed')
    throw new UcpProtocolError(409, 'checkout_completed', 'This checkout is completed; it cannot change');
  if (session.status === 'canceled')
    throw new UcpProtocolError(409, 'checkout_canceled', 'This checkout is canceled; start a new one');
  if (expired(session, now))
    throw new UcpProtocolError(409, 'checkout_expired', 'This checkout expired; start a new one');
}

/** How a stored session reads now: past its expiry it is canceled. */
export function current(session: Session, now: Date): Record<string, unknown> {
  if (!expired(session, now)) return session.checkout;
  return {
    ...session.checkout,
    status: 'canceled',
    messages: [error('checkout_expired', 'This checkout expired; start a new one', 'unrecoverable')],
  };
}
