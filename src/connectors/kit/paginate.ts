/**
 * Every paging loop in Concord lives here, as an async generator that yields one page (an array) at a
 * time: Relay/GraphQL cursors (`cursorPages`), offset + limit (`offsetPages`, NetSuite `hasMore`), link
 * to the next page (`linkPages`, RFC 8288 `Link` headers, OData `nextLink`) and page numbers
 * (`pageNumberPages`, WooCommerce `X-WP-TotalPages`). Generators stop exactly at the end and never yield
 * an empty page; a vendor that keeps saying "more" without moving forward (the same cursor or link
 * again, an empty page under `hasMore`) raises a ConcordError instead of looping forever.
 */
import { ConcordError } from '../../core/errors.js';

function stuck(how: string, page: number): ConcordError {
  return new ConcordError('upstream', 'pagination_stuck', `Paging did not advance on page ${page}: ${how}`, {
    detail: { page },
  });
}

/**
 * Relay-style cursor paging (`first/after`, `pageInfo { hasNextPage endCursor }`).
 *
 * @example
 * for await (const products of cursorPages((after) => fetchProducts({ first: 250, after }))) save(products);
 */
export async function* cursorPages<T>(
  fetchPage: (
    cursor: string | null,
  ) => Promise<{ items: T[]; hasNextPage: boolean; endCursor: string | null }>,
): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let page = 1; ; page++) {
    const res = await fetchPage(cursor);
    if (res.items.length > 0) yield res.items;
    if (!res.hasNextPage) return;
    if (res.endCursor === null || res.endCursor === '') throw stuck('hasNextPage without an endCursor', page);
    if (res.endCursor === cursor || seen.has(res.endCursor)) throw stuck('the same cursor came back', page);
    seen.add(res.endCursor);
    cursor = res.endCursor;
  }
}

/**
 * Offset paging: asks for `limit` items from `offset`, advancing by the number of items received (so a
 * vendor that returns fewer than asked for skips nothing).
 *
 * @example
 * offsetPages((offset, limit) => suiteql(query, { offset, limit }), { limit: 1_000 })
 */
export async function* offsetPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; hasMore: boolean }>,
  opts: { limit: number; start?: number },
): AsyncGenerator<T[]> {
  if (!Number.isInteger(opts.limit) || opts.limit < 1) {
    throw new ConcordError(
      'config',
      'invalid_page_size',
      `Page size must be a positive integer, got ${opts.limit}`,
    );
  }
  let offset = opts.start ?? 0;
  for (let page = 1; ; page++) {
    const res = await fetchPage(offset, opts.limit);
    if (res.items.length > 0) yield res.items;
    if (!res.hasMore) return;
    if (res.items.length === 0) throw stuck('hasMore with an empty page', page);
    offset += res.items.length;
  }
}

/**
 * Follows a "next" link until there is none. A relative next link is resolved against the current URL
 * when that URL is absolute. Links never appear in errors (they may carry signed query strings).
 *
 * @example
 * linkPages(`${base}/products.json?limit=250`, async (url) => {
 *   const res = await http.request({ method: 'GET', path: url });
 *   return { items: res.body.products, next: parseLinkHeader(res.headers.get('link')).next ?? null };
 * })
 */
export async function* linkPages<T>(
  firstUrl: string,
  fetchPage: (url: string) => Promise<{ items: T[]; next: string | null }>,
): AsyncGenerator<T[]> {
  const seen = new Set<string>([firstUrl]);
  let url = firstUrl;
  for (let page = 1; ; page++) {
    const res = await fetchPage(url);
    if (res.items.length > 0) yield res.items;
    if (!res.next) return;
    const next = URL.canParse(url) ? new URL(res.next, url).toString() : res.next;
    if (seen.has(next)) throw stuck('the same link came back', page);
    seen.add(next);
    url = next;
  }
}

/**
 * Parses an RFC 8288 `Link` header (https://www.rfc-editor.org/rfc/rfc8288#section-3) into
 * `{ rel: url }`. A link with several relation types (`rel="next last"`) is listed under each; the first
 * link for a relation wins. Malformed parts are skipped.
 *
 * @example
 * parseLinkHeader('<https://x/p?page_info=abc>; rel="next", <https://x/p?page_info=def>; rel="previous"')
 * // { next: 'https://x/p?page_info=abc', previous: 'https://x/p?page_info=def' }
 */
export function parseLinkHeader(value: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (const match of value.matchAll(/<([^>]*)>([^<]*)/g)) {
    const [, url = '', params = ''] = match;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
    for (const name of rels) {
      if (!(name in links)) links[name] = url.trim();
    }
  }
  return links;
}

/**
 * Page-number paging from `start` (default 1). Stops after the last page when the vendor reports
 * `totalPages`, and at the first empty page in any case (with no cursor, an empty page is the only
 * end signal some vendors give).
 *
 * @example
 * pageNumberPages(async (page) => {
 *   const res = await http.request({ method: 'GET', path: '/products', query: { page, per_page: 100 } });
 *   return { items: res.body, totalPages: Number(res.headers.get('x-wp-totalpages')) || null };
 * })
 */
export async function* pageNumberPages<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; totalPages: number | null }>,
  opts: { start?: number } = {},
): AsyncGenerator<T[]> {
  const start = opts.start ?? 1;
  for (let page = start; ; page++) {
    const res = await fetchPage(page);
    if (res.items.length === 0) return;
    yield res.items;
    if (res.totalPages !== null && page - start + 1 >= res.totalPages) return;
  }
}
