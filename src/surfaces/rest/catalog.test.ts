import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, InventoryLevel, Location, Order, Product } from '../../model/index.js';
import { TEST_DATABASE_URL } from '../../store/testing.js';
import { seededApi, type SeededApi } from './testing.js';

interface List<T> {
  data: T[];
  next_cursor: string | null;
}

describe(`REST reads on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await seededApi();
  });
  afterAll(() => api.close());

  const get = async <T>(path: string, key = api.keyA): Promise<{ status: number; body: T }> => {
    const res = await api.call('GET', path, { key });
    return { status: res.status, body: (await res.json()) as T };
  };
  const titles = async (query: string) =>
    (await get<List<Product>>(`/products?${query}`)).body.data.map((p) => p.title).sort();

  describe('GET /products', () => {
    it('given no filter when listed then the first page has the default 50 or fewer, all of merchant A', async () => {
      const { status, body } = await get<List<Product>>('/products');
      expect(status).toBe(200);
      expect(body.data).toHaveLength(12);
      expect(body.next_cursor).toBeNull();
      expect(body.data.every((p) => p.system === 'shopify' && p.variants.length >= 1)).toBe(true);
      expect(body.data[0]).not.toHaveProperty('raw');
    });

    it('given limit 5 when paging with next_cursor to the end then every product is seen exactly once, in id order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/products?limit=5${cursor ? `&cursor=${cursor}` : ''}`;
        const { body } = await get<List<Product>>(query);
        seen.push(...body.data.map((p) => p.id));
        cursor = body.next_cursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(12);
      expect(new Set(seen).size).toBe(12);
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen)).toEqual(new Set(api.a.products.map((p) => p.id)));
    });

    it('given q when listed then titles containing it case-insensitively are returned', async () => {
      expect(await titles('q=TEE')).toEqual(['100% cotton_tee', 'Classic Tee']);
      expect(await titles('q=mug')).toEqual(['Coffee Mug']);
    });

    it('given q with LIKE wildcards when listed then they match literally', async () => {
      expect(await titles('q=100%25')).toEqual(['100% cotton_tee']);
      expect(await titles('q=n_t')).toEqual(['100% cotton_tee']);
      expect(await titles('q=%25%25')).toEqual([]);
    });

    it('given status, vendor, product_type or sku when listed then only matching products are returned', async () => {
      expect(await titles('status=draft')).toEqual(['Hoodie']);
      expect(await titles('vendor=acme')).toEqual(['Classic Tee', 'Gift card', 'Hoodie']);
      expect(await titles('vendor=Acme&product_type=Shirts')).toEqual(['Classic Tee']);
      expect(await titles('sku=TEE-M')).toEqual(['Classic Tee']);
      expect(await titles('sku=NOPE')).toEqual([]);
    });

    it('given updated_since when listed then only products updated at or after it are returned', async () => {
      expect(await titles('updated_since=2026-02-01T00:00:00Z')).toEqual(['Hoodie']);
      expect(await titles('updated_since=2026-02-10T00:00:00%2B00:00')).toEqual(['Hoodie']);
    });

    it('given expand=raw when listed then each product carries its vendor payload', async () => {
      const { body } = await get<List<Product>>('/products?expand=raw&limit=1');
      expect(body.data[0]?.raw).toMatchObject({ id: body.data[0]?.external_id });
    });

    it('given a bad filter value when listed then a 400 problem names the parameter', async () => {
      for (const [query, field] of [
        ['status=gone', 'status'],
        ['limit=251', 'limit'],
        ['limit=abc', 'limit'],
        ['updated_since=yesterday', 'updated_since'],
        ['expand=everything', 'expand'],
        ['colour=red', 'colour'],
        ['cursor=bm90IGEgY3Vyc29y', 'cursor'],
      ]) {
        const res = await api.call('GET', `/products?${query}`, { key: api.keyA });
        expect(res.status, query).toBe(400);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        const body = (await res.json()) as { errors: { field: string }[] };
        expect(body.errors.map((e) => e.field)).toContain(field);
      }
    });
  });

  describe('GET /products/{id}', () => {
    it('given a product id when fetched then the product comes with its variants, and raw only on expand=raw', async () => {
      const tee = api.a.products[0]!;
      const { status, body } = await get<Product>(`/products/${tee.id}`);
      expect(status).toBe(200);
      expect(body.title).toBe('Classic Tee');
      expect(body.variants.map((v) => v.sku)).toEqual(['TEE-S', 'TEE-M']);
      expect(body).not.toHaveProperty('raw');
      expect((await get<Product>(`/products/${tee.id}?expand=raw`)).body.raw).toEqual(tee.raw);
    });

    it('given an unknown id or a variant id when fetched then it is a 404 problem', async () => {
      for (const id of ['prod_doesnotexist', api.a.products[0]!.variants[0]!.id]) {
        const { status, body } = await get<{ code: string; status: number }>(`/products/${id}`);
        expect(status).toBe(404);
        expect(body).toMatchObject({ code: 'product_not_found', status: 404 });
      }
    });
  });

  describe('GET /locations', () => {
    it('given two locations when listed then both come back, one per page with limit 1', async () => {
      const first = await get<List<Location>>('/locations?limit=1');
      expect(first.body.data).toHaveLength(1);
      const second = await get<List<Location>>(`/locations?limit=1&cursor=${first.body.next_cursor}`);
      expect(second.body.data).toHaveLength(1);
      expect(second.body.next_cursor).toBeNull();
      const names = [...first.body.data, ...second.body.data].map((l) => l.name).sort();
      expect(names).toEqual(['Austin', 'Berlin']);
    });
  });

  describe('GET /inventory', () => {
    it('given a sku when queried then its levels per location come with totals across locations', async () => {
      const { body } = await get<List<InventoryLevel> & { totals: unknown[] }>('/inventory?sku=TEE-S');
      expect(body.data.map((l) => l.available).sort()).toEqual([2, 3]);
      expect(body.totals).toEqual([
        { sku: 'TEE-S', available: 5, on_hand: 7, committed: 2, incoming: 0, locations: 2 },
      ]);
    });

    it('given a location filter when queried then levels and totals only count that location', async () => {
      const berlin = api.a.locations[1]!;
      const { body } = await get<List<InventoryLevel> & { totals: { sku: string; available: number }[] }>(
        `/inventory?location_id=${berlin.id}`,
      );
      expect(body.data.map((l) => l.sku)).toEqual(['TEE-S']);
      expect(body.totals.map((t) => [t.sku, t.available])).toEqual([['TEE-S', 2]]);
    });

    it('given a variant filter when queried then only that variant’s levels come back', async () => {
      const hoodie = api.a.products[1]!.variants[0]!;
      const { body } = await get<List<InventoryLevel> & { totals: { available: number }[] }>(
        `/inventory?variant_id=${hoodie.id}`,
      );
      expect(body.data.map((l) => l.variant_id)).toEqual([hoodie.id]);
      expect(body.totals.map((t) => t.available)).toEqual([10]);
    });

    it('given a page that holds only part of the levels when queried then totals (from the database) match the full answer', async () => {
      type Inv = List<InventoryLevel> & { totals: unknown[] };
      for (const filter of ['sku=TEE-S', `location_id=${api.a.locations[0]!.id}`, '']) {
        const full = (await get<Inv>(`/inventory?${filter}`)).body;
        expect(full.next_cursor).toBeNull();
        const first = (await get<Inv>(`/inventory?${filter}&limit=1`)).body;
        expect(first.data).toHaveLength(1);
        expect(first.next_cursor).not.toBeNull();
        const sku = first.data[0]!.sku;
        expect(first.totals, filter).toEqual(full.totals.filter((t) => (t as { sku: string }).sku === sku));
        const second = (await get<Inv>(`/inventory?${filter}&limit=50&cursor=${first.next_cursor}`)).body;
        expect(second.data.length, filter).toBe(full.data.length - 1);
      }
    });
  });

  describe('GET /customers and /orders', () => {
    it('given an email filter when customers are listed then the match is case-insensitive', async () => {
      const { body } = await get<List<Customer>>('/customers?email=ALICE@example.com');
      expect(body.data.map((c) => c.email)).toEqual(['alice@example.com']);
      expect((await get<List<Customer>>('/customers')).body.data).toHaveLength(2);
    });

    it('given status, customer, email and updated_since filters when orders are listed then each narrows the list', async () => {
      const names = async (q: string) =>
        (await get<List<Order>>(`/orders?${q}`)).body.data.map((o) => o.name).sort();
      const alice = api.a.customers[0]!;
      expect(await names('')).toEqual(['#1001', '#1002', '#1003']);
      expect(await names('status=cancelled')).toEqual(['#1003']);
      expect(await names(`customer_id=${alice.id}`)).toEqual(['#1001', '#1002']);
      expect(await names('email=bob@example.com')).toEqual(['#1003']);
      expect(await names('updated_since=2026-02-01T00:00:00Z')).toEqual(['#1002']);
      expect(await names(`customer_id=${alice.id}&status=open`)).toEqual(['#1001']);
    });

    it('given an order id when fetched then the order comes back, with raw on expand=raw', async () => {
      const order = api.a.orders[0]!;
      expect((await get<Order>(`/orders/${order.id}`)).body).toMatchObject({ id: order.id, name: '#1001' });
      expect((await get<Order>(`/orders/${order.id}?expand=raw`)).body.raw).toEqual(order.raw);
    });
  });

  describe('tenant isolation', () => {
    it("given merchant B's key when it asks for A's product or order by id then it is a plain 404", async () => {
      expect((await get(`/products/${api.a.products[0]!.id}`, api.keyB)).status).toBe(404);
      expect((await get(`/orders/${api.a.orders[0]!.id}`, api.keyB)).status).toBe(404);
      expect((await get(`/products/${api.b.products[0]!.id}`, api.keyB)).status).toBe(200);
    });

    it("given merchant B's key when it lists anything then none of A's records appear, even on A's SKU and email", async () => {
      const aIds = new Set(
        [...api.a.products, ...api.a.locations, ...api.a.customers, ...api.a.orders].map((r) => r.id),
      );
      for (const path of [
        '/products',
        '/products?sku=TEE-S',
        '/locations',
        '/inventory?sku=TEE-S',
        '/customers?email=alice@example.com',
        '/orders',
      ]) {
        const { status, body } = await get<List<{ id: string }>>(path, api.keyB);
        expect(status, path).toBe(200);
        expect(
          body.data.filter((r) => aIds.has(r.id)),
          path,
        ).toEqual([]);
      }
      expect((await get<List<Product>>('/products', api.keyB)).body.data.map((p) => p.title)).toEqual([
        'Classic Tee of B',
      ]);
      expect(
        (await get<List<Customer>>('/customers?email=alice@example.com', api.keyB)).body.data,
      ).toHaveLength(1);
    });
  });
});
