/**
 * The checkout session repository, keyed by (merchant, session id), in the database so every
 * Concord node sees the same sessions. A session row holds what the agent sent (`inputs`), the
 * session as last rendered (`view`), the quote behind it, the order it became and a `revision`:
 * every write is a compare-and-set on the revision, so two updates racing on one session cannot
 * both win (the loser is told to retry). Completion takes a lease first (`beginCompletion`: one
 * statement moves `ready_for_payment` to `complete_in_progress` under the request's idempotency
 * key), so two completions with different keys never both charge; a crashed node's lease runs out.
 *
 * @example
 * const store = new SessionStore(rt.db);
 * const session = await store.get('mer_a', 'cs_…'); // null when unknown
 * if (!(await store.save(next, session.revision))) throw busy();
 */
import type { Sql } from '../../store/db.js';
import type { Buyer, FulfillmentDetails } from './schemas.js';
import type { AcpCheckoutSession, AcpOrder, SessionStatus } from './types.js';

/** One requested item: its id, how many units, and where it first appeared in the request. */
export interface RequestedItem {
  id: string;
  quantity: number;
  index: number;
}

/** What the agent asked for, kept across updates. */
export interface SessionInputs {
  currency: string;
  items: RequestedItem[];
  buyer?: Buyer;
  fulfillment_details?: FulfillmentDetails;
  selected_option_id?: string;
  locale?: string;
  timezone?: string;
  metadata?: Record<string, unknown>;
  order_notes?: string;
  discount_codes?: string[];
  /** Write-only affiliate attribution (first and last touch), stored with the order's session. */
  affiliate_attribution?: unknown[];
  /** What the current quote was asked (see `priceSession`). */
  quote_basis?: string | null;
  /** The last declined payment's message, shown until the next attempt. */
  declined?: string | null;
}

export interface SessionPayment {
  handler_id: string;
  authorization_id: string;
  reference: string;
}

export interface StoredSession {
  merchant_id: string;
  id: string;
  status: SessionStatus;
  revision: number;
  quote_id: string | null;
  order_id: string | null;
  inputs: SessionInputs;
  view: AcpCheckoutSession;
  order: AcpOrder | null;
  payment: SessionPayment | null;
  lock_key: string | null;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

interface Row {
  merchant_id: string;
  id: string;
  status: string;
  revision: number;
  quote_id: string | null;
  order_id: string | null;
  inputs: unknown;
  view: unknown;
  order_body: unknown;
  payment: unknown;
  lock_key: string | null;
  expires_at: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function fromRow(row: Row): StoredSession {
  return {
    merchant_id: row.merchant_id,
    id: row.id,
    status: row.status as SessionStatus,
    revision: Number(row.revision),
    quote_id: row.quote_id,
    order_id: row.order_id,
    inputs: parsed<SessionInputs>(row.inputs),
    view: parsed<AcpCheckoutSession>(row.view),
    order: row.order_body === null ? null : parsed<AcpOrder>(row.order_body),
    payment: row.payment === null ? null : parsed<SessionPayment>(row.payment),
    lock_key: row.lock_key,
    expires_at: iso(row.expires_at),
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export class SessionStore {
  constructor(private readonly db: Sql) {}

  async insert(session: StoredSession): Promise<void> {
    await this.db.query(
      `insert into acp_checkout_sessions
         (merchant_id, id, status, revision, quote_id, order_id, inputs, view, order_body, payment,
          expires_at, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7::json, $8::json, $9::json, $10::json,
               $11::timestamptz, $12::timestamptz, $13::timestamptz)`,
      [
        session.merchant_id,
        session.id,
        session.status,
        session.revision,
        session.quote_id,
        session.order_id,
        json(session.inputs),
        json(session.view),
        json(session.order),
        json(session.payment),
        session.expires_at,
        session.created_at,
        session.updated_at,
      ],
    );
  }

  async get(merchantId: string, id: string): Promise<StoredSession | null> {
    const { rows } = await this.db.query<Row>(
      `select * from acp_checkout_sessions where merchant_id = $1 and id = $2`,
      [merchantId, id],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async findByOrder(merchantId: string, orderId: string): Promise<StoredSession | null> {
    const { rows } = await this.db.query<Row>(
      `select * from acp_checkout_sessions where merchant_id = $1 and order_id = $2`,
      [merchantId, orderId],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Writes `session` when the stored revision is still `expected`; the stored revision becomes expected + 1. */
  async save(session: StoredSession, expected: number): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `update acp_checkout_sessions set status = $4, revision = $3 + 1, quote_id = $5, order_id = $6,
          inputs = $7::json, view = $8::json, order_body = $9::json, payment = $10::json,
          lock_key = $11, locked_until = case when $11::text is null then null else locked_until end,
          expires_at = $12::timestamptz, updated_at = $13::timestamptz
        where merchant_id = $1 and id = $2 and revision = $3`,
      [
        session.merchant_id,
        session.id,
        expected,
        session.status,
        session.quote_id,
        session.order_id,
        json(session.inputs),
        json(session.view),
        json(session.order),
        json(session.payment),
        session.lock_key,
        session.expires_at,
        session.updated_at,
      ],
    );
    return rowCount === 1;
  }

  /**
   * Moves a ready session to `complete_in_progress` under `key` for `leaseMs` (one statement). The
   * same key may take it again (a retry), and anyone may once the lease ran out. Returns the
   * session as locked, or null when it is not ready, expired, or another completion holds it.
   */
  async beginCompletion(
    merchantId: string,
    id: string,
    key: string,
    now: Date,
    leaseMs: number,
  ): Promise<StoredSession | null> {
    const { rows } = await this.db.query<Row>(
      `update acp_checkout_sessions
          set status = 'complete_in_progress', lock_key = $3, locked_until = $5::timestamptz,
              revision = revision + 1, updated_at = $4::timestamptz
        where merchant_id = $1 and id = $2 and expires_at > $4::timestamptz
          and (status = 'ready_for_payment'
               or (status = 'complete_in_progress' and (lock_key = $3 or locked_until < $4::timestamptz)))
        returning *`,
      [merchantId, id, key, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString()],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }
}
