/**
 * The quotes repository and the stock holds behind them. A quote is stored whole (json) with its
 * expiry; its holds are rows per (stock record, location) that count against available-to-promise
 * while they are neither released nor expired.
 *
 * `create` writes a quote and its holds in one transaction and re-checks every hold there, under a
 * transaction-scoped advisory lock per (merchant, stock record, location) taken in a fixed order, so
 * two quotes racing for the last units cannot both hold them, on one node or several: the loser gets
 * `stock_no_longer_available` (409) and nothing of it is written.
 *
 * @example
 * const store = new QuoteStore(db);
 * const held = await store.heldByOthers('mer_a', ['var_1'], now); // Map 'var_1|loc_1' → 3
 * await store.create('mer_a', quote, [{ system, parent_id, location_id, quantity: 2, available: 10 }], now);
 */
import { ConcordError } from '../core/errors.js';
import type { Database, Sql } from './db.js';

export interface HoldRequest {
  system: string;
  /** The stock record held: a variant id (platform stock) or an item id (ERP stock). */
  parent_id: string;
  location_id: string;
  quantity: number;
  /** What the system reported available there when the quote was built. */
  available: number;
}

export interface StoredQuote<T> {
  id: string;
  status: 'open' | 'ordered' | 'expired';
  expires_at: string;
  order_id: string | null;
  order_ref: string | null;
  body: T;
}

interface Row {
  id: string;
  status: string;
  expires_at: Date | string;
  order_id: string | null;
  order_ref: string | null;
  body: unknown;
}

const holdKey = (parent: string, location: string) => `${parent}|${location}`;
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

async function activeHolds(
  sql: Sql,
  merchantId: string,
  parentIds: string[],
  now: Date,
  exceptQuote: string | null,
): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ parent_id: string; location_id: string; held: number }>(
    `select parent_id, location_id, sum(quantity)::int as held from stock_holds
      where merchant_id = $1 and parent_id = any($2::text[]) and released_at is null
        and expires_at > $3::timestamptz and ($4::text is null or quote_id <> $4)
      group by parent_id, location_id`,
    [merchantId, parentIds, now.toISOString(), exceptQuote],
  );
  return new Map(rows.map((r) => [holdKey(r.parent_id, r.location_id), r.held]));
}

/** Releases a quote's active holds, inside the caller's transaction when given one. */
export async function releaseQuoteHolds(
  sql: Sql,
  merchantId: string,
  quoteId: string,
  now: Date,
): Promise<number> {
  const { rowCount } = await sql.query(
    `update stock_holds set released_at = $3::timestamptz
      where merchant_id = $1 and quote_id = $2 and released_at is null`,
    [merchantId, quoteId, now.toISOString()],
  );
  return rowCount;
}

export class QuoteStore {
  constructor(private readonly db: Database) {}

  /** Units held by open quotes, by `parent|location` (excluding `exceptQuote` when given). */
  heldByOthers(merchantId: string, parentIds: string[], now: Date, exceptQuote: string | null = null) {
    if (parentIds.length === 0) return Promise.resolve(new Map<string, number>());
    return activeHolds(this.db, merchantId, parentIds, now, exceptQuote);
  }

  /** Stores the quote and holds its stock (see the module comment). */
  async create<T>(
    merchantId: string,
    quote: { id: string; expires_at: string; body: T },
    holds: readonly HoldRequest[],
    now: Date,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const keys = [
        ...new Set(holds.map((h) => `${merchantId}|${holdKey(h.parent_id, h.location_id)}`)),
      ].sort();
      for (const key of keys) await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [key]);
      const held = await activeHolds(tx, merchantId, [...new Set(holds.map((h) => h.parent_id))], now, null);
      const short = holds.filter(
        (h) => h.available - (held.get(holdKey(h.parent_id, h.location_id)) ?? 0) < h.quantity,
      );
      if (short.length > 0) {
        throw new ConcordError(
          'conflict',
          'stock_no_longer_available',
          'Another quote or order took some of this stock a moment ago; quote again',
          { detail: { held: short.map((h) => ({ parent_id: h.parent_id, location_id: h.location_id })) } },
        );
      }
      await tx.query(
        `insert into quotes (merchant_id, id, status, expires_at, body, created_at)
         values ($1, $2, 'open', $3::timestamptz, $4::json, $5::timestamptz)`,
        [merchantId, quote.id, quote.expires_at, JSON.stringify(quote.body), now.toISOString()],
      );
      if (holds.length === 0) return;
      await tx.query(
        `insert into stock_holds (merchant_id, quote_id, system, parent_id, location_id, quantity, expires_at)
         select $1, $2, system, parent_id, location_id, quantity, $3::timestamptz
           from json_to_recordset($4::json) as h(system text, parent_id text, location_id text, quantity int)`,
        [merchantId, quote.id, quote.expires_at, JSON.stringify(holds)],
      );
    });
  }

  async get<T>(merchantId: string, id: string, now: Date): Promise<StoredQuote<T> | null> {
    const { rows } = await this.db.query<Row>(
      `select id, status, expires_at, order_id, order_ref, body from quotes where merchant_id = $1 and id = $2`,
      [merchantId, id],
    );
    const row = rows[0];
    if (!row) return null;
    const expiresAt = iso(row.expires_at);
    const expired = row.status === 'open' && new Date(expiresAt) <= now;
    const body = (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as T;
    return {
      id: row.id,
      status: expired ? 'expired' : (row.status as StoredQuote<T>['status']),
      expires_at: expiresAt,
      order_id: row.order_id,
      order_ref: row.order_ref,
      body,
    };
  }

  /**
   * Claims an open, unexpired quote for the order with reference `orderRef` (one statement, so of
   * two orders racing for one quote exactly one wins). The same reference may claim again (a retry).
   * Returns false when another order holds it, or it expired before anyone claimed it.
   */
  async claim(merchantId: string, id: string, orderRef: string, now: Date): Promise<boolean> {
    const { rows } = await this.db.query<{ id: string }>(
      `update quotes set order_ref = $3
        where merchant_id = $1 and id = $2
          and (order_ref = $3 or (order_ref is null and status = 'open' and expires_at > $4::timestamptz))
        returning id`,
      [merchantId, id, orderRef, now.toISOString()],
    );
    return rows.length > 0;
  }

  /** Gives a claim back (the order failed for good), so the quote can be ordered again. */
  async unclaim(merchantId: string, id: string, orderRef: string): Promise<void> {
    await this.db.query(
      `update quotes set order_ref = null where merchant_id = $1 and id = $2 and order_ref = $3 and order_id is null`,
      [merchantId, id, orderRef],
    );
  }

  /**
   * Releases an unordered quote's holds (a checkout moved to another quote, or was cancelled);
   * returns how many holds were released. Holds of an ordered quote are already released.
   */
  release(merchantId: string, quoteId: string, now: Date): Promise<number> {
    return releaseQuoteHolds(this.db, merchantId, quoteId, now);
  }

  /** Marks the claimed quote ordered and releases its holds (the order now owns the stock). */
  async markOrdered(merchantId: string, id: string, orderId: string, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `update quotes set status = 'ordered', order_id = $3
          where merchant_id = $1 and id = $2 and order_ref is not null returning id`,
        [merchantId, id, orderId],
      );
      if (rows.length === 0) return false;
      await tx.query(
        `update stock_holds set released_at = $3::timestamptz
          where merchant_id = $1 and quote_id = $2 and released_at is null`,
        [merchantId, id, now.toISOString()],
      );
      return true;
    });
  }
}
