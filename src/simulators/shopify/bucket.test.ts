import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeakyBucket } from './bucket.js';
import { ManualClock } from './testing.js';

describe('leaky bucket', () => {
  it('given a full standard bucket when 2000 points are taken then the next point is refused', () => {
    const bucket = new LeakyBucket({ restoreRate: 100, bucketSize: 2000 }, new ManualClock());
    expect(bucket.tryTake(2000)).toBe(true);
    expect(bucket.tryTake(1)).toBe(false);
    expect(bucket.status()).toEqual({ maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 });
  });

  it('given an empty bucket when 1.5 s pass then 150 points are available again', () => {
    const clock = new ManualClock();
    const bucket = new LeakyBucket({ restoreRate: 100, bucketSize: 2000 }, clock);
    bucket.tryTake(2000);
    clock.advance(1500);
    expect(bucket.status().currentlyAvailable).toBe(150);
    expect(bucket.tryTake(151)).toBe(false);
    expect(bucket.tryTake(150)).toBe(true);
  });

  it('given a refund when it would overflow then the bucket stays at its size', () => {
    const bucket = new LeakyBucket({ restoreRate: 50, bucketSize: 1000 }, new ManualClock());
    bucket.tryTake(100);
    bucket.refund(500);
    expect(bucket.status().currentlyAvailable).toBe(1000);
  });

  it('given any sequence of takes and waits then availability stays within [0, size]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 5000 }))),
        (steps) => {
          const clock = new ManualClock();
          const bucket = new LeakyBucket({ restoreRate: 100, bucketSize: 2000 }, clock);
          for (const [cost, wait] of steps) {
            bucket.tryTake(cost);
            clock.advance(wait);
            const { currentlyAvailable } = bucket.status();
            expect(currentlyAvailable).toBeGreaterThanOrEqual(0);
            expect(currentlyAvailable).toBeLessThanOrEqual(2000);
          }
        },
      ),
    );
  });
});
