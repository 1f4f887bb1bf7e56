import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { cursorPages, linkPages, offsetPages, pageNumberPages, parseLinkHeader } from './paginate.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Collects every page; a generator that does not stop fails fast instead of hanging the suite. */
async function collect<T>(gen: AsyncGenerator<T[]>): Promise<T[][]> {
  const pages: T[][] = [];
  for await (const page of gen) {
    pages.push(page);
    if (pages.length > 5_000) throw new Error('runaway: the generator did not stop');
  }
  return pages;
}

/** A Relay-style vendor: cursor "c<n>" means "items after index n". */
function relayVendor(total: number, size: number) {
  const calls: (string | null)[] = [];
  const fetchPage = async (cursor: string | null) => {
    calls.push(cursor);
    const from = cursor === null ? 0 : Number(cursor.slice(1));
    const items = range(Math.max(0, Math.min(size, total - from))).map((i) => from + i);
    const end = from + items.length;
    return { items, hasNextPage: end < total, endCursor: items.length ? `c${end}` : null };
  };
  return { calls, fetchPage };
}

describe('cursorPages', () => {
  it('given 1 001 items in pages of 250 when paged then 5 pages and every item exactly once', async () => {
    const vendor = relayVendor(1_001, 250);
    const pages = await collect(cursorPages(vendor.fetchPage));
    expect(pages.map((p) => p.length)).toEqual([250, 250, 250, 250, 1]);
    expect(pages.flat()).toEqual(range(1_001));
    expect(vendor.calls).toEqual([null, 'c250', 'c500', 'c750', 'c1000']);
  });

  it('property: any total and page size gives ceil(total/size) pages with every item once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 1, max: 300 }),
        async (total, size) => {
          const vendor = relayVendor(total, size);
          const pages = await collect(cursorPages(vendor.fetchPage));
          expect(pages.length).toBe(Math.ceil(total / size));
          expect(pages.flat()).toEqual(range(total));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('given an empty first page when paged then no page is yielded and one call is made', async () => {
    const vendor = relayVendor(0, 250);
    expect(await collect(cursorPages(vendor.fetchPage))).toEqual([]);
    expect(vendor.calls).toEqual([null]);
  });

  it('given a vendor that says hasNextPage but returns the same cursor when paged then a ConcordError stops the loop', async () => {
    let calls = 0;
    const gen = cursorPages(async () => (calls++, { items: [1], hasNextPage: true, endCursor: 'same' }));
    await expect(collect(gen)).rejects.toMatchObject({ category: 'upstream', code: 'pagination_stuck' });
    expect(calls).toBe(2);
  });

  it('given a vendor whose cursors cycle when paged then it throws instead of looping', async () => {
    const next: Record<string, string> = { start: 'a', a: 'b', b: 'a' };
    const gen = cursorPages(async (c) => ({
      items: [c],
      hasNextPage: true,
      endCursor: next[c ?? 'start'] ?? null,
    }));
    await expect(collect(gen)).rejects.toBeInstanceOf(ConcordError);
  });

  it('given hasNextPage without an endCursor when paged then it throws', async () => {
    const gen = cursorPages(async () => ({ items: [1], hasNextPage: true, endCursor: null }));
    await expect(collect(gen)).rejects.toThrow(/without an endCursor/);
  });
});

describe('offsetPages', () => {
  const vendor = (total: number, cap = Infinity) => {
    const offsets: number[] = [];
    const fetchPage = async (offset: number, limit: number) => {
      offsets.push(offset);
      const items = range(total).slice(offset, offset + Math.min(limit, cap));
      return { items, hasMore: offset + items.length < total };
    };
    return { offsets, fetchPage };
  };

  it('given 1 001 items and limit 250 when paged then 5 pages at offsets 0…1000 with every item once', async () => {
    const v = vendor(1_001);
    const pages = await collect(offsetPages(v.fetchPage, { limit: 250 }));
    expect(pages.length).toBe(5);
    expect(pages.flat()).toEqual(range(1_001));
    expect(v.offsets).toEqual([0, 250, 500, 750, 1_000]);
  });

  it('given a vendor that caps the page below the limit when paged then offsets advance by what came back', async () => {
    const v = vendor(250, 100);
    const pages = await collect(offsetPages(v.fetchPage, { limit: 1_000 }));
    expect(v.offsets).toEqual([0, 100, 200]);
    expect(pages.flat()).toEqual(range(250));
  });

  it('given a start offset when paged then paging begins there', async () => {
    const v = vendor(10);
    expect((await collect(offsetPages(v.fetchPage, { limit: 4, start: 5 }))).flat()).toEqual([5, 6, 7, 8, 9]);
  });

  it('given an empty first page when paged then nothing is yielded', async () => {
    expect(await collect(offsetPages(vendor(0).fetchPage, { limit: 10 }))).toEqual([]);
  });

  it('given hasMore with an empty page when paged then it throws instead of asking the same offset forever', async () => {
    let calls = 0;
    const gen = offsetPages(async () => (calls++, { items: [], hasMore: true }), { limit: 10 });
    await expect(collect(gen)).rejects.toMatchObject({ code: 'pagination_stuck' });
    expect(calls).toBe(1);
  });

  it('given a zero limit when paged then a config error is thrown', async () => {
    await expect(collect(offsetPages(vendor(3).fetchPage, { limit: 0 }))).rejects.toMatchObject({
      category: 'config',
    });
  });
});

describe('linkPages', () => {
  it('given three linked pages when paged then each is fetched once, relative links resolved', async () => {
    const site: Record<string, { items: number[]; next: string | null }> = {
      'https://v.example/p?page=1': { items: [1, 2], next: 'https://v.example/p?page=2' },
      'https://v.example/p?page=2': { items: [3], next: '/p?page=3' },
      'https://v.example/p?page=3': { items: [4], next: null },
    };
    const fetched: string[] = [];
    const pages = await collect(
      linkPages(
        'https://v.example/p?page=1',
        async (url) => (fetched.push(url), site[url] ?? { items: [], next: null }),
      ),
    );
    expect(pages).toEqual([[1, 2], [3], [4]]);
    expect(fetched).toEqual(Object.keys(site));
  });

  it('given a next link that points back to an earlier page when paged then it throws without the URL in the error', async () => {
    const gen = linkPages('https://v.example/a?sig=topsecret', async (url) => ({
      items: [url],
      next: url.includes('/a') ? 'https://v.example/b?sig=topsecret' : 'https://v.example/a?sig=topsecret',
    }));
    const error = await collect(gen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcordError);
    expect(JSON.stringify({ m: (error as Error).message, d: (error as ConcordError).detail })).not.toContain(
      'topsecret',
    );
  });

  it('given a relative first URL when paged then links are passed through as given', async () => {
    const fetched: string[] = [];
    await collect(
      linkPages('/x', async (url) => (fetched.push(url), { items: [1], next: url === '/x' ? '/y' : null })),
    );
    expect(fetched).toEqual(['/x', '/y']);
  });
});

describe('parseLinkHeader', () => {
  it.each([
    [
      '<https://s.myshopify.com/admin/api/2026-10/products.json?limit=250&page_info=abc>; rel="next"',
      { next: 'https://s.myshopify.com/admin/api/2026-10/products.json?limit=250&page_info=abc' },
    ],
    [
      '<https://x/p?i=1>; rel="previous", <https://x/p?i=3>; rel="next"',
      { previous: 'https://x/p?i=1', next: 'https://x/p?i=3' },
    ],
    ['<https://x/p?a=1,2>; rel=next', { next: 'https://x/p?a=1,2' }],
    ['<https://x/last>; rel="last next"; title="end"', { last: 'https://x/last', next: 'https://x/last' }],
    ['<https://x/1>; REL="Next", <https://x/2>; rel="next"', { next: 'https://x/1' }],
    ['<https://x/1>; title="no rel"', {}],
    ['garbage', {}],
    ['', {}],
  ])('given %j when parsed then %j', (value, expected) => {
    expect(parseLinkHeader(value)).toEqual(expected);
  });

  it('given no header when parsed then empty', () => {
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader(undefined)).toEqual({});
  });
});

describe('pageNumberPages', () => {
  it('given totalPages 3 when paged then exactly 3 calls', async () => {
    const asked: number[] = [];
    const pages = await collect(
      pageNumberPages(async (page) => (asked.push(page), { items: [page], totalPages: 3 })),
    );
    expect(pages).toEqual([[1], [2], [3]]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it('given no totalPages when paged then it stops at the first empty page', async () => {
    const asked: number[] = [];
    const pages = await collect(
      pageNumberPages(
        async (page) => (asked.push(page), { items: page <= 2 ? [page] : [], totalPages: null }),
      ),
    );
    expect(pages).toEqual([[1], [2]]);
    expect(asked).toEqual([1, 2, 3]);
  });

  it('given zero-based pages when paged then totalPages still counts pages', async () => {
    const asked: number[] = [];
    await collect(
      pageNumberPages(async (page) => (asked.push(page), { items: [page], totalPages: 2 }), { start: 0 }),
    );
    expect(asked).toEqual([0, 1]);
  });

  it('given an empty first page when paged then nothing is yielded', async () => {
    expect(await collect(pageNumberPages(async () => ({ items: [], totalPages: 0 })))).toEqual([]);
  });
});
