import { describe, expect, it } from 'vitest';
import { seedState } from './seed.js';
import { available } from './state.js';

function upcValid(code: string): boolean {
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 11).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === digits[11];
}

describe('NetSuite seed', () => {
  it('given the same options twice when seeding then identical accounts; another seed differs', () => {
    const a = seedState({ items: 200, customers: 20, seed: 4 });
    const b = seedState({ items: 200, customers: 20, seed: 4 });
    const c = seedState({ items: 200, customers: 20, seed: 5 });
    const snapshot = (s: ReturnType<typeof seedState>) =>
      JSON.stringify([s.items, s.locations, s.stock, s.prices, s.priceLevels, s.customers]);
    expect(snapshot(a)).toBe(snapshot(b));
    expect(snapshot(a)).not.toBe(snapshot(c));
  });

  it('given defaults when seeding then 3 warehouses, a stock row per item and location, and a price per level', () => {
    const state = seedState({ items: 100, customers: 10 });
    expect(state.locations.map((l) => l.name)).toEqual([
      'East Coast Warehouse',
      'West Coast Warehouse',
      'Central Distribution Center',
    ]);
    expect(state.stock).toHaveLength(300);
    expect(state.prices).toHaveLength(300);
    expect(state.priceLevels.map((p) => p.name)).toEqual(['Base Price', 'Wholesale', 'Online Price']);
    for (const row of state.stock) {
      expect(row.committed).toBeLessThanOrEqual(row.onHand);
      expect(available(row)).toBe(row.onHand - row.committed);
    }
  });

  it('given seeded items then SKU-style ids are unique, UPCs carry a valid check digit, and wholesale is below base', () => {
    const state = seedState({ items: 300, customers: 40, seed: 8 });
    expect(new Set(state.items.map((i) => i.itemId)).size).toBe(300);
    expect(state.items.every((i) => /^[A-Z]{3}-[A-Z]{2,4}-\d{5}$/.test(i.itemId))).toBe(true);
    expect(state.items.every((i) => /^\d{12}$/.test(i.upcCode) && upcValid(i.upcCode))).toBe(true);
    const base = state.prices.filter((p) => p.priceLevel === 1);
    const wholesale = state.prices.filter((p) => p.priceLevel === 2);
    expect(wholesale.every((p, i) => p.unitPrice < (base[i]?.unitPrice ?? 0))).toBe(true);
    expect(new Set(state.customers.map((c) => c.email)).size).toBe(40);
  });

  it('given seed false when seeding then an empty account with one location', () => {
    const state = seedState(false);
    expect([state.items.length, state.customers.length, state.locations.length]).toEqual([0, 0, 1]);
  });
});
