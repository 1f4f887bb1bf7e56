/**
 * keysetPages against an in-memory SuiteQL table that enforces a (small) row cap per query the way the
 * simulator and NetSuite do: a page with offset + limit beyond the cap is an error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { keysetPages, type KeysetPagesOptions } from './pages.js';
import type { NsCollection } from './types.js';

type Row = { item: string; location: string };

interface Call {
  condition: string | undefined;
  offset: number;
}

/** `perItem` rows per item (locations 1…perItem), items 1…n, as SuiteQL strings. */
function stockTable(items: number, perItem: number): Row[] {
  return Array.from({ length: items * perItem }, (_, i) => ({
    item: String(Math.floor(i / perItem) + 1),
    location: String((i % perItem) + 1),
  }));
}

/** A fetcher over `rows` (sorted by key) honouring `col > n` / `col >= n` and the cap. */
function fakeSuiteQl(rows: Row[], cap: number, opts: { calls?: Call[]; totalKnown?: boolean } = {}) {
  let inFlight = 0;
  const stats = { maxInFlight: 0 };
  const fetch = async (condition: string | undefined, offset: number, limit: number) => {
    opts.calls?.push({ condition, offset });
    if (offset + limit > cap) throw new Error(`offset ${offset} + limit ${limit} beyond ${cap}`);
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    const m = condition ? /^(\w+) (>=|>) (\d+)$/.exec(condition) : null;
    if (condition && !m) throw new Error(`unexpected condition ${condition}`);
    const matching = m
      ? rows.filter((r) => {
          const v = Number(r[m[1] as keyof Row]);
          return m[2] === '>' ? v > Number(m[3]) : v >= Number(m[3]);
        })
      : rows;
    const items = matching.slice(offset, offset + limit);
    return {
      items,
      hasMore: offset + items.length < matching.length,
      totalResults: opts.totalKnown === false ? undefined : matching.length,
    } satisfies NsCollection<Row>;
  };
  return { fetch, stats };
}

async function readAll(fetch: ReturnType<typeof fakeSuiteQl>['fetch'], opts: KeysetPagesOptions) {
  const out: Row[] = [];
  for await (const page of keysetPages(fetch, opts)) out.push(...page);
  return out;
}

const STOCK_KEYS = ['item', 'location'];

describe('keysetPages', () => {
  it('given more rows than the per-query cap when reading by (item, location) then every row comes once, in order, no page passes the cap', async () => {
    const rows = stockTable(500, 3); // 1 500 rows, cap 400: four windows
    const calls: Call[] = [];
    const sql = fakeSuiteQl(rows, 400, { calls });
    const out = await readAll(sql.fetch, { pageSize: 50, window: () => 6, maxRows: 400, keys: STOCK_KEYS });
    expect(out).toEqual(rows);
    const windows = [...new Set(calls.map((c) => c.condition ?? ''))];
    expect(windows).toEqual(['', 'item >= 134', 'item >= 267', 'item >= 400']);
    // The ahead budget is filled; a window's last page and the next window's first may go past it.
    expect(sql.stats.maxInFlight).toBeGreaterThanOrEqual(6);
    expect(sql.stats.maxInFlight).toBeLessThanOrEqual(6 + 2);
  });

  it('given a unique single key when windows chain then each starts after the last id, with no row fetched twice', async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => ({ item: String(i * 2 + 1), location: '1' }));
    const calls: Call[] = [];
    const out = await readAll(fakeSuiteQl(rows, 300, { calls }).fetch, {
      pageSize: 100,
      window: () => 4,
      maxRows: 300,
      keys: ['item'],
    });
    expect(out).toEqual(rows);
    expect([...new Set(calls.map((c) => c.condition))]).toEqual([
      undefined,
      'item > 599',
      'item > 1199',
      'item > 1799',
    ]);
    expect(calls).toHaveLength(10); // 1 000 rows, 100 a page: each page requested once
  });

  it('given a capped window when reading then the next window is requested before the current one has drained', async () => {
    const calls: Call[] = [];
    await readAll(fakeSuiteQl(stockTable(400, 3), 600, { calls }).fetch, {
      pageSize: 50,
      window: () => 4,
      maxRows: 600,
      keys: STOCK_KEYS,
    });
    const firstOfNext = calls.findIndex((c) => c.condition !== undefined);
    const lastOfFirst = calls.findLastIndex((c) => c.condition === undefined);
    expect(firstOfNext).toBeGreaterThan(0);
    expect(firstOfNext).toBeLessThan(lastOfFirst);
  });

  it('given no total when paging then it reads sequentially, windows included, and still gets everything', async () => {
    const rows = stockTable(100, 3);
    const calls: Call[] = [];
    const out = await readAll(fakeSuiteQl(rows, 120, { calls, totalKnown: false }).fetch, {
      pageSize: 40,
      window: () => 4,
      maxRows: 120,
      keys: STOCK_KEYS,
    });
    expect(out).toEqual(rows);
    expect(calls.slice(0, 4)).toEqual([
      { condition: undefined, offset: 0 },
      { condition: undefined, offset: 40 },
      { condition: undefined, offset: 80 },
      { condition: 'item >= 40', offset: 0 },
    ]);
  });

  it('given rows added after the first page when paging then the tail is read in a further window', async () => {
    const rows = stockTable(100, 1);
    const sql = fakeSuiteQl(rows, 10_000);
    let first = true;
    const fetch: typeof sql.fetch = async (c, o, l) => {
      const page = await sql.fetch(c, o, l);
      if (first) {
        first = false;
        rows.push({ item: '101', location: '1' }, { item: '102', location: '1' });
      }
      return page;
    };
    const out = await readAll(fetch, { pageSize: 25, window: () => 2, maxRows: 10_000, keys: ['item'] });
    expect(out.map((r) => r.item)).toEqual(rows.map((r) => r.item));
  });

  it('given more rows under one first-key value than the cap when reading then it stops with netsuite_keyset_stuck', async () => {
    const rows = [...stockTable(1, 250), ...stockTable(2, 1).slice(1)];
    const read = readAll(fakeSuiteQl(rows, 100).fetch, {
      pageSize: 50,
      window: () => 2,
      maxRows: 100,
      keys: STOCK_KEYS,
    });
    await expect(read).rejects.toMatchObject({ code: 'netsuite_keyset_stuck' });
    await expect(read).rejects.toBeInstanceOf(ConcordError);
  });

  it('given a page that fails when reading then the error reaches the consumer', async () => {
    const sql = fakeSuiteQl(stockTable(100, 3), 1_000);
    const fetch: typeof sql.fetch = (c, o, l) =>
      o === 100 ? Promise.reject(new Error('boom')) : sql.fetch(c, o, l);
    await expect(
      readAll(fetch, { pageSize: 50, window: () => 3, maxRows: 1_000, keys: STOCK_KEYS }),
    ).rejects.toThrow('boom');
  });

  it('given any table, page size and cap when reading then every row comes exactly once, in order, within the cap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        async (items, perItem, pageSize, pagesPerWindow, ahead) => {
          const rows = stockTable(items, perItem);
          const cap = Math.max(pageSize * pagesPerWindow, perItem + 1);
          const maxRows = cap - (cap % pageSize) || pageSize; // a cap the page size divides, at least one page
          const keys = perItem === 1 ? ['item'] : STOCK_KEYS;
          if (perItem >= maxRows) return; // a key group larger than a window cannot be read (stuck case)
          const out = await readAll(fakeSuiteQl(rows, maxRows).fetch, {
            pageSize,
            window: () => ahead,
            maxRows,
            keys,
          });
          expect(out).toEqual(rows);
        },
      ),
      { numRuns: 150 },
    );
  });
});
