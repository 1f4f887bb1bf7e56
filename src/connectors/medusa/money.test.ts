import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { decimalText, majorFromMinor, minorFromMajor, minorFromMajorRounded, roundDecimal } from './money.js';

const CURRENCIES = [
  ['USD', 2],
  ['EUR', 2],
  ['JPY', 0],
  ['KWD', 3],
] as const;

describe('Medusa major units ⇄ Concord minor units', () => {
  it('given Medusa prices in major units when read then they become minor units by the currency exponent', () => {
    expect(minorFromMajor(24.5, 'usd')).toEqual({ amount: 2450, currency: 'USD' });
    expect(minorFromMajor(1999, 'USD')).toEqual({ amount: 199_900, currency: 'USD' });
    expect(minorFromMajor(0.99, 'EUR')).toEqual({ amount: 99, currency: 'EUR' });
    expect(minorFromMajor(1500, 'jpy')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(minorFromMajor(1.234, 'KWD')).toEqual({ amount: 1234, currency: 'KWD' });
    expect(minorFromMajor({ value: '249.99', precision: 20 }, 'usd')).toEqual({
      amount: 24_999,
      currency: 'USD',
    });
  });

  it('given a price with more decimals than its currency when read then it is refused, not rounded', () => {
    const error = (() => {
      try {
        minorFromMajor(1.005, 'USD');
      } catch (e) {
        return e as ConcordError;
      }
    })();
    expect(error?.code).toBe('invalid_amount');
    expect(() => minorFromMajor(10.5, 'JPY')).toThrow(ConcordError);
  });

  it('given computed totals with float noise or extra digits when read then they round half away from zero', () => {
    expect(minorFromMajorRounded(26.52125, 'USD')).toEqual({ amount: 2652, currency: 'USD' });
    expect(minorFromMajorRounded(24.499999999999996, 'USD')).toEqual({ amount: 2450, currency: 'USD' });
    expect(minorFromMajorRounded(1.005, 'USD')).toEqual({ amount: 101, currency: 'USD' });
    expect(minorFromMajorRounded(-1.005, 'USD')).toEqual({ amount: -101, currency: 'USD' });
    expect(minorFromMajorRounded(-0.001, 'USD')).toEqual({ amount: 0, currency: 'USD' });
    expect(minorFromMajorRounded(1e-7, 'USD')).toEqual({ amount: 0, currency: 'USD' });
    expect(roundDecimal('9.995', 2)).toBe('10.00');
    expect(roundDecimal('12.5', 0)).toBe('13');
  });

  it('given minor units when written then Medusa gets the exact major-unit number', () => {
    expect(majorFromMinor({ amount: 2450, currency: 'USD' })).toBe(24.5);
    expect(majorFromMinor({ amount: 99, currency: 'USD' })).toBe(0.99);
    expect(majorFromMinor({ amount: 1500, currency: 'JPY' })).toBe(1500);
    expect(majorFromMinor({ amount: 1234, currency: 'KWD' })).toBe(1.234);
  });

  it('given what is not a number when read then it is an upstream error naming no secret', () => {
    expect(() => decimalText('12,50')).toThrow(ConcordError);
    expect(() => decimalText(Number.NaN)).toThrow(ConcordError);
    expect(() => decimalText(1e22)).toThrow(ConcordError);
  });

  it('given any minor amount in any currency when written as major units and read back then it is unchanged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: 0, max: 10 ** 11 }),
        ([currency], amount) => {
          const major = majorFromMinor({ amount, currency });
          expect(minorFromMajor(major, currency)).toEqual({ amount, currency });
          expect(minorFromMajorRounded(major, currency)).toEqual({ amount, currency });
        },
      ),
    );
  });

  it('given any decimal text when rounded then it is within half a minor unit and has the currency digits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        ([, digits], units, scale) => {
          const raw = units.toString().padStart(scale + 1, '0');
          const text = scale === 0 ? raw : `${raw.slice(0, -scale)}.${raw.slice(-scale)}`;
          const rounded = roundDecimal(text, digits);
          expect(rounded.split('.')[1]?.length ?? 0).toBe(digits);
          // |rounded − text| ≤ ½ minor unit, compared exactly in integers at the finer scale.
          const fine = Math.max(scale, digits) + 1;
          const toFine = (t: string) => {
            const [w = '0', f = ''] = t.split('.');
            return BigInt(w + f.padEnd(fine, '0'));
          };
          const diff = toFine(rounded) - toFine(text);
          const half = 5n * 10n ** BigInt(fine - digits - 1);
          expect(diff <= half && diff > -half).toBe(true);
        },
      ),
    );
  });
});
