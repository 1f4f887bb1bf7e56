/**
 * One Relay connection helper for every connection the simulator serves: `first`/`after`,
 * `last`/`before`, at most 250 per page, `nodes`, `edges { cursor node }` and
 * `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`. Cursors are opaque base64 of
 * `{"last_id":…,"last_value":…}` like Shopify's, so a cursor survives inserts and sort-key ties.
 * Items arrive already filtered and in their final order; cursor positions are found by binary search.
 *
 * @example
 * paginate(state.products, { first: 50, after }, BY_ID) // → Connection with nodes, edges, pageInfo
 */
import { simError } from './errors.js';

/** Shopify's page size limit (https://shopify.dev/docs/api/usage/pagination-graphql). */
export const MAX_PAGE_SIZE = 250;

/** Relay paging arguments. */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** How a list is ordered: the sort value and the tie-breaking numeric id of each item. */
export interface SortSpec<T> {
  value(item: T): number | string;
  id(item: T): number;
}

/** Options for unbounded reads (bulk operations): no page size, optional window on the list. */
export interface PaginateOptions {
  /** Read everything (bulk operations ignore first/after). */
  unbounded?: boolean;
  /** With `unbounded`: only items [offset, offset + limit). */
  window?: { offset: number; limit: number };
  /** The list is in descending sort order (`reverse: true`). */
  descending?: boolean;
}

/** Shopify's `PageInfo` object. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** Encodes a cursor for an item at (value, id). */
export function encodeCursor(id: number, value: number | string): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString('base64');
}

/** Decodes a cursor, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): { id: number; value: number | string } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as Record<string, unknown>;
    const value = parsed.last_value;
    if (typeof parsed.last_id !== 'number' || (typeof value !== 'number' && typeof value !== 'string')) {
      return undefined;
    }
    return { id: parsed.last_id, value };
  } catch {
    return undefined;
  }
}

class Edge<T> {
  constructor(
    readonly node: T,
    private readonly spec: SortSpec<T>,
  ) {}
  get cursor(): string {
    return encodeCursor(this.spec.id(this.node), this.spec.value(this.node));
  }
}

/** A page of a connection, shaped like Shopify's `XxxConnection` objects. */
export class Connection<T> {
  constructor(
    readonly nodes: readonly T[],
    private readonly spec: SortSpec<T>,
    readonly pageInfo: PageInfo,
  ) {}
  get edges(): Edge<T>[] {
    return this.nodes.map((node) => new Edge(node, this.spec));
  }
}

function compare<T>(spec: SortSpec<T>, item: T, key: { id: number; value: number | string }): number {
  const value = spec.value(item);
  if (value < key.value) return -1;
  if (value > key.value) return 1;
  return spec.id(item) - key.id;
}

/** Index of the first item strictly after `key` (or at/after with `inclusive`) in list order. */
function seek<T>(
  items: readonly T[],
  spec: SortSpec<T>,
  cursor: string,
  descending: boolean,
  inclusive: boolean,
) {
  const key = decodeCursor(cursor);
  if (!key) throw simError('Invalid cursor for current pagination sort.', 'BAD_REQUEST');
  const dir = descending ? -1 : 1;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(spec, items[mid] as T, key) * dir;
    if (c > 0 || (inclusive && c === 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function checkSize(name: string, size: number | null | undefined): void {
  if (size === null || size === undefined) return;
  if (size < 0) throw simError(`${name} must be a non-negative integer`, 'BAD_REQUEST'); // inferred wording
  // Inferred wording: Shopify rejects pages over 250; the exact message is not documented.
  if (size > MAX_PAGE_SIZE) throw simError(`${name} cannot exceed ${MAX_PAGE_SIZE}`, 'BAD_REQUEST');
}

/** Pages `items` (already in final order) according to Relay arguments. */
export function paginate<T>(
  items: readonly T[],
  args: ConnectionArgs,
  spec: SortSpec<T>,
  options: PaginateOptions = {},
): Connection<T> {
  const descending = options.descending ?? false;
  if (options.unbounded) {
    const window = options.window;
    const nodes = window ? items.slice(window.offset, window.offset + window.limit) : items;
    return new Connection(nodes, spec, pageInfoOf(nodes, spec, false, false));
  }
  const { first, last } = args;
  // Recorded Shopify responses (shopify-api-js test fixtures) carry this exact message.
  if ((first === null || first === undefined) && (last === null || last === undefined)) {
    throw simError('you must provide one of first or last', 'BAD_REQUEST');
  }
  if (first !== null && first !== undefined && last !== null && last !== undefined) {
    throw simError('providing both first and last is not supported', 'BAD_REQUEST'); // inferred wording
  }
  checkSize('first', first);
  checkSize('last', last);
  let start = args.after ? seek(items, spec, args.after, descending, false) : 0;
  let end = args.before ? seek(items, spec, args.before, descending, true) : items.length;
  if (end < start) end = start;
  if (first !== null && first !== undefined) end = Math.min(end, start + first);
  else if (last !== null && last !== undefined) start = Math.max(start, end - last);
  const nodes = items.slice(start, end);
  return new Connection(nodes, spec, pageInfoOf(nodes, spec, end < items.length, start > 0));
}

/** `pageInfo`, with cursors encoded only when asked for (bulk reads never ask). */
class LazyPageInfo<T> implements PageInfo {
  constructor(
    private readonly nodes: readonly T[],
    private readonly spec: SortSpec<T>,
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}
  get startCursor(): string | null {
    const node = this.nodes[0];
    return node === undefined ? null : encodeCursor(this.spec.id(node), this.spec.value(node));
  }
  get endCursor(): string | null {
    const node = this.nodes[this.nodes.length - 1];
    return node === undefined ? null : encodeCursor(this.spec.id(node), this.spec.value(node));
  }
}

function pageInfoOf<T>(
  nodes: readonly T[],
  spec: SortSpec<T>,
  hasNext: boolean,
  hasPrevious: boolean,
): PageInfo {
  return new LazyPageInfo(nodes, spec, hasNext, hasPrevious);
}
