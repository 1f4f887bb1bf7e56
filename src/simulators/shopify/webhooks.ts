/**
 * Webhook delivery as Shopify does it (https://shopify.dev/docs/apps/build/webhooks): an HTTPS POST
 * of the JSON payload to each subscription's URI with `X-Shopify-Topic`, `X-Shopify-Hmac-Sha256`
 * (base64 HMAC-SHA256 of the raw body with the app secret), `X-Shopify-Shop-Domain`,
 * `X-Shopify-Webhook-Id` (kept on retries), `X-Shopify-Event-Id`, `X-Shopify-API-Version` and
 * `X-Shopify-Triggered-At`. A delivery that gets no 2xx within 5 s is retried with the original
 * payload, 8 times with exponential backoff
 * (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism: 8 retries over 4 hours); the
 * simulator compresses the schedule to `baseDelayMs · 2^n` (inferred scale, configurable).
 *
 * @example
 * dispatcher.emit('ORDERS_CREATE', payload, state.webhookSubscriptions); await dispatcher.flush();
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookSubscriptionRecord } from './model/admin.js';

/** Shop identity, signing secret and retry schedule. */
export interface WebhookDispatcherOptions {
  shop: string;
  apiSecret: string;
  apiVersion: string;
  /** Retries after the first attempt (Shopify: 8). */
  retries: number;
  /** First retry delay; doubles each retry. */
  baseDelayMs: number;
  now: () => number;
}

/** One delivery attempt, kept for tests and the sandbox console. */
export interface DeliveryAttempt {
  webhookId: string;
  topic: string;
  uri: string;
  attempt: number;
  status: number | null;
  ok: boolean;
}

/** `ORDERS_CREATE` → `orders/create`, `INVENTORY_LEVELS_UPDATE` → `inventory_levels/update`. */
export function topicHeader(topic: string): string {
  const cut = topic.lastIndexOf('_');
  return `${topic.slice(0, cut).toLowerCase()}/${topic.slice(cut + 1).toLowerCase()}`;
}

/** base64 HMAC-SHA256 of a raw body, as in `X-Shopify-Hmac-Sha256`. */
export function signBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/** Queues, signs, delivers and retries webhooks. */
export class WebhookDispatcher {
  readonly attempts: DeliveryAttempt[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  /** Queues one delivery of `payload` per subscription to `topic`. */
  emit(
    topic: string,
    payload: Record<string, unknown>,
    subscriptions: readonly WebhookSubscriptionRecord[],
  ): void {
    if (this.closed) return;
    const targets = subscriptions.filter((subscription) => subscription.topic === topic);
    if (targets.length === 0) return;
    const body = JSON.stringify(payload);
    const eventId = randomUUID();
    const triggeredAt = new Date(this.options.now()).toISOString();
    for (const subscription of targets) {
      const headers = {
        'Content-Type': 'application/json',
        'X-Shopify-Topic': topicHeader(topic),
        'X-Shopify-Hmac-Sha256': signBody(body, this.options.apiSecret),
        'X-Shopify-Shop-Domain': this.options.shop,
        'X-Shopify-Webhook-Id': randomUUID(),
        'X-Shopify-Event-Id': eventId,
        'X-Shopify-API-Version': this.options.apiVersion,
        'X-Shopify-Triggered-At': triggeredAt,
      };
      this.track(this.deliver(subscription.uri, topic, body, headers));
    }
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  private async deliver(
    uri: string,
    topic: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<void> {
    for (let attempt = 0; attempt <= this.options.retries && !this.closed; attempt++) {
      if (attempt > 0) await this.sleep(this.options.baseDelayMs * 2 ** (attempt - 1));
      if (this.closed) return;
      const status = await this.post(uri, headers, body);
      const ok = status !== null && status >= 200 && status < 300;
      this.attempts.push({
        webhookId: headers['X-Shopify-Webhook-Id'] as string,
        topic: topicHeader(topic),
        uri,
        attempt: attempt + 1,
        status,
        ok,
      });
      if (ok) return;
    }
  }

  /** One POST; the HTTP status, or null when the endpoint could not be reached in 5 s. */
  private async post(uri: string, headers: Record<string, string>, body: string): Promise<number | null> {
    try {
      const response = await fetch(uri, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    } catch {
      return null;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, resolve);
    });
  }

  /** Resolves when every queued delivery (including retries) has finished. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops retrying; pending deliveries end at their next step. */
  close(): void {
    this.closed = true;
    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer);
      resolve();
    }
    this.timers.clear();
  }
}
