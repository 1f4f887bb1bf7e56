/**
 * What the UCP surface runs on, built once per app from the runtime and its options: the session
 * and idempotency stores, the merchant's payment handler, the platform-profile cache, API keys, the
 * legal links every checkout shows, the clock, and the body limit.
 *
 * @example
 * const deps = ucpDeps(rt, { publicUrl: 'https://shop.example', payments: new SandboxPaymentHandler() });
 */
import type { Context } from 'hono';
import { SandboxPaymentHandler, type PaymentHandler } from '../../commerce/payments/handler.js';
import type { Runtime } from '../../runtime.js';
import { IdempotencyStore, type IdempotencyStoreOptions } from '../../store/idempotency.js';
import type { AuthCacheOptions } from '../rest/auth.js';
import { ApiKeys } from './auth.js';
import type { CatalogDeps } from './catalog.js';
import type { CheckoutDeps } from './checkout.js';
import type { Link } from './checkout-view.js';
import { PlatformProfiles, type PlatformProfilesOptions } from './negotiate.js';
import { SessionStore } from './sessions.js';

/** Largest request body the UCP endpoints read (REST and MCP). */
export const UCP_MAX_BODY_BYTES = 256 * 1024;

export interface UcpOptions {
  /** Origin Concord is reached at (`CONCORD_PUBLIC_URL`); default: the request's own origin. */
  publicUrl?: string;
  /** The merchant's payment handler; default: the sandbox handler. */
  payments?: PaymentHandler;
  /** Links every checkout shows (privacy policy, terms of service…). */
  links?: Link[];
  profiles?: PlatformProfilesOptions;
  maxBodyBytes?: number;
  now?: () => Date;
  idempotency?: IdempotencyStoreOptions;
  auth?: AuthCacheOptions;
}

export interface UcpDeps extends CheckoutDeps, CatalogDeps {
  profiles: PlatformProfiles;
  apiKeys: ApiKeys;
  publicUrl: string | undefined;
  maxBodyBytes: number;
}

/** The origin Concord is reached at: the configured public URL, else the request's own. */
export const originOf = (deps: UcpDeps, c: Context) => deps.publicUrl ?? new URL(c.req.url).origin;

export function ucpDeps(rt: Runtime, options: UcpOptions = {}): UcpDeps {
  return {
    rt,
    keys: new IdempotencyStore(rt.db, options.idempotency),
    sessions: new SessionStore(rt.db),
    payments: options.payments ?? new SandboxPaymentHandler(),
    links: options.links ?? [],
    now: options.now ?? (() => new Date()),
    profiles: new PlatformProfiles(options.profiles),
    apiKeys: new ApiKeys(rt.merchants, options.auth),
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    maxBodyBytes: options.maxBodyBytes ?? UCP_MAX_BODY_BYTES,
  };
}
