/**
 * Medusa v2 Admin API over the kit's HttpClient: the secret API key as HTTP Basic (`base64("<sk>:")`,
 * https://docs.medusajs.com/api/admin#authentication), attempts paced by a ConcurrencyLimiter shared by
 * every client of the same Medusa URL in this process, query strings in the bracket syntax Medusa's
 * `qs` parser reads (`id[]=a`, `updated_at[$gte]=…`, `$or[0][…]`), and lists paged with the kit's
 * `offsetPages` (`limit`/`offset`, ending when `offset + page >= count`). Medusa's error bodies
 * (`{ type, code?, message }`) become the ConcordError's message and `detail.vendorCode`.
 *
 * @example
 * const medusa = new MedusaClient({ settings });
 * for await (const page of medusa.list<MedusaCustomer>('/admin/customers', 'customers', { fields: 'id,email' }))
 *   console.log(page.length);
 */
import type { Logger } from 'pino';
import {
  ConcurrencyLimiter,
  HttpClient,
  offsetPages,
  sharedLimiter,
  systemClock,
  type Clock,
  type RetryPolicy,
} from '../kit/index.js';
import type { MedusaSettings } from './config.js';
import type { MedusaList } from './types.js';

/** A query value: scalars, arrays (`k[]=`) and operator objects (`k[$gte]=`), nested as `qs` reads them. */
export type QueryValue = string | number | boolean | undefined | QueryValue[] | { [key: string]: QueryValue };
export type Query = Record<string, QueryValue>;

function encodePairs(prefix: string, value: QueryValue, out: [string, string][]): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => encodePairs(typeof v === 'object' ? `${prefix}[${i}]` : `${prefix}[]`, v, out));
  } else if (typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) encodePairs(`${prefix}[${key}]`, v, out);
  } else {
    out.push([prefix, String(value)]);
  }
}

/**
 * `?a=1&id[]=x&updated_at[$gte]=…` (brackets and `$` left readable; values percent-encoded).
 *
 * @example
 * encodeQuery({ id: ['a', 'b'], updated_at: { $gte: '2026-01-01' } }) // 'id[]=a&id[]=b&updated_at[$gte]=2026-01-01'
 */
export function encodeQuery(query: Query): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) encodePairs(key, value, pairs);
  const keep = (s: string) =>
    encodeURIComponent(s).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%24/g, '$');
  return pairs.map(([k, v]) => `${keep(k)}=${encodeURIComponent(v)}`).join('&');
}

export interface MedusaClientOptions {
  settings: Pick<MedusaSettings, 'url' | 'apiKey' | 'concurrency' | 'pageSize'>;
  clock?: Clock;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

export class MedusaClient {
  readonly http: HttpClient;
  readonly limiter: ConcurrencyLimiter;
  readonly pageSize: number;

  constructor(opts: MedusaClientOptions) {
    const { settings } = opts;
    this.pageSize = settings.pageSize;
    this.limiter = sharedLimiter(
      `medusa:${settings.url}`,
      () => new ConcurrencyLimiter(settings.concurrency, opts.clock ?? systemClock),
    );
    const authorization = `Basic ${Buffer.from(`${settings.apiKey}:`).toString('base64')}`;
    this.http = new HttpClient({
      name: 'medusa',
      baseUrl: settings.url,
      headers: { authorization },
      clock: opts.clock,
      logger: opts.logger,
      retry: opts.retry,
      timeoutMs: opts.timeoutMs,
      pace: (attempt) => this.limiter.run(attempt),
    });
  }

  /** GET `path?query`; read-only, so retried on 5xx and timeouts. */
  async get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    const qs = encodeQuery(query);
    const res = await this.http.request<T>({ method: 'GET', path: qs ? `${path}?${qs}` : path, signal });
    return res.body;
  }

  /**
   * POST a JSON body. Unguarded by default: a write that failed ambiguously is not resent (Medusa v2
   * honours no idempotency key); callers that know a resend is harmless pass `guarded`.
   */
  async post<T>(path: string, body: unknown, opts: { query?: Query; guarded?: boolean } = {}): Promise<T> {
    const qs = encodeQuery(opts.query ?? {});
    const res = await this.http.request<T>({
      method: 'POST',
      path: qs ? `${path}?${qs}` : path,
      json: body,
      guarded: opts.guarded ?? false,
    });
    return res.body;
  }

  /** Every record of a list endpoint, one page at a time, sorted by id (stable under offset paging). */
  list<T>(
    path: string,
    key: string,
    query: Query,
    opts: { pageSize?: number; signal?: AbortSignal } = {},
  ): AsyncGenerator<T[]> {
    return offsetPages<T>(
      async (offset, limit) => {
        const page = await this.get<MedusaList>(path, { order: 'id', ...query, offset, limit }, opts.signal);
        const items = (page[key] ?? []) as T[];
        return { items, hasMore: offset + items.length < page.count };
      },
      { limit: opts.pageSize ?? this.pageSize },
    );
  }

  /** `count` of a list endpoint for `query` (one record asked for). */
  async count(path: string, query: Query = {}): Promise<number> {
    const page = await this.get<MedusaList>(path, { ...query, fields: 'id', limit: 1 });
    return page.count;
  }
}
