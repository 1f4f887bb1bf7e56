/**
 * What Concord knows about Tryton (6.0) as data: the JSON-RPC protocol, session auth, limits, page sizes
 * and capabilities. Code in this folder reads its numbers from here.
 *
 * Sources: Tryton "Remote Procedure Call" (https://docs.tryton.org/projects/server/en/6.0/topics/rpc.html,
 * mirror https://docs.huihoo.com/tryton/4.4/trytond/doc/topics/rpc.html) and trytond 6.0's own
 * `trytond/protocols/jsonrpc.py`, `protocols/dispatcher.py` (verified against the Debian 6.0 packages).
 */

export const TRYTON_MANIFEST = {
  vendor: 'tryton',
  /**
   * `common.db.login [login, {password}]` → `[uid, session]`; then
   * `Authorization: Session base64(login:uid:session)`. An expired session answers HTTP 401; a wrong
   * password answers 401 to the login; too many failed logins answer 429 (and each failure delays the next).
   */
  auth: { kind: 'session', loginMethod: 'common.db.login', scheme: 'Session' },
  /** JSON-RPC 1.0 over `POST <url>/<database>/`; the context is the last parameter of every model call. */
  protocol: 'json-rpc',
  limits: {
    /** Rows per `search_read` page. */
    defaultPageSize: 500,
    maxPageSize: 5000,
    /**
     * Concurrent reads. Tryton has no published rate limit; each request is a database transaction, and the
     * default SQLite backend takes one writer at a time, so reads stay modestly parallel.
     */
    readConcurrency: 4,
    /** Concurrent writes: one (SQLite serialises writers; PostgreSQL would take more, but orders are few). */
    writeConcurrency: 1,
    /** Attempts for a read that failed with a transient server error ("database is locked"). */
    readAttempts: 4,
  },
  /** Tryton has no idempotency key on create: writes are made at most once by reading before retrying. */
  idempotency: 'read-before-retry',
  capabilities: {
    read: ['items', 'locations', 'inventory_levels', 'customers'],
    write: ['customer', 'sales_order', 'invoice'],
    webhooks: [] as string[],
  },
} as const;
