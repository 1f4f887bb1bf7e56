import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateTax } from './calculate.js';
import { TAX_CATEGORIES } from './categories.js';
import { parseTaxInput } from './input.js';
import { checkTaxResult } from './provider.js';
import { allocate, percentToPpm, ppmToPercent, taxExclusive, taxInclusive } from './rounding.js';
import { line, order } from './testing.js';

describe('rounding helpers', () => {
  it.each([
    [7.25, 72_500, '7.25'],
    [9.975, 99_750, '9.975'],
    [4.225, 42_250, '4.225'],
    [0, 0, '0'],
    [25.5, 255_000, '25.5'],
  ])('given %s%% when converted then it is %i ppm and prints back as %s', (percent, ppm, text) => {
    expect(percentToPpm(percent)).toBe(ppm);
    expect(ppmToPercent(ppm)).toBe(text);
  });

  it('given a rate with 5 decimals when converted then it is refused as a config error', () => {
    expect(() => percentToPpm(1.23456)).toThrow(expect.objectContaining({ code: 'invalid_tax_rate' }));
  });

  it('given 10 split 1:1:1 when allocated then the first part takes the remainder', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('given all-zero weights when allocated then the amount is split evenly', () => {
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
  });
});

const rate = fc.integer({ min: 0, max: 300_000 }); // up to 30%
const amount = fc.integer({ min: 0, max: 10_000_000_000 });

describe('rounding properties', () => {
  it('given any net amount and rate when tax is added then it is within half a minor unit, halves up', () => {
    fc.assert(
      fc.property(amount, rate, (net, ppm) => {
        const tax = taxExclusive(net, ppm);
        const error = BigInt(tax) * 1_000_000n - BigInt(net) * BigInt(ppm); // scaled by 1e6
        expect(error <= 500_000n && error > -500_000n).toBe(true);
      }),
    );
  });

  it('given any gross amount and rate when tax is extracted then net × rate is within a minor unit of the tax', () => {
    fc.assert(
      fc.property(amount, rate, (gross, ppm) => {
        const tax = taxInclusive(gross, ppm, ppm);
        const net = gross - tax;
        expect(net).toBeGreaterThanOrEqual(0);
        const drift = BigInt(tax) * 1_000_000n - BigInt(net) * BigInt(ppm);
        expect(drift <= 1_000_000n && drift >= -1_000_000n).toBe(true);
      }),
    );
  });

  it('given any amount and weights when allocated then the parts add up and each is within 1 of its share', () => {
    fc.assert(
      fc.property(
        amount,
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          const sum = weights.reduce((s, w) => s + w, 0);
          if (sum > 0)
            parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1.000001));
        },
      ),
    );
  });

  const destinations: [string, string | undefined][] = [
    ['US', 'TX'], ['US', 'MA'], ['US', 'NY'], ['CA', 'QC'], ['CA', 'BC'], ['CA', 'MB'], ['CA', 'ON'], ['GB', undefined], ['FR', undefined], ['HU', undefined],
  ]; // prettier-ignore
  const lineArb = fc.record({
    unit: fc.integer({ min: 0, max: 5_000_000 }),
    quantity: fc.integer({ min: 1, max: 20 }),
    category: fc.constantFrom(...TAX_CATEGORIES),
    taxable: fc.boolean(),
  });

  it('given random orders anywhere in the tables when taxed then every line and shipping satisfy gross = net + tax', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...destinations),
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 100_000 }),
        ([country, region], lines, inclusive, shipping) => {
          const request = order(
            country,
            region,
            lines.map((l, i) =>
              line(l.unit, l.category, { id: `l${i}`, quantity: l.quantity, taxable: l.taxable }),
            ),
            { prices_include_tax: inclusive, shipping: { amount: shipping } },
          );
          const result = calculateTax(request);
          expect(checkTaxResult(parseTaxInput(request), result)).toEqual([]);
          for (const l of [...result.lines, result.shipping!]) {
            expect(l.net + l.tax).toBe(l.gross);
            expect(inclusive ? l.gross : l.net).toBe(l.amount);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
