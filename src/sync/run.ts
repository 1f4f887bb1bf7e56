/**
 * Sync of one merchant system into the record store: streams in dependency order (locations before
 * the stock that refers to them), the bulk path for the initial sync of a large catalog, then
 * incremental reads from each stream's `updated_at` cursor. A failed stream is recorded with its
 * error and does not stop the others; its cursor does not move, so the next run reads it again.
 *
 * @example
 * const report = await syncSystem(rt, connector, { onProgress: terminalProgress() });
 */
import type { AnyStream, ErpStream, SyncedRecord, SyncSource, SyncStream } from '../connectors/types.js';
import { ConcordError } from '../core/errors.js';
import type { Runtime } from '../runtime.js';
import { SyncStateStore } from './state.js';
import { resolveAfterChange } from './resolution.js';

/** ERP streams, locations first: stock refers to them. */
export const ERP_STREAM_ORDER: ErpStream[] = ['locations', 'items', 'inventory_levels', 'customers'];

export const STREAM_ORDER: SyncStream[] = [
  'locations',
  'products',
  'inventory_levels',
  'customers',
  'orders',
];
/** Streams the bulk path covers when a connector offers one. */
const BULK_STREAMS: AnyStream[] = ['products', 'inventory_levels'];

export interface SyncProgress {
  system: string;
  stream: AnyStream | 'bulk';
  mode: 'bulk' | 'paged';
  records: number;
  done: boolean;
}

export interface SyncOptions {
  /** `auto`: initial for streams never synced, incremental for the rest. */
  mode?: 'auto' | 'full';
  /** Variant count from which an initial sync of the catalog uses the bulk path. */
  bulkThreshold?: number;
  streams?: AnyStream[];
  onProgress?: (progress: SyncProgress) => void;
  /** Seconds the sync lease lasts before another node may take over. */
  leaseSeconds?: number;
}

export interface StreamReport {
  stream: AnyStream;
  mode: 'bulk' | 'paged';
  records: number;
  error?: string;
}

export interface SyncReport {
  system: string;
  skipped: boolean;
  streams: StreamReport[];
}

export async function syncSystem(
  rt: Runtime,
  connector: SyncSource,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const { merchantId, system } = connector.context;
  const state = new SyncStateStore(rt.db);
  if (!(await state.acquireLease(merchantId, system, options.leaseSeconds ?? 600))) {
    return { system, skipped: true, streams: [] };
  }
  let report: SyncReport;
  try {
    const wanted = options.streams ?? defaultStreams(connector);
    const cursors = new Map((await state.list(merchantId, system)).map((s) => [s.stream, s.cursor]));
    const since = (stream: AnyStream) =>
      options.mode === 'full' ? undefined : (cursors.get(stream) ?? undefined);
    const reports: StreamReport[] = [];

    const threshold = options.bulkThreshold ?? connector.bulkThreshold ?? 5_000;
    const bulkStreams = await chooseBulk(connector, wanted, since, threshold);
    if (bulkStreams.length > 0) reports.push(...(await runBulk(rt, connector, state, bulkStreams, options)));
    for (const stream of wanted.filter((s) => !bulkStreams.includes(s))) {
      reports.push(await runStream(rt, connector, state, stream, since(stream), options));
    }
    // PGlite never gathers planner statistics by itself (PostgreSQL's autovacuum does): refresh them
    // after a run that wrote, so the planner does not take a grown table for an empty one.
    if (rt.db.kind === 'pglite' && reports.some((r) => r.records > 0)) await rt.db.query('analyze records');
    rt.logger.child({ component: 'sync' }).debug({ system, merchantId, reports }, 'sync finished');
    report = { system, skipped: false, streams: reports };
  } finally {
    await state.releaseLease(merchantId, system);
  }
  // The merchant's conflicts follow its records (merchants whose topology has an ERP).
  if (report.streams.some((r) => r.records > 0)) await resolveAfterChange(rt, merchantId);
  return report;
}

/** A platform syncs its catalog, stock, customers and orders; an ERP its items, stock and customers. */
function defaultStreams(source: SyncSource): AnyStream[] {
  return 'createSalesOrder' in source ? ERP_STREAM_ORDER : STREAM_ORDER;
}

async function chooseBulk(
  connector: SyncSource,
  wanted: AnyStream[],
  since: (s: AnyStream) => string | undefined,
  threshold: number,
): Promise<AnyStream[]> {
  const candidates = BULK_STREAMS.filter((s) => wanted.includes(s) && since(s) === undefined);
  if (!connector.bulkRead || candidates.length === 0 || !connector.estimate) return [];
  const size = await connector.estimate('products');
  return size !== null && size >= threshold ? candidates : [];
}

/** Upserts pages from `pages`, tracking the newest updated_at per stream as the next cursor. */
async function drain(
  rt: Runtime,
  merchantId: string,
  pages: AsyncIterable<SyncedRecord[]>,
  onPage: (counts: Map<AnyStream, number>) => void,
) {
  const counts = new Map<AnyStream, number>();
  const newest = new Map<AnyStream, string>();
  for await (const page of pages) {
    await rt.records.upsertStream(merchantId, page);
    for (const item of page) {
      counts.set(item.stream, (counts.get(item.stream) ?? 0) + 1);
      const prev = newest.get(item.stream);
      if (!prev || item.record.updated_at > prev) newest.set(item.stream, item.record.updated_at);
    }
    onPage(counts);
  }
  return { counts, newest };
}

async function runStream(
  rt: Runtime,
  connector: SyncSource,
  state: SyncStateStore,
  stream: AnyStream,
  updatedSince: string | undefined,
  options: SyncOptions,
): Promise<StreamReport> {
  const { merchantId, system } = connector.context;
  await state.started(merchantId, system, stream);
  const progress = (records: number, done: boolean) =>
    options.onProgress?.({ system, stream, mode: 'paged', records, done });
  let seen = 0;
  try {
    const { counts, newest } = await drain(rt, merchantId, connector.read(stream, { updatedSince }), (c) => {
      seen = c.get(stream) ?? 0;
      progress(seen, false);
    });
    const records = counts.get(stream) ?? 0;
    await state.succeeded(merchantId, system, stream, newest.get(stream) ?? null, records);
    progress(records, true);
    return { stream, mode: 'paged', records };
  } catch (error) {
    const message = describe(error);
    await state.failed(merchantId, system, stream, message, seen);
    return { stream, mode: 'paged', records: seen, error: message };
  }
}

async function runBulk(
  rt: Runtime,
  connector: SyncSource,
  state: SyncStateStore,
  streams: AnyStream[],
  options: SyncOptions,
): Promise<StreamReport[]> {
  const { merchantId, system } = connector.context;
  for (const s of streams) await state.started(merchantId, system, s);
  let counts = new Map<AnyStream, number>();
  const total = () => [...counts.values()].reduce((a, b) => a + b, 0);
  try {
    const result = await drain(rt, merchantId, connector.bulkRead!(streams), (c) => {
      counts = c;
      options.onProgress?.({ system, stream: 'bulk', mode: 'bulk', records: total(), done: false });
    });
    counts = result.counts;
    for (const s of streams) {
      await state.succeeded(merchantId, system, s, result.newest.get(s) ?? null, counts.get(s) ?? 0);
    }
    options.onProgress?.({ system, stream: 'bulk', mode: 'bulk', records: total(), done: true });
    return streams.map((stream) => ({ stream, mode: 'bulk', records: counts.get(stream) ?? 0 }));
  } catch (error) {
    const message = describe(error);
    for (const s of streams) await state.failed(merchantId, system, s, message, counts.get(s) ?? 0);
    return streams.map((stream) => ({
      stream,
      mode: 'bulk',
      records: counts.get(stream) ?? 0,
      error: message,
    }));
  }
}

function describe(error: unknown): string {
  if (error instanceof ConcordError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
