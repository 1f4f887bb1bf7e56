/**
 * What the ACP workflows share: the runtime, the session store, the payment handler registry, the
 * webhook sender, the clock, how long a session lives, and the merchant's policy links. One per
 * `acpRoutes` call.
 *
 * @example
 * const ctx = createContext(rt, { sessionTtlSeconds: 3600 });
 * const session = await ctx.sessions.get('mer_a', 'cs_…');
 */
import { randomBytes } from 'node:crypto';
import { ConcordError, notFound } from '../../core/errors.js';
import type { Runtime } from '../../runtime.js';
import { AcpPaymentRegistry } from './payments.js';
import { SessionStore, type StoredSession } from './store.js';
import type { AcpCheckoutSession, AcpLink, SessionStatus } from './types.js';
import { AcpWebhooks, type WebhookOptions } from './webhooks.js';

export interface AcpContextOptions {
  /** Milliseconds since the epoch or a Date; injectable for tests. */
  now?: () => Date;
  /** How long a checkout session stays open (default 1 hour). */
  sessionTtlSeconds?: number;
  payments?: AcpPaymentRegistry;
  webhooks?: WebhookOptions;
  /** The merchant's policy links (terms, returns…) shown in every session. */
  links?: (merchantId: string) => AcpLink[];
}

export interface AcpContext {
  rt: Runtime;
  sessions: SessionStore;
  payments: AcpPaymentRegistry;
  webhooks: AcpWebhooks;
  now: () => Date;
  sessionTtlMs: number;
  links: (merchantId: string) => AcpLink[];
}

export function createContext(rt: Runtime, options: AcpContextOptions = {}): AcpContext {
  return {
    rt,
    sessions: new SessionStore(rt.db),
    payments: options.payments ?? new AcpPaymentRegistry(),
    webhooks: new AcpWebhooks(rt.db, rt.logger, options.webhooks),
    now: options.now ?? (() => new Date()),
    sessionTtlMs: (options.sessionTtlSeconds ?? 3600) * 1000,
    links: options.links ?? (() => []),
  };
}

/** A new checkout session id (`cs_` + 24 hex characters). */
export const newSessionId = () => `cs_${randomBytes(12).toString('hex')}`;

/** The session's status now: an open session past its expiry is `expired`. */
export function effectiveStatus(session: StoredSession, now: Date): SessionStatus {
  const open = session.status === 'ready_for_payment' || session.status === 'not_ready_for_payment';
  return open && Date.parse(session.expires_at) <= now.getTime() ? 'expired' : session.status;
}

/** The session as ACP shows it now (its status, and its order once completed). */
export function viewOf(session: StoredSession, now: Date): AcpCheckoutSession {
  return {
    ...session.view,
    status: effectiveStatus(session, now),
    ...(session.order ? { order: session.order } : {}),
  };
}

/** The merchant's session, or 404 `checkout_session_not_found`. */
export async function loadSession(ctx: AcpContext, merchantId: string, id: string): Promise<StoredSession> {
  const session = await ctx.sessions.get(merchantId, id);
  if (!session) throw notFound('checkout_session', id);
  return session;
}

/** Throws unless the session can still change (open and not expired). */
export function assertOpen(session: StoredSession, now: Date): void {
  const status = effectiveStatus(session, now);
  if (status === 'ready_for_payment' || status === 'not_ready_for_payment') return;
  if (status === 'complete_in_progress') {
    throw new ConcordError(
      'conflict',
      'checkout_session_in_progress',
      'This checkout session is being completed',
    );
  }
  throw new ConcordError(
    'validation',
    `checkout_session_${status}`,
    `This checkout session is ${status.replace(/_/g, ' ')} and can no longer change; create a new one`,
  );
}

/** Another request changed the session first. */
export const sessionBusy = () =>
  new ConcordError(
    'transient',
    'checkout_session_busy',
    'The checkout session changed meanwhile; retry the request',
  );
