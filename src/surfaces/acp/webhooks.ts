/**
 * Order webhooks to the agent platform (ACP `openapi.agentic_checkout_webhook.yaml`): `order_create`
 * when a checkout completes, `order_update` when its order changes. Each event is POSTed as JSON to
 * the merchant's configured URL and signed as the spec says — header
 * `Merchant-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the shared secret>`
 * — with a `Request-Id` that stays the same across retries (receivers deduplicate by it) and a
 * `Timestamp` (RFC 3339).
 *
 * Delivery is in process, in the background: 2xx or 409 (duplicate) is delivered; 429, 5xx and
 * network errors are retried with backoff (1 s, 5 s, 30 s, 2 min: the ACP webhook RFC's suggested
 * schedule, rfc.agentic_checkout_webhook.md §5.1); other 4xx are not retried. Every event and its
 * attempts are recorded in `acp_webhook_events`, so a failed one can be inspected and replayed.
 * Durable delivery (surviving a restart) belongs to Concord's background-work queue (issue 5).
 *
 * @example
 * const hooks = new AcpWebhooks(rt.db, rt.logger);
 * hooks.setTarget('mer_a', { url: 'https://platform.example/acp/webhooks', secret });
 * await hooks.emit('mer_a', 'order_create', order); await hooks.idle();
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../core/logger.js';
import type { Sql } from '../../store/db.js';
import type { AcpOrder } from './types.js';

export interface WebhookTarget {
  url: string;
  /** The shared HMAC secret; never logged. */
  secret: string;
}

export type WebhookEventType = 'order_create' | 'order_update';

export interface WebhookOptions {
  fetch?: typeof fetch;
  /** Waits before each retry; its length is the number of retries (default 1 s, 5 s, 30 s, 2 min). */
  retryDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  timeoutMs?: number;
}

/** The `Merchant-Signature` header value for `body` at `unixSeconds`. */
export function signWebhook(body: string, secret: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

const SIGNATURE = /^t=(\d+),v1=([a-fA-F0-9]{64})$/;

/**
 * Verifies a `Merchant-Signature` as a receiver must: well formed, within `toleranceSeconds` of
 * `nowSeconds` (the spec recommends 300), and the HMAC of the raw body (constant-time compare).
 */
export function verifyWebhookSignature(
  header: string | null | undefined,
  body: string,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const match = header ? SIGNATURE.exec(header) : null;
  if (!match) return false;
  const t = Number(match[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(body, secret, t).slice(-64), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2]!.toLowerCase(), 'hex'));
}

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;
const DEFAULT_DELAYS = [1_000, 5_000, 30_000, 120_000];

export class AcpWebhooks {
  private readonly targets = new Map<string, WebhookTarget>();
  private readonly pending = new Set<Promise<void>>();
  private readonly fetch: typeof fetch;
  private readonly delays: number[];
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;
  private readonly timeoutMs: number;
  private readonly log: Logger;

  constructor(
    private readonly db: Sql,
    logger: Logger,
    options: WebhookOptions = {},
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.delays = options.retryDelaysMs ?? DEFAULT_DELAYS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    this.now = options.now ?? (() => new Date());
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.log = logger.child({ component: 'acp-webhooks' });
  }

  /** Where the merchant's order events go (null: nowhere). */
  setTarget(merchantId: string, target: WebhookTarget | null): void {
    if (target) this.targets.set(merchantId, target);
    else this.targets.delete(merchantId);
  }

  /** Records the event and delivers it in the background; returns its Request-Id, or null without a target. */
  async emit(merchantId: string, type: WebhookEventType, order: AcpOrder): Promise<string | null> {
    const target = this.targets.get(merchantId);
    if (!target) return null;
    const requestId = `whk_${randomUUID()}`;
    const body = JSON.stringify({ type, data: order });
    await this.db.query(
      `insert into acp_webhook_events (merchant_id, request_id, type, checkout_session_id, body, created_at)
       values ($1, $2, $3, $4, $5::json, $6::timestamptz)`,
      [merchantId, requestId, type, order.checkout_session_id, body, this.now().toISOString()],
    );
    const run = this.deliver(merchantId, requestId, body, target).catch((error: unknown) =>
      this.log.error({ err: error, merchantId, requestId }, 'webhook delivery crashed'),
    );
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
    return requestId;
  }

  /** Resolves once every delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async deliver(merchantId: string, requestId: string, body: string, target: WebhookTarget) {
    let lastError = '';
    for (let attempt = 0; attempt <= this.delays.length; attempt++) {
      if (attempt > 0) await this.sleep(this.delays[attempt - 1]!);
      const outcome = await this.attempt(requestId, body, target);
      if (outcome.delivered) return this.record(merchantId, requestId, 'delivered', null);
      lastError = outcome.error;
      if (!outcome.retry) break;
    }
    this.log.warn({ merchantId, requestId, error: lastError }, 'webhook not delivered');
    return this.record(merchantId, requestId, 'failed', lastError);
  }

  private async attempt(requestId: string, body: string, target: WebhookTarget) {
    const now = this.now();
    try {
      const res = await this.fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'merchant-signature': signWebhook(body, target.secret, Math.floor(now.getTime() / 1000)),
          'request-id': requestId,
          timestamp: now.toISOString(),
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await res.body?.cancel();
      if (res.ok || res.status === 409) return { delivered: true as const };
      return { delivered: false as const, retry: RETRYABLE(res.status), error: `HTTP ${res.status}` };
    } catch (error) {
      return { delivered: false as const, retry: true, error: error instanceof Error ? error.name : 'error' };
    } finally {
      await this.db.query(`update acp_webhook_events set attempts = attempts + 1 where request_id = $1`, [
        requestId,
      ]);
    }
  }

  private async record(
    merchantId: string,
    requestId: string,
    status: 'delivered' | 'failed',
    error: string | null,
  ) {
    await this.db.query(
      `update acp_webhook_events set status = $3, last_error = $4,
          delivered_at = case when $3 = 'delivered' then $5::timestamptz else null end
        where merchant_id = $1 and request_id = $2`,
      [merchantId, requestId, status, error, this.now().toISOString()],
    );
  }
}
