/**
 * Paged reads of every stream, over the declarations in `streams.ts`: the kit's `cursorPages` walks
 * the outer connection; a nested connection that did not fit on the first page (a product with more
 * variants, an item stocked at more locations, an order with more lines) is paged on its own before
 * the node is mapped, so every record leaves complete. Page sizes shrink to fit the shop's cost
 * bucket. Incremental reads use Shopify's `updated_at:>=` search, sorted by UPDATED_AT
 * (https://shopify.dev/docs/api/usage/search-syntax); streams Shopify cannot filter that way are
 * filtered after reading.
 *
 * @example
 * for await (const page of reader.read('products', { updatedSince: '2026-01-01T00:00:00Z' })) save(page);
 */
import { ConcordError } from '../../core/errors.js';
import type { ReadOptions, StreamRecord, SyncStream, SystemContext } from '../types.js';
import { cursorPages } from '../kit/index.js';
import type { ShopifyGraphQLClient } from './client.js';
import { fitPageSizes } from './cost.js';
import {
  toUnifiedCustomer,
  toUnifiedInventoryLevel,
  toUnifiedLocation,
  toUnifiedOrder,
  toUnifiedProduct,
} from './map.js';
import type { ShopInfo } from './shop.js';
import { STREAMS, updatedSinceQuery, type NestedSpec, type StreamSpec } from './streams.js';
import type {
  Connection,
  ShopifyCustomer,
  ShopifyInventoryItem,
  ShopifyLocation,
  ShopifyOrder,
  ShopifyProduct,
} from './types.js';

type Node = Record<string, unknown> & { id: string };

/** A page that cost more than one query may: the bucket is smaller, or Shopify's cap was hit. */
function tooCostly(error: unknown): boolean {
  if (!(error instanceof ConcordError)) return false;
  return error.code === 'cost_exceeds_capacity' || error.detail.vendorCode === 'MAX_COST_EXCEEDED';
}

export class ShopifyReader {
  constructor(
    private readonly gql: ShopifyGraphQLClient,
    private readonly ctx: SystemContext,
    private readonly shop: () => Promise<ShopInfo>,
  ) {}

  /** Reads `stream` to the end (or from `updatedSince`), one page of unified records at a time. */
  async *read(stream: SyncStream, options: ReadOptions = {}): AsyncGenerator<StreamRecord[]> {
    const spec = STREAMS[stream];
    const shop = await this.shop();
    const since = options.updatedSince;
    const query = since && spec.serverIncremental ? updatedSinceQuery(since) : undefined;
    const pages = cursorPages(async (after) => {
      const base = { ...spec.pageSizes, after, ...(query ? { query } : {}) };
      const data = await this.fittedRequest<Record<string, unknown>>(
        spec.document,
        base,
        spec.shrink,
        options.signal,
      );
      const connection = spec.connection(data);
      return {
        items: connection.nodes as Node[],
        hasNextPage: connection.pageInfo.hasNextPage,
        endCursor: connection.pageInfo.endCursor,
      };
    });
    for await (const nodes of pages) {
      const records: StreamRecord[] = [];
      for (const node of nodes) {
        if (spec.nested) await this.completeNested(node, spec.nested, options.signal);
        records.push(...this.toRecords(stream, node, shop.currencyCode));
      }
      const kept =
        since && !spec.serverIncremental
          ? records.filter((r) => Date.parse(r.record.updated_at) >= Date.parse(since))
          : records;
      if (kept.length > 0) yield kept;
    }
  }

  /** Unified records of one complete node of `stream` (a product, an item's levels, …). */
  toRecords(stream: SyncStream, node: Node, currency: string): StreamRecord[] {
    const ctx = this.ctx;
    switch (stream) {
      case 'products':
        return [
          { stream, record: toUnifiedProduct({ ...ctx, currency }, node as unknown as ShopifyProduct) },
        ];
      case 'locations':
        return [{ stream, record: toUnifiedLocation(ctx, node as unknown as ShopifyLocation) }];
      case 'inventory_levels': {
        const item = node as unknown as ShopifyInventoryItem;
        return item.inventoryLevels.nodes.map((level) => ({
          stream,
          record: toUnifiedInventoryLevel(ctx, item, level),
        }));
      }
      case 'customers':
        return [{ stream, record: toUnifiedCustomer(ctx, node as unknown as ShopifyCustomer) }];
      case 'orders':
        return [{ stream, record: toUnifiedOrder(ctx, node as unknown as ShopifyOrder) }];
      default: {
        const never: never = stream;
        return never;
      }
    }
  }

  /** Pages the rest of `node[nested.field]` in place, when Shopify said there is more. */
  async completeNested(node: Node, nested: NestedSpec, signal?: AbortSignal): Promise<void> {
    const first = node[nested.field] as Connection<unknown> | undefined;
    if (!first?.pageInfo?.hasNextPage) return;
    const start = first.pageInfo.endCursor;
    const all = [...first.nodes];
    const pages = cursorPages(async (cursor) => {
      const base = { id: node.id, first: nested.pageSize, after: cursor ?? start };
      const data = await this.fittedRequest<Record<string, unknown>>(
        nested.document,
        base,
        ['first'],
        signal,
      );
      const connection = nested.connection(data) ?? {
        nodes: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      };
      return {
        items: connection.nodes,
        hasNextPage: connection.pageInfo.hasNextPage,
        endCursor: connection.pageInfo.endCursor,
      };
    });
    for await (const items of pages) all.push(...items);
    node[nested.field] = { nodes: all, pageInfo: { hasNextPage: false, endCursor: null } };
  }

  /**
   * Sends `document` with page sizes fitted to the shop's budget. When Shopify (or the bucket) says
   * the page costs more than that after all — its cost rules differ from our estimate — the client
   * has learned the real cost, so the sizes are fitted again and the page is asked once more.
   */
  async fittedRequest<T>(
    document: string,
    base: Record<string, unknown>,
    shrink: string[],
    signal?: AbortSignal,
  ): Promise<T> {
    let vars = this.fit(document, base, shrink);
    for (;;) {
      try {
        return await this.gql.request<T>(document, vars, { signal });
      } catch (error) {
        const next = this.fit(document, base, shrink);
        if (!tooCostly(error) || JSON.stringify(next) === JSON.stringify(vars)) throw error;
        vars = next;
      }
    }
  }

  /** Page sizes that fit what one query may cost on this shop now. */
  fit(document: string, vars: Record<string, unknown>, shrink: string[]): Record<string, unknown> {
    return fitPageSizes(document, vars, this.gql.costBudget(), shrink, (v) =>
      this.gql.expectedCost(document, v),
    );
  }
}

export { STREAMS, type StreamSpec };
