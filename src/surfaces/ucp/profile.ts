/**
 * The business profile Concord publishes at `/.well-known/ucp` (UCP 2026-04-08, `ucp.json`
 * `business_schema`): the shopping service over REST and MCP with their endpoints, the capabilities
 * Concord implements (checkout with the fulfillment extension, catalog search and lookup) and the
 * merchant's payment handler. Every capability names the spec page and the JSON Schema (`$id` of
 * the published schema, so a validator maps it to its local copy) whose origin is ucp.dev, as the
 * spec's namespace binding asks for `dev.ucp.*` names.
 *
 * Source: ucp/2026-04-08 `schemas/ucp.json` (business_schema), `service.json`, `capability.json`,
 * `payment_handler.json`; https://ucp.dev/2026-04-08/specification/overview (profile structure).
 *
 * @example
 * const profile = businessProfile({ baseUrl: 'https://shop.example', payments: handler });
 * profile.ucp.services['dev.ucp.shopping'][0].endpoint; // 'https://shop.example/ucp'
 */
import type { PaymentHandler } from '../../commerce/payments/handler.js';

/** The protocol version this surface implements. */
export const UCP_VERSION = '2026-04-08';

export const SHOPPING_SERVICE = 'dev.ucp.shopping';
export const CAP = {
  checkout: 'dev.ucp.shopping.checkout',
  fulfillment: 'dev.ucp.shopping.fulfillment',
  search: 'dev.ucp.shopping.catalog.search',
  lookup: 'dev.ucp.shopping.catalog.lookup',
} as const;
export type CapabilityName = (typeof CAP)[keyof typeof CAP];

/** REST endpoint path (the OpenAPI paths are appended to it) and MCP endpoint path. */
export const REST_BASE_PATH = '/ucp';
export const MCP_PATH = '/ucp/mcp';
export const PROFILE_PATH = '/.well-known/ucp';

const SPEC = `https://ucp.dev/${UCP_VERSION}/specification`;
const SCHEMAS = 'https://ucp.dev/schemas';

export interface CapabilityEntry {
  version: string;
  spec?: string;
  schema?: string;
  extends?: string | string[];
  config?: Record<string, unknown>;
}

/** What Concord offers, by capability name (one version each). */
export const BUSINESS_CAPABILITIES: Record<CapabilityName, CapabilityEntry> = {
  [CAP.checkout]: {
    version: UCP_VERSION,
    spec: `${SPEC}/checkout`,
    schema: `${SCHEMAS}/shopping/checkout.json`,
  },
  [CAP.fulfillment]: {
    version: UCP_VERSION,
    spec: `${SPEC}/fulfillment`,
    schema: `${SCHEMAS}/shopping/fulfillment.json`,
    extends: CAP.checkout,
    // One shipping destination per checkout, shipping only (no pickup): what quotes compute.
    config: { allows_multi_destination: { shipping: false }, allows_method_combinations: [['shipping']] },
  },
  [CAP.search]: {
    version: UCP_VERSION,
    spec: `${SPEC}/catalog/search`,
    schema: `${SCHEMAS}/shopping/catalog_search.json`,
  },
  [CAP.lookup]: {
    version: UCP_VERSION,
    spec: `${SPEC}/catalog/lookup`,
    schema: `${SCHEMAS}/shopping/catalog_lookup.json`,
  },
};

/** The payment handler registry entry (business and response shape: `id` and `version`). */
export function paymentHandlerEntries(handler: PaymentHandler, full: boolean) {
  const entry = { id: handler.id, version: UCP_VERSION };
  return {
    [handlerKey(handler)]: [full ? { ...entry, config: { credential_types: [...handler.accepts] } } : entry],
  };
}

/**
 * The registry key of a handler: its id when that is already a reverse-domain name
 * (`concord.sandbox`), else the id under `concord.`.
 */
export function handlerKey(handler: PaymentHandler): string {
  return /^[a-z][a-z0-9]*(?:\.[a-z][a-z0-9_]*)+$/.test(handler.id)
    ? handler.id
    : `concord.${handler.id.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
}

export interface ProfileOptions {
  /** Origin Concord is reached at, e.g. `https://shop.example` (no trailing slash). */
  baseUrl: string;
  payments: PaymentHandler;
}

/** The business profile document served at `/.well-known/ucp`. */
export function businessProfile(options: ProfileOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    ucp: {
      version: UCP_VERSION,
      services: {
        [SHOPPING_SERVICE]: [
          {
            version: UCP_VERSION,
            spec: `${SPEC}/overview`,
            transport: 'rest',
            schema: 'https://ucp.dev/services/shopping/rest.openapi.json',
            endpoint: `${base}${REST_BASE_PATH}`,
          },
          {
            version: UCP_VERSION,
            spec: `${SPEC}/checkout-mcp`,
            transport: 'mcp',
            schema: 'https://ucp.dev/services/shopping/mcp.openrpc.json',
            endpoint: `${base}${MCP_PATH}`,
          },
        ],
      },
      capabilities: Object.fromEntries(
        Object.entries(BUSINESS_CAPABILITIES).map(([name, entry]) => [name, [entry]]),
      ),
      payment_handlers: paymentHandlerEntries(options.payments, true),
    },
  };
}
