import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetSuiteSimulator, type NetSuiteSimulator } from './index.js';
import { parseSuiteQl } from './suiteql-parse.js';
import { toChar } from './suiteql.js';
import { call, ManualClock } from './testing.js';

let sim: NetSuiteSimulator;
const clock = new ManualClock();

beforeAll(async () => {
  sim = await startNetSuiteSimulator({ seed: { items: 1200, customers: 30, seed: 9 }, clock });
});
afterAll(async () => {
  await sim.close();
});

function suiteql(q: string, query = 'limit=1000&offset=0') {
  return call(sim, clock, 'POST', `/query/v1/suiteql?${query}`, {
    body: { q },
    headers: { Prefer: 'transient' },
  });
}

describe('SuiteQL parser', () => {
  it('given the connector’s incremental query when parsing then table, conditions and order are read', () => {
    const parsed = parseSuiteQl(
      "select item.id, ItemId AS sku FROM Item WHERE lastmodifieddate >= TO_TIMESTAMP('2026-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') AND isinactive = 'F' ORDER BY id DESC",
    );
    expect(parsed).toEqual({
      select: [{ column: 'id' }, { column: 'itemid', alias: 'sku' }],
      table: 'item',
      where: [
        { column: 'lastmodifieddate', op: '>=', value: { kind: 'time', ms: Date.UTC(2026, 0, 1) } },
        { column: 'isinactive', op: '=', value: { kind: 'string', value: 'F' } },
      ],
      orderBy: [{ column: 'id', desc: true }],
    });
  });

  it('given an Oracle-style format when formatting a timestamp then tokens and quoted text are rendered', () => {
    expect(toChar(Date.UTC(2026, 2, 4, 5, 6, 7), 'YYYY-MM-DD"T"HH24:MI:SS')).toBe('2026-03-04T05:06:07');
  });
});

describe('SuiteQL over HTTP', () => {
  it('given 1 200 items when paging a query ordered by id then 2 pages cover every row once, in order', async () => {
    const first = await suiteql('SELECT id, itemid, displayname, isinactive FROM item ORDER BY id');
    const second = await suiteql(
      'SELECT id, itemid, displayname, isinactive FROM item ORDER BY id',
      'limit=1000&offset=1000',
    );
    expect([first.body.count, first.body.hasMore, first.body.totalResults]).toEqual([1000, true, 1200]);
    expect([second.body.count, second.body.hasMore, second.body.offset]).toEqual([200, false, 1000]);
    const ids = [...first.body.items, ...second.body.items].map((r: { id: string }) => Number(r.id));
    expect(ids).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    const item = sim.state.items[0]!;
    expect(first.body.items[0]).toEqual({
      links: [],
      id: '1',
      itemid: item.itemId,
      displayname: item.displayName,
      isinactive: item.isInactive ? 'T' : 'F',
    });
  });

  it('given a WHERE on lastmodifieddate when querying then exactly the items modified since then', async () => {
    const since = Date.UTC(2026, 0, 1);
    const expected = sim.state.items.filter((i) => i.lastModified >= since).map((i) => String(i.id));
    const response = await suiteql(
      "SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS modified FROM item WHERE lastmodifieddate >= TO_TIMESTAMP('2026-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') ORDER BY id",
    );
    expect(response.status).toBe(200);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.body.items.map((r: { id: string }) => r.id)).toEqual(expected);
    expect(response.body.items.every((r: { modified: string }) => r.modified >= '2026-01-01 00:00:00')).toBe(
      true,
    );
  });

  it('given stock and price tables when querying one item then a row per location and per price level', async () => {
    const stock = await suiteql(
      'SELECT item, location, quantityonhand, quantityavailable, quantitycommitted, quantityonorder FROM inventoryitemlocations WHERE item = 7 ORDER BY item, location',
    );
    expect(stock.body.items.map((r: { location: string }) => r.location)).toEqual(['1', '2', '3']);
    const row = stock.body.items[0];
    expect(Number(row.quantityavailable)).toBe(
      Math.max(0, Number(row.quantityonhand) - Number(row.quantitycommitted)),
    );
    const prices = await suiteql(
      'SELECT item, pricelevel, unitprice FROM pricing WHERE item = 7 ORDER BY item, pricelevel',
    );
    expect(prices.body.items.map((r: { pricelevel: string }) => r.pricelevel)).toEqual(['1', '2', '3']);
    const levels = await suiteql('SELECT id, name FROM pricelevel ORDER BY id');
    expect(levels.body.items.map((r: { name: string }) => r.name)).toEqual([
      'Base Price',
      'Wholesale',
      'Online Price',
    ]);
  });

  it('given an unknown column or table when querying then 400 with NetSuite’s error shape', async () => {
    const column = await suiteql('SELECT id, colour FROM item ORDER BY id');
    expect(column.status).toBe(400);
    expect(column.body).toEqual({
      type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1',
      title: 'Bad Request',
      status: 400,
      'o:errorDetails': [
        {
          detail: expect.stringContaining("Field 'colour' for record 'item' was not found"),
          'o:errorCode': 'INVALID_PARAMETER',
          'o:errorPath': 'q',
        },
      ],
    });
    const table = await suiteql('SELECT id FROM unicorns');
    expect(table.status).toBe(400);
    expect(table.body['o:errorDetails'][0].detail).toContain("Record 'unicorns' was not found");
  });

  it('given a page reaching past 100 000 rows when querying then 400', async () => {
    const response = await suiteql('SELECT id FROM item ORDER BY id', 'limit=1000&offset=99500');
    expect(response.status).toBe(400);
  });
});
