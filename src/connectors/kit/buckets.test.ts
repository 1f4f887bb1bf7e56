import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { flushMicrotasks, ManualClock } from './clock.js';
import { CostBucket, TokenBucket } from './buckets.js';

/** Records the clock time at which a promise settles. */
function settledAt(clock: ManualClock, p: Promise<unknown>) {
  const out: { at?: number; error?: unknown } = {};
  p.then(
    () => (out.at = clock.now()),
    (error: unknown) => (out.error = error),
  );
  return out;
}

describe('CostBucket', () => {
  it('given an empty bucket at 100/s when reserving 500 then it waits exactly 5 000 ms', async () => {
    const clock = new ManualClock();
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 100, initial: 0, clock });
    expect(bucket.waitTime(500)).toBe(5_000);
    const r = settledAt(clock, bucket.reserve(500));
    await clock.advance(4_999);
    expect(r.at).toBeUndefined();
    await clock.advance(1);
    expect(r.at).toBe(5_000);
    expect(bucket.available()).toBeCloseTo(0, 6);
  });

  it('given a full bucket when reserving within capacity then it takes the points at once', async () => {
    const bucket = new CostBucket({ capacity: 2_000, restorePerSec: 100, clock: new ManualClock() });
    await bucket.reserve(300);
    expect(bucket.available()).toBe(1_700);
    expect(bucket.waitTime(1_700)).toBe(0);
  });

  it('given an empty bucket when time passes then points restore continuously up to capacity', async () => {
    const clock = new ManualClock();
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 100, initial: 0, clock });
    await clock.advance(2_500);
    expect(bucket.available()).toBeCloseTo(250, 6);
    await clock.advance(100_000);
    expect(bucket.available()).toBe(1_000);
  });

  it('given a server throttle status when observed then the estimate, capacity and rate become the server figures', () => {
    const clock = new ManualClock();
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 100, clock });
    bucket.observe({ maximumAvailable: 2_000, currentlyAvailable: 50, restoreRate: 50 });
    expect(bucket.available()).toBe(50);
    expect(bucket.waitTime(150)).toBe(2_000);
    bucket.refund(10_000);
    expect(bucket.available()).toBe(2_000);
  });

  it('given a waiting reserver when the server says the bucket is full then it proceeds without waiting', async () => {
    const clock = new ManualClock();
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 10, initial: 0, clock });
    const r = settledAt(clock, bucket.reserve(400));
    await flushMicrotasks();
    bucket.observe({ maximumAvailable: 1_000, currentlyAvailable: 1_000, restoreRate: 10 });
    await flushMicrotasks();
    expect(r.at).toBe(0);
    expect(bucket.available()).toBe(600);
  });

  it('given concurrent reservers when the bucket is empty then they are served in arrival order', async () => {
    const clock = new ManualClock();
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 100, initial: 0, clock });
    const order: string[] = [];
    const a = settledAt(
      clock,
      bucket.reserve(300).then(() => order.push('a')),
    );
    const b = settledAt(
      clock,
      bucket.reserve(100).then(() => order.push('b')),
    );
    const c = settledAt(
      clock,
      bucket.reserve(200).then(() => order.push('c')),
    );
    await clock.advance(10_000);
    expect(order).toEqual(['a', 'b', 'c']);
    // The small reserver b does not overtake a: 300 points at 3 s, then 100 more at 4 s, then 200 at 6 s.
    expect([a.at, b.at, c.at]).toEqual([3_000, 4_000, 6_000]);
  });

  it('given a full bucket when refunding then it caps at capacity', async () => {
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 100, clock: new ManualClock() });
    bucket.refund(500);
    expect(bucket.available()).toBe(1_000);
    await bucket.reserve(400);
    bucket.refund(100);
    expect(bucket.available()).toBe(700);
    bucket.refund(-50);
    expect(bucket.available()).toBe(700);
  });

  it('given a waiting reserver when points are refunded then it proceeds early', async () => {
    const clock = new ManualClock();
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 1, initial: 0, clock });
    const r = settledAt(clock, bucket.reserve(200));
    await clock.advance(100);
    bucket.refund(300);
    await flushMicrotasks();
    expect(r.at).toBe(100);
  });

  it('given a cost above capacity when reserving then it rejects with a validation error', async () => {
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 100, clock: new ManualClock() });
    await expect(bucket.reserve(1_001)).rejects.toMatchObject({
      category: 'validation',
      code: 'cost_exceeds_capacity',
    });
    await expect(bucket.reserve(Number.NaN)).rejects.toBeInstanceOf(ConcordError);
  });

  it('given a queued reserver when capacity shrinks below its cost then it rejects instead of waiting forever', async () => {
    const clock = new ManualClock();
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 1, initial: 0, clock });
    const r = settledAt(clock, bucket.reserve(800));
    await flushMicrotasks();
    bucket.observe({ maximumAvailable: 500, currentlyAvailable: 0, restoreRate: 1 });
    await flushMicrotasks();
    expect(r.error).toMatchObject({ code: 'cost_exceeds_capacity' });
  });

  it('given an aborted reserver at the head when aborted then it takes nothing and the next one is served', async () => {
    const clock = new ManualClock();
    const bucket = new CostBucket({ capacity: 1_000, restorePerSec: 100, initial: 0, clock });
    const ctl = new AbortController();
    const big = settledAt(clock, bucket.reserve(900, ctl.signal));
    const small = settledAt(clock, bucket.reserve(100));
    await clock.advance(500);
    ctl.abort();
    await clock.advance(600);
    expect(big.error).toMatchObject({ name: 'AbortError' });
    expect(small.at).toBe(1_000);
    // 100 taken at 1 000 ms, 10 restored in the 100 ms since.
    expect(bucket.available()).toBeCloseTo(10, 6);
  });

  it('given a bad capacity or rate when constructed then a config error is thrown', () => {
    expect(() => new CostBucket({ capacity: 0, restorePerSec: 100 })).toThrow(ConcordError);
    expect(() => new CostBucket({ capacity: 10, restorePerSec: -1 })).toThrow(/positive/);
  });
});

describe('TokenBucket', () => {
  it('given a burst of 4 at 2/s when taking 6 then 4 pass at once and the next come every 500 ms', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSec: 2, burst: 4, clock });
    const takes = Array.from({ length: 6 }, () => settledAt(clock, bucket.take()));
    await clock.advance(5_000);
    expect(takes.map((t) => t.at)).toEqual([0, 0, 0, 0, 500, 1_000]);
  });

  it('given a take of several tokens when short then it waits for the deficit only', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSec: 10, burst: 10, clock });
    await bucket.take(7);
    const t = settledAt(clock, bucket.take(5));
    await clock.advance(1_000);
    expect(t.at).toBe(200);
  });

  it('property: completed takes never exceed burst + rate × elapsed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 25 }),
        async (rate, burst, sizes) => {
          const clock = new ManualClock();
          const bucket = new TokenBucket({ ratePerSec: rate, burst: Math.max(burst, 5), clock });
          const done: { n: number; at: number }[] = [];
          sizes.forEach((n) => void bucket.take(n).then(() => done.push({ n, at: clock.now() })));
          await clock.advance(1_000_000);
          expect(done.map((d) => d.n)).toEqual(sizes);
          let taken = 0;
          for (const d of done) {
            taken += d.n;
            expect(taken).toBeLessThanOrEqual(Math.max(burst, 5) + (rate * d.at) / 1000 + 1e-6);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
