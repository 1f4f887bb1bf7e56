import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { midMarketFixture } from './fixture.js';
import { resolveTopology, type ResolveInput } from './resolve.js';

/** Applies a fast-check-chosen permutation to every list in the input (products, variants, items, levels, locations). */
function shuffled(input: ReturnType<typeof midMarketFixture>, seeds: number[]): ResolveInput {
  let i = 0;
  const perm = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let j = out.length - 1; j > 0; j -= 1) {
      const k = (seeds[i++ % seeds.length] ?? 0) % (j + 1);
      [out[j], out[k]] = [out[k]!, out[j]!];
    }
    return out;
  };
  const { shopify, netsuite } = input.records;
  return {
    topology: input.topology,
    records: {
      netsuite: {
        items: perm(netsuite.items),
        levels: perm(netsuite.levels),
        locations: perm(netsuite.locations),
      },
      shopify: {
        products: perm(shopify.products).map((p) => ({ ...p, variants: perm(p.variants) })),
        levels: perm(shopify.levels),
        locations: perm(shopify.locations),
      },
    },
  };
}

describe('resolution is deterministic', () => {
  const fixture = midMarketFixture();
  const reference = resolveTopology(fixture);

  it('given the same records in any order when resolved then the products and conflicts are identical', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), (seeds) => {
        const result = resolveTopology(shuffled(fixture, seeds));
        expect(result.products).toEqual(reference.products);
        expect(result.conflicts).toEqual(reference.conflicts);
        expect(result.match).toEqual(reference.match);
      }),
      { numRuns: 200 },
    );
  });

  it('given any resolution when read then conflicts are sorted by id and ids are unique', () => {
    const ids = reference.conflicts.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(6);
  });
});
