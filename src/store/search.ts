/**
 * The read queries of the API: what `RecordStore` cannot express — filters on fields inside the
 * unified record (`data->>'status'`), a case-insensitive "title contains", products by one of their
 * variants' SKU, stock totals per SKU — and plans that stay fast without planner statistics (the
 * embedded PGlite store never auto-analyzes, so without an explicit ANALYZE every table looks like
 * one row and a SKU lookup would walk every record of the merchant). Lists are ordered by id with an
 * opaque cursor, so pages are stable while records change. With a `ReadCache` (embedded store), answers
 * are served from it until the merchant's next write.
 *
 * Field names are bound as parameters (`data ->> $3`), never spliced into SQL.
 *
 * @example
 * const search = new RecordSearch(db);
 * await search.list<Product>('mer_1', 'product', { data: { status: 'active' }, contains: { field: 'title', value: 'tee' } });
 */
import { ConcordError } from '../core/errors.js';
import type { Sql } from './db.js';
import type { ReadCache } from './read-cache.js';
import type { ListOptions, Page, StoredKind } from './records.js';

export interface SearchOptions extends ListOptions {
  /** Case-insensitive equality on top-level text fields of the record. */
  data?: Record<string, string>;
  /** Case-insensitive substring match on one top-level text field. */
  contains?: { field: string; value: string };
  /** Only records that are the parent of a variant with this SKU (products). */
  variantSku?: string;
}

export interface StockTotal {
  sku: string;
  on_hand: number;
  available: number;
  committed: number;
  incoming: number;
  locations: number;
}

// The cursor is the base64url of the last id on the page.
const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]+_[0-9a-z]+$/.test(id)) {
    throw new ConcordError('validation', 'invalid_cursor', 'The cursor is not one this API returned', {
      field: 'cursor',
    });
  }
  return id;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Collects `where` clauses and their parameters ($1 is the merchant, $2 the kind). */
class Where {
  readonly clauses = ['merchant_id = $1', 'kind = $2'];
  readonly params: unknown[];

  constructor(merchantId: string, kind: StoredKind) {
    this.params = [merchantId, kind];
  }

  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(clause: (p: string) => string, value: unknown): void {
    if (value !== undefined) this.clauses.push(clause(this.bind(value)));
  }

  get sql(): string {
    return this.clauses.join(' and ');
  }
}

function whereOf(merchantId: string, kind: StoredKind, options: SearchOptions): Where {
  const w = new Where(merchantId, kind);
  const f = options.filters ?? {};
  w.add((p) => `id = any(${p}::text[])`, f.ids);
  w.add((p) => `sku = ${p}`, f.sku);
  w.add((p) => `sku = any(${p}::text[])`, f.skus);
  w.add((p) => `parent_id = ${p}`, f.parent_id);
  w.add((p) => `location_id = ${p}`, f.location_id);
  w.add((p) => `lower(email) = lower(${p})`, f.email);
  w.add((p) => `system = ${p}`, f.system);
  w.add((p) => `updated_at >= ${p}::timestamptz`, f.updated_since);
  for (const [field, value] of Object.entries(options.data ?? {})) {
    w.add((p) => `lower(data ->> ${w.bind(field)}) = lower(${p})`, value);
  }
  if (options.contains) {
    const { field, value } = options.contains;
    w.add((p) => `data ->> ${w.bind(field)} ilike ${p} escape '\\'`, `%${escapeLike(value)}%`);
  }
  // `= any(array(…))` runs the variant lookup once (an init plan), never once per product row.
  w.add(
    (p) =>
      `id = any(array(select v.parent_id from records v where v.merchant_id = $1 and v.kind = 'variant' and v.sku = ${p}))`,
    options.variantSku,
  );
  if (options.cursor) w.add((p) => `id > ${p}`, decodeCursor(options.cursor));
  return w;
}

/** True when an indexed filter narrows the rows to a few (a SKU, a parent, an email, ids). */
function isSelective(options: SearchOptions): boolean {
  const f = options.filters ?? {};
  return [f.ids, f.sku, f.skus, f.parent_id, f.email, options.variantSku].some((v) => v !== undefined);
}

function pageOf<T>(
  rows: { id: string; data: T; raw?: unknown }[],
  limit: number,
  raw: boolean | undefined,
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => (raw ? ({ ...r.data, raw: r.raw ?? null } as T) : r.data)),
    next_cursor: rows.length > limit && last ? encodeCursor(last.id) : null,
  };
}

export class RecordSearch {
  constructor(
    private readonly db: Sql,
    private readonly cache: ReadCache | null = null,
  ) {}

  private cached<T>(merchantId: string, key: unknown[], compute: () => Promise<T>): Promise<T> {
    return this.cache ? this.cache.through(merchantId, JSON.stringify(key), compute) : compute();
  }

  /**
   * One record by Concord id, or null (also when it is of another kind or another merchant).
   * Looked up by (merchant, id) only — the primary key — so the plan never depends on statistics.
   */
  async get<T>(
    merchantId: string,
    kind: StoredKind,
    id: string,
    options: { raw?: boolean } = {},
  ): Promise<T | null> {
    return this.cached(merchantId, ['get', kind, id, !!options.raw], async () => {
      const { rows } = await this.db.query<{ kind: string; data: T; raw: unknown }>(
        `select kind, data${options.raw ? ', raw' : ''} from records where merchant_id = $1 and id = $2`,
        [merchantId, id],
      );
      const row = rows[0];
      if (!row || row.kind !== kind) return null;
      return options.raw ? ({ ...row.data, raw: row.raw ?? null } as T) : row.data;
    });
  }

  /**
   * A page of records of one kind matching every given filter, ordered by id. With a selective
   * filter the matching rows are found first (through their index) and then sorted, so the plan
   * stays right even where the planner has no statistics (PGlite never auto-analyzes); otherwise
   * the (merchant, kind, id) index is walked in order and stops at the page size.
   */
  list<T>(merchantId: string, kind: StoredKind, options: SearchOptions = {}): Promise<Page<T>> {
    return this.cached(merchantId, ['list', kind, options], () => this.query<T>(merchantId, kind, options));
  }

  private async query<T>(merchantId: string, kind: StoredKind, options: SearchOptions): Promise<Page<T>> {
    const limit = options.limit ?? 50;
    const w = whereOf(merchantId, kind, options);
    const columns = `id, data${options.raw ? ', raw' : ''}`;
    const sql = isSelective(options)
      ? `with found as materialized (select ${columns} from records where ${w.sql})
         select * from found order by id limit ${w.bind(limit + 1)}`
      : `select ${columns} from records where ${w.sql} order by id limit ${w.bind(limit + 1)}`;
    const { rows } = await this.db.query<{ id: string; data: T; raw: unknown }>(sql, w.params);
    return pageOf(rows, limit, options.raw);
  }

  /** Stock per SKU summed over every stored level (optionally only one location / variant). */
  async stockTotals(
    merchantId: string,
    skus: string[],
    filters: { location_id?: string; variant_id?: string } = {},
  ): Promise<StockTotal[]> {
    if (skus.length === 0) return [];
    const { rows } = await this.db.query<StockTotal>(
      `select sku,
              coalesce(sum((data->>'on_hand')::int), 0)::int as on_hand,
              coalesce(sum((data->>'available')::int), 0)::int as available,
              coalesce(sum((data->>'committed')::int), 0)::int as committed,
              coalesce(sum((data->>'incoming')::int), 0)::int as incoming,
              count(distinct location_id)::int as locations
         from records
        where merchant_id = $1 and kind = 'inventory_level' and sku = any($2::text[])
          and ($3::text is null or location_id = $3) and ($4::text is null or parent_id = $4)
        group by sku order by sku`,
      [merchantId, skus, filters.location_id ?? null, filters.variant_id ?? null],
    );
    return rows;
  }

  /** Units available per variant, summed over every stored inventory level of each. */
  async availableByVariant(merchantId: string, variantIds: string[]): Promise<Map<string, number>> {
    if (variantIds.length === 0) return new Map();
    const { rows } = await this.db.query<{ variant_id: string; available: number }>(
      `select parent_id as variant_id, coalesce(sum((data->>'available')::int), 0)::int as available
         from records where merchant_id = $1 and kind = 'inventory_level' and parent_id = any($2::text[])
        group by parent_id`,
      [merchantId, variantIds],
    );
    return new Map(rows.map((r) => [r.variant_id, r.available]));
  }
}
