/**
 * Sync status as the API shows it: per system and stream, the cursor, how the last run went and how
 * far behind the store is (lag: seconds since the last successful run started).
 */
import type { Runtime } from '../runtime.js';
import { SyncStateStore, type StreamState } from './state.js';

export interface SyncStatus extends StreamState {
  lag_seconds: number | null;
}

export async function getSyncStatus(
  rt: Runtime,
  merchantId: string,
  now = Date.now(),
): Promise<SyncStatus[]> {
  const rows = await new SyncStateStore(rt.db).list(merchantId);
  return rows.map((row) => ({
    ...row,
    lag_seconds: row.last_success_at
      ? Math.max(0, Math.round((now - Date.parse(row.last_success_at)) / 1000))
      : null,
  }));
}
