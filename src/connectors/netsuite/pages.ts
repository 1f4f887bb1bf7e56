/**
 * Concurrent offset paging for SuiteQL. The first page says how many rows there are (`totalResults`); the
 * remaining pages are then fetched ahead, up to `window()` at a time (twice the account's concurrency, so
 * the shared limiter always has a request waiting when a slot frees), and yielded in order. When the total
 * is unknown, or rows were added while reading (the last page still says `hasMore`), the kit's sequential
 * `offsetPages` carries on from where the concurrent pass ended.
 */
import { offsetPages } from '../kit/index.js';
import type { NsCollection } from './types.js';

export interface ConcurrentPagesOptions {
  pageSize: number;
  /** How many pages may be requested ahead of the consumer. */
  window: () => number;
  /** SuiteQL's row cap per query: offsets at or beyond it are not requested. */
  maxRows: number;
}

/**
 * Yields every page of an offset-paged collection, fetching pages concurrently once the total is known.
 *
 * @example
 * for await (const rows of concurrentOffsetPages((o, l) => ns.suiteql(q, o, l), { pageSize: 1000, window: () => 10, maxRows: 100_000 })) …
 */
export async function* concurrentOffsetPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<NsCollection<T>>,
  opts: ConcurrentPagesOptions,
): AsyncGenerator<T[]> {
  const { pageSize } = opts;
  const first = await fetchPage(0, pageSize);
  let offset = first.items.length;
  if (!first.hasMore) {
    if (first.items.length > 0) yield first.items;
    return;
  }
  if (typeof first.totalResults !== 'number' || first.items.length !== pageSize) {
    if (first.items.length > 0) yield first.items;
  } else {
    const end = Math.min(first.totalResults, opts.maxRows);
    const offsets: number[] = [];
    for (let o = pageSize; o < end; o += pageSize) offsets.push(o);
    const ahead: Promise<NsCollection<T>>[] = [];
    let next = 0;
    const launch = () => {
      while (ahead.length < Math.max(1, opts.window()) && next < offsets.length) {
        const page = fetchPage(offsets[next++]!, pageSize);
        page.catch(() => undefined); // observed when its turn comes; avoids an unhandled rejection meanwhile
        ahead.push(page);
      }
    };
    // Pages are requested before the first one is handed over, so the limiter stays busy meanwhile.
    launch();
    yield first.items;
    let last: NsCollection<T> = first;
    while (ahead.length > 0) {
      last = await ahead.shift()!;
      launch();
      offset += last.items.length;
      if (last.items.length > 0) yield last.items;
    }
    if (!last.hasMore || offset >= opts.maxRows) return;
  }
  yield* offsetPages(fetchPage, { limit: pageSize, start: offset });
}
