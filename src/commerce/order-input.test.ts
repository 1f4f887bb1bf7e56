import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../core/errors.js';
import { fieldPath, MAX_LINE_QUANTITY, validateOrderInput } from './order-input.js';

const customer = { email: 'a@example.com' };

function fieldsOf(input: unknown): string[] {
  try {
    validateOrderInput(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConcordError);
    return (error as ConcordError).issues.map((i) => i.field);
  }
}

describe('validateOrderInput', () => {
  it('given any integer quantity from 1 to 10 000 when validated then the line is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_LINE_QUANTITY }), (quantity) => {
        expect(fieldsOf({ lines: [{ sku: 'A', quantity }], customer })).toEqual([]);
      }),
    );
  });

  it('given any quantity outside 1..10 000 or not an integer when validated then lines[i].quantity is named', () => {
    const bad = fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: MAX_LINE_QUANTITY + 1 }),
      fc.double({ noNaN: true }).filter((d) => !Number.isInteger(d)),
    );
    fc.assert(
      fc.property(bad, fc.nat({ max: 5 }), (quantity, index) => {
        const lines = Array.from({ length: index + 1 }, (_, i) => ({
          sku: 'A',
          quantity: i === index ? quantity : 1,
        }));
        expect(fieldsOf({ lines, customer })).toEqual([`lines[${index}].quantity`]);
      }),
    );
  });

  it('given a line with neither or both of sku and variant_id when validated then the line is named', () => {
    expect(fieldsOf({ lines: [{ quantity: 1 }], customer })).toEqual(['lines[0].sku']);
    expect(fieldsOf({ lines: [{ sku: 'A', variant_id: 'var_1', quantity: 1 }], customer })).toEqual([
      'lines[0].sku',
    ]);
  });

  it('given unknown keys at any level when validated then each is named at its own path', () => {
    expect(
      fieldsOf({
        lines: [{ sku: 'A', quantity: 1, colour: 'red' }],
        customer: { ...customer, vip: true },
        coupon: 'X',
      }).sort(),
    ).toEqual(['coupon', 'customer.vip', 'lines[0].colour']);
  });

  it('given a body that is not an object when validated then the body itself is named', () => {
    expect(fieldsOf([])).toEqual(['(body)']);
    expect(fieldsOf('order')).toEqual(['(body)']);
  });
});

describe('fieldPath', () => {
  it('given mixed keys and indexes when joined then it reads like lines[0].sku', () => {
    expect(fieldPath(['lines', 0, 'sku'])).toBe('lines[0].sku');
    expect(fieldPath(['a', 'b', 2, 3, 'c'])).toBe('a.b[2][3].c');
    expect(fieldPath([])).toBe('');
  });
});
