/**
 * UCP's two kinds of failure, in one place (UCP 2026-04-08 checkout-rest "Error Handling",
 * overview "Negotiation Errors"):
 *
 * - **Protocol errors** stop the request before a business answer exists: a non-2xx HTTP status
 *   with a JSON body `{ code, content }` (REST), a JSON-RPC error (MCP). Negotiation failures are
 *   protocol errors too, with the status the spec's table gives (`invalid_profile_url` 400,
 *   `profile_unreachable` 424, `profile_malformed` 422, `version_unsupported` 422; JSON-RPC
 *   -32001) and the `error_response` envelope as body.
 * - **Business outcomes**: HTTP 200 with the UCP envelope and `messages` (an `error_response`
 *   when there is no resource to show — unknown item, invalid address at create, unknown checkout).
 *
 * `classify` maps a `ConcordError` to one or the other through one exhaustive switch.
 *
 * @example
 * throw new UcpProtocolError(409, 'checkout_completed', 'This checkout is completed');
 * classify(new ConcordError('validation', 'unknown_sku', '…', { field: 'lines[0].sku' }));
 * // → { kind: 'outcome', messages: [{ type: 'error', code: 'not_found', path: '$.line_items[0]', … }] }
 */
import { ConcordError, type FieldIssue } from '../../core/errors.js';
import { UCP_VERSION } from './profile.js';

export type Severity = 'recoverable' | 'requires_buyer_input' | 'requires_buyer_review' | 'unrecoverable';

export interface ErrorMessage {
  type: 'error';
  code: string;
  content: string;
  severity: Severity;
  path?: string;
}
export interface WarningMessage {
  type: 'warning';
  code: string;
  content: string;
  path?: string;
}
export interface InfoMessage {
  type: 'info';
  code?: string;
  content: string;
  path?: string;
}
export type Message = ErrorMessage | WarningMessage | InfoMessage;

/** JSON-RPC code of negotiation failures (overview, Negotiation Errors table). */
export const NEGOTIATION_RPC_CODE = -32001;

/** A protocol error: HTTP status, machine code and a plain message; `envelope` for negotiation. */
export class UcpProtocolError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Negotiation failures answer with the `error_response` envelope instead of `{ code, content }`. */
    readonly negotiation = false,
  ) {
    super(message);
    this.name = 'UcpProtocolError';
  }

  /** The REST body. */
  body(): Record<string, unknown> {
    return this.negotiation
      ? errorResponse([{ type: 'error', code: this.code, content: this.message, severity: 'unrecoverable' }])
      : { code: this.code, content: this.message };
  }

  /** The JSON-RPC error code of this failure (MCP). */
  rpcCode(): number {
    if (this.negotiation) return NEGOTIATION_RPC_CODE;
    if (this.status === 400 || this.status === 413) return -32602;
    if (this.status >= 500) return -32603;
    return -32000;
  }
}

/** The `error_response` envelope: no resource, only messages (ucp.status `error`). */
export function errorResponse(messages: Message[]): Record<string, unknown> {
  return { ucp: { version: UCP_VERSION, status: 'error' }, messages };
}

export const error = (code: string, content: string, severity: Severity, path?: string): ErrorMessage => ({
  type: 'error',
  code,
  content,
  severity,
  ...(path ? { path } : {}),
});

/** Concord codes that have a standard UCP error code (error_code.json examples). */
const STANDARD_CODES: Record<string, string> = {
  unknown_sku: 'not_found',
  unknown_variant: 'not_found',
  ambiguous_sku: 'item_unavailable',
  insufficient_stock: 'out_of_stock',
  destination_not_served: 'address_undeliverable',
};

/** A standard UCP code for a Concord code, else the Concord code (freeform codes are allowed). */
export const ucpCode = (code: string) => STANDARD_CODES[code] ?? code;

/** `lines[2].sku` → `$.line_items[2]`; `ship_to.postal_code` → the destination's field. */
export function jsonPath(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const line = /^lines\[(\d+)\]/.exec(field);
  if (line) return `$.line_items[${line[1]}]`;
  const ship = /^ship_to\.?(\w+)?/.exec(field);
  if (ship) {
    const names: Record<string, string> = {
      line1: 'street_address',
      line2: 'extended_address',
      city: 'address_locality',
      region: 'address_region',
      postal_code: 'postal_code',
      country: 'address_country',
    };
    const leaf = ship[1] ? names[ship[1]] : undefined;
    return `$.fulfillment.methods[0].destinations[0]${leaf ? `.${leaf}` : ''}`;
  }
  return undefined;
}

const issueMessages = (code: string, issues: FieldIssue[], fallback: string, severity: Severity) =>
  issues.length > 0
    ? issues.map((i) => error(ucpCode(code), i.message, severity, jsonPath(i.field)))
    : [error(ucpCode(code), fallback, severity)];

/** Validation codes about the request's form: a 400, not a business outcome. */
const FORM_CODES = new Set(['invalid_request', 'malformed_json', 'invalid_limit', 'invalid_cursor']);

export type Classified =
  { kind: 'protocol'; error: UcpProtocolError } | { kind: 'outcome'; messages: Message[] };

/** A Concord error as a UCP protocol error or business-outcome messages (see the module comment). */
export function classify(err: ConcordError): Classified {
  const protocol = (status: number) => ({
    kind: 'protocol' as const,
    error: new UcpProtocolError(status, err.code, err.message),
  });
  switch (err.category) {
    case 'validation':
      if (err.code === 'idempotency_key_reused') return protocol(409);
      if (FORM_CODES.has(err.code) || err.code.includes('idempotency')) return protocol(400);
      return { kind: 'outcome', messages: issueMessages(err.code, err.issues, err.message, 'recoverable') };
    case 'not_found':
      return { kind: 'outcome', messages: [error('not_found', err.message, 'unrecoverable')] };
    case 'conflict':
      return protocol(409);
    case 'unauthorized':
      return protocol(401);
    case 'forbidden':
      return protocol(403);
    case 'rate_limited':
      return protocol(429);
    case 'transient':
    case 'upstream':
      return protocol(503);
    case 'config':
      return protocol(500);
    default: {
      const never: never = err.category;
      return never;
    }
  }
}

/** Anything thrown, as a protocol error (a non-Concord error is an opaque 500). */
export function protocolErrorOf(thrown: unknown): UcpProtocolError {
  if (thrown instanceof UcpProtocolError) return thrown;
  if (thrown instanceof ConcordError) {
    const c = classify(thrown);
    if (c.kind === 'protocol') return c.error;
    return new UcpProtocolError(400, thrown.code, thrown.message);
  }
  return new UcpProtocolError(500, 'internal_error', 'An unexpected error occurred; it has been logged');
}
