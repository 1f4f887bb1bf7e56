import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, asStream, makeProduct } from '../commerce/testing.js';
import type { Product } from '../model/index.js';
import type { Database } from './db.js';
import { RecordStore } from './records.js';
import { RecordSearch } from './search.js';
import { openTestDatabase, TEST_DATABASE_URL } from './testing.js';

describe(`RecordSearch on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  let search: RecordSearch;
  let store: RecordStore;
  const titles = ['50% off', 'a_b', 'A\\B', 'plain', 'Plain Tee', 'ab'];
  beforeAll(async () => {
    db = await openTestDatabase();
    store = new RecordStore(db);
    search = new RecordSearch(db);
    await store.upsertStream(
      A.merchantId,
      asStream.products(titles.map((title, i) => makeProduct(A, i + 1, { title }))),
    );
  });
  afterAll(() => db.close());

  const matching = async (value: string) =>
    (await search.list<Product>(A.merchantId, 'product', { contains: { field: 'title', value } })).items
      .map((p) => p.title)
      .sort();

  it('given LIKE metacharacters in the value when searched then they match only themselves', async () => {
    expect(await matching('%')).toEqual(['50% off']);
    expect(await matching('_')).toEqual(['a_b']);
    expect(await matching('\\')).toEqual(['A\\B']);
    expect(await matching('PLAIN')).toEqual(['Plain Tee', 'plain']);
  });

  it('given a first page when its cursor is passed back then paging continues where it stopped', async () => {
    const first = await search.list<Product>(A.merchantId, 'product', { limit: 2 });
    const rest = await search.list<Product>(A.merchantId, 'product', {
      limit: 10,
      cursor: first.next_cursor,
    });
    const all = await search.list<Product>(A.merchantId, 'product', { limit: 10 });
    expect([...first.items, ...rest.items].map((p) => p.id)).toEqual(all.items.map((p) => p.id));
  });

  it('given a field name with SQL in it when used as a data filter then it is bound as a value, not executed', async () => {
    const page = await search.list<Product>(A.merchantId, 'product', { data: { "title') or ('1'='1": 'x' } });
    expect(page.items).toEqual([]);
    expect(await store.count(A.merchantId, 'product')).toBe(titles.length);
  });
});
