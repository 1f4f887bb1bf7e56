import { describe, expect, it } from 'vitest';
import { inventoryItemGid } from './fetch-one.js';
import { STREAMS, updatedSinceQuery } from './streams.js';
import { SHOPIFY_MANIFEST } from './manifest.js';

describe('updatedSinceQuery', () => {
  it('given an ISO time with milliseconds or an offset then it is Shopify search syntax in UTC seconds', () => {
    expect(updatedSinceQuery('2026-01-01T00:00:00Z')).toBe("updated_at:>='2026-01-01T00:00:00Z'");
    expect(updatedSinceQuery('2026-01-01T01:00:00.750+01:00')).toBe("updated_at:>='2026-01-01T00:00:00Z'");
  });
});

describe('STREAMS', () => {
  it('given every stream then it reads a connection whose page size is within Shopify’s cap', () => {
    for (const spec of Object.values(STREAMS)) {
      for (const size of Object.values(spec.pageSizes))
        expect(size).toBeLessThanOrEqual(SHOPIFY_MANIFEST.limits.maxPageSize);
      expect(spec.shrink.every((key) => key in spec.pageSizes)).toBe(true);
    }
  });
});

describe('inventoryItemGid', () => {
  it('given an item gid, a level gid or a numeric id then the item gid is returned', () => {
    expect(inventoryItemGid('gid://shopify/InventoryItem/5')).toBe('gid://shopify/InventoryItem/5');
    expect(inventoryItemGid('gid://shopify/InventoryLevel/9?inventory_item_id=5')).toBe(
      'gid://shopify/InventoryItem/5',
    );
    expect(inventoryItemGid('5')).toBe('gid://shopify/InventoryItem/5');
    expect(() => inventoryItemGid('gid://shopify/Product/5')).toThrow(/inventory item/);
  });
});
