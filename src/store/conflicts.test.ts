import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conflict } from '../topology/index.js';
import { ConflictStore } from './conflicts.js';
import type { Database } from './db.js';
import { openTestDatabase } from './testing.js';

const conflict = (n: number, kind: Conflict['kind'] = 'price_mismatch'): Conflict => ({
  id: `cfl_${String(n).padStart(24, '0')}`,
  kind,
  match_key: `SKU-${n}`,
  platform: null,
  erp: { system: 'netsuite', value: n, provenance: [] },
  winner: 'netsuite',
  rule: 'ownership.price = erp:item (preset mid_market)',
  detail: {},
});

let db: Database;
let store: ConflictStore;
beforeAll(async () => {
  db = await openTestDatabase();
  store = new ConflictStore(db);
});
afterAll(() => db.close());

describe('ConflictStore', () => {
  it('given open conflicts when a newer set replaces them then only the newer set is listed, for that merchant only', async () => {
    await store.replaceOpen('mer_a', [conflict(1), conflict(2), conflict(3)]);
    await store.replaceOpen('mer_b', [conflict(9)]);
    await store.replaceOpen('mer_a', [conflict(2), conflict(4, 'stock_mismatch')]);
    const page = await store.list('mer_a');
    expect(page.items.map((c) => [c.match_key, c.kind])).toEqual([
      ['SKU-2', 'price_mismatch'],
      ['SKU-4', 'stock_mismatch'],
    ]);
    expect((await store.list('mer_b')).items.map((c) => c.match_key)).toEqual(['SKU-9']);
  });

  it('given a resolved conflict when it is found again then it stays resolved and is hidden by default', async () => {
    await store.replaceOpen('mer_c', [conflict(1), conflict(2)]);
    await db.query(`update conflicts set resolved = true where merchant_id = 'mer_c' and id = $1`, [
      conflict(1).id,
    ]);
    await store.replaceOpen('mer_c', [conflict(1), conflict(2)]);
    expect((await store.list('mer_c')).items.map((c) => c.match_key)).toEqual(['SKU-2']);
    const all = await store.list('mer_c', { includeResolved: true });
    expect(all.items.map((c) => [c.match_key, c.resolved])).toEqual([
      ['SKU-1', true],
      ['SKU-2', false],
    ]);
  });

  it('given more conflicts than a page when paging by cursor then each arrives once, in id order', async () => {
    await store.replaceOpen(
      'mer_d',
      [5, 3, 1, 4, 2].map((n) => conflict(n)),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.list('mer_d', { limit: 2, cursor });
      seen.push(...page.items.map((c) => c.match_key ?? ''));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['SKU-1', 'SKU-2', 'SKU-3', 'SKU-4', 'SKU-5']);
  });

  it('given a cursor this API did not return when listing then it is a validation error', async () => {
    await expect(store.list('mer_d', { cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'invalid_cursor' });
  });
});
