import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { idempotencyKey, mayExist, nsExternalId } from './write.js';

describe('idempotencyKey', () => {
  it('given any reference when derived twice then the same v5-layout UUID comes back, distinct per namespace', () => {
    fc.assert(
      fc.property(fc.string(), (ref) => {
        const key = idempotencyKey('sales_order', ref);
        expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(idempotencyKey('sales_order', ref)).toBe(key);
        expect(idempotencyKey('invoice', ref)).not.toBe(key);
      }),
    );
  });
});

describe('nsExternalId / mayExist', () => {
  it('given a reference with other characters when converted then only letters, digits, _ and - remain', () => {
    expect(nsExternalId('ord_1-A')).toBe('ord_1-A');
    expect(nsExternalId('ord#1/a b')).toBe('ord-1-a-b');
  });

  it('given failures when classified then ambiguous and duplicate ones may exist, others not', () => {
    const err = (category: ConcordError['category'], vendorCode?: string) =>
      new ConcordError(category, 'x', 'x', { detail: vendorCode ? { vendorCode } : {} });
    expect(mayExist(err('transient'))).toBe(true);
    expect(mayExist(err('upstream'))).toBe(true);
    expect(mayExist(err('validation', 'DUP_RCRD'))).toBe(true);
    expect(mayExist(err('validation', 'IDEMPOTENCY_ERROR'))).toBe(true);
    expect(mayExist(err('validation', 'INVALID_FLD_VALUE'))).toBe(false);
    expect(mayExist(err('unauthorized'))).toBe(false);
    expect(mayExist(new Error('x'))).toBe(false);
  });
});
