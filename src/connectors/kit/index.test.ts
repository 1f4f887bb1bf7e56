import { describe, expect, it } from 'vitest';
import * as kit from './index.js';

describe('kit index', () => {
  it('given the kit entry point when imported then every contract export is there', () => {
    const names = [
      'systemClock',
      'ManualClock',
      'decideRetry',
      'parseRetryAfter',
      'DEFAULT_RETRY_POLICY',
      'ConcurrencyLimiter',
      'TokenBucket',
      'CostBucket',
      'sharedLimiter',
      'cursorPages',
      'offsetPages',
      'linkPages',
      'parseLinkHeader',
      'pageNumberPages',
      'HttpClient',
      'hmacSignature',
      'verifyHmacSignature',
      'verifyStandardWebhook',
    ];
    for (const name of names) expect(kit, name).toHaveProperty(name);
    expect(kit.DEFAULT_RETRY_POLICY.retryAfterHeaders).toEqual(['retry-after', 'x-retry-after']);
  });
});
