/**
 * The mid-market slice end to end: Concord started as `CONCORD_SANDBOX=mid_market npm start` starts
 * it (Shopify and NetSuite simulators, both synced, topology resolved), then read over real HTTP —
 * every disagreement planted in NetSuite is listed once by GET /conflicts with both sides'
 * provenance and nothing else is, and GET /items serves the NetSuite items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/config.js';
import type { Item } from '../src/model/index.js';
import type { MidMarketSandbox } from '../src/sandbox-mid-market.js';
import { ERP_ONLY_SKU, PRICE_DELTA, STOCK_DELTA } from '../src/sandbox-mid-market-erp.js';
import { startConcord, type ConcordNode } from '../src/server.js';
import type { StoredConflict } from '../src/store/conflicts.js';
import { openTestDatabase } from '../src/store/testing.js';

let node: ConcordNode;
let sandbox: MidMarketSandbox;
let auth: Record<string, string>;

async function api<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${node.url}${path}`, { headers: auth });
  return { status: res.status, body: (await res.json()) as T };
}

async function all<T>(path: string, limit: number): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { body: { data: T[]; next_cursor: string | null } } = await api(
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    out.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  const env = loadEnv({
    PORT: '0',
    CONCORD_SANDBOX: 'mid_market',
    CONCORD_SYNC_INTERVAL_SECONDS: '0',
    CONCORD_DATA_DIR: 'memory://',
  });
  node = await startConcord(env, {
    db: await openTestDatabase(),
    sandbox: { products: 12, customers: 3, orders: 2 },
  });
  sandbox = node.sandbox as MidMarketSandbox;
  auth = { authorization: `Bearer ${sandbox.apiKey}` };
}, 120_000);
afterAll(() => node?.stop());

const keyOf = (c: { kind: string; sku: string }) => `${c.kind} ${c.sku}`;

describe('given the mid-market sandbox served as CONCORD_SANDBOX=mid_market npm start serves it', () => {
  it('when started then it planted 3 price, 1 stock and 1 NetSuite-only disagreement', () => {
    const counts = sandbox.seeded.reduce<Record<string, number>>(
      (acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ price_mismatch: 3, stock_mismatch: 1, missing_in_platform: 1 });
  });

  it('when paging GET /conflicts then every planted disagreement is listed exactly once and nothing else', async () => {
    const conflicts = await all<StoredConflict>('/conflicts', 2);
    expect(conflicts.map((c) => keyOf({ kind: c.kind, sku: c.match_key ?? '' })).sort()).toEqual(
      sandbox.seeded.map(keyOf).sort(),
    );
    expect(new Set(conflicts.map((c) => c.id)).size).toBe(conflicts.length);
  });

  it('when reading a conflict then both sides carry their values and provenance (system + external id)', async () => {
    const conflicts = await all<StoredConflict>('/conflicts', 50);
    for (const seeded of sandbox.seeded) {
      const found = conflicts.find((c) => c.kind === seeded.kind && c.match_key === seeded.sku)!;
      expect(found.erp?.system).toBe('netsuite');
      expect(found.erp?.provenance.map((p) => p.system)).not.toContain('shopify');
      expect(found.erp?.provenance.length).toBeGreaterThan(0);
      if (seeded.kind === 'missing_in_platform') {
        expect(found.platform).toBeNull();
        expect(found.erp?.provenance.map((p) => p.external_id)).toEqual([seeded.erp_external_id]);
        continue;
      }
      const variant = sandbox.simulator.state.findVariantBySku(seeded.sku)!;
      expect(found.platform?.system).toBe('shopify');
      expect(found.platform?.provenance.length).toBeGreaterThan(0);
      expect(found.winner).toBe('netsuite');
      if (seeded.kind === 'price_mismatch') {
        expect(found.platform?.provenance[0]).toMatchObject({ system: 'shopify', external_id: variant.id });
        expect(found.erp?.provenance[0]).toMatchObject({
          system: 'netsuite',
          external_id: seeded.erp_external_id,
        });
        const [mine, theirs] = [found.platform?.value, found.erp?.value] as { amount: number }[];
        expect(theirs!.amount - mine!.amount).toBe(PRICE_DELTA);
      } else {
        expect(found.platform?.provenance.every((p) => p.system === 'shopify')).toBe(true);
        expect(found.erp?.provenance.map((p) => p.external_id).sort()).toEqual(
          sandbox.netsuite.state.locations.map((l) => `${seeded.erp_external_id}:${l.id}`).sort(),
        );
        expect((found.erp?.value as number) - (found.platform?.value as number)).toBe(STOCK_DELTA);
      }
    }
  });

  it('when filtering GET /conflicts by kind then only that kind comes back', async () => {
    const prices = await all<StoredConflict>('/conflicts?kind=price_mismatch', 50);
    expect(prices.map((c) => c.kind)).toEqual(['price_mismatch', 'price_mismatch', 'price_mismatch']);
  });

  it('when paging GET /items then every NetSuite item arrives once, the NetSuite-only one included', async () => {
    const items = await all<Item>('/items', 25);
    const state = sandbox.netsuite.state;
    expect(items).toHaveLength(state.items.length);
    expect(items.map((i) => i.external_id).sort()).toEqual(state.items.map((i) => String(i.id)).sort());
    expect(items.every((i) => i.system === 'netsuite')).toBe(true);
    expect(items.map((i) => i.sku)).toContain(ERP_ONLY_SKU);
    expect(state.items.length).toBe(sandbox.simulator.state.variants.length + 1);
  });
});
