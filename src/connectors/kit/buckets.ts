/**
 * Point buckets that refill continuously: `TokenBucket` (a request-rate limit with a burst, e.g.
 * Amazon SP-API per-operation buckets) and `CostBucket` (Shopify GraphQL's calculated-cost leaky
 * bucket, corrected by the `throttleStatus` every response reports —
 * https://shopify.dev/docs/api/usage/limits). Both serve waiters strictly in arrival order: a waiter that
 * needs more points than are available blocks the ones behind it, so large calls are never starved. The
 * wait is computed from the deficit (`(cost − available) / rate`) and slept on the injected clock.
 * Re-exported from `limiters.ts`.
 */
import { ConcordError } from '../../core/errors.js';
import { abortReason, systemClock, type Clock } from './clock.js';

/** Float slack so that sleeping exactly the computed wait is always enough. */
const EPSILON = 1e-6;
/** setTimeout's ceiling; longer waits are slept in steps. */
const MAX_SLEEP_MS = 2_147_483_647;

interface Reservation {
  cost: number;
  grant: () => void;
  fail: (error: unknown) => void;
}

function positive(value: number, what: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConcordError('config', 'invalid_bucket', `${what} must be a positive number, got ${value}`);
  }
  return value;
}

/** The shared mechanism: continuous refill, FIFO reservations, a pump that sleeps until the head fits. */
abstract class PointBucket {
  protected capacity: number;
  protected ratePerSec: number;
  protected level: number;
  protected lastRefillAt: number;
  protected readonly clock: Clock;
  #queue: Reservation[] = [];
  #pumping = false;
  #wake: AbortController | undefined;

  protected constructor(capacity: number, ratePerSec: number, initial: number | undefined, clock: Clock) {
    this.capacity = positive(capacity, 'Bucket capacity');
    this.ratePerSec = positive(ratePerSec, 'Bucket rate');
    this.clock = clock;
    this.level = Math.min(capacity, Math.max(0, initial ?? capacity));
    this.lastRefillAt = clock.now();
  }

  /** Points available now (estimated). */
  available(): number {
    this.refill();
    return this.level;
  }

  /** Milliseconds until `cost` points would be available (ignoring waiters already queued). */
  waitTime(cost: number): number {
    this.refill();
    const deficit = cost - this.level;
    if (deficit <= EPSILON) return 0;
    return Math.ceil((deficit * 1000) / this.ratePerSec);
  }

  /** How many callers wait for points. */
  get queued(): number {
    return this.#queue.length;
  }

  protected refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.lastRefillAt);
    this.level = Math.min(this.capacity, this.level + (elapsed * this.ratePerSec) / 1000);
    this.lastRefillAt = now;
  }

  protected acquire(cost: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!Number.isFinite(cost) || cost < 0) {
      return Promise.reject(
        new ConcordError('validation', 'invalid_cost', `Cost must be a number ≥ 0, got ${cost}`),
      );
    }
    if (cost > this.capacity) return Promise.reject(this.tooLarge(cost));
    this.refill();
    if (this.#queue.length === 0 && this.level >= cost - EPSILON) {
      this.level -= cost;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.#queue = this.#queue.filter((r) => r !== reservation);
        reject(abortReason(signal!));
        this.kick();
      };
      const reservation: Reservation = {
        cost,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(reservation);
      void this.#pump();
    });
  }

  /** Wakes the pump so it recomputes (state changed: observe, refund, an aborted waiter). */
  protected kick(): void {
    this.#wake?.abort();
  }

  protected tooLarge(cost: number): ConcordError {
    return new ConcordError(
      'validation',
      'cost_exceeds_capacity',
      `Cost ${cost} exceeds the bucket capacity ${this.capacity}`,
      {
        detail: { cost, capacity: this.capacity },
      },
    );
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (let head = this.#queue[0]; head; head = this.#queue[0]) {
        if (head.cost > this.capacity) {
          this.#queue.shift();
          head.fail(this.tooLarge(head.cost));
          continue;
        }
        this.refill();
        if (this.level >= head.cost - EPSILON) {
          this.level -= head.cost;
          this.#queue.shift();
          head.grant();
          continue;
        }
        await this.#idle(this.waitTime(head.cost));
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** Sleeps `ms` on the clock, or less if kicked. */
  async #idle(ms: number): Promise<void> {
    const wake = new AbortController();
    this.#wake = wake;
    try {
      await this.clock.sleep(Math.min(ms, MAX_SLEEP_MS), wake.signal);
    } catch {
      // Woken by kick(): the loop recomputes.
    } finally {
      if (this.#wake === wake) this.#wake = undefined;
    }
  }
}

/**
 * A token bucket: `burst` tokens, refilled at `ratePerSec`; `take(n)` waits (FIFO) until `n` are there.
 *
 * @example
 * const bucket = new TokenBucket({ ratePerSec: 2, burst: 40 }); // 2 req/s, bursts of 40
 * await bucket.take();
 */
export class TokenBucket extends PointBucket {
  constructor(opts: { ratePerSec: number; burst: number; clock?: Clock; initial?: number }) {
    super(opts.burst, opts.ratePerSec, opts.initial, opts.clock ?? systemClock);
  }

  /** Waits until `n` tokens are available (after earlier callers), then takes them. */
  take(n = 1, signal?: AbortSignal): Promise<void> {
    return this.acquire(n, signal);
  }
}

/**
 * Cost-based leaky bucket driven by the server's reported throttle status (Shopify GraphQL). It starts
 * full (or at `initial`), restores `restorePerSec` points per second up to `capacity`, and is reset to
 * the server's figures by `observe()` after each response.
 *
 * @example
 * const bucket = new CostBucket({ capacity: 2_000, restorePerSec: 100 });
 * await bucket.reserve(requestedQueryCost);
 * // …send…
 * bucket.refund(requestedQueryCost - actualQueryCost);
 * bucket.observe(extensions.cost.throttleStatus);
 */
export class CostBucket extends PointBucket {
  constructor(opts: { capacity: number; restorePerSec: number; clock?: Clock; initial?: number }) {
    super(opts.capacity, opts.restorePerSec, opts.initial, opts.clock ?? systemClock);
  }

  /** Waits until the estimated available points cover `cost` (after earlier callers), then takes them. */
  reserve(cost: number, signal?: AbortSignal): Promise<void> {
    return this.acquire(cost, signal);
  }

  /**
   * Server truth after a response: resets the estimate (and capacity / restore rate). Points reserved by
   * calls still in flight are not re-subtracted: the server's figure is taken as it is (inferred to be
   * the better estimate; it errs towards optimism only while other calls are in flight).
   */
  observe(status: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number }): void {
    if (Number.isFinite(status.maximumAvailable) && status.maximumAvailable > 0)
      this.capacity = status.maximumAvailable;
    if (Number.isFinite(status.restoreRate) && status.restoreRate > 0) this.ratePerSec = status.restoreRate;
    if (Number.isFinite(status.currentlyAvailable)) {
      this.level = Math.min(this.capacity, Math.max(0, status.currentlyAvailable));
    }
    this.lastRefillAt = this.clock.now();
    this.kick();
  }

  /** Gives back points taken by reserve() when the actual cost was lower (or the call failed before cost). */
  refund(points: number): void {
    if (!Number.isFinite(points) || points <= 0) return;
    this.refill();
    this.level = Math.min(this.capacity, this.level + points);
    this.kick();
  }
}
