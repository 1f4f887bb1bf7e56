/**
 * Initial sync benchmark: Concord syncs a Shopify simulator's catalog (variants with their metafields,
 * stock at every location) into the embedded store, on a chosen plan's cost limits.
 *
 * Lower bound: Shopify charges every query against a leaky bucket that refills at the plan's restore
 * rate, so a sync cannot finish faster than (total cost charged) / (restore rate); the bucket's
 * initial fill lets a sync start `capacity` points ahead, so the strict bound is
 * (cost − capacity) / restore. Both are printed next to the wall time.
 *
 *   npm run bench -- sync --variants 50000 --mode bulk
 *   npm run bench -- sync --variants 1000 --mode paged
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createShopifyConnector } from '../src/connectors/shopify/index.js';
import { createRuntime } from '../src/runtime.js';
import { startShopifySimulator } from '../src/simulators/shopify/index.js';
import { openDatabase } from '../src/store/db.js';
import { migrate } from '../src/store/migrations.js';
import { syncSystem } from '../src/sync/run.js';
import { terminalProgress } from '../src/sync/progress.js';
import { record } from './machine.js';

const PLANS = { standard: { bucket: 2000, restore: 100 } } as const;

export async function benchSync(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { variants: { type: 'string', default: '50000' }, mode: { type: 'string', default: 'bulk' } },
  });
  const variants = Number(values.variants);
  const mode = values.mode === 'paged' ? 'paged' : 'bulk';
  const perProduct = 5;
  const plan = PLANS.standard;
  const sim = await startShopifySimulator({
    plan: 'standard',
    seed: {
      products: Math.ceil(variants / perProduct),
      variantsPerProduct: [perProduct, perProduct],
      locations: 3,
      customers: 0,
      orders: 0,
      seed: 7,
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
  const db = await openDatabase({ dataDir: dir });
  await migrate(db);
  const rt = createRuntime({ db });
  const context = { merchantId: 'mer_bench', system: 'shopify' };
  const connector = createShopifyConnector(
    {
      shop: sim.shop,
      accessToken: sim.accessToken,
      apiSecret: sim.apiSecret,
      endpoint: sim.graphqlUrl,
      bulkThreshold: mode === 'bulk' ? 0 : Number.MAX_SAFE_INTEGER,
    },
    context,
  );
  const started = performance.now();
  const report = await syncSystem(rt, connector, {
    streams: ['locations', 'products', 'inventory_levels'],
    onProgress: terminalProgress(),
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const cost = sim.stats.costSpent;
  const bound = cost / plan.restore;
  const strictBound = Math.max(0, cost - plan.bucket) / plan.restore;
  const stored = await rt.records.count(context.merchantId, 'variant');
  const levels = await rt.records.count(context.merchantId, 'inventory_level');
  const errors = report.streams.filter((s) => s.error).map((s) => `${s.stream}: ${s.error}`);
  record(`sync-${mode}-${variants}`, {
    mode,
    plan: `standard (bucket ${plan.bucket}, restore ${plan.restore}/s)`,
    variants_in_shop: sim.state.variants.length,
    variants_stored: stored,
    inventory_levels_stored: levels,
    requests: sim.stats.requests,
    throttled_responses: sim.stats.throttled,
    cost_points: cost,
    wall_seconds: round(wallSeconds),
    lower_bound_seconds: round(bound),
    strict_lower_bound_seconds: round(strictBound),
    ratio_to_lower_bound: bound > 0 ? round(wallSeconds / bound) : null,
    variants_per_second: Math.round(stored / wallSeconds),
    errors,
  });
  await db.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
  if (errors.length > 0 || stored !== sim.state.variants.length) process.exitCode = 1;
}

const round = (n: number) => Math.round(n * 100) / 100;
