import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamRecord } from '../connectors/types.js';
import { recordId } from '../core/ids.js';
import { makeProduct } from '../model/fixtures.js';
import type { InventoryLevel, Product, Variant } from '../model/index.js';
import type { Database } from './db.js';
import { ReadCache } from './read-cache.js';
import { RecordStore } from './records.js';
import { RecordSearch } from './search.js';
import { openTestDatabase, TEST_DATABASE_URL } from './testing.js';

const ctx = { merchantId: 'mer_a', system: 'shopify' };

function product(n: number, variantNumbers: number[], updatedAt = '2026-01-01T00:00:00Z'): StreamRecord {
  const record = makeProduct(ctx, n, {
    updated_at: updatedAt,
    variants: variantNumbers.map((v) => ({ n: v })),
  });
  record.variants.forEach((v) => (v.updated_at = updatedAt));
  return { stream: 'products', record };
}

describe(`RecordStore on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  let store: RecordStore;
  let search: RecordSearch;
  let cache: ReadCache;
  beforeAll(async () => {
    db = await openTestDatabase();
    // Every read below goes through the read cache, so each write-then-read also checks invalidation.
    cache = new ReadCache();
    store = new RecordStore(db, cache);
    search = new RecordSearch(db, cache);
  });
  afterAll(() => db.close());

  it('given a product with variants when upserted then the product and each variant are stored and found by sku', async () => {
    await store.upsertStream(ctx.merchantId, [product(1, [11, 12, 13])]);
    expect(await store.count(ctx.merchantId, 'product')).toBe(1);
    expect(await store.count(ctx.merchantId, 'variant')).toBe(3);
    const page = await search.list<Variant>(ctx.merchantId, 'variant', { filters: { sku: 'SKU-12' } });
    expect(page.items.map((v) => v.title)).toEqual(['Variant 12']);
    expect(page.items[0]).not.toHaveProperty('raw');
  });

  it('given a stored product when read with raw then the vendor payload is attached, and not otherwise', async () => {
    const id = recordId('product', ctx.merchantId, ctx.system, 'gid://fake/Product/1');
    const plain = await search.get<Product>(ctx.merchantId, 'product', id);
    const withRaw = await search.get<Product>(ctx.merchantId, 'product', id, { raw: true });
    expect(plain?.title).toBe('Product 1');
    expect(plain).not.toHaveProperty('raw');
    expect(withRaw?.raw).toEqual({ id: 'gid://fake/Product/1', title: 'Product 1' });
  });

  it('given an older copy of a record when upserted after a newer one then the newer one stays', async () => {
    await store.upsertStream(ctx.merchantId, [product(2, [21], '2026-02-01T00:00:00Z')]);
    const stale = product(2, [21], '2026-01-15T00:00:00Z');
    (stale.record as Product).title = 'stale title';
    await store.upsertStream(ctx.merchantId, [stale]);
    const id = recordId('product', ctx.merchantId, ctx.system, 'gid://fake/Product/2');
    expect((await search.get<Product>(ctx.merchantId, 'product', id))?.title).toBe('Product 2');
  });

  it('given a product that lost a variant when upserted then the dropped variant row is deleted', async () => {
    await store.upsertStream(ctx.merchantId, [product(3, [31, 32], '2026-03-01T00:00:00Z')]);
    await store.upsertStream(ctx.merchantId, [product(3, [31], '2026-03-02T00:00:00Z')]);
    const productId = recordId('product', ctx.merchantId, ctx.system, 'gid://fake/Product/3');
    const page = await search.list<Variant>(ctx.merchantId, 'variant', { filters: { parent_id: productId } });
    expect(page.items.map((v) => v.sku)).toEqual(['SKU-31']);
  });

  it('given 25 records when listed 10 at a time then pages cover every record exactly once', async () => {
    const merchant = 'mer_paging';
    const items = Array.from({ length: 25 }, (_, i) => product(100 + i, []));
    await store.upsertStream(merchant, items);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Product[]; next_cursor: string | null } = await search.list<Product>(
        merchant,
        'product',
        { cursor, limit: 10 },
      );
      seen.push(...page.items.map((p) => p.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort());
  });

  it('given a forged cursor when listing then it is rejected as validation', async () => {
    await expect(search.list(ctx.merchantId, 'product', { cursor: 'not-a-cursor!' })).rejects.toMatchObject({
      category: 'validation',
      code: 'invalid_cursor',
    });
  });

  it("given two merchants when one lists or reads then it never sees the other's records", async () => {
    const id = recordId('product', ctx.merchantId, ctx.system, 'gid://fake/Product/1');
    expect(await search.get('mer_other', 'product', id)).toBeNull();
    expect((await search.list('mer_other', 'variant', { filters: { sku: 'SKU-11' } })).items).toHaveLength(0);
  });

  it('given inventory levels when filtered by sku and location then only the matching level is returned', async () => {
    const level = (sku: string, loc: string, available: number): StreamRecord => {
      const external = `gid://shopify/InventoryLevel/${sku}-${loc}`;
      const record: InventoryLevel = {
        id: recordId('inventory_level', ctx.merchantId, ctx.system, external),
        system: ctx.system,
        external_id: external,
        updated_at: '2026-01-01T00:00:00Z',
        variant_id: null,
        sku,
        location_id: loc,
        on_hand: available,
        available,
        committed: 0,
        incoming: 0,
      };
      return { stream: 'inventory_levels', record };
    };
    await store.upsertStream(ctx.merchantId, [
      level('A', 'loc_1', 5),
      level('A', 'loc_2', 7),
      level('B', 'loc_1', 1),
    ]);
    const page = await search.list<InventoryLevel>(ctx.merchantId, 'inventory_level', {
      filters: { sku: 'A', location_id: 'loc_2' },
    });
    expect(page.items.map((l) => l.available)).toEqual([7]);
  });

  it('given a cached read when the merchant writes then the next read misses the cache and sees the write', async () => {
    const id = recordId('product', ctx.merchantId, ctx.system, 'gid://fake/Product/900');
    await store.upsertStream(ctx.merchantId, [product(900, [9001], '2026-05-01T00:00:00Z')]);
    const hitsBefore = cache.hits;
    expect((await search.get<Product>(ctx.merchantId, 'product', id))?.title).toBe('Product 900');
    expect((await search.get<Product>(ctx.merchantId, 'product', id))?.title).toBe('Product 900');
    expect(cache.hits).toBe(hitsBefore + 1);
    const renamed = product(900, [9001], '2026-05-02T00:00:00Z');
    (renamed.record as Product).title = 'Renamed';
    await store.upsertStream(ctx.merchantId, [renamed]);
    expect((await search.get<Product>(ctx.merchantId, 'product', id))?.title).toBe('Renamed');
    expect(cache.hits).toBe(hitsBefore + 1);
  });
});
