/**
 * The HTTP client every connector uses, on Node's global `fetch` (undici, keep-alive by default). Each
 * attempt runs inside the optional `pace` hook (a concurrency slot, a bucket reservation), is bounded by
 * an AbortSignal timeout, and its outcome goes through `decideRetry`; waits are slept on the injected
 * clock. A 2xx body can be flagged as throttled by `inspect` (GraphQL THROTTLED), and is then retried
 * like a 429. What finally fails is a ConcordError whose message, detail and cause never hold a header
 * value (see `http-errors.ts`).
 */
import type { Logger } from 'pino';
import { ConcordError } from '../../core/errors.js';
import { abortReason, systemClock, type Clock } from './clock.js';
import { secretsOf, toConcordError, type Failure } from './http-errors.js';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from './retry.js';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to baseUrl, or an absolute URL. */
  path: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** JSON body (sets content-type). */
  json?: unknown;
  /** Raw body. */
  body?: string;
  timeoutMs?: number;
  /** See RetryInput.guarded; default: true for GET, false otherwise. */
  guarded?: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface ResponseInspection {
  throttled?: boolean;
  waitMs?: number;
}

export interface HttpClientOptions {
  /** E.g. 'shopify' (for logs and errors; never a secret). */
  name: string;
  baseUrl: string;
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  /** Runs around every attempt (pacing): e.g. a ConcurrencyLimiter.run or a TokenBucket.take. */
  pace?: <T>(attempt: () => Promise<T>) => Promise<T>;
  /** Looks at a 2xx or 429 response for vendor throttle signals in the body (GraphQL THROTTLED, throttleStatus). */
  inspect?: (res: HttpResponse) => ResponseInspection | undefined;
  logger?: Logger;
}

type Outcome =
  | { kind: 'ok'; response: HttpResponse }
  | { kind: 'failed'; failure: Failure; response?: HttpResponse; waitMs?: number };

const DEFAULT_TIMEOUT_MS = 30_000;

/** `baseUrl` + `path` (or `path` alone when absolute), with `query` appended (undefined values skipped). */
export function buildUrl(baseUrl: string, path: string, query?: HttpRequest['query']): URL {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(path);
  const url = new URL(absolute ? path : `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
  return url;
}

function isJson(contentType: string | null): boolean {
  return /[/+]json\b/i.test(contentType ?? '');
}

/**
 * An HTTP client for one vendor account.
 *
 * @example
 * const http = new HttpClient({ name: 'shopify', baseUrl: `https://${shop}/admin/api/2026-10`,
 *   headers: { 'X-Shopify-Access-Token': token }, pace: (a) => limiter.run(a) });
 * const res = await http.request<{ data: unknown }>({ method: 'POST', path: '/graphql.json', json: { query }, guarded: true });
 */
export class HttpClient {
  readonly stats = { requests: 0, retries: 0, throttled: 0 };
  readonly #opts: HttpClientOptions;
  readonly #clock: Clock;
  readonly #policy: RetryPolicy;

  constructor(opts: HttpClientOptions) {
    this.#opts = opts;
    this.#clock = opts.clock ?? systemClock;
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  }

  /**
   * Sends with retries per decideRetry; resolves with the 2xx response (JSON parsed when JSON), or throws
   * ConcordError: 400/422 → 'validation' (code `<name>_bad_request`), 401 → 'unauthorized', 403 →
   * 'forbidden', 404 → 'not_found', 409 → 'conflict', 429 / throttled → 'rate_limited', 5xx → 'upstream',
   * timeout → 'transient' (code 'timeout'), network → 'transient' (code 'network_error'); `detail` holds
   * { status, vendorCode?, attempts, reason } and never the request headers. A caller's abort rejects
   * with the signal's reason, unretried.
   */
  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    const url = buildUrl(this.#opts.baseUrl, req.path, req.query);
    const guarded = req.guarded ?? req.method === 'GET';
    const timeoutMs = req.timeoutMs ?? this.#opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const pace = this.#opts.pace ?? (<R>(attempt: () => Promise<R>) => attempt());
    for (let attempt = 1; ; attempt++) {
      const { headers, secrets } = await this.#headers(req);
      const outcome = await pace(() => this.#attempt(req, url, headers, timeoutMs));
      if (outcome.kind === 'ok') return outcome.response as HttpResponse<T>;
      const { failure } = outcome;
      const decision = decideRetry(
        {
          attempt,
          method: req.method,
          guarded,
          status: failure.kind === 'status' ? failure.status : undefined,
          error: failure.kind === 'status' ? undefined : failure.kind,
          headers: outcome.response?.headers,
          throttled: failure.kind === 'status' && failure.throttled,
          vendorWaitMs: outcome.waitMs,
          nowMs: this.#clock.now(),
        },
        this.#policy,
      );
      const ctx = {
        name: this.#opts.name,
        method: req.method,
        path: url.pathname,
        attempts: attempt,
        guarded,
        timeoutMs,
      };
      if (!decision.retry) {
        throw toConcordError(failure, { ...ctx, reason: decision.reason, secrets, waitMs: decision.waitMs });
      }
      this.stats.retries++;
      this.#log(decision.reason, {
        ...ctx,
        status: failure.kind === 'status' ? failure.status : failure.kind,
        waitMs: decision.waitMs,
      });
      await this.#clock.sleep(decision.waitMs, req.signal);
    }
  }

  /** Merged headers for one attempt (resolved each time, so a refreshed token is used on retry). */
  async #headers(req: HttpRequest): Promise<{ headers: Headers; secrets: string[] }> {
    const base = typeof this.#opts.headers === 'function' ? await this.#opts.headers() : this.#opts.headers;
    const secrets = secretsOf(base, req.headers);
    const headers = new Headers({ accept: 'application/json' });
    for (const [key, value] of [...Object.entries(base ?? {}), ...Object.entries(req.headers ?? {})]) {
      try {
        headers.set(key, value);
      } catch {
        // undici's message quotes the value: name the header only.
        throw new ConcordError(
          'config',
          `${this.#opts.name}_invalid_header`,
          `Header "${key}" has an invalid value`,
        );
      }
    }
    if (req.json !== undefined && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    return { headers, secrets };
  }

  async #attempt(req: HttpRequest, url: URL, headers: Headers, timeoutMs: number): Promise<Outcome> {
    if (req.signal?.aborted) throw abortReason(req.signal);
    this.stats.requests++;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const body = req.json !== undefined ? JSON.stringify(req.json) : req.body;
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method: req.method, headers, body, signal });
      text = await res.text();
    } catch (cause) {
      if (req.signal?.aborted) throw abortReason(req.signal);
      return { kind: 'failed', failure: { kind: timeout.aborted ? 'timeout' : 'network', cause } };
    }
    const response: HttpResponse = {
      status: res.status,
      headers: res.headers,
      body: this.#parse(res, text),
      text,
    };
    if (res.status >= 200 && res.status < 300) {
      const inspection = this.#opts.inspect?.(response);
      if (!inspection?.throttled) return { kind: 'ok', response };
      this.stats.throttled++;
      const failure: Failure = {
        kind: 'status',
        status: res.status,
        statusText: res.statusText,
        body: response.body,
        throttled: true,
      };
      return { kind: 'failed', failure, response, waitMs: inspection.waitMs };
    }
    const failure: Failure = {
      kind: 'status',
      status: res.status,
      statusText: res.statusText,
      body: response.body,
      throttled: false,
    };
    if (res.status !== 429) return { kind: 'failed', failure, response };
    // A 429's body may say how long to wait (Shopify's throttleStatus): `inspect` sees it too.
    this.stats.throttled++;
    return { kind: 'failed', failure, response, waitMs: this.#opts.inspect?.(response)?.waitMs };
  }

  #parse(res: Response, text: string): unknown {
    if (text.trim() === '') return undefined;
    if (!isJson(res.headers.get('content-type'))) return text;
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      if (!res.ok) return text;
      throw new ConcordError(
        'upstream',
        `${this.#opts.name}_invalid_json`,
        `${this.#opts.name} sent a body that is not valid JSON`,
        {
          cause,
          detail: { status: res.status },
        },
      );
    }
  }

  #log(reason: string, fields: Record<string, unknown>): void {
    const log = this.#opts.logger;
    if (!log) return;
    if (reason === 'rate_limited')
      log.debug({ client: this.#opts.name, ...fields, reason }, 'throttled; waiting before retry');
    else log.warn({ client: this.#opts.name, ...fields, reason }, 'request failed; retrying');
  }
}
