/**
 * Pacing shared per vendor account. A vendor's limit belongs to the account (a Shopify store's cost
 * bucket, a NetSuite account's concurrency cap), not to one client object, so every client for the same
 * account in this process must pace against the same limiter: `sharedLimiter(key, create)` keeps one
 * instance per key. The limiters themselves live in `concurrency.ts` and `buckets.ts`.
 */
export { ConcurrencyLimiter } from './concurrency.js';
export { CostBucket, TokenBucket } from './buckets.js';

const shared = new Map<string, unknown>();

/**
 * One limiter per vendor account per process: the first call for a key creates it, later calls get the
 * same instance (the key must say which kind of limiter it holds if one account has several).
 *
 * @example
 * const bucket = sharedLimiter('shopify:acme.myshopify.com', () => new CostBucket({ capacity: 2_000, restorePerSec: 100 }));
 */
export function sharedLimiter<T>(key: string, create: () => T): T {
  if (shared.has(key)) return shared.get(key) as T;
  const limiter = create();
  shared.set(key, limiter);
  return limiter;
}

/** Forgets shared limiters (all, or one key) — for tests and for an account that was disconnected. */
export function forgetSharedLimiters(key?: string): void {
  if (key === undefined) shared.clear();
  else shared.delete(key);
}
