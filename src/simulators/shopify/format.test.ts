import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalAmount, gid, isoTime, moneyAmount, parseGid, toMinor } from './format.js';

describe('wire formats', () => {
  it('given minor units when printed then Money keeps the digits and Decimal trims like Shopify', () => {
    expect(moneyAmount(3000, 'USD')).toBe('30.00');
    expect(decimalAmount(3000, 'USD')).toBe('30.0');
    expect(decimalAmount(1250, 'USD')).toBe('12.5');
    expect(decimalAmount(1999, 'USD')).toBe('19.99');
    expect(decimalAmount(500, 'JPY')).toBe('500.0');
  });

  it('given any amount when printed and read back then it round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (minor) => {
        expect(toMinor(decimalAmount(minor, 'USD'), 'USD')).toBe(minor);
        expect(toMinor(moneyAmount(minor, 'USD'), 'USD')).toBe(minor);
      }),
    );
  });

  it('given gids when parsed then type and id come back, query strings ignored', () => {
    expect(parseGid(gid('Product', 42))).toEqual({ type: 'Product', id: 42 });
    expect(parseGid('gid://shopify/InventoryLevel/7?inventory_item_id=9')).toEqual({
      type: 'InventoryLevel',
      id: 7,
    });
    expect(parseGid('Product/42')).toBeUndefined();
  });

  it('given a timestamp when printed then it has seconds precision and a Z', () => {
    expect(isoTime(Date.parse('2026-01-15T10:20:30.999Z'))).toBe('2026-01-15T10:20:30Z');
  });
});
