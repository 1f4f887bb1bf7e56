/**
 * Which payment handler completes a merchant's ACP checkouts, and how the session advertises it
 * (`capabilities.payment.handlers[]`, the spec's `PaymentHandler` declaration). Concord never sees
 * card data: the agent sends a delegated credential (`payment_data.instrument.credential`, e.g. an
 * ACP shared payment token) and the handler authorizes it with the merchant's provider.
 *
 * A merchant without a registered handler gets the sandbox handler (magic tokens
 * `SANDBOX_TOKENS`, src/commerce/payments/handler.ts) — right for the sandboxes and tests; a real
 * merchant must register its own (see the report on production configuration).
 *
 * @example
 * const payments = new AcpPaymentRegistry();
 * payments.set('mer_a', stripeHandler, { name: 'dev.acp.tokenized.card', psp: 'stripe', … });
 * payments.get('mer_a').handler.id; // 'stripe'
 */
import { SandboxPaymentHandler, type PaymentHandler } from '../../commerce/payments/handler.js';
import { ACP_VERSION, type AcpPaymentHandler } from './types.js';

export interface RegisteredHandler {
  handler: PaymentHandler;
  declaration: AcpPaymentHandler;
}

/** The declaration of the sandbox handler; its URIs are URNs since it has no public spec page. */
export function sandboxDeclaration(handler: PaymentHandler): AcpPaymentHandler {
  return {
    id: handler.id,
    name: 'dev.concord.sandbox',
    display_name: 'Sandbox card (test tokens only)',
    version: ACP_VERSION,
    spec: 'urn:concord:payment-handler:sandbox',
    requires_delegate_payment: true,
    requires_pci_compliance: false,
    psp: 'concord_sandbox',
    config_schema: 'urn:concord:payment-handler:sandbox:config',
    instrument_schemas: ['urn:concord:payment-handler:sandbox:instrument'],
    config: { environment: 'sandbox', accepted_credential_types: [...handler.accepts] },
  };
}

export class AcpPaymentRegistry {
  private readonly byMerchant = new Map<string, RegisteredHandler>();
  private readonly fallback: RegisteredHandler;

  constructor(fallback: PaymentHandler = new SandboxPaymentHandler()) {
    this.fallback = { handler: fallback, declaration: sandboxDeclaration(fallback) };
  }

  /** Registers the merchant's handler and how it is declared to agents. */
  set(merchantId: string, handler: PaymentHandler, declaration?: Partial<AcpPaymentHandler>): void {
    this.byMerchant.set(merchantId, {
      handler,
      declaration: { ...sandboxDeclaration(handler), ...declaration, id: handler.id },
    });
  }

  get(merchantId: string): RegisteredHandler {
    return this.byMerchant.get(merchantId) ?? this.fallback;
  }
}
