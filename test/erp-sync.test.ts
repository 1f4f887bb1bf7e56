/**
 * An ERP synced into the store the same way a platform is: the NetSuite connector reading the
 * NetSuite simulator over real HTTP, through `syncSystem`, then read back with the record search —
 * items with their price levels, stock per location hanging off the item, customers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetSuiteConnector } from '../src/connectors/netsuite/index.js';
import type { InventoryLevel, Item } from '../src/model/index.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { startNetSuiteSimulator, type NetSuiteSimulator } from '../src/simulators/netsuite/index.js';
import { openTestDatabase } from '../src/store/testing.js';
import { syncSystem } from '../src/sync/run.js';

const context = { merchantId: 'mer_mid', system: 'netsuite' };
let sim: NetSuiteSimulator;
let rt: Runtime;

beforeAll(async () => {
  sim = await startNetSuiteSimulator({ seed: { items: 120, locations: 3, customers: 30, seed: 5 } });
  rt = createRuntime({ db: await openTestDatabase() });
});
afterAll(async () => {
  await sim.close();
  await rt.db.close();
});

describe('given a NetSuite account when synced through syncSystem', () => {
  it('then every item, stock row, location and customer lands in the store, stock linked to its item', async () => {
    const connector = createNetSuiteConnector(
      { accountId: sim.accountId, ...sim.credentials, endpoint: sim.url, priceLevels: ['Wholesale'] },
      context,
    );
    const report = await syncSystem(rt, connector);
    expect(report.streams.map((s) => [s.stream, s.records, s.error ?? null])).toEqual([
      ['locations', sim.state.locations.length, null],
      ['items', sim.state.items.length, null],
      ['inventory_levels', sim.state.stock.length, null],
      ['customers', sim.state.customers.length, null],
    ]);
    expect(await rt.records.count(context.merchantId, 'item')).toBe(sim.state.items.length);

    const item = (await rt.search.list<Item>(context.merchantId, 'item', { limit: 1 })).items[0]!;
    expect(item.price_levels.map((p) => p.name)).toContain('Wholesale');
    const levels = await rt.search.list<InventoryLevel>(context.merchantId, 'inventory_level', {
      filters: { parent_id: item.id },
    });
    const expected = sim.state.stock.filter((row) => String(row.item) === item.external_id);
    expect(levels.items).toHaveLength(expected.length);
    expect(levels.items.every((l) => l.item_id === item.id && l.sku === item.sku)).toBe(true);
  });
});
