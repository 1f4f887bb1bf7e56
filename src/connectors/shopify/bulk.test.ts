import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import type { Product } from '../../model/index.js';
import { forgetSharedLimiters, RecordingClock } from '../kit/index.js';
import type { ReadProgress } from '../types.js';
import { productNode } from './fixtures.js';
import { createShopifyConnector } from './index.js';
import { collect, scriptedGraphql, type ScriptedGraphql, type ScriptedReply } from './testing.js';

const SHOP = {
  body: {
    data: {
      shop: {
        id: 'gid://shopify/Shop/1',
        name: 'Test',
        myshopifyDomain: 'bulk-test.myshopify.com',
        currencyCode: 'USD',
        ianaTimezone: 'UTC',
        plan: { partnerDevelopment: false, shopifyPlus: false },
      },
    },
  },
};
const started = (id = 'gid://shopify/BulkOperation/1'): ScriptedReply => ({
  body: { data: { bulkOperationRunQuery: { bulkOperation: { id, status: 'CREATED' }, userErrors: [] } } },
});
const busy: ScriptedReply = {
  body: {
    data: {
      bulkOperationRunQuery: {
        bulkOperation: null,
        userErrors: [
          {
            field: null,
            message: 'A bulk query operation for this app and shop is already in progress',
            code: 'OPERATION_IN_PROGRESS',
          },
        ],
      },
    },
  },
};
const status = (s: string, extra: Record<string, unknown> = {}): ScriptedReply => ({
  body: {
    data: {
      bulkOperation: {
        id: 'gid://shopify/BulkOperation/1',
        status: s,
        errorCode: null,
        objectCount: '3',
        rootObjectCount: '1',
        url: null,
        partialDataUrl: null,
        ...extra,
      },
    },
  },
});

let server: ScriptedGraphql | undefined;
let clock: RecordingClock;

function connector(url: string) {
  return createShopifyConnector(
    { shop: 'bulk-test.myshopify.com', accessToken: 'shpat_bulk_secret', apiSecret: 's', endpoint: url },
    { merchantId: 'mer_b', system: 'shopify' },
    { clock, retry: { random: () => 0 } },
  );
}

beforeEach(() => {
  forgetSharedLimiters();
  clock = new RecordingClock(0);
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('bulkRead', () => {
  it('given an operation that runs, then completes, then the JSONL is read and products come with their variants', async () => {
    const { variants, ...product } = productNode();
    const jsonl = [
      JSON.stringify(product),
      ...variants.nodes.map((v) => JSON.stringify({ ...v, metafields: undefined, __parentId: product.id })),
      JSON.stringify({
        key: 'material',
        type: 'single_line_text_field',
        value: 'Canvas',
        __parentId: variants.nodes[0]!.id,
      }),
    ].join('\n');
    const replies: ScriptedReply[] = [SHOP, started(), status('RUNNING'), status('RUNNING')];
    server = await scriptedGraphql(replies, { '/bulk/1.jsonl': jsonl });
    replies.push(status('COMPLETED', { url: `${server.base}/bulk/1.jsonl` }));
    const progress: ReadProgress[] = [];
    const records = await collect(
      connector(server.url).bulkRead(['products'], { onProgress: (p) => progress.push(p) }),
    );
    expect(records).toHaveLength(1);
    const unified = records[0]!.record as Product;
    expect(unified.variants).toHaveLength(2);
    expect(unified.variants.find((v) => v.external_id === variants.nodes[0]!.id)!.attributes).toEqual({
      material: 'Canvas',
    });
    expect(progress.map((p) => p.status)).toEqual(['running', 'running', 'completed']);
    // Polls wait on a growing interval (1 s, then ×1.5).
    expect(clock.waits).toEqual([1000, 1500]);
    expect(server.requests[1]!.body.query).toContain('bulkOperationRunQuery');
    expect(String(server.requests[1]!.body.variables.query)).toContain('products');
  });

  it('given a FAILED operation with an error code then it is an upstream ConcordError that does not quote the result URL', async () => {
    server = await scriptedGraphql([
      SHOP,
      started(),
      status('FAILED', { errorCode: 'TIMEOUT', partialDataUrl: 'https://storage.example/signed?sig=SECRET' }),
    ]);
    const error = (await collect(connector(server.url).bulkRead(['products'])).catch(
      (e: unknown) => e,
    )) as ConcordError;
    expect(error).toBeInstanceOf(ConcordError);
    expect([error.category, error.code]).toEqual(['upstream', 'shopify_bulk_failed']);
    expect(error.detail).toMatchObject({ status: 'FAILED', errorCode: 'TIMEOUT', partialData: true });
    expect(JSON.stringify({ m: error.message, d: error.detail })).not.toContain('SECRET');
  });

  it('given another bulk query in progress then it waits and starts again', async () => {
    server = await scriptedGraphql([busy, busy, started(), status('COMPLETED')]);
    const records = await collect(connector(server.url).bulkRead(['inventory_levels']));
    expect(records).toEqual([]);
    expect(server.requests.filter((r) => r.body.query.includes('bulkOperationRunQuery'))).toHaveLength(3);
    expect(clock.waits.slice(0, 2)).toEqual([2000, 4000]);
  });

  it('given a bulk query that is always refused as in progress then it is a conflict after five tries', async () => {
    server = await scriptedGraphql([busy, busy, busy, busy, busy]);
    const error = (await collect(connector(server.url).bulkRead(['inventory_levels'])).catch(
      (e: unknown) => e,
    )) as ConcordError;
    expect([error.category, error.code]).toEqual(['conflict', 'shopify_bulk_in_progress']);
    expect(server.requests).toHaveLength(5);
  });
});
