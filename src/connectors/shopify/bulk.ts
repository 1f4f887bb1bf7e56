/**
 * Initial sync of a large catalog through Shopify's bulk operations
 * (https://shopify.dev/docs/api/usage/bulk-operations/queries): one query operation for products
 * with their variants and variant metafields, then — operations run one at a time here — one for
 * inventory items with their levels (levels under variants would be a third nesting level). Each is
 * started with `bulkOperationRunQuery`, polled with `bulkOperation(id:)` on a growing interval, and
 * its JSONL read line by line; records leave in pages of ~500. A FAILED / CANCELED / EXPIRED
 * operation (or an `errorCode`) is a ConcordError; a signed result URL never appears in an error.
 */
import { ConcordError } from '../../core/errors.js';
import type { ReadProgress, StreamRecord, SyncStream, SystemContext } from '../types.js';
import type { Clock } from '../kit/index.js';
import type { ShopifyGraphQLClient } from './client.js';
import { CatalogAssembler, InventoryAssembler, jsonLines, type JsonObject } from './bulk-jsonl.js';
import { SHOPIFY_MANIFEST } from './manifest.js';
import { toUnifiedInventoryLevel, toUnifiedProduct } from './map.js';
import { BULK_CATALOG_QUERY, BULK_INVENTORY_QUERY } from './bulk-queries.js';
import { BULK_OPERATION_QUERY, BULK_RUN_QUERY } from './queries.js';
import type { ShopInfo } from './shop.js';
import type { ShopifyUserError } from './types.js';

interface BulkOperation {
  id: string;
  status: 'CANCELED' | 'CANCELING' | 'COMPLETED' | 'CREATED' | 'EXPIRED' | 'FAILED' | 'RUNNING';
  errorCode: string | null;
  objectCount: string | number;
  rootObjectCount?: string | number;
  url: string | null;
  partialDataUrl: string | null;
}

export interface BulkDeps {
  gql: ShopifyGraphQLClient;
  ctx: SystemContext;
  clock: Clock;
  shop: () => Promise<ShopInfo>;
  /** GraphQL endpoint: the token is sent with a result download only to this origin. */
  endpoint: string;
  accessToken: string;
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
  /** Poll interval: starts at `initialMs`, grows ×1.5 per poll up to `maxMs`. */
  poll?: { initialMs: number; maxMs: number };
}

const B = SHOPIFY_MANIFEST.bulk;
const START_ATTEMPTS = 5;

/** Starts a bulk query, waiting while another one of ours is still running. */
async function start(deps: BulkDeps, query: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const data = await deps.gql.request<{
      bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: ShopifyUserError[] };
    }>(
      BULK_RUN_QUERY,
      { query },
      // A retried start after a lost answer may start a second read-only export: wasteful, never
      // harmful to the shop's data, so the call counts as guarded.
      { guarded: true, signal: deps.signal },
    );
    const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
    if (bulkOperation && userErrors.length === 0) return bulkOperation.id;
    const busy = userErrors.some((e) => e.code === 'OPERATION_IN_PROGRESS');
    if (busy && attempt < START_ATTEMPTS) {
      const poll = deps.poll ?? { initialMs: B.pollInitialMs, maxMs: B.pollMaxMs };
      await deps.clock.sleep(Math.min(poll.maxMs, poll.initialMs * 2 ** attempt), deps.signal);
      continue;
    }
    throw new ConcordError(
      busy ? 'conflict' : 'validation',
      busy ? 'shopify_bulk_in_progress' : 'shopify_bulk_rejected',
      `Shopify refused the bulk query: ${userErrors.map((e) => e.message).join('; ') || 'no operation returned'}`,
      {
        detail: { vendorCode: userErrors[0]?.code ?? null },
      },
    );
  }
}

/** Polls until the operation ends; resolves with it when COMPLETED. */
async function finish(deps: BulkDeps, id: string): Promise<BulkOperation> {
  for (let poll = 0; ; poll++) {
    const { bulkOperation: op } = await deps.gql.request<{ bulkOperation: BulkOperation | null }>(
      BULK_OPERATION_QUERY,
      { id },
      { signal: deps.signal },
    );
    if (!op) throw new ConcordError('upstream', 'shopify_bulk_missing', `Bulk operation ${id} disappeared`);
    deps.onProgress?.({
      stream: 'bulk',
      objects: Number(op.objectCount) || 0,
      status: op.status.toLowerCase(),
    });
    if (op.status === 'COMPLETED' && !op.errorCode) return op;
    if (op.errorCode || ['FAILED', 'CANCELED', 'EXPIRED'].includes(op.status)) {
      throw new ConcordError(
        'upstream',
        'shopify_bulk_failed',
        `Bulk operation ${id} ended ${op.status}${op.errorCode ? ` (${op.errorCode})` : ''}`,
        {
          detail: {
            status: op.status,
            errorCode: op.errorCode,
            objects: Number(op.objectCount) || 0,
            partialData: Boolean(op.partialDataUrl),
          },
        },
      );
    }
    const { initialMs, maxMs } = deps.poll ?? { initialMs: B.pollInitialMs, maxMs: B.pollMaxMs };
    await deps.clock.sleep(Math.min(maxMs, initialMs * 1.5 ** poll), deps.signal);
  }
}

/** The result file's objects, streamed line by line. */
async function* download(deps: BulkDeps, url: string | null): AsyncGenerator<JsonObject> {
  if (!url) return; // Shopify gives no file when the query matched nothing.
  const sameOrigin = new URL(url).origin === new URL(deps.endpoint).origin;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: sameOrigin ? { 'X-Shopify-Access-Token': deps.accessToken } : {},
      signal: deps.signal,
    });
  } catch (cause) {
    throw new ConcordError(
      'transient',
      'shopify_bulk_download_failed',
      'Could not download the bulk result',
      { cause: new Error(String((cause as Error)?.name ?? 'error')) },
    );
  }
  if (!res.ok || !res.body) {
    throw new ConcordError(
      'upstream',
      'shopify_bulk_download_failed',
      `Bulk result download answered ${res.status}`,
      { detail: { status: res.status } },
    );
  }
  yield* jsonLines(res.body);
}

async function* inPages<T>(items: Iterable<T>): AsyncGenerator<T[]> {
  let page: T[] = [];
  for (const item of items) {
    page.push(item);
    if (page.length >= B.recordsPerPage) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

async function* catalog(deps: BulkDeps): AsyncGenerator<StreamRecord[]> {
  const { currencyCode } = await deps.shop();
  const op = await finish(deps, await start(deps, BULK_CATALOG_QUERY));
  const assembler = new CatalogAssembler();
  for await (const obj of download(deps, op.url)) assembler.add(obj);
  const ctx = { ...deps.ctx, currency: currencyCode };
  const records = assembler
    .products()
    .map((p): StreamRecord => ({ stream: 'products', record: toUnifiedProduct(ctx, p) }));
  yield* inPages(records);
}

async function* inventory(deps: BulkDeps): AsyncGenerator<StreamRecord[]> {
  const op = await finish(deps, await start(deps, BULK_INVENTORY_QUERY));
  const assembler = new InventoryAssembler();
  let page: StreamRecord[] = [];
  const record = (p: NonNullable<ReturnType<InventoryAssembler['add']>>): StreamRecord => ({
    stream: 'inventory_levels',
    record: toUnifiedInventoryLevel(deps.ctx, p.item, p.level),
  });
  for await (const obj of download(deps, op.url)) {
    const pair = assembler.add(obj);
    if (pair) page.push(record(pair));
    if (page.length >= B.recordsPerPage) {
      yield page;
      page = [];
    }
  }
  page.push(...assembler.rest().map(record));
  yield* inPages(page);
}

/** Reads `streams` (products, inventory_levels; others are ignored here) through bulk operations. */
export async function* bulkRead(deps: BulkDeps, streams: SyncStream[]): AsyncGenerator<StreamRecord[]> {
  if (streams.includes('products')) yield* catalog(deps);
  if (streams.includes('inventory_levels')) yield* inventory(deps);
}
