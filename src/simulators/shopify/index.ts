/**
 * A Shopify Admin GraphQL (2026-10) simulator over real HTTP: Shopify's published schema, a seeded
 * merchant catalog, calculated query costs with a leaky bucket, Relay paging, search syntax,
 * mutations (customers, orders, refunds, inventory, bulk queries, webhook subscriptions) and signed
 * webhook deliveries. Used by the connector's tests, by the sandbox merchant that `npm start`
 * serves, and by benchmarks. It implements the Concord simulator ⇄ connector contract for Shopify.
 *
 * @example
 * const sim = await startShopifySimulator({ seed: { products: 20, seed: 7 } });
 * await fetch(sim.graphqlUrl, { method: 'POST', headers: { 'X-Shopify-Access-Token': sim.accessToken,
 *   'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ shop { name } }' }) });
 * await sim.close();
 */
import { LeakyBucket, type Clock, type RateLimit } from './bucket.js';
import { BulkRunner } from './bulk-runner.js';
import type { SimContext, SimServices } from './context.js';
import { handleGraphql } from './graphql-handler.js';
import { PLAN_LIMITS, type PlanName } from './model/admin.js';
import { setInventory, updateProduct } from './scenarios.js';
import { createState, type SeedOptions } from './seed.js';
import { API_VERSION, SimServer } from './server.js';
import type { ShopifyState } from './state.js';
import { WebhookDispatcher, type DeliveryAttempt } from './webhooks.js';

export { ShopifyState } from './state.js';
export type { SeedOptions } from './seed.js';
export type { DeliveryAttempt } from './webhooks.js';

/** Options of `startShopifySimulator` (all optional). */
export interface ShopifySimulatorOptions {
  /** 0 / undefined = random free port on 127.0.0.1. */
  port?: number;
  /** Shop domain, default 'concord-sandbox.myshopify.com'. */
  shop?: string;
  /** Default 'shpat_sandbox'; requests without it get 401. */
  accessToken?: string;
  /** App secret used to sign webhooks; default 'sandbox-secret'. */
  apiSecret?: string;
  plan?: PlanName | RateLimit;
  /** Catalog to seed (defaults: 300 products, 4 locations, 200 customers, 100 orders); false = empty shop. */
  seed?: SeedOptions | false;
  /** How fast a bulk operation "runs" (objects per second); default 200 000. */
  bulkRowsPerSecond?: number;
  /** How many bulk query operations may run at once (default 1, per the Concord contract). */
  bulkConcurrency?: number;
  /** Webhook retry schedule: retries after the first attempt (default 8) and first delay (default 25 ms, doubling). */
  webhookRetry?: { retries?: number; baseDelayMs?: number };
  clock?: Clock;
}

/** A running simulator: its URLs, credentials, store, counters and scenario helpers. */
export interface ShopifySimulator {
  url: string;
  shop: string;
  accessToken: string;
  apiSecret: string;
  apiVersion: '2026-10';
  graphqlUrl: string;
  state: ShopifyState;
  stats: { requests: number; throttled: number; costSpent: number };
  /** Every webhook delivery attempt so far (for tests and the sandbox console). */
  webhookDeliveries: readonly DeliveryAttempt[];
  failNext(status: number, times?: number): void;
  withLatency(ms: number): void;
  withRateLimit(limit: RateLimit): void;
  updateProduct(productGid: string, changes: { title?: string; price?: string }): Promise<void>;
  setInventory(inventoryItemGid: string, locationGid: string, available: number): Promise<void>;
  flushWebhooks(): Promise<void>;
  close(): Promise<void>;
}

function planOf(plan: ShopifySimulatorOptions['plan']) {
  if (plan && typeof plan === 'object') return { limit: plan, displayName: 'Custom', plus: false };
  const entry = PLAN_LIMITS[plan ?? 'standard'];
  return {
    limit: { restoreRate: entry.restoreRate, bucketSize: entry.bucketSize },
    displayName: entry.displayName,
    plus: entry.plus,
  };
}

interface Identity {
  shop: string;
  accessToken: string;
  apiSecret: string;
}

/** The simulator's moving parts, wired together. */
interface Parts {
  state: ShopifyState;
  bucket: LeakyBucket;
  dispatcher: WebhookDispatcher;
  runner: BulkRunner;
  server: SimServer;
  services: SimServices;
  stats: { requests: number; throttled: number; costSpent: number };
  now: () => number;
}

function assemble(opts: ShopifySimulatorOptions, id: Identity, baseUrl: () => string): Parts {
  const clock: Clock = opts.clock ?? { now: () => Date.now() };
  const now = () => clock.now();
  const plan = planOf(opts.plan);
  const state = createState(opts.seed === undefined ? {} : opts.seed, {
    domain: id.shop,
    name: 'Concord Sandbox Outfitters',
    planDisplayName: plan.displayName,
    shopifyPlus: plan.plus,
  });
  const bucket = new LeakyBucket(plan.limit, clock);
  const dispatcher = new WebhookDispatcher({
    shop: id.shop,
    apiSecret: id.apiSecret,
    apiVersion: API_VERSION,
    retries: opts.webhookRetry?.retries ?? 8,
    baseDelayMs: opts.webhookRetry?.baseDelayMs ?? 25,
    now,
  });
  const runnerRef: { current?: BulkRunner } = {};
  const services: SimServices = {
    emit: (topic, payload) => dispatcher.emit(topic, payload, state.webhookSubscriptions),
    startBulk: (num) => {
      const op = state.bulkOperations.find((candidate) => candidate.num === num);
      if (op) runnerRef.current?.start(op);
    },
    baseUrl,
    bulkConcurrency: opts.bulkConcurrency ?? 1,
  };
  const runner = new BulkRunner({ state, services, rowsPerSecond: opts.bulkRowsPerSecond ?? 200_000, now });
  runnerRef.current = runner;
  const stats = { requests: 0, throttled: 0, costSpent: 0 };
  const server = new SimServer({
    accessToken: id.accessToken,
    graphql: (request) => handleGraphql(request, { state, bucket, services, now, stats }),
    bulkFile: (num) => state.bulkOperations.find((op) => op.num === num)?.filePath ?? undefined,
    stats,
  });
  return { state, bucket, dispatcher, runner, server, services, stats, now };
}

function api(parts: Parts, id: Identity, url: string): ShopifySimulator {
  const { state, bucket, dispatcher, runner, server, services, stats, now } = parts;
  const context = (): SimContext => ({ state, now: now(), services });
  return {
    url,
    ...id,
    apiVersion: API_VERSION,
    graphqlUrl: `${url}/admin/api/${API_VERSION}/graphql.json`,
    state,
    stats,
    webhookDeliveries: dispatcher.attempts,
    failNext: (status, times = 1) => server.failNext(status, times),
    withLatency: (ms) => {
      server.latencyMs = ms;
    },
    withRateLimit: (limit) => bucket.reset(limit),
    updateProduct: async (productGid, changes) => updateProduct(context(), productGid, changes),
    setInventory: async (itemGid, locationGid, available) =>
      setInventory(context(), itemGid, locationGid, available),
    flushWebhooks: () => dispatcher.flush(),
    close: async () => {
      await server.close();
      await runner.close();
      dispatcher.close();
      await dispatcher.flush();
    },
  };
}

/** Starts a simulator listening on 127.0.0.1. */
export async function startShopifySimulator(opts: ShopifySimulatorOptions = {}): Promise<ShopifySimulator> {
  const id: Identity = {
    shop: opts.shop ?? 'concord-sandbox.myshopify.com',
    accessToken: opts.accessToken ?? 'shpat_sandbox',
    apiSecret: opts.apiSecret ?? 'sandbox-secret',
  };
  let url = '';
  const parts = assemble(opts, id, () => url);
  url = await parts.server.listen(opts.port ?? 0);
  return api(parts, id, url);
}
