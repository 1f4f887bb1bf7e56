/**
 * The Universal Commerce Protocol surface (UCP 2026-04-08, `../shared/specs/ucp/2026-04-08`): the
 * business profile at `/.well-known/ucp`, the shopping service over REST at `/ucp` (checkout
 * sessions backed by Concord quotes and orders; catalog search, lookup and product detail) and the
 * same over MCP at `/ucp/mcp`, with capability negotiation against the platform's profile.
 *
 * `ucpRoutes` mounts it on an app. Register it before any app-wide body limit or error handler: the
 * sub-app answers its own paths with UCP's shapes (its own 413, errors and 404s).
 *
 * @example
 * ucpRoutes(app, rt, { publicUrl: env.CONCORD_PUBLIC_URL });
 */
import type { Env, Hono } from 'hono';
import type { Runtime } from '../../runtime.js';
import { ucpDeps, type UcpOptions } from './deps.js';
import { ucpApp } from './rest.js';

export { UCP_SESSIONS_MIGRATION } from './sessions.js';
export { businessProfile, UCP_VERSION, CAP } from './profile.js';
export { UCP_MAX_BODY_BYTES, type UcpOptions } from './deps.js';

/** Mounts the UCP surface (see the module comment) on `app`. */
export function ucpRoutes<E extends Env>(app: Hono<E>, rt: Runtime, options: UcpOptions = {}): void {
  app.route('/', ucpApp(ucpDeps(rt, options)));
}
