/**
 * NetSuite initial sync benchmark: Concord syncs a NetSuite simulator account (items with their price
 * levels, 3 locations, stock per item and location, customers) into the embedded store through
 * `syncSystem`, with the account's concurrency limit at 5 and 100 ms added to every request.
 *
 * Lower bound: a concurrency cap, not a cost bucket, binds here: with at most `limit` requests in flight
 * the sync cannot take less than (Σ per-request latency) / limit — with a fixed latency, requests ×
 * latency / limit. Utilization is the time-weighted mean of requests in flight divided by the limit.
 * The simulator counts only its peak in flight (`simStats.maxInFlight`), so the mean is measured on the
 * client side, at the connector's shared ConcurrencyLimiter (`sharedLimiter('netsuite:<ACCOUNT>')`):
 * each slot is held exactly for one HTTP attempt, so what it sees in flight is what the simulator has
 * in flight, shifted by loopback time. It is reported over the whole sync and over the span from the
 * first request to the last (the sync's tail after the last response is store work only).
 *
 *   npm run bench -- netsuite-sync --items 50000
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConcurrencyLimiter, sharedLimiter } from '../src/connectors/kit/index.js';
import { createNetSuiteConnector } from '../src/connectors/netsuite/index.js';
import { createRuntime } from '../src/runtime.js';
import { startNetSuiteSimulator, type NetSuiteSimulator } from '../src/simulators/netsuite/index.js';
import { openDatabase } from '../src/store/db.js';
import { migrate } from '../src/store/migrations.js';
import { terminalProgress } from '../src/sync/progress.js';
import { syncSystem } from '../src/sync/run.js';
import { record } from './machine.js';

const LIMIT = 5;
const LATENCY_MS = 100;

/** Time-weighted requests in flight at a ConcurrencyLimiter, from wrapping its `run`. */
function instrument(limiter: ConcurrencyLimiter) {
  let inFlight = 0;
  let area = 0;
  let lastChange = 0;
  let first: number | undefined;
  let last = 0;
  let latencySum = 0;
  let attempts = 0;
  const change = (delta: number) => {
    const now = performance.now();
    area += inFlight * (now - lastChange);
    lastChange = now;
    inFlight += delta;
    first ??= now;
    last = now;
  };
  const run = limiter.run.bind(limiter);
  limiter.run = <T>(fn: () => Promise<T>, signal?: AbortSignal) =>
    run(async () => {
      const started = performance.now();
      change(+1);
      try {
        return await fn();
      } finally {
        change(-1);
        latencySum += performance.now() - started;
        attempts += 1;
      }
    }, signal);
  return {
    /** Mean in flight between `from` and now (after the last request, nothing is in flight). */
    averageSince: (from: number) => area / Math.max(1, performance.now() - from),
    spanAverage: () => (first === undefined ? 0 : area / Math.max(1, last - first)),
    spanMs: () => (first === undefined ? 0 : last - first),
    latencySum: () => latencySum,
    attempts: () => attempts,
  };
}

/** What the simulator process reports: where it listens, then (asked with 'stats') its counts. */
interface SimHello {
  url: string;
  accountId: string;
  credentials: NetSuiteSimulator['credentials'];
  counts: { items: number; levels: number; customers: number };
}
type SimStats = NetSuiteSimulator['stats'];

/** Child-process side: runs the simulator and answers 'stats' over IPC. */
async function serveSimulator(items: number, customers: number): Promise<void> {
  const sim = await startNetSuiteSimulator({
    concurrencyLimit: LIMIT,
    latencyMs: LATENCY_MS,
    seed: { items, locations: 3, customers, seed: 11 },
  });
  const counts = {
    items: sim.state.items.length,
    levels: sim.state.stock.length,
    customers: sim.state.customers.length,
  };
  process.send!({
    url: sim.url,
    accountId: sim.accountId,
    credentials: sim.credentials,
    counts,
  } satisfies SimHello);
  process.on('message', (msg) => {
    if (msg === 'stats') process.send!({ ...sim.stats });
    else void sim.close().then(() => process.exit(0));
  });
}

/** The simulator in its own process, so its CPU work does not delay Concord's event loop (and the reverse). */
async function startAccount(items: number, customers: number) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', String(items), String(customers)], {
    execArgv: ['--import', 'tsx'],
  });
  const hello = await new Promise<SimHello>((resolve, reject) => {
    child.once('message', (m) => resolve(m as SimHello));
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const limiter = sharedLimiter(
    `netsuite:${hello.accountId.toUpperCase()}`,
    () => new ConcurrencyLimiter(LIMIT),
  );
  return {
    hello,
    probe: instrument(limiter),
    stats: () =>
      new Promise<SimStats>((resolve) => {
        child.once('message', (m) => resolve(m as SimStats));
        child.send('stats');
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

export async function benchNetSuiteSync(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { items: { type: 'string', default: '50000' }, customers: { type: 'string', default: '10000' } },
  });
  const items = Number(values.items);
  const sim = await startAccount(items, Number(values.customers));
  const { probe } = sim;
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
  const db = await openDatabase({ dataDir: dir });
  await migrate(db);
  const rt = createRuntime({ db });
  const context = { merchantId: 'mer_bench', system: 'netsuite' };
  const connector = createNetSuiteConnector(
    {
      accountId: sim.hello.accountId,
      ...sim.hello.credentials,
      endpoint: sim.hello.url,
      priceLevels: ['Wholesale'],
    },
    context,
  );
  const started = performance.now();
  const report = await syncSystem(rt, connector, { onProgress: terminalProgress() });
  const wallMs = performance.now() - started;
  const utilization = probe.averageSince(started) / LIMIT;
  const simStats = await sim.stats();
  const requests = simStats.requests;
  const fixedBoundMs = (requests * LATENCY_MS) / LIMIT;
  const latencyBoundMs = probe.latencySum() / LIMIT;
  const stored = {
    items: await rt.records.count(context.merchantId, 'item'),
    levels: await rt.records.count(context.merchantId, 'inventory_level'),
    customers: await rt.records.count(context.merchantId, 'customer'),
  };
  const expected = sim.hello.counts;
  const errors = report.streams.filter((s) => s.error).map((s) => `${s.stream}: ${s.error}`);
  record(`netsuite-sync-${items}`, {
    account: `concurrency limit ${LIMIT}, latency ${LATENCY_MS} ms per request, 3 locations`,
    items_in_account: expected.items,
    items_stored: stored.items,
    inventory_levels_in_account: expected.levels,
    inventory_levels_stored: stored.levels,
    customers_in_account: expected.customers,
    customers_stored: stored.customers,
    streams: report.streams.map((s) => `${s.stream}: ${s.records}`),
    requests,
    client_attempts: probe.attempts(),
    rejected_429: simStats.rejected429,
    max_in_flight_at_simulator: simStats.maxInFlight,
    wall_seconds: round(wallMs / 1000),
    lower_bound_seconds: round(fixedBoundMs / 1000),
    latency_lower_bound_seconds: round(latencyBoundMs / 1000),
    ratio_to_latency_bound: round(wallMs / latencyBoundMs),
    request_span_seconds: round(probe.spanMs() / 1000),
    utilization_over_sync: round(utilization),
    utilization_over_request_span: round(probe.spanAverage() / LIMIT),
    utilization_measured_at: 'client: the shared ConcurrencyLimiter, one slot per HTTP attempt',
    errors,
  });
  await db.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
  const complete = (Object.keys(expected) as (keyof typeof expected)[]).every(
    (k) => stored[k] === expected[k],
  );
  if (errors.length > 0 || !complete) process.exitCode = 1;
}

const round = (n: number) => Math.round(n * 100) / 100;

if (process.argv[2] === '--serve') await serveSimulator(Number(process.argv[3]), Number(process.argv[4]));
