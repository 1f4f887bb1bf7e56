/**
 * What every UCP operation returns — `{ status, body }`, the body carrying its `ucp` envelope — and
 * the two things all of them share: the envelope of a response (version, the active capabilities
 * relevant to the operation, the payment handlers for checkout) and running a write under an
 * idempotency key with `runIdempotent`, the same semantics as every other surface (REST and MCP
 * share one scope per operation, so a key used over one transport replays over the other).
 *
 * @example
 * const reply = await idempotent(deps, merchantId, 'create_checkout', key, body, async () => ({ status: 201, body }));
 */
import { ConcordError } from '../../core/errors.js';
import { runIdempotent } from '../../commerce/idempotent.js';
import type { PaymentHandler } from '../../commerce/payments/handler.js';
import type { Runtime } from '../../runtime.js';
import { requestFingerprint, type IdempotencyStore } from '../../store/idempotency.js';
import { classify, errorResponse, error, type Message } from './errors.js';
import type { Negotiated } from './negotiate.js';
import { CAP, paymentHandlerEntries, UCP_VERSION, type CapabilityName } from './profile.js';

export interface UcpReply {
  status: number;
  body: Record<string, unknown>;
  /** True when this is the stored reply of an earlier request with the same idempotency key. */
  replayed?: boolean;
}

/** Who is asking: the merchant (from the API key), the negotiated capabilities, Concord's origin. */
export interface UcpContext {
  merchantId: string;
  negotiated: Negotiated;
  baseUrl: string;
}

export const CHECKOUT_CAPS: readonly CapabilityName[] = [CAP.checkout, CAP.fulfillment];

/** The `ucp` member of a success response. */
export function envelope(
  negotiated: Negotiated,
  relevant: readonly CapabilityName[],
  payments?: PaymentHandler,
): Record<string, unknown> {
  return {
    version: UCP_VERSION,
    status: 'success',
    capabilities: negotiated.capabilities(relevant),
    ...(payments ? { payment_handlers: paymentHandlerEntries(payments, false) } : {}),
  };
}

/** A business outcome without a resource (HTTP 200, `ucp.status: error`). */
export const outcome = (messages: Message[]): UcpReply => ({ status: 200, body: errorResponse(messages) });

/** The reply when the operation's root capability was not negotiated (an outcome, HTTP 200). */
export function requireCapability(negotiated: Negotiated, name: CapabilityName): UcpReply | null {
  if (negotiated.has(name)) return null;
  return outcome([
    error(
      'capabilities_incompatible',
      `The platform profile and this business share no version of ${name}`,
      'unrecoverable',
    ),
  ]);
}

/** A Concord error as the reply it deserves (protocol errors as `{ code, content }`). */
export function replyOf(err: ConcordError): UcpReply {
  const c = classify(err);
  return c.kind === 'outcome' ? outcome(c.messages) : { status: c.error.status, body: c.error.body() };
}

export interface IdempotencyDeps {
  rt: Runtime;
  keys: IdempotencyStore;
}

/** Runs `execute` under the key (see the module comment); replays the stored reply on a repeat. */
export async function idempotent(
  deps: IdempotencyDeps,
  merchantId: string,
  operation: string,
  key: string,
  request: unknown,
  execute: () => Promise<UcpReply>,
): Promise<UcpReply> {
  const result = await runIdempotent(
    deps.keys,
    {
      merchantId,
      scope: `ucp ${operation}`,
      key,
      fingerprint: requestFingerprint('UCP', operation, request),
    },
    execute,
    replyOf,
    deps.rt.logger,
  );
  return { status: result.status, body: result.body as Record<string, unknown>, replayed: result.replayed };
}
