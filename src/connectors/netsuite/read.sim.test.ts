/**
 * Past SuiteQL's 100 000-row cap against the NetSuite simulator, which answers a page reaching beyond it
 * with 400 as NetSuite does: 34 000 items × 3 locations = 102 000 stock rows, read in key windows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetSuiteSimulator, type NetSuiteSimulator } from '../../simulators/netsuite/index.js';
import { forgetSharedLimiters } from '../kit/index.js';
import { createNetSuiteConnector } from './index.js';
import { NETSUITE_MANIFEST } from './manifest.js';

const ITEMS = 34_000;
let sim: NetSuiteSimulator;

beforeAll(async () => {
  forgetSharedLimiters();
  sim = await startNetSuiteSimulator({ seed: { items: ITEMS, locations: 3, customers: 0, seed: 3 } });
});
afterAll(() => sim.close());

describe('given more stock rows than one SuiteQL query can return', () => {
  it('when reading inventory_levels then every (item, location) arrives exactly once with its SKU, and no request fails', async () => {
    expect(sim.state.stock.length).toBeGreaterThan(NETSUITE_MANIFEST.limits.maxSuiteQlRows);
    const ns = createNetSuiteConnector(
      { accountId: sim.accountId, ...sim.credentials, endpoint: sim.url },
      { merchantId: 'mer_big', system: 'netsuite' },
    );
    const keys = new Set<string>();
    let withSku = 0;
    for await (const page of ns.read('inventory_levels')) {
      for (const entry of page) {
        if (entry.stream !== 'inventory_levels') continue;
        keys.add(entry.record.external_id);
        if (entry.record.sku) withSku += 1;
      }
    }
    expect(keys.size).toBe(sim.state.stock.length);
    expect(withSku).toBe(sim.state.stock.length);
    // 102 pages of stock (+ 2 re-read at the window edge at most), 34 of SKUs, 1 governanceLimits.
    expect(sim.stats.requests).toBeGreaterThanOrEqual(102 + 34 + 1);
    expect(sim.stats.requests).toBeLessThanOrEqual(102 + 2 + 34 + 1);
    expect(sim.stats.rejected429).toBe(0);
  });
});
