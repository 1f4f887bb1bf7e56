import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, paginate, type Connection, type SortSpec } from './connections.js';

interface Row {
  num: number;
  value: number;
}

const BY_VALUE: SortSpec<Row> = { value: (r) => r.value, id: (r) => r.num };

function rows(n: number): Row[] {
  // Values repeat so ties must be broken by id.
  return Array.from({ length: n }, (_, i) => ({ num: i + 1, value: Math.floor(i / 3) }));
}

function pageForward(items: Row[], size: number): { seen: number[]; pages: number } {
  const seen: number[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: Connection<Row> = paginate(items, { first: size, after }, BY_VALUE);
    pages += 1;
    seen.push(...page.nodes.map((r) => r.num));
    if (!page.pageInfo.hasNextPage) return { seen, pages };
    after = page.pageInfo.endCursor;
  }
}

describe('Relay connections', () => {
  it('given any list and page size when paging forward then every item is seen exactly once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 250 }), (n, size) => {
        const items = rows(n);
        const { seen, pages } = pageForward(items, size);
        expect(seen).toEqual(items.map((r) => r.num));
        expect(pages).toBe(Math.max(1, Math.ceil(n / size)));
      }),
    );
  });

  it('given last and before when paging backward then items come from the end', () => {
    const items = rows(10);
    const tail = paginate(items, { last: 3 }, BY_VALUE);
    expect(tail.nodes.map((r) => r.num)).toEqual([8, 9, 10]);
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = paginate(items, { last: 3, before: tail.pageInfo.startCursor }, BY_VALUE);
    expect(before.nodes.map((r) => r.num)).toEqual([5, 6, 7]);
  });

  it('given a page when edges are read then each edge carries its node and an opaque cursor', () => {
    const page = paginate(rows(4), { first: 2 }, BY_VALUE);
    expect(page.edges.map((e) => e.node.num)).toEqual([1, 2]);
    expect(decodeCursor(page.edges[1]!.cursor)).toEqual({ id: 2, value: 0 });
    expect(page.pageInfo.endCursor).toBe(page.edges[1]!.cursor);
    expect(page.pageInfo.hasPreviousPage).toBe(false);
  });

  it('given a descending list when paging with after then the cursor is found in that order', () => {
    const items = rows(6).reverse();
    const first = paginate(items, { first: 2 }, BY_VALUE, { descending: true });
    const second = paginate(items, { first: 2, after: first.pageInfo.endCursor }, BY_VALUE, {
      descending: true,
    });
    expect([...first.nodes, ...second.nodes].map((r) => r.num)).toEqual([6, 5, 4, 3]);
  });

  it('given bad arguments when paging then Shopify-style errors are raised', () => {
    expect(() => paginate(rows(3), {}, BY_VALUE)).toThrow('you must provide one of first or last');
    expect(() => paginate(rows(3), { first: 251 }, BY_VALUE)).toThrow('first cannot exceed 250');
    expect(() => paginate(rows(3), { first: 1, last: 1 }, BY_VALUE)).toThrow('providing both first and last');
    expect(() => paginate(rows(3), { first: 1, after: 'not-a-cursor' }, BY_VALUE)).toThrow('Invalid cursor');
  });

  it('given an unbounded read with a window then only that window is returned, without a page limit', () => {
    const page = paginate(rows(600), {}, BY_VALUE, { unbounded: true, window: { offset: 250, limit: 300 } });
    expect(page.nodes).toHaveLength(300);
    expect(page.nodes[0]!.num).toBe(251);
  });

  it('given a cursor when encoded then it is base64 JSON in Shopify’s shape', () => {
    expect(JSON.parse(Buffer.from(encodeCursor(7, 'x'), 'base64').toString())).toEqual({
      last_id: 7,
      last_value: 'x',
    });
  });
});
