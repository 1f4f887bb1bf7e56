/**
 * UCP checkout sessions, kept in the database so every Concord node serves the same session: what
 * the platform gave (line items, buyer, destination, chosen shipping option), the quote that prices
 * it, the order it became, the checkout as last shown, and a version for optimistic concurrency
 * (two updates racing: one wins, the other is a 409 and retries).
 *
 * A session points at one quote at a time. When an update replaces it, the superseded quote's stock
 * holds are released, so a session never competes with its own earlier quote for stock.
 *
 * Migration: 0007 in `src/store/migrations.ts`.
 *
 * @example
 * const store = new SessionStore(rt.db);
 * await store.create('mer_a', session);
 * const s = await store.get('mer_a', 'chk_…');
 */
import { MIGRATIONS, type Migration } from '../../store/migrations.js';
import { releaseQuoteHolds } from '../../store/quotes.js';
import type { Database, Sql } from '../../store/db.js';
import type { Buyer, ShippingDestination } from './schemas.js';

/** The sessions table's migration (listed in `src/store/migrations.ts` as 0007). */
export const UCP_SESSIONS_MIGRATION: Migration = MIGRATIONS.find(
  (m) => m.id === '0007_ucp_checkout_sessions',
)!;

export type SessionStatus = 'open' | 'completed' | 'canceled';

export interface SessionLine {
  id: string;
  /** The item id as the platform sent it: a Concord variant id or a SKU. */
  item_id: string;
  quantity: number;
}

export interface SessionState {
  line_items: SessionLine[];
  buyer: Buyer | null;
  destination: ShippingDestination | null;
  /** The shipping option the platform selected (a quote option id), if any. */
  selected_option_id: string | null;
  /** The authorization of a completed checkout. */
  payment: { handler_id: string; authorization_id: string } | null;
}

export interface Session {
  id: string;
  status: SessionStatus;
  version: number;
  quote_id: string | null;
  order_id: string | null;
  expires_at: string;
  state: SessionState;
  /** The checkout object as last shown, without its `ucp` envelope. */
  checkout: Record<string, unknown>;
  created_at: string;
}

interface Row {
  id: string;
  status: SessionStatus;
  version: number;
  quote_id: string | null;
  order_id: string | null;
  expires_at: Date | string;
  state: unknown;
  checkout: unknown;
  created_at: Date | string;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

const fromRow = (r: Row): Session => ({
  id: r.id,
  status: r.status,
  version: r.version,
  quote_id: r.quote_id,
  order_id: r.order_id,
  expires_at: iso(r.expires_at),
  state: json<SessionState>(r.state),
  checkout: json<Record<string, unknown>>(r.checkout),
  created_at: iso(r.created_at),
});

export type SessionChange = Pick<
  Session,
  'status' | 'quote_id' | 'order_id' | 'expires_at' | 'state' | 'checkout'
>;

/** Releases the active stock holds of a quote (see the module comment). */
export async function releaseHolds(sql: Sql, merchantId: string, quoteId: string, now: Date): Promise<void> {
  await releaseQuoteHolds(sql, merchantId, quoteId, now);
}

export class SessionStore {
  constructor(private readonly db: Database) {}

  async create(merchantId: string, session: Omit<Session, 'version'>, now: Date): Promise<void> {
    await this.db.query(
      `insert into ucp_checkout_sessions
         (merchant_id, id, status, quote_id, order_id, expires_at, state, checkout, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6::timestamptz, $7::json, $8::json, $9::timestamptz, $9::timestamptz)`,
      [
        merchantId,
        session.id,
        session.status,
        session.quote_id,
        session.order_id,
        session.expires_at,
        JSON.stringify(session.state),
        JSON.stringify(session.checkout),
        now.toISOString(),
      ],
    );
  }

  async get(merchantId: string, id: string): Promise<Session | null> {
    const { rows } = await this.db.query<Row>(
      `select id, status, version, quote_id, order_id, expires_at, state, checkout, created_at
         from ucp_checkout_sessions where merchant_id = $1 and id = $2`,
      [merchantId, id],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /**
   * Writes `change` if the session is still at `version` (false otherwise), releasing the holds of
   * `release` (a superseded or cancelled quote) in the same transaction.
   */
  async update(
    merchantId: string,
    id: string,
    version: number,
    change: SessionChange,
    now: Date,
    release: string | null = null,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>(
        `update ucp_checkout_sessions
            set status = $4, quote_id = $5, order_id = $6, expires_at = $7::timestamptz, state = $8::json,
                checkout = $9::json, version = version + 1, updated_at = $10::timestamptz
          where merchant_id = $1 and id = $2 and version = $3 returning id`,
        [
          merchantId,
          id,
          version,
          change.status,
          change.quote_id,
          change.order_id,
          change.expires_at,
          JSON.stringify(change.state),
          JSON.stringify(change.checkout),
          now.toISOString(),
        ],
      );
      if (rows.length === 0) return false;
      if (release) await releaseHolds(tx, merchantId, release, now);
      return true;
    });
  }

  /** Releases a quote's holds on its own (a quote created for an update that lost its race). */
  release(merchantId: string, quoteId: string, now: Date): Promise<void> {
    return releaseHolds(this.db, merchantId, quoteId, now);
  }

  /** How many sessions a merchant has (tests: "nothing was written"). */
  async count(merchantId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `select count(*)::int as n from ucp_checkout_sessions where merchant_id = $1`,
      [merchantId],
    );
    return rows[0]?.n ?? 0;
  }
}
