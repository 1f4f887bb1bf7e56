import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryPlatform } from '../connectors/testing/memory-platform.js';
import type { Product } from '../model/index.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { openTestDatabase } from '../store/testing.js';
import { getSyncStatus } from './status.js';
import { SyncStateStore } from './state.js';
import { syncSystem } from './run.js';
import { ingestWebhook } from './webhooks.js';

const merchantId = 'mer_sync';

describe('sync', () => {
  let rt: Runtime;
  let platform: MemoryPlatform;

  beforeEach(async () => {
    rt = createRuntime({ db: await openTestDatabase() });
    platform = new MemoryPlatform({ merchantId, system: 'shop' });
    rt.connectors.register(platform.context, platform);
    platform.addProduct({
      sku: 'A',
      price: 100,
      available: { wh1: 3, wh2: 4 },
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    platform.addProduct({
      sku: 'B',
      price: 200,
      available: { wh1: 1 },
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
    platform.addProduct({ sku: 'C', price: 300, updatedAt: '2026-01-03T00:00:00.000Z' });
  });
  afterEach(() => rt.db.close());

  it('given a never-synced system when synced then every stream lands in the store with its count', async () => {
    const report = await syncSystem(rt, platform);
    expect(report.streams.map((s) => [s.stream, s.records])).toEqual([
      ['locations', 2],
      ['products', 3],
      ['inventory_levels', 3],
      ['customers', 0],
      ['orders', 0],
    ]);
    expect(await rt.records.count(merchantId, 'product')).toBe(3);
    expect(await rt.records.count(merchantId, 'variant')).toBe(3);
    expect(await rt.records.count(merchantId, 'inventory_level')).toBe(3);
    const status = await getSyncStatus(rt, merchantId);
    expect(status.find((s) => s.stream === 'products')).toMatchObject({
      status: 'ok',
      cursor: '2026-01-03T00:00:00.000Z',
      records_synced: 3,
      last_error: null,
    });
  });

  it('given a synced system when synced again then only records changed since the cursor are read', async () => {
    await syncSystem(rt, platform);
    platform.addProduct({ sku: 'D', price: 400, updatedAt: '2026-02-01T00:00:00.000Z' });
    const report = await syncSystem(rt, platform, { streams: ['products'] });
    // The boundary record (C, at the cursor) is read again by design: `>=` never misses a same-second change.
    expect(report.streams).toEqual([{ stream: 'products', mode: 'paged', records: 2 }]);
    expect(await rt.records.count(merchantId, 'product')).toBe(4);
  });

  it('given a failing stream when synced then the others still sync and its cursor does not move', async () => {
    platform.failing.add('products');
    const report = await syncSystem(rt, platform);
    expect(report.streams.find((s) => s.stream === 'products')?.error).toBe(
      'memory_failure: products failed',
    );
    expect(report.streams.find((s) => s.stream === 'inventory_levels')?.records).toBe(3);
    const state = await new SyncStateStore(rt.db).get(merchantId, 'shop', 'products');
    expect(state).toMatchObject({
      status: 'error',
      cursor: null,
      last_error: 'memory_failure: products failed',
    });
  });

  it('given a large catalog and a bulk path when first synced then bulk is used once for products and stock', async () => {
    platform.bulkEnabled = true;
    const report = await syncSystem(rt, platform, { bulkThreshold: 2 });
    expect(platform.calls.bulkRead).toBe(1);
    expect(report.streams.filter((s) => s.mode === 'bulk').map((s) => [s.stream, s.records])).toEqual([
      ['products', 3],
      ['inventory_levels', 3],
    ]);
    const again = await syncSystem(rt, platform, { bulkThreshold: 2 });
    expect(platform.calls.bulkRead).toBe(1);
    expect(again.streams.every((s) => s.mode === 'paged')).toBe(true);
  });

  it('given another node holds the lease when syncing then this node skips and reads nothing', async () => {
    const state = new SyncStateStore(rt.db);
    expect(await state.acquireLease(merchantId, 'shop', 60, 'other-node')).toBe(true);
    const report = await syncSystem(rt, platform);
    expect(report).toEqual({ system: 'shop', skipped: true, streams: [] });
    expect(platform.calls.read).toBe(0);
  });

  it('given a signed webhook when ingested twice then the record is refreshed once and the second is a duplicate', async () => {
    await syncSystem(rt, platform);
    const product = platform.products.get('A')!;
    product.title = 'Renamed';
    product.updated_at = '2026-03-01T00:00:00.000Z';
    const body = JSON.stringify({
      id: 'evt-1',
      topic: 'products/update',
      stream: 'products',
      external_id: product.external_id,
    });
    const headers = { 'x-memory-signature': platform.sign(body) };
    expect(await ingestWebhook(rt, merchantId, 'shop', headers, body)).toEqual({
      duplicate: false,
      topic: 'products/update',
    });
    expect(await ingestWebhook(rt, merchantId, 'shop', headers, body)).toEqual({
      duplicate: true,
      topic: 'products/update',
    });
    expect(platform.calls.fetchOne).toBe(1);
    expect((await rt.search.get<Product>(merchantId, 'product', product.id))?.title).toBe('Renamed');
  });

  it('given a webhook with a forged signature when ingested then it is rejected and nothing is fetched', async () => {
    const body = JSON.stringify({
      id: 'evt-2',
      topic: 'products/update',
      stream: 'products',
      external_id: 'product-A',
    });
    await expect(
      ingestWebhook(rt, merchantId, 'shop', { 'x-memory-signature': 'ab'.repeat(32) }, body),
    ).rejects.toMatchObject({ category: 'unauthorized', code: 'invalid_webhook_signature' });
    expect(platform.calls.fetchOne).toBe(0);
  });
});
