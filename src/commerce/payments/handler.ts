/**
 * Payment handlers: how a checkout's payment is authorized. Concord never sees or stores card data:
 * an agent platform hands over a delegated payment token (ACP `delegate_payment`, a UCP payment
 * handler's credential), and the merchant's handler turns it into an authorization with its payment
 * provider. Handlers are pluggable per merchant; `SandboxPaymentHandler` serves the sandboxes and
 * tests with documented magic tokens.
 *
 * Every call carries a `reference` (derived from the checkout and its idempotency key): a handler
 * must answer the same result for the same reference, so a retried completion never charges twice.
 *
 * @example
 * const result = await handler.authorize({ reference: 'chk_1:k1', amount: { amount: 5400, currency: 'USD' },
 *   credential: { type: 'spt', token: SANDBOX_TOKENS.approve } });
 * if (result.status === 'declined') throw …; // result.code, result.message
 */
import { randomUUID } from 'node:crypto';
import type { Money } from '../../model/index.js';

export interface PaymentCredential {
  /** The credential's kind as the protocol names it, e.g. `spt` (ACP shared payment token). */
  type: string;
  /** An opaque token issued by the agent platform or the payment provider; never card data. */
  token: string;
}

export interface PaymentRequest {
  reference: string;
  amount: Money;
  credential: PaymentCredential;
}

export type PaymentResult =
  | { status: 'authorized'; id: string; amount: Money }
  | { status: 'declined'; id: string; amount: Money; code: string; message: string };

export interface PaymentHandler {
  /** The handler's id as protocols advertise it, e.g. `concord.sandbox`. */
  readonly id: string;
  /** Credential types it accepts. */
  readonly accepts: readonly string[];
  authorize(request: PaymentRequest): Promise<PaymentResult>;
  /** Releases an authorization that will not be captured (checkout cancelled after payment). */
  void(authorizationId: string): Promise<void>;
}

/** Tokens the sandbox handler understands; any other token is declined as unknown. */
export const SANDBOX_TOKENS = {
  approve: 'tok_sandbox_approve',
  decline: 'tok_sandbox_decline',
  insufficientFunds: 'tok_sandbox_insufficient_funds',
} as const;

/** Sandbox handler: answers by token, the same answer for the same reference; keeps no card data. */
export class SandboxPaymentHandler implements PaymentHandler {
  readonly id = 'concord.sandbox';
  readonly accepts = ['spt', 'sandbox_token'] as const;
  private readonly byReference = new Map<string, PaymentResult>();
  readonly voided = new Set<string>();

  async authorize(request: PaymentRequest): Promise<PaymentResult> {
    const known = this.byReference.get(request.reference);
    if (known) return known;
    const id = `auth_${randomUUID()}`;
    const { token } = request.credential;
    const result: PaymentResult =
      token === SANDBOX_TOKENS.approve
        ? { status: 'authorized', id, amount: request.amount }
        : token === SANDBOX_TOKENS.insufficientFunds
          ? {
              status: 'declined',
              id,
              amount: request.amount,
              code: 'insufficient_funds',
              message: 'The payment method has insufficient funds; ask the buyer for another one',
            }
          : {
              status: 'declined',
              id,
              amount: request.amount,
              code: token === SANDBOX_TOKENS.decline ? 'card_declined' : 'invalid_token',
              message:
                token === SANDBOX_TOKENS.decline
                  ? 'The payment was declined; ask the buyer for another payment method'
                  : 'The payment token is not one this merchant can use',
            };
    this.byReference.set(request.reference, result);
    return result;
  }

  async void(authorizationId: string): Promise<void> {
    this.voided.add(authorizationId);
  }
}
