import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterBySearch, matchesSearch, parseSearch, type SearchFields } from './search.js';

interface Item {
  num: number;
  title: string;
  email: string | null;
  sku: string;
  tags: string[];
  updatedMs: number;
}

const SPEC: SearchFields<Item> = {
  fields: {
    id: { type: 'number', get: (i) => i.num },
    title: { type: 'contains', get: (i) => i.title },
    email: { type: 'exact', get: (i) => i.email },
    sku: { type: 'exact', get: (i) => i.sku },
    tag: { type: 'list', get: (i) => i.tags },
    updated_at: { type: 'date', get: (i) => i.updatedMs },
  },
  text: (i) => [i.title, i.sku],
};

const ITEMS: Item[] = [
  {
    num: 1,
    title: 'Alpine Hoodie',
    email: 'ada@example.com',
    sku: 'APP-1',
    tags: ['vip', 'concord-ref-R1'],
    updatedMs: Date.parse('2025-12-31T23:59:59Z'),
  },
  {
    num: 2,
    title: 'Trail Runner',
    email: 'Grace@Example.com',
    sku: 'FTW-2',
    tags: ['new'],
    updatedMs: Date.parse('2026-01-01T00:00:00Z'),
  },
  {
    num: 3,
    title: 'Chef Knife',
    email: null,
    sku: 'KIT-3',
    tags: [],
    updatedMs: Date.parse('2026-03-05T10:00:00Z'),
  },
];

const nums = (query: string) => filterBySearch(ITEMS, query, SPEC).map((i) => i.num);

describe('Shopify search syntax', () => {
  it("given updated_at:>='2026-01-01T00:00:00Z' when filtering then items updated at or after it match", () => {
    expect(nums("updated_at:>='2026-01-01T00:00:00Z'")).toEqual([2, 3]);
    expect(nums("updated_at:>'2026-01-01T00:00:00Z'")).toEqual([3]);
    expect(nums("updated_at:<'2026-01-01T00:00:00Z'")).toEqual([1]);
  });

  it('given email: when filtering then the match is exact and case-insensitive', () => {
    expect(nums('email:grace@example.com')).toEqual([2]);
    expect(nums('email:grace@example')).toEqual([]);
  });

  it('given tag: and sku: when filtering then list and exact fields match', () => {
    expect(nums('tag:concord-ref-R1')).toEqual([1]);
    expect(nums('sku:KIT-3')).toEqual([3]);
  });

  it('given AND, OR, NOT, negation and parentheses when filtering then they combine', () => {
    expect(nums('tag:vip OR tag:new')).toEqual([1, 2]);
    expect(nums('-tag:vip')).toEqual([2, 3]);
    expect(nums('NOT sku:APP-1 AND (title:trail OR title:knife)')).toEqual([2, 3]);
    expect(nums('id:>1 id:<=3')).toEqual([2, 3]);
  });

  it('given free text and prefix wildcards when filtering then default fields match', () => {
    expect(nums('hoodie')).toEqual([1]);
    expect(nums('sku:FTW*')).toEqual([2]);
  });

  it('given an unknown field or an empty query when filtering then it is ignored', () => {
    expect(nums('colour:red')).toEqual([1, 2, 3]);
    expect(nums('   ')).toEqual([1, 2, 3]);
  });

  it('given a quoted value with spaces when parsed then it stays one term', () => {
    expect(parseSearch("title:'Trail Runner'")).toEqual({
      kind: 'term',
      field: 'title',
      op: ':',
      value: 'Trail Runner',
    });
  });

  it('given any instant when filtering by >= and < it then the two results partition the items', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2025-06-01'), max: Date.parse('2026-06-01') }), (ms) => {
        const iso = new Date(ms).toISOString();
        const atOrAfter = parseSearch(`updated_at:>='${iso}'`);
        const before = parseSearch(`updated_at:<'${iso}'`);
        for (const item of ITEMS)
          expect(matchesSearch(atOrAfter, item, SPEC)).toBe(!matchesSearch(before, item, SPEC));
      }),
    );
  });
});
