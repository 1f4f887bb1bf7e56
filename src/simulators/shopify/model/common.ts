/**
 * Helpers every model class shares: the `Count` object, sort specs, and `listConnection`, which
 * turns an in-memory list into a Shopify connection (search filter, sort key, `reverse`, Relay
 * paging, and unbounded reads while a bulk operation runs). Filtered + sorted views are cached per
 * store version, so paging through 100 000 variants sorts them once, not once per page.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { paginate, type Connection, type ConnectionArgs, type SortSpec } from '../connections.js';
import type { SimContext } from '../context.js';
import { filterBySearch, type SearchFields } from '../search.js';

/** Shopify's `Count` object; counts above `limit` are reported as AT_LEAST (limit defaults to 10 000). */
export function countOf(n: number, limit: number | null | undefined = 10_000) {
  if (limit !== null && limit !== undefined && n > limit) return { count: limit, precision: 'AT_LEAST' };
  return { count: n, precision: 'EXACT' };
}

/** Anything with a numeric id. */
export interface Numbered {
  num: number;
}

/** Sort by numeric id. */
export const BY_ID: SortSpec<Numbered> = { value: (item) => item.num, id: (item) => item.num };

/** Sort by a timestamp field in ms, ties broken by id. */
export function byTime<T extends Numbered>(get: (item: T) => number): SortSpec<T> {
  return { value: get, id: (item) => item.num };
}

/** Sort by a text field (case-insensitive), ties broken by id. */
export function byText<T extends Numbered>(get: (item: T) => string | null | undefined): SortSpec<T> {
  return { value: (item) => (get(item) ?? '').toLowerCase(), id: (item) => item.num };
}

/** Arguments of a list connection field. */
export interface ListArgs extends ConnectionArgs {
  query?: string | null;
  sortKey?: string | null;
  reverse?: boolean | null;
}

/** How one collection is listed: its search fields, sort keys and default sort key. */
export interface ListSpec<T extends Numbered> {
  name: string;
  search?: SearchFields<T>;
  sorts: Record<string, SortSpec<T>>;
  defaultSort: string;
}

function sortedView<T extends Numbered>(
  ctx: SimContext,
  items: readonly T[],
  spec: ListSpec<T>,
  args: ListArgs,
) {
  const sortKey = args.sortKey && spec.sorts[args.sortKey] ? args.sortKey : spec.defaultSort;
  const sort = spec.sorts[sortKey] ?? (BY_ID as SortSpec<T>);
  const key = `${spec.name}|${sortKey}|${args.reverse ? 1 : 0}|${args.query ?? ''}`;
  const view = ctx.state.cachedView(key, () => {
    const filtered = spec.search ? filterBySearch(items, args.query, spec.search) : items;
    let sorted: readonly T[] = filtered;
    if (sort !== BY_ID || !isAscendingById(filtered))
      sorted = [...filtered].sort((a, b) => compareBy(sort, a, b));
    return args.reverse ? [...sorted].reverse() : sorted;
  });
  return { view: view as readonly T[], sort };
}

function isAscendingById(items: readonly Numbered[]): boolean {
  for (let i = 1; i < items.length; i++)
    if ((items[i] as Numbered).num < (items[i - 1] as Numbered).num) return false;
  return true;
}

function compareBy<T>(sort: SortSpec<T>, a: T, b: T): number {
  const va = sort.value(a);
  const vb = sort.value(b);
  if (va < vb) return -1;
  if (va > vb) return 1;
  return sort.id(a) - sort.id(b);
}

/** True for the root field of the operation (the one a bulk operation pages in windows). */
function isRootField(info: GraphQLResolveInfo): boolean {
  return info.path.prev === undefined;
}

/** Lists a top-level collection (store-wide, cached per store version) as a connection. */
export function listConnection<T extends Numbered>(
  ctx: SimContext,
  info: GraphQLResolveInfo,
  items: readonly T[],
  args: ListArgs,
  spec: ListSpec<T>,
): Connection<T> {
  const { view, sort } = sortedView(ctx, items, spec, args);
  return paginate(view, args, sort, {
    descending: !!args.reverse,
    unbounded: !!ctx.bulk,
    window: ctx.bulk && isRootField(info) ? ctx.bulk : undefined,
  });
}

/** Pages a small nested list (a product's variants, an order's line items) as a connection. */
export function nestedConnection<T>(
  ctx: SimContext,
  items: readonly T[],
  args: ConnectionArgs & { reverse?: boolean | null },
  sort: SortSpec<T>,
): Connection<T> {
  const ordered = args.reverse ? [...items].reverse() : items;
  return paginate(ordered, args, sort, { descending: !!args.reverse, unbounded: !!ctx.bulk });
}

/** Applies a `first:` argument to a plain list field. */
export function firstOf<T>(items: readonly T[], first: number | null | undefined): readonly T[] {
  return first === null || first === undefined ? items : items.slice(0, Math.max(0, first));
}

/** The empty connection (fields the simulator models without data, such as product media). */
export function emptyConnection(ctx: SimContext, args: ConnectionArgs): Connection<Numbered> {
  return nestedConnection(ctx, [], args, BY_ID);
}
