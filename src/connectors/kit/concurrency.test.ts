import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { flushMicrotasks, ManualClock } from './clock.js';
import { ConcurrencyLimiter } from './concurrency.js';

/** A task that holds its slot until `release()` is called, recording when it started. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { release, task: () => done };
}

describe('ConcurrencyLimiter', () => {
  it('property: given random task durations when all are submitted at once then never more than max run, all finish, FIFO', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 30 }),
        async (max, durations) => {
          const clock = new ManualClock();
          const limiter = new ConcurrencyLimiter(max, clock);
          let running = 0;
          let peak = 0;
          const started: number[] = [];
          const all = durations.map((ms, i) =>
            limiter.run(async () => {
              started.push(i);
              running++;
              peak = Math.max(peak, running);
              expect(limiter.inFlight).toBeLessThanOrEqual(max);
              await clock.sleep(ms);
              running--;
              return i;
            }),
          );
          await clock.advance(durations.reduce((a, b) => a + b, 0) + 1);
          expect(await Promise.all(all)).toEqual(durations.map((_, i) => i));
          expect(peak).toBe(Math.min(max, durations.length));
          expect(limiter.stats().maxObserved).toBe(peak);
          expect(limiter.stats().acquisitions).toBe(durations.length);
          expect(started).toEqual(durations.map((_, i) => i));
          expect(limiter.inFlight).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('given one slot when five tasks queue behind a blocker then they start in submission order', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const blocker = gate();
    const order: number[] = [];
    const first = limiter.run(blocker.task);
    const rest = [1, 2, 3, 4, 5].map((n) => limiter.run(async () => void order.push(n)));
    expect(limiter.queued).toBe(5);
    blocker.release();
    await Promise.all([first, ...rest]);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('given a queued task when its signal aborts then it rejects, never runs, and the others proceed', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const blocker = gate();
    const ran: string[] = [];
    const ctl = new AbortController();
    const held = limiter.run(blocker.task);
    const aborted = limiter.run(async () => void ran.push('aborted'), ctl.signal);
    const next = limiter.run(async () => void ran.push('next'));
    ctl.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.queued).toBe(1);
    blocker.release();
    await Promise.all([held, next]);
    expect(ran).toEqual(['next']);
    expect(limiter.inFlight).toBe(0);
  });

  it('given an already aborted signal when run then it rejects without taking a slot', async () => {
    const limiter = new ConcurrencyLimiter(2);
    const ctl = new AbortController();
    ctl.abort();
    await expect(limiter.run(async () => 1, ctl.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.stats().acquisitions).toBe(0);
  });

  it('given a task that throws when it fails then its slot is released', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'ok')).resolves.toBe('ok');
    expect(limiter.inFlight).toBe(0);
  });

  it('given queued tasks when setMax raises the cap then queued tasks start at once', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g) => limiter.run(g.task));
    await flushMicrotasks();
    expect(limiter.inFlight).toBe(1);
    limiter.setMax(3);
    expect(limiter.inFlight).toBe(3);
    limiter.setMax(1);
    gates.forEach((g) => g.release());
    await Promise.all(runs);
    expect(limiter.stats().maxObserved).toBe(3);
  });

  it('given two tasks of 1 s and 3 s when both finish then averageInFlight is time-weighted (4/3)', async () => {
    const clock = new ManualClock(10_000);
    const limiter = new ConcurrencyLimiter(2, clock);
    const a = limiter.run(() => clock.sleep(1_000));
    const b = limiter.run(() => clock.sleep(3_000));
    await clock.advance(3_000);
    await Promise.all([a, b]);
    // 2 in flight for 1 000 ms, then 1 for 2 000 ms: (2 000 + 2 000) / 3 000.
    expect(limiter.stats().averageInFlight).toBeCloseTo(4 / 3, 10);
    await clock.advance(1_000);
    expect(limiter.stats().averageInFlight).toBeCloseTo(1, 10);
  });

  it('given no acquisition yet when asked for stats then all are zero', () => {
    expect(new ConcurrencyLimiter(3).stats()).toEqual({
      acquisitions: 0,
      maxObserved: 0,
      averageInFlight: 0,
    });
  });

  it('given a non-positive or fractional max when constructed then a config error is thrown', () => {
    for (const max of [0, -1, 1.5, Number.NaN]) {
      expect(() => new ConcurrencyLimiter(max)).toThrow(ConcordError);
    }
    expect(() => new ConcurrencyLimiter(2).setMax(0)).toThrow(/positive integer/);
  });
});
