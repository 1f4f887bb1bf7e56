/**
 * Injectable time. Everything in the connector kit that waits (retries, rate limiters) asks a `Clock`
 * for the time and for sleeps, so tests can drive time by hand instead of waiting on the wall clock:
 * `systemClock` is the real one, `ManualClock` only moves when a test calls `advance()`, and
 * `RecordingClock` never waits at all but remembers every sleep it was asked for (tests assert the
 * requested waits, never elapsed time).
 */

/** A source of time and sleeps. `sleep` rejects with the signal's reason when the signal aborts. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The reason an aborted signal carries, or a standard `AbortError` when it has none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Wall-clock time (`Date.now`) and `setTimeout` sleeps. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!(ms > 0)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

interface Sleeper {
  at: number;
  seq: number;
  wake: () => void;
}

/** Lets every promise chain that is already runnable finish (one macrotask turn). */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when told. `advance(ms)` wakes sleepers one at a time in time order, setting
 * `now()` to each sleeper's due time and letting the woken code run (and schedule new sleeps) before
 * looking for the next one — so chains of sleeps inside the window behave as they would in real time.
 *
 * @example
 * const clock = new ManualClock();
 * const done = clock.sleep(5_000);
 * await clock.advance(5_000); // `done` is now resolved and clock.now() === 5_000
 */
export class ManualClock implements Clock {
  #now: number;
  #seq = 0;
  #sleepers: Sleeper[] = [];

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** How many sleeps are waiting for time to pass. */
  get pendingSleeps(): number {
    return this.#sleepers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!(ms > 0)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = {
        at: this.#now + ms,
        seq: this.#seq++,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.#sleepers = this.#sleepers.filter((s) => s !== sleeper);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#sleepers.push(sleeper);
    });
  }

  /** Moves time forward by `ms`, waking every sleeper due within the window in order. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + Math.max(0, ms);
    await flushMicrotasks();
    for (let next = this.#nextDue(target); next; next = this.#nextDue(target)) {
      this.#sleepers = this.#sleepers.filter((s) => s !== next);
      this.#now = Math.max(this.#now, next.at);
      next.wake();
      await flushMicrotasks();
    }
    this.#now = target;
    await flushMicrotasks();
  }

  #nextDue(target: number): Sleeper | undefined {
    let best: Sleeper | undefined;
    for (const s of this.#sleepers) {
      if (s.at > target) continue;
      if (!best || s.at < best.at || (s.at === best.at && s.seq < best.seq)) best = s;
    }
    return best;
  }
}

/**
 * A clock whose sleeps resolve at once but are recorded in `waits` (and move `now()` forward by the
 * requested amount), for asserting what a retry loop asked to wait without waiting.
 *
 * @example
 * const clock = new RecordingClock();
 * await client.request(...); expect(clock.waits).toEqual([2_000]);
 */
export class RecordingClock implements Clock {
  readonly waits: number[] = [];
  #now: number;

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortReason(signal);
    this.waits.push(ms);
    this.#now += Math.max(0, ms);
  }
}
