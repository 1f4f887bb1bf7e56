/**
 * Paying a UCP checkout: the selected instrument of `payment.instruments` (or the only one) must
 * name the merchant's payment handler (`handler_id`) and carry a credential of a type that handler
 * accepts — a delegated token, never card data (UCP `card_credential.json`: raw card credentials
 * MUST NOT be used for checkout). The handler authorizes the quote's total under a reference derived
 * from the checkout and the request's idempotency key, so a retried completion is not charged
 * twice. A refusal is a business outcome (`payment_failed`), with nothing written.
 *
 * @example
 * const paid = await completePayment(handler, { checkoutId, key, quote, payment: body.payment });
 * if (!paid.ok) return paid.messages;
 */
import type { PaymentHandler } from '../../commerce/payments/handler.js';
import type { Quote } from '../../commerce/quotes/index.js';
import { error, type Message } from './errors.js';
import type { CheckoutComplete, Instrument } from './schemas.js';

export type PaymentOutcome = { ok: true; authorizationId: string } | { ok: false; messages: Message[] };

const PATH = '$.payment.instruments';

const failed = (content: string, path = PATH): PaymentOutcome => ({
  ok: false,
  messages: [error('payment_failed', content, 'recoverable', path)],
});

function selected(instruments: Instrument[]): Instrument | undefined {
  return (
    instruments.find((i) => i.selected === true) ?? (instruments.length === 1 ? instruments[0] : undefined)
  );
}

export async function completePayment(
  handler: PaymentHandler,
  input: { checkoutId: string; key: string; quote: Quote; payment: CheckoutComplete['payment'] },
): Promise<PaymentOutcome> {
  const instruments = input.payment.instruments ?? [];
  const instrument = selected(instruments);
  if (!instrument) {
    return failed(
      instruments.length === 0
        ? 'Send a payment instrument (payment.instruments)'
        : 'Mark the instrument to charge with "selected": true',
    );
  }
  if (instrument.handler_id !== handler.id) {
    return failed(`Payment handler "${instrument.handler_id}" is not offered; use "${handler.id}"`);
  }
  const credential = instrument.credential;
  const at = `${PATH}[${instruments.indexOf(instrument)}].credential`;
  if (credential?.type === 'card') {
    return failed('Card credentials are not accepted; send a token from the payment handler', at);
  }
  if (!credential?.token || !handler.accepts.includes(credential.type)) {
    return failed(
      `Send a credential of type ${handler.accepts.map((t) => `"${t}"`).join(' or ')} with its token`,
      at,
    );
  }
  const result = await handler.authorize({
    reference: `${input.checkoutId}:${input.key}`,
    amount: input.quote.totals.total,
    credential: { type: credential.type, token: credential.token },
  });
  if (result.status === 'declined') return failed(result.message);
  return { ok: true, authorizationId: result.id };
}
