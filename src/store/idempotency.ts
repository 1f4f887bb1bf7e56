/**
 * Idempotency keys for write requests, kept in the database so that every Concord node on one
 * PostgreSQL agrees. A key lives per (merchant, scope, key) with the fingerprint of the request that
 * first used it (sha256 of method, route and canonical JSON body) and, once the request finished,
 * the response it got.
 *
 * `begin()` claims a key in ONE statement (`insert … on conflict do update … where`), so of several
 * racing requests exactly one gets `new`; the others see `in_flight`, `replay` (same request,
 * finished) or `mismatch` (same key, other request). The winner holds a lease until `locked_until`
 * (60 s by default); a node that crashed mid-request leaves the lease to expire, after which the same
 * request may take the key over. `complete()` stores deterministic outcomes (2xx, 4xx) for replay and
 * releases the key on 5xx, so a retry re-executes — safe because the platform write below is guarded
 * by a deterministic order reference. Keys are kept at least 24 h (`purgeExpired`).
 *
 * Time comes from the injected `now()` (wall clock by default); nodes are assumed to keep their
 * clocks within a few seconds of each other (NTP), which is far below the lease length.
 *
 * @example
 * const keys = new IdempotencyStore(db);
 * const claim = await keys.begin({ merchantId, scope: 'POST /orders', key, fingerprint });
 * if (claim.status === 'new') await keys.complete(claim.lease, 201, order);
 */
import { createHash } from 'node:crypto';
import { ConcordError } from '../core/errors.js';
import type { Sql } from './db.js';

/** How long a claimed key stays locked before another node may take it over. */
export const DEFAULT_LOCK_MS = 60_000;
/** Keys are kept (and honoured) at least this long. */
export const KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** 1–255 visible ASCII characters (0x21–0x7E), e.g. a UUID. */
const KEY_FORMAT = /^[\x21-\x7E]{1,255}$/;

export interface IdempotencyRequest {
  merchantId: string;
  /** What the key is for, e.g. "POST /orders"; the same key may be used once per scope. */
  scope: string;
  key: string;
  /** `requestFingerprint(...)` of the request. */
  fingerprint: string;
}

/** Proof of a claim: needed to complete or release the key; stale after a takeover. */
export interface IdempotencyLease {
  merchantId: string;
  scope: string;
  key: string;
  /** The claim's `locked_until` (ISO); a takeover always sets a later one. */
  token: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type BeginResult =
  | { status: 'new'; lease: IdempotencyLease }
  | { status: 'replay'; response: StoredResponse }
  | { status: 'in_flight' }
  | { status: 'mismatch' };

export interface IdempotencyStoreOptions {
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  lockMs?: number;
}

interface KeyRow {
  state: 'in_flight' | 'completed';
  fingerprint: string;
  response_status: number | null;
  response_body: unknown;
  /** The claim's lease has not expired yet. */
  running: boolean;
}

/** True when `key` is 1–255 visible ASCII characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return KEY_FORMAT.test(key);
}

/** JSON with object keys sorted at every level, so equal bodies give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The fingerprint of a request: sha256 (hex) of method, route and canonical JSON body.
 *
 * @example
 * requestFingerprint('POST', '/orders', { b: 1, a: 2 }) === requestFingerprint('POST', '/orders', { a: 2, b: 1 })
 */
export function requestFingerprint(method: string, route: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${route}\n${canonicalJson(body)}`)
    .digest('hex');
}

const MAX_ATTEMPTS = 5;

export class IdempotencyStore {
  private readonly now: () => number;
  private readonly lockMs: number;

  constructor(
    private readonly db: Sql,
    options: IdempotencyStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
  }

  /** Claims the key for this request, or says why not (replay, in flight, used by another request). */
  async begin(request: IdempotencyRequest): Promise<BeginResult> {
    if (!isValidIdempotencyKey(request.key)) {
      throw new ConcordError(
        'validation',
        'invalid_idempotency_key',
        'Idempotency-Key must be 1–255 visible ASCII characters',
        {
          field: 'Idempotency-Key',
        },
      );
    }
    // Each attempt is one atomic claim; when it fails, a fresh read says why. A row that vanished or
    // whose lease expired between the two statements is simply claimed again on the next attempt.
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const lease = await this.claim(request);
      if (lease) return { status: 'new', lease };
      const row = await this.read(request);
      if (!row) continue;
      if (row.fingerprint !== request.fingerprint) return { status: 'mismatch' };
      if (row.state === 'completed') {
        return {
          status: 'replay',
          response: { status: row.response_status ?? 200, body: row.response_body },
        };
      }
      if (row.running) return { status: 'in_flight' };
    }
    throw new ConcordError(
      'transient',
      'idempotency_contention',
      'The idempotency key is contended; retry shortly',
    );
  }

  /** Stores a deterministic outcome (2xx/4xx) for replay; a 5xx releases the key instead. */
  async complete(lease: IdempotencyLease, status: number, body: unknown): Promise<boolean> {
    if (status >= 500) return this.release(lease);
    const { rowCount } = await this.db.query(
      `update idempotency_keys set state = 'completed', response_status = $5, response_body = $6::jsonb, locked_until = null
        where merchant_id = $1 and scope = $2 and key = $3 and state = 'in_flight' and locked_until = $4::timestamptz`,
      [lease.merchantId, lease.scope, lease.key, lease.token, status, JSON.stringify(body ?? null)],
    );
    return rowCount === 1;
  }

  /** Forgets an in-flight claim (transient failure) so a retry re-executes; false when the lease was lost. */
  async release(lease: IdempotencyLease): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `delete from idempotency_keys
        where merchant_id = $1 and scope = $2 and key = $3 and state = 'in_flight' and locked_until = $4::timestamptz`,
      [lease.merchantId, lease.scope, lease.key, lease.token],
    );
    return rowCount === 1;
  }

  /**
   * Deletes keys created before `olderThan` (never newer than 24 h ago: later cutoffs are clamped),
   * except claims whose lease is still running. Returns how many were deleted.
   */
  async purgeExpired(olderThan: Date = new Date(this.now() - KEY_RETENTION_MS)): Promise<number> {
    const now = this.now();
    const cutoff = Math.min(olderThan.getTime(), now - KEY_RETENTION_MS);
    const { rowCount } = await this.db.query(
      `delete from idempotency_keys
        where created_at < $1::timestamptz and (locked_until is null or locked_until < $2::timestamptz)`,
      [new Date(cutoff).toISOString(), new Date(now).toISOString()],
    );
    return rowCount;
  }

  /** One atomic claim: insert, or take over an expired lease of the same request. */
  private async claim(request: IdempotencyRequest): Promise<IdempotencyLease | null> {
    const now = this.now();
    const token = new Date(now + this.lockMs).toISOString();
    const { rows } = await this.db.query<{ key: string }>(
      `insert into idempotency_keys (merchant_id, scope, key, fingerprint, state, created_at, locked_until)
       values ($1, $2, $3, $4, 'in_flight', $5::timestamptz, $6::timestamptz)
       on conflict (merchant_id, scope, key) do update set locked_until = excluded.locked_until
        where idempotency_keys.state = 'in_flight' and idempotency_keys.fingerprint = excluded.fingerprint
          and idempotency_keys.locked_until < excluded.created_at
       returning key`,
      [
        request.merchantId,
        request.scope,
        request.key,
        request.fingerprint,
        new Date(now).toISOString(),
        token,
      ],
    );
    if (rows.length === 0) return null;
    return { merchantId: request.merchantId, scope: request.scope, key: request.key, token };
  }

  private async read(request: IdempotencyRequest): Promise<KeyRow | null> {
    const { rows } = await this.db.query<KeyRow>(
      `select state, fingerprint, response_status, response_body,
              coalesce(locked_until >= $4::timestamptz, false) as running
         from idempotency_keys where merchant_id = $1 and scope = $2 and key = $3`,
      [request.merchantId, request.scope, request.key, new Date(this.now()).toISOString()],
    );
    return rows[0] ?? null;
  }
}
