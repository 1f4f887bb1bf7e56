/**
 * A concurrency cap: at most `max` tasks run at once, the rest wait in a FIFO queue (NetSuite's
 * per-account concurrency limit, Business Central's 5 concurrent requests per environment). A freed slot
 * is handed straight to the oldest waiter, so a newcomer can never overtake the queue. Waiters can be
 * aborted. `stats()` reports how busy the limiter was, time-weighted through the injected clock.
 * Re-exported from `limiters.ts`.
 */
import { ConcordError } from '../../core/errors.js';
import { abortReason, systemClock, type Clock } from './clock.js';

interface Waiter {
  grant: () => void;
}

function checkMax(max: number): number {
  if (!Number.isInteger(max) || max < 1) {
    throw new ConcordError(
      'config',
      'invalid_concurrency',
      `Concurrency limit must be a positive integer, got ${max}`,
    );
  }
  return max;
}

/**
 * Runs tasks with at most `max` in flight.
 *
 * @example
 * const limiter = new ConcurrencyLimiter(15); // NetSuite account limit
 * const record = await limiter.run(() => http.request({ method: 'GET', path: '/record/v1/item/1' }));
 */
export class ConcurrencyLimiter {
  #max: number;
  #inFlight = 0;
  #queue: Waiter[] = [];
  readonly #clock: Clock;
  #acquisitions = 0;
  #maxObserved = 0;
  #firstAcquireAt: number | undefined;
  #lastChangeAt = 0;
  /** ∫ inFlight dt since the first acquisition (ms × tasks). */
  #area = 0;

  constructor(max: number, clock: Clock = systemClock) {
    this.#max = checkMax(max);
    this.#clock = clock;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** How many tasks wait for a slot. */
  get queued(): number {
    return this.#queue.length;
  }

  get max(): number {
    return this.#max;
  }

  /** Runs `fn` once a slot is free (FIFO); rejects with the signal's reason if aborted while waiting. */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  /** Changes the cap; raising it starts queued tasks at once, lowering it lets running ones finish. */
  setMax(max: number): void {
    this.#max = checkMax(max);
    this.#dispatch();
  }

  /** Acquisitions so far, the highest in-flight count seen, and the time-weighted mean in flight. */
  stats(): { acquisitions: number; maxObserved: number; averageInFlight: number } {
    const now = this.#clock.now();
    const elapsed = this.#firstAcquireAt === undefined ? 0 : now - this.#firstAcquireAt;
    const area = this.#area + this.#inFlight * (now - this.#lastChangeAt);
    return {
      acquisitions: this.#acquisitions,
      maxObserved: this.#maxObserved,
      // Over an empty interval the time-weighted mean is the current level.
      averageInFlight: elapsed > 0 ? area / elapsed : this.#inFlight,
    };
  }

  #acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#queue.length === 0 && this.#inFlight < this.#max) {
      this.#changeInFlight(+1);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.#queue = this.#queue.filter((w) => w !== waiter);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
    });
  }

  #release(): void {
    this.#changeInFlight(-1);
    this.#dispatch();
  }

  #dispatch(): void {
    while (this.#inFlight < this.#max) {
      const next = this.#queue.shift();
      if (!next) return;
      this.#changeInFlight(+1);
      next.grant();
    }
  }

  #changeInFlight(delta: 1 | -1): void {
    const now = this.#clock.now();
    if (this.#firstAcquireAt === undefined) {
      this.#firstAcquireAt = now;
    } else {
      this.#area += this.#inFlight * (now - this.#lastChangeAt);
    }
    this.#lastChangeAt = now;
    this.#inFlight += delta;
    if (delta > 0) this.#acquisitions++;
    this.#maxObserved = Math.max(this.#maxObserved, this.#inFlight);
  }
}
