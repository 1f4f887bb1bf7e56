/**
 * Keyset-windowed, concurrent paging for SuiteQL. One SuiteQL query answers at most 100 000 rows
 * (offset + limit beyond that is a 400), so a large table is read as a chain of *windows*: window 0 is the
 * query as given, window k+1 is the same query restricted to keys from the last row of window k on
 * (`WHERE id > :last`, or `item >= :last` for a composite key such as `item, location`, the repeated rows
 * being dropped here), each with its own offsets 0…cap. Within a window, the first page says how many
 * rows remain (`totalResults`); the remaining pages are then fetched ahead, up to `window()` pages at a
 * time (twice the account's concurrency, so the shared limiter always has a request waiting when a slot
 * frees), and yielded in order. When a window is capped, its *last* page is fetched right after its first,
 * so the next window's first page is already on its way while the current window's middle pages drain:
 * the limiter never idles at a window boundary. Keys must be internal ids (integers).
 * The 100 000-row cap: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157909186990.html
 * (VENDORS.md); answering windows by key is the documented workaround's shape, the `>=` overlap is ours.
 */
import { ConcordError } from '../../core/errors.js';
import type { NsCollection } from './types.js';

export interface KeysetPagesOptions {
  pageSize: number;
  /** How many pages may be requested ahead of the consumer (a capped window's last page and the next
   * window's first page, which find the next key, are requested even when the budget is spent). */
  window: () => number;
  /** SuiteQL's row cap per query: no window requests an offset + limit beyond it. */
  maxRows: number;
  /** The ORDER BY columns, a unique key of the rows (internal ids); the first one bounds each window. */
  keys: readonly string[];
}

/**
 * Fetches one page of the query restricted by `condition` (undefined for the first window), e.g.
 * `(cond, o, l) => ns.suiteql(withCondition(q, cond), o, l)`.
 */
export type KeysetFetcher<T> = (
  condition: string | undefined,
  offset: number,
  limit: number,
) => Promise<NsCollection<T>>;

type Key = readonly number[];

class Window<T> {
  total: number | undefined;
  span = 0;
  capped = false;
  /** The highest offset handed to the consumer. */
  consumed = -1;
  readonly pages = new Map<number, Promise<NsCollection<T>>>();
  constructor(
    readonly after: Key | undefined,
    readonly condition: string | undefined,
  ) {}
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/**
 * Yields every row of a SuiteQL query, page by page and in key order, however many rows it has.
 *
 * @example
 * for await (const rows of keysetPages((c, o, l) => ns.suiteql(sql(c), o, l), { pageSize: 1000, window: () => 10, maxRows: 100_000, keys: ['item', 'location'] })) …
 */
export function keysetPages<T>(fetchPage: KeysetFetcher<T>, opts: KeysetPagesOptions): AsyncGenerator<T[]> {
  return new KeysetReader(fetchPage, opts).rows();
}

class KeysetReader<T> {
  #outstanding = 0;
  readonly #chain: Window<T>[] = [];

  constructor(
    private readonly fetchPage: KeysetFetcher<T>,
    private readonly opts: KeysetPagesOptions,
  ) {}

  async *rows(): AsyncGenerator<T[]> {
    let current: Window<T> | undefined = this.#open(undefined);
    let tail: T | undefined;
    while (current) {
      let last: NsCollection<T> | undefined;
      for (let offset = 0; ; offset += this.opts.pageSize) {
        if (offset > 0 && !this.#hasPage(current, offset, last)) break;
        last = await this.#take(current, offset);
        const after = current.after;
        const rows = after ? last.items.filter((r) => compareKeys(this.#keyOf(r), after) > 0) : last.items;
        tail = last.items.at(-1) ?? tail;
        if (rows.length > 0) yield rows;
      }
      current = this.#next(current, last!, tail);
    }
  }

  /** Whether `offset` is still inside the window (known span, or sequential when the total is unknown). */
  #hasPage(w: Window<T>, offset: number, last: NsCollection<T> | undefined): boolean {
    if (offset + this.opts.pageSize > this.opts.maxRows) return false;
    if (w.total === undefined) return last !== undefined && last.hasMore && last.items.length > 0;
    return offset < w.span;
  }

  /** The window after `w`: opened early from its last page when capped, else when rows remain. */
  #next(w: Window<T>, last: NsCollection<T>, tail: T | undefined): Window<T> | undefined {
    const early = this.#chain[this.#chain.indexOf(w) + 1];
    if (early) return early;
    if (!(w.capped || last.hasMore) || tail === undefined) return undefined;
    const key = this.#keyOf(tail);
    if (this.#stuck(w, key)) {
      throw new ConcordError(
        'upstream',
        'netsuite_keyset_stuck',
        `More than ${this.opts.maxRows} SuiteQL rows share ${this.opts.keys[0]} = ${key[0]}`,
      );
    }
    return this.#open(key);
  }

  /** A window that cannot move on: a full window of rows sharing its first key column's value. */
  #stuck(w: Window<T>, key: Key): boolean {
    return w.after !== undefined && this.opts.keys.length > 1 && key[0] === w.after[0];
  }

  #open(after: Key | undefined): Window<T> {
    const w = new Window<T>(after, after ? this.#condition(after) : undefined);
    this.#chain.push(w);
    const first = this.#launch(w, 0);
    first.then(
      (page) => this.#sized(w, page),
      () => undefined,
    );
    return w;
  }

  /** Once the first page says how many rows remain: the window's span, and its last page first. */
  #sized(w: Window<T>, first: NsCollection<T>): void {
    if (typeof first.totalResults !== 'number') return;
    const { pageSize, maxRows } = this.opts;
    w.total = first.totalResults;
    w.capped = w.total > maxRows;
    w.span = Math.min(w.total, maxRows);
    if (w.capped) {
      const lastOffset = Math.floor((w.span - 1) / pageSize) * pageSize;
      this.#launch(w, lastOffset).then(
        (page) => this.#chainAfter(w, page),
        () => undefined,
      );
    }
    this.#pump();
  }

  #chainAfter(w: Window<T>, lastPage: NsCollection<T>): void {
    const tail = lastPage.items.at(-1);
    // Rows vanished, or the window cannot move on: decided by `#next` once the window is drained.
    if (tail === undefined || this.#chain.at(-1) !== w || this.#stuck(w, this.#keyOf(tail))) return;
    this.#open(this.#keyOf(tail));
  }

  #launch(w: Window<T>, offset: number): Promise<NsCollection<T>> {
    const existing = w.pages.get(offset);
    if (existing) return existing;
    const page = this.fetchPage(w.condition, offset, this.opts.pageSize);
    page.catch(() => undefined); // observed when its turn comes; avoids an unhandled rejection meanwhile
    w.pages.set(offset, page);
    this.#outstanding += 1;
    return page;
  }

  async #take(w: Window<T>, offset: number): Promise<NsCollection<T>> {
    const page = this.#launch(w, offset);
    w.pages.delete(offset);
    w.consumed = offset;
    this.#outstanding -= 1;
    this.#pump();
    return page;
  }

  /** Requests middle pages, in consumption order across the chain, while fewer than `window()` wait. */
  #pump(): void {
    const ahead = Math.max(1, this.opts.window());
    for (const w of this.#chain) {
      if (w.total === undefined) continue;
      for (let o = this.opts.pageSize; o < w.span && this.#outstanding < ahead; o += this.opts.pageSize) {
        if (o > w.consumed && !w.pages.has(o)) this.#launch(w, o);
      }
    }
  }

  #keyOf(row: T): Key {
    return this.opts.keys.map((k) => {
      const raw = (row as Record<string, unknown>)[k];
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
      if (!/^-?\d+$/.test(text)) {
        throw new ConcordError('upstream', 'netsuite_bad_key', `SuiteQL row has no integer ${k}`);
      }
      return Number(text);
    });
  }

  #condition(after: Key): string {
    const [column] = this.opts.keys;
    return this.opts.keys.length === 1 ? `${column} > ${after[0]}` : `${column} >= ${after[0]}`;
  }
}
