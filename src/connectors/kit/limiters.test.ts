import { afterEach, describe, expect, it } from 'vitest';
import {
  ConcurrencyLimiter,
  CostBucket,
  forgetSharedLimiters,
  sharedLimiter,
  TokenBucket,
} from './limiters.js';

describe('sharedLimiter', () => {
  afterEach(() => forgetSharedLimiters());

  it('given the same key when asked twice then the same instance is returned and create runs once', () => {
    let created = 0;
    const make = () => (created++, new CostBucket({ capacity: 2_000, restorePerSec: 100 }));
    const a = sharedLimiter('shopify:acme.myshopify.com', make);
    const b = sharedLimiter('shopify:acme.myshopify.com', make);
    expect(b).toBe(a);
    expect(created).toBe(1);
  });

  it('given different keys when asked then each key has its own limiter', () => {
    const a = sharedLimiter('netsuite:123', () => new ConcurrencyLimiter(15));
    const b = sharedLimiter('netsuite:456', () => new ConcurrencyLimiter(15));
    expect(b).not.toBe(a);
  });

  it('given a forgotten key when asked again then a new limiter is created', () => {
    const a = sharedLimiter('amazon:seller-1', () => new TokenBucket({ ratePerSec: 1, burst: 5 }));
    forgetSharedLimiters('amazon:seller-1');
    expect(sharedLimiter('amazon:seller-1', () => new TokenBucket({ ratePerSec: 1, burst: 5 }))).not.toBe(a);
  });
});
