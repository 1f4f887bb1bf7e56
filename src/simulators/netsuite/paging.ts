/**
 * Offset paging as both the record collections and SuiteQL answer it: `limit` (1–1000, default
 * 1000) and `offset` query parameters, and the envelope `{ links, count, hasMore, items, offset,
 * totalResults }` with `self`, `first`, `prev`, `next`, `last` links carrying the same query.
 * Per VENDORS.md (NetSuite SuiteTalk REST); the link set beyond next/last/self is inferred.
 */
import { NsError } from './errors.js';

/** Largest page (documented maximum for collections and SuiteQL). */
export const MAX_LIMIT = 1000;

/** A requested page. */
export interface PageRequest {
  limit: number;
  offset: number;
}

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw))
    throw new NsError(400, 'INVALID_PARAMETER', `Invalid value for query parameter ${name}: ${raw}.`, {
      'o:errorQueryParam': name,
    });
  return Number(raw);
}

/** Reads and checks `limit` and `offset`. */
export function pageRequest(params: URLSearchParams): PageRequest {
  const limit = intParam(params, 'limit', MAX_LIMIT);
  const offset = intParam(params, 'offset', 0);
  if (limit < 1 || limit > MAX_LIMIT)
    throw new NsError(400, 'INVALID_PARAMETER', `The limit must be between 1 and ${MAX_LIMIT}.`, {
      'o:errorQueryParam': 'limit',
    });
  return { limit, offset };
}

function hrefAt(url: URL, limit: number, offset: number): string {
  const copy = new URL(url.toString());
  copy.searchParams.set('limit', String(limit));
  copy.searchParams.set('offset', String(offset));
  return copy.toString();
}

/** The envelope for one page of `total` results, `items` being that page's rows. */
export function pageEnvelope<T>(url: URL, page: PageRequest, total: number, items: T[]) {
  const { limit, offset } = page;
  const hasMore = offset + items.length < total;
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links = [{ rel: 'self', href: hrefAt(url, limit, offset) }];
  if (offset > 0) links.push({ rel: 'first', href: hrefAt(url, limit, 0) });
  if (offset > 0) links.push({ rel: 'prev', href: hrefAt(url, limit, Math.max(0, offset - limit)) });
  if (hasMore) links.push({ rel: 'next', href: hrefAt(url, limit, offset + limit) });
  links.push({ rel: 'last', href: hrefAt(url, limit, lastOffset) });
  return { links, count: items.length, hasMore, items, offset, totalResults: total };
}
