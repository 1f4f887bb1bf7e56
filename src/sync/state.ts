/**
 * Sync state per system and stream (cursor, status, counts, last success and error) and the lease
 * that lets exactly one Concord node sync a given system at a time.
 */
import { randomUUID } from 'node:crypto';
import type { Sql } from '../store/db.js';

export const NODE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

export interface StreamState {
  system: string;
  stream: string;
  cursor: string | null;
  status: 'idle' | 'running' | 'ok' | 'error';
  records_synced: number;
  last_started_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export class SyncStateStore {
  constructor(private readonly db: Sql) {}

  async get(merchantId: string, system: string, stream: string): Promise<StreamState | null> {
    return (await this.list(merchantId, system)).find((s) => s.stream === stream) ?? null;
  }

  async list(merchantId: string, system?: string): Promise<StreamState[]> {
    const { rows } = await this.db.query<StreamState>(
      `select system, stream, cursor, status, records_synced::int as records_synced, last_started_at, last_success_at,
              last_error, last_error_at
         from sync_state where merchant_id = $1 and ($2::text is null or system = $2) order by system, stream`,
      [merchantId, system ?? null],
    );
    return rows.map((r) => ({
      ...r,
      last_started_at: iso(r.last_started_at),
      last_success_at: iso(r.last_success_at),
      last_error_at: iso(r.last_error_at),
    }));
  }

  async started(merchantId: string, system: string, stream: string): Promise<void> {
    await this.db.query(
      `insert into sync_state (merchant_id, system, stream, status, last_started_at) values ($1, $2, $3, 'running', now())
       on conflict (merchant_id, system, stream) do update set status = 'running', last_started_at = now()`,
      [merchantId, system, stream],
    );
  }

  async succeeded(merchantId: string, system: string, stream: string, cursor: string | null, count: number) {
    await this.db.query(
      `update sync_state set status = 'ok', cursor = coalesce($4, cursor), records_synced = records_synced + $5,
              last_success_at = last_started_at
        where merchant_id = $1 and system = $2 and stream = $3`,
      [merchantId, system, stream, cursor, count],
    );
  }

  async failed(merchantId: string, system: string, stream: string, message: string, count: number) {
    await this.db.query(
      `update sync_state set status = 'error', last_error = $4, last_error_at = now(), records_synced = records_synced + $5
        where merchant_id = $1 and system = $2 and stream = $3`,
      [merchantId, system, stream, message, count],
    );
  }

  /** Takes (or renews) the sync lease of a system for this node; false when another node holds it. */
  async acquireLease(merchantId: string, system: string, seconds: number, owner = NODE_ID): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `insert into sync_leases (merchant_id, system, owner, lease_until)
       values ($1, $2, $3, now() + make_interval(secs => $4))
       on conflict (merchant_id, system) do update set owner = $3, lease_until = now() + make_interval(secs => $4)
        where sync_leases.owner = $3 or sync_leases.lease_until < now()`,
      [merchantId, system, owner, seconds],
    );
    return rowCount > 0;
  }

  async releaseLease(merchantId: string, system: string, owner = NODE_ID): Promise<void> {
    await this.db.query(`delete from sync_leases where merchant_id = $1 and system = $2 and owner = $3`, [
      merchantId,
      system,
      owner,
    ]);
  }
}
