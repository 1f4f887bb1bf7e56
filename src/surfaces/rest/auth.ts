/**
 * API-key authentication: `Authorization: Bearer <key>` resolves to exactly one merchant, which
 * scopes every lookup of the request (another merchant's id is then a plain 404).
 *
 * To keep reads fast, resolved keys are cached in process memory — key *hash* → merchant id, never
 * the key itself — in a small bounded map with a TTL (30 s by default), so a hot client costs no
 * database call for auth. The price: a revoked key keeps working on a node for up to the TTL.
 * Unknown keys are not cached (a key created a moment ago works at once).
 *
 * @example
 * app.use('/orders', bearerAuth(rt.merchants)); // then c.get('merchantId')
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ConcordError } from '../../core/errors.js';
import type { MerchantStore } from '../../store/merchants.js';

export interface AppEnv {
  Variables: { merchantId: string };
}

export interface AuthCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

/** A bounded map whose entries expire; the oldest entry goes when it is full. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: AuthCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
  }

  get size(): number {
    return this.entries.size;
  }
}

const BEARER = /^Bearer[ ]+([\x21-\x7E]{1,512})[ ]*$/i;

const unauthorized = (message: string) => new ConcordError('unauthorized', 'unauthorized', message);

/** Middleware: sets `merchantId` from the bearer key, or fails with 401. */
export function bearerAuth(
  merchants: MerchantStore,
  options: AuthCacheOptions = {},
): MiddlewareHandler<AppEnv> {
  const cache = new TtlCache<string>(options);
  return async (c, next) => {
    const header = c.req.header('authorization');
    const secret = header ? BEARER.exec(header)?.[1] : undefined;
    if (!secret) throw unauthorized('Send your API key as "Authorization: Bearer <key>"');
    const hash = createHash('sha256').update(secret).digest('base64url');
    let merchantId = cache.get(hash);
    if (merchantId === undefined) {
      merchantId = (await merchants.merchantForKey(secret)) ?? undefined;
      if (merchantId === undefined) throw unauthorized('The API key is not valid');
      cache.set(hash, merchantId);
    }
    c.set('merchantId', merchantId);
    await next();
  };
}
