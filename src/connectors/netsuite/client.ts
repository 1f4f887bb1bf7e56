/**
 * SuiteTalk REST over the kit's HttpClient. Every attempt is signed afresh (OAuth 1.0a TBA, new nonce and
 * timestamp: NetSuite rejects a reused nonce) — the signer needs the attempt's method and URL, which the
 * kit's `headers` hook does not receive, so each request runs inside an AsyncLocalStorage scope that
 * carries them. Attempts are paced by a ConcurrencyLimiter shared by every client of the account in this
 * process (`netsuite:<account>`), sized from `GET /services/rest/system/v1/governanceLimits`
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0625010817.html) or 5 when that
 * cannot be read. A 429 CONCURRENCY_LIMIT_EXCEEDED (another integration used the account's slots) is
 * retried by the kit. NetSuite's error bodies (`o:errorDetails[].detail` / `o:errorCode`) become the
 * ConcordError's message and `detail.vendorCode` (kit `http-errors.ts`); the secrets never leave the HMAC key.
 *
 * @example
 * const ns = new NetSuiteClient({ settings });
 * const page = await ns.suiteql<{ id: string }>('SELECT id FROM item ORDER BY id', 0, 1000);
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import { ConcordError } from '../../core/errors.js';
import {
  buildUrl,
  ConcurrencyLimiter,
  HttpClient,
  oauth1Signer,
  sharedLimiter,
  systemClock,
  type Clock,
  type HttpRequest,
  type HttpResponse,
  type RetryPolicy,
} from '../kit/index.js';
import { netSuiteEndpoint, type NetSuiteSettings } from './config.js';
import { NETSUITE_MANIFEST } from './manifest.js';
import type { NsCollection, NsGovernanceLimits } from './types.js';

export interface NetSuiteClientOptions {
  settings: NetSuiteSettings;
  clock?: Clock;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

/** 429s from a busy account are cheap to retry (nothing ran): allow more attempts than the default. */
const NETSUITE_RETRY: Partial<RetryPolicy> = { maxAttempts: 8 };

/** The concurrency an account grants this integration, from a governanceLimits answer (field names inferred). */
export function concurrencyFrom(body: NsGovernanceLimits | undefined): number | undefined {
  const candidates = [
    body?.integrationConcurrencyLimit,
    body?.accountUnallocatedConcurrencyLimit,
    body?.accountConcurrencyLimit,
  ];
  return candidates.find((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0);
}

/** The record id at the end of a `Location` header (`…/record/v1/salesOrder/123`). */
export function idFromLocation(location: string | null): string {
  const id = location ? /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(location)?.[1] : undefined;
  if (!id) {
    throw new ConcordError(
      'upstream',
      'netsuite_missing_location',
      'NetSuite created a record without a Location header',
    );
  }
  return decodeURIComponent(id);
}

export class NetSuiteClient {
  readonly limiter: ConcurrencyLimiter;
  readonly http: HttpClient;
  readonly endpoint: string;
  readonly #settings: NetSuiteSettings;
  readonly #scope = new AsyncLocalStorage<{ method: string; url: string }>();
  readonly #logger: Logger | undefined;
  #ready: Promise<void> | undefined;

  constructor(opts: NetSuiteClientOptions) {
    const { settings } = opts;
    const clock = opts.clock ?? systemClock;
    this.#settings = settings;
    this.#logger = opts.logger;
    this.endpoint = netSuiteEndpoint(settings);
    const sign = oauth1Signer(
      {
        consumerKey: settings.consumerKey,
        consumerSecret: settings.consumerSecret,
        tokenId: settings.tokenId,
        tokenSecret: settings.tokenSecret,
      },
      { realm: settings.accountId, clock },
    );
    this.limiter = sharedLimiter(
      `netsuite:${settings.accountId.toUpperCase()}`,
      () =>
        new ConcurrencyLimiter(settings.concurrency ?? NETSUITE_MANIFEST.limits.fallbackConcurrency, clock),
    );
    this.http = new HttpClient({
      name: 'netsuite',
      baseUrl: this.endpoint,
      headers: (): Record<string, string> => {
        const attempt = this.#scope.getStore();
        return attempt ? { authorization: sign(attempt.method, attempt.url) } : {};
      },
      pace: (attempt) => this.limiter.run(attempt),
      retry: { ...NETSUITE_RETRY, ...opts.retry },
      clock,
      logger: opts.logger,
      timeoutMs: opts.timeoutMs,
    });
  }

  /** Sizes the shared limiter once (governanceLimits, or the `concurrency` setting, or 5 with a warning). */
  ready(): Promise<void> {
    this.#ready ??= this.#sizeLimiter();
    return this.#ready;
  }

  async #sizeLimiter(): Promise<void> {
    if (this.#settings.concurrency) {
      this.limiter.setMax(this.#settings.concurrency);
      return;
    }
    let limit: number | undefined;
    try {
      const res = await this.#send<NsGovernanceLimits>({
        method: 'GET',
        path: NETSUITE_MANIFEST.paths.governanceLimits,
      });
      limit = concurrencyFrom(res.body);
    } catch (error) {
      this.#logger?.warn(
        { code: error instanceof ConcordError ? error.code : 'unknown' },
        'governanceLimits unreadable',
      );
    }
    if (limit === undefined) {
      this.#logger?.warn(
        { fallback: NETSUITE_MANIFEST.limits.fallbackConcurrency },
        'NetSuite concurrency limit unknown; using fallback',
      );
    }
    this.limiter.setMax(limit ?? NETSUITE_MANIFEST.limits.fallbackConcurrency);
  }

  /** One signed, paced, retried request (after the limiter is sized). */
  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    await this.ready();
    return this.#send<T>(req);
  }

  #send<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const url = buildUrl(this.endpoint, req.path, req.query).toString();
    return this.#scope.run({ method: req.method, url }, () =>
      this.http.request<T>({ ...req, path: url, query: undefined }),
    );
  }

  /** One SuiteQL page (`Prefer: transient`); read-only, so retried on 5xx/timeouts too. */
  async suiteql<T>(q: string, offset: number, limit: number, signal?: AbortSignal): Promise<NsCollection<T>> {
    const res = await this.request<NsCollection<T>>({
      method: 'POST',
      path: NETSUITE_MANIFEST.paths.suiteql,
      query: { limit, offset },
      headers: { prefer: 'transient' },
      json: { q },
      guarded: true,
      signal,
    });
    return res.body;
  }

  /** A record by internal id (or `eid:<externalId>`, URI-encoded by the caller), or null on 404. */
  async getRecord<T>(type: string, id: string, opts: { expand?: boolean } = {}): Promise<T | null> {
    try {
      const res = await this.request<T>({
        method: 'GET',
        path: `${NETSUITE_MANIFEST.paths.record}/${type}/${id}`,
        query: opts.expand ? { expandSubResources: 'true' } : undefined,
      });
      return res.body;
    } catch (error) {
      if (error instanceof ConcordError && error.category === 'not_found') return null;
      throw error;
    }
  }

  /** POSTs (create or transform) with an idempotency key; returns the new record's id from `Location`. */
  async post(path: string, body: unknown, idempotencyKey: string): Promise<string> {
    const res = await this.request({
      method: 'POST',
      path: `${NETSUITE_MANIFEST.paths.record}/${path}`,
      json: body,
      headers: { [NETSUITE_MANIFEST.idempotencyHeader]: idempotencyKey },
      // The idempotency key makes a resend safe (a duplicate answers like the first, or 400 — handled by the caller).
      guarded: true,
    });
    return idFromLocation(res.headers.get('location'));
  }
}
