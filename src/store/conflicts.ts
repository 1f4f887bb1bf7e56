/**
 * The conflicts repository: the disagreements the topology resolver found between a merchant's
 * systems, one row per (merchant, conflict id) with the kind, the whole Conflict as json, when it
 * was detected and whether the merchant marked it resolved. `replaceOpen` swaps a merchant's open
 * conflicts for the newest set in one transaction, so a reader never sees half of a run. A conflict
 * already marked resolved keeps its flag when the same id (same kind, same records) is found again.
 *
 * @example
 * const store = new ConflictStore(db);
 * await store.replaceOpen('mer_1', conflicts);
 * const page = await store.list('mer_1', { limit: 50 });
 */
import { ConcordError } from '../core/errors.js';
import type { Conflict } from '../topology/index.js';
import type { Database } from './db.js';
import type { Page } from './records.js';

/** A stored conflict: the resolver's Conflict plus when it was detected. */
export type StoredConflict = Conflict & { detected_at: string; resolved: boolean };

export interface ConflictListOptions {
  limit?: number;
  cursor?: string | null;
  kind?: Conflict['kind'];
  /** Include conflicts marked resolved (default: open ones only). */
  includeResolved?: boolean;
}

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^cfl_[0-9a-f]+$/.test(id)) {
    throw new ConcordError('validation', 'invalid_cursor', 'The cursor is not one this API returned', {
      field: 'cursor',
    });
  }
  return id;
}

interface Row {
  id: string;
  body: Conflict | string;
  detected_at: Date | string;
  resolved: boolean;
}

export class ConflictStore {
  constructor(private readonly db: Database) {}

  /**
   * Replaces the merchant's open conflicts with `conflicts` (one transaction): open ones no longer
   * found are deleted, the others inserted or refreshed; resolved flags are kept.
   */
  async replaceOpen(merchantId: string, conflicts: readonly Conflict[], now = new Date()): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `delete from conflicts where merchant_id = $1 and not resolved and not (id = any($2::text[]))`,
        [merchantId, conflicts.map((c) => c.id)],
      );
      if (conflicts.length === 0) return;
      await tx.query(
        `insert into conflicts (merchant_id, id, kind, body, detected_at)
         select $1, id, kind, body, $3::timestamptz
           from json_to_recordset($2::json) as c(id text, kind text, body json)
         on conflict (merchant_id, id) do update set kind = excluded.kind, body = excluded.body,
           detected_at = excluded.detected_at`,
        [
          merchantId,
          JSON.stringify(conflicts.map((c) => ({ id: c.id, kind: c.kind, body: c }))),
          now.toISOString(),
        ],
      );
    });
  }

  /** A page of the merchant's conflicts ordered by id (open ones unless `includeResolved`). */
  async list(merchantId: string, options: ConflictListOptions = {}): Promise<Page<StoredConflict>> {
    const limit = options.limit ?? 50;
    const { rows } = await this.db.query<Row>(
      `select id, body, detected_at, resolved from conflicts
        where merchant_id = $1 and ($2::boolean or not resolved)
          and ($3::text is null or kind = $3) and ($4::text is null or id > $4)
        order by id limit $5`,
      [
        merchantId,
        options.includeResolved ?? false,
        options.kind ?? null,
        options.cursor ? decodeCursor(options.cursor) : null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit).map(toStored);
    const last = page[page.length - 1];
    return { items: page, next_cursor: rows.length > limit && last ? encodeCursor(last.id) : null };
  }
}

function toStored(row: Row): StoredConflict {
  const body = typeof row.body === 'string' ? (JSON.parse(row.body) as Conflict) : row.body;
  const detected = row.detected_at instanceof Date ? row.detected_at : new Date(row.detected_at);
  return { ...body, detected_at: detected.toISOString(), resolved: row.resolved };
}
