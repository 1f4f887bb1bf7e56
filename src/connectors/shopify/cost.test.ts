import { describe, expect, it } from 'vitest';
import { estimateQueryCost, fitPageSizes, isMutation } from './cost.js';

describe('estimateQueryCost', () => {
  it('given only scalars on an object then the object costs 1', () => {
    expect(estimateQueryCost('{ shop { id name currencyCode } }')).toBe(1);
  });

  it('given a connection then it costs 2 plus first times one node', () => {
    expect(estimateQueryCost('{ products(first: 10) { nodes { id title } pageInfo { hasNextPage } } }')).toBe(
      12,
    );
  });

  it('given nested connections then the inner cost is multiplied by the outer page size', () => {
    const doc = '{ products(first: 10) { edges { node { id variants(first: 5) { nodes { id } } } } } }';
    // 2 + 10 × (1 + (2 + 5 × 1)) = 82
    expect(estimateQueryCost(doc)).toBe(82);
  });

  it('given page sizes in variables then they are used', () => {
    const doc = 'query Q($n: Int!) { customers(first: $n) { nodes { id defaultAddress { city } } } }';
    expect(estimateQueryCost(doc, { n: 50 })).toBe(2 + 50 * 2);
  });

  it('given a variable page size without a value then the maximum page size is assumed', () => {
    const doc = 'query Q($n: Int) { customers(first: $n) { nodes { id } } }';
    expect(estimateQueryCost(doc)).toBe(2 + 250);
  });

  it('given fragment spreads then their selections are priced', () => {
    const doc =
      'query { products(first: 2) { nodes { ...P } } } fragment P on Product { id options { name } }';
    expect(estimateQueryCost(doc)).toBe(2 + 2 * 2);
  });

  it('given a mutation then each root field costs 10', () => {
    const doc = 'mutation { customerCreate(input: {}) { customer { id } userErrors { field } } }';
    expect(estimateQueryCost(doc)).toBe(10);
    expect(isMutation(doc)).toBe(true);
    expect(isMutation('{ shop { id } }')).toBe(false);
  });
});

describe('fitPageSizes', () => {
  const doc =
    'query Q($a: Int!, $b: Int!) { products(first: $a) { nodes { id variants(first: $b) { nodes { id } } } } }';

  it('given variables that fit then they are unchanged', () => {
    expect(fitPageSizes(doc, { a: 2, b: 2 }, 1000, ['a', 'b'])).toEqual({ a: 2, b: 2 });
  });

  it('given a small budget then the outer size shrinks first, then the inner one', () => {
    // a=8,b=10: 2 + 8 × (1 + 12) = 106 → a=4: 54 → a=2: 28 → a=1: 15 → b=5: 10
    expect(fitPageSizes(doc, { a: 8, b: 10 }, 60, ['a', 'b'])).toEqual({ a: 4, b: 10 });
    expect(fitPageSizes(doc, { a: 8, b: 10 }, 12, ['a', 'b'])).toEqual({ a: 1, b: 5 });
  });
});
