/**
 * The leaky bucket behind Shopify's GraphQL rate limit
 * (https://shopify.dev/docs/api/usage/limits#the-leaky-bucket-algorithm): a bucket of
 * `bucketSize` points refilling continuously at `restoreRate` points per second. A request whose
 * requested cost exceeds what is available is throttled; otherwise the requested cost is taken and,
 * after execution, the unused part (requested − actual) is given back. Time comes from an injected
 * clock so tests can move it.
 *
 * @example
 * const bucket = new LeakyBucket({ restoreRate: 100, bucketSize: 2000 }, { now: () => Date.now() });
 * if (bucket.tryTake(252)) { … bucket.refund(252 - actual); }
 */

/** Source of "now" in epoch ms (inject one in tests). */
export interface Clock {
  now(): number;
}

/** Bucket size (points) and restore rate (points per second). */
export interface RateLimit {
  restoreRate: number;
  bucketSize: number;
}

/** `extensions.cost.throttleStatus` as Shopify reports it. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** One app-and-shop cost bucket. */
export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    private limit: RateLimit,
    private readonly clock: Clock,
  ) {
    this.available = limit.bucketSize;
    this.updatedAt = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.available = Math.min(this.limit.bucketSize, this.available + elapsed * this.limit.restoreRate);
    this.updatedAt = now;
  }

  /** Takes `cost` points when available; false (nothing taken) when the request must be throttled. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  /** Gives back unused points (never above the bucket size). */
  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.limit.bucketSize, this.available + Math.max(0, points));
  }

  /** The throttle status now (currently available rounded down, as Shopify shows it). */
  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.limit.bucketSize,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.limit.restoreRate,
    };
  }

  /** Replaces the limits and fills the bucket. */
  reset(limit: RateLimit): void {
    this.limit = limit;
    this.available = limit.bucketSize;
    this.updatedAt = this.clock.now();
  }
}
