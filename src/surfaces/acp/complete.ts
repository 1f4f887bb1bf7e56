/**
 * Completing a checkout session (`POST /checkout_sessions/{id}/complete`), as steps:
 *
 *   check the payment data against the merchant's handler → bring the session up to date (the
 *   buyer given here; a fresh quote when the old one expired — a changed total stops here, 409
 *   `total_changed`, for the buyer to review) → must be `ready_for_payment` → take the completion
 *   lease (`complete_in_progress`, one completion per session at a time) → authorize the delegated
 *   credential (reference `<session>:<idempotency key>`: a retry gets the same authorization) →
 *   `placeOrder` on the session's quote with the selected option (idempotency key `acp:<session>`,
 *   so a session never becomes two orders, whatever key completes it) → `completed`, the order in
 *   the response, `order_create` to the agent platform's webhook.
 *
 * A declined payment leaves the session `ready_for_payment` with a `payment_declined` message and
 * answers 402 `payment_declined`; a permanent order failure voids the authorization and gives the
 * session back. Transient failures keep the lease for the same key to retry.
 *
 * @example
 * const view = await completeSession(ctx, 'mer_a', 'cs_…', body, key, 'https://concord.example.com');
 * view.order?.id; // 'ord_…'
 */
import { ConcordError, isRetryableCategory } from '../../core/errors.js';
import { placeOrder } from '../../commerce/orders.js';
import { effectiveStatus, loadSession, sessionBusy, viewOf, type AcpContext } from './context.js';
import { invalidRequest } from './errors.js';
import { paymentDeclined } from './messages.js';
import { toAcpOrder } from './order.js';
import { e164, splitName, toConcordAddress } from './pricing.js';
import type { CompleteSessionRequest } from './schemas.js';
import { reprice } from './sessions.js';
import type { StoredSession } from './store.js';
import type { AcpCheckoutSession, AcpMessage } from './types.js';

/** How long a completion holds the session before another request may take over. */
export const COMPLETION_LEASE_MS = 60_000;

const totalOf = (view: AcpCheckoutSession) => view.totals.find((t) => t.type === 'total')?.amount ?? 0;

function checkPayment(ctx: AcpContext, merchantId: string, body: CompleteSessionRequest) {
  const { handler } = ctx.payments.get(merchantId);
  const data = body.payment_data;
  if (!data.handler_id || !data.instrument) {
    throw invalidRequest(
      'unsupported_payment_method',
      'Purchase orders are not accepted here; pay with a payment handler',
      '$.payment_data',
    );
  }
  if (data.handler_id !== handler.id) {
    throw invalidRequest(
      'invalid_payment_handler',
      `Unknown payment handler "${data.handler_id.slice(0, 64)}"; use "${handler.id}"`,
      '$.payment_data.handler_id',
    );
  }
  const credential = data.instrument.credential;
  if (!handler.accepts.includes(credential.type)) {
    throw invalidRequest(
      'unsupported_credential',
      `The handler accepts ${handler.accepts.join(', ')} credentials, not "${credential.type.slice(0, 32)}"`,
      '$.payment_data.instrument.credential.type',
    );
  }
  return { handler, credential: { type: credential.type, token: credential.token } };
}

/** The session, re-priced when the buyer changed here or its quote expired (see the module comment). */
async function upToDate(
  ctx: AcpContext,
  session: StoredSession,
  body: CompleteSessionRequest,
): Promise<StoredSession> {
  const status = effectiveStatus(session, ctx.now());
  if (status !== 'ready_for_payment' && status !== 'not_ready_for_payment') return session;
  const buyerChanged =
    body.buyer !== undefined && JSON.stringify(body.buyer) !== JSON.stringify(session.inputs.buyer);
  const expiry = session.view.quote_expires_at;
  const quoteExpired = expiry !== undefined && Date.parse(expiry) <= ctx.now().getTime();
  const attribution = body.affiliate_attribution
    ? [...(session.inputs.affiliate_attribution ?? []), body.affiliate_attribution]
    : session.inputs.affiliate_attribution;
  if (!buyerChanged && !quoteExpired && !body.affiliate_attribution && body.order_notes === undefined)
    return session;
  const next = await reprice(ctx, session, {
    ...session.inputs,
    ...(body.buyer ? { buyer: body.buyer } : {}),
    ...(body.order_notes !== undefined ? { order_notes: body.order_notes } : {}),
    ...(attribution ? { affiliate_attribution: attribution } : {}),
  });
  if (next.status === 'ready_for_payment' && totalOf(next.view) !== totalOf(session.view)) {
    throw new ConcordError(
      'conflict',
      'total_changed',
      `The total is now ${totalOf(next.view)} (was ${totalOf(session.view)}) ${
        quoteExpired ? 'because the quote expired' : 'with the details given here'
      }; show the buyer the session again and complete it with a new Idempotency-Key`,
    );
  }
  return next;
}

function notReady(session: StoredSession, now: Date): ConcordError {
  const status = effectiveStatus(session, now);
  if (status === 'complete_in_progress') {
    return new ConcordError(
      'conflict',
      'checkout_session_in_progress',
      'This checkout session is being completed',
    );
  }
  if (status !== 'not_ready_for_payment' && status !== 'ready_for_payment') {
    return invalidRequest(
      `checkout_session_${status}`,
      `This checkout session is ${status} and cannot be completed`,
    );
  }
  const first = session.view.messages.find(
    (m): m is Extract<AcpMessage, { type: 'error' }> => m.type === 'error',
  );
  return invalidRequest(
    'checkout_session_not_ready',
    `The checkout session is not ready for payment${first ? `: ${first.content}` : ''}`,
    first?.param,
  );
}

/** Gives the session back after a declined payment or a permanent order failure. */
async function release(ctx: AcpContext, locked: StoredSession, declined: string | null) {
  const messages = locked.view.messages.filter((m) => !(m.type === 'error' && m.code === 'payment_declined'));
  const next: StoredSession = {
    ...locked,
    status: 'ready_for_payment',
    lock_key: null,
    inputs: { ...locked.inputs, declined },
    view: {
      ...locked.view,
      status: 'ready_for_payment',
      messages: declined ? [...messages, paymentDeclined(declined)] : messages,
    },
    updated_at: ctx.now().toISOString(),
  };
  if (!(await ctx.sessions.save(next, locked.revision))) throw sessionBusy();
}

/** `POST /checkout_sessions/{id}/complete` (see the module comment). */
export async function completeSession(
  ctx: AcpContext,
  merchantId: string,
  id: string,
  body: CompleteSessionRequest,
  key: string,
  baseUrl: string,
): Promise<AcpCheckoutSession> {
  const { handler, credential } = checkPayment(ctx, merchantId, body);
  const session = await upToDate(ctx, await loadSession(ctx, merchantId, id), body);
  const locked = await ctx.sessions.beginCompletion(merchantId, id, key, ctx.now(), COMPLETION_LEASE_MS);
  if (!locked || !locked.quote_id)
    throw notReady((await ctx.sessions.get(merchantId, id)) ?? session, ctx.now());
  const option = locked.view.selected_fulfillment_options[0]?.option_id;
  const reference = `${id}:${key}`;
  const amount = { amount: totalOf(locked.view), currency: locked.view.currency.toUpperCase() };
  const payment = await handler.authorize({ reference, amount, credential });
  if (payment.status === 'declined') {
    await release(ctx, locked, payment.message);
    throw new ConcordError('validation', 'payment_declined', payment.message, {
      detail: { param: '$.payment_data' },
    });
  }
  const inputs = locked.inputs;
  const phone = e164(inputs.buyer?.phone_number ?? inputs.fulfillment_details?.phone_number);
  const billing = body.payment_data.billing_address;
  let placed;
  try {
    placed = await placeOrder(
      ctx.rt,
      merchantId,
      {
        quote_id: locked.quote_id,
        ...(option ? { shipping_option_id: option } : {}),
        customer: { ...splitName(inputs), ...(phone ? { phone } : {}) },
        ...(billing ? { billing_address: toConcordAddress(billing) } : {}),
        ...(inputs.order_notes ? { note: inputs.order_notes } : {}),
      },
      `acp:${id}`,
    );
  } catch (error) {
    if (error instanceof ConcordError && !isRetryableCategory(error.category)) {
      await handler.void(payment.id);
      await release(ctx, locked, null);
    }
    throw error;
  }
  const order = toAcpOrder(placed.order, id, baseUrl, 'created');
  const now = ctx.now().toISOString();
  const completed: StoredSession = {
    ...locked,
    status: 'completed',
    lock_key: null,
    order_id: placed.order.id,
    order,
    payment: { handler_id: handler.id, authorization_id: payment.id, reference },
    inputs: { ...inputs, declined: null },
    view: { ...locked.view, status: 'completed', messages: [], updated_at: now },
    updated_at: now,
  };
  if (!(await ctx.sessions.save(completed, locked.revision))) {
    ctx.rt.logger.error(
      { merchantId, sessionId: id, orderId: placed.order.id },
      'completed session not saved',
    );
  }
  await ctx.webhooks
    .emit(merchantId, 'order_create', order)
    .catch((error: unknown) =>
      ctx.rt.logger.error({ err: error, merchantId, sessionId: id }, 'order_create not queued'),
    );
  return viewOf(completed, ctx.now());
}
