/**
 * A NetSuite SuiteTalk REST simulator over real HTTP: Token-Based Authentication (OAuth 1.0a,
 * HMAC-SHA256) verified by recomputing signatures, the account's concurrency limit (429
 * CONCURRENCY_LIMIT_EXCEEDED), record collections and records, SuiteQL over a subset of tables,
 * sales order and customer creation (204 + Location, unique externalId, idempotency keys), the
 * invoice and credit memo transforms, NetSuite's error bodies, and a deterministic seeded account. It implements the
 * Concord NetSuite simulator ⇄ connector contract; paths are under `${url}/services/rest`.
 *
 * @example
 * const sim = await startNetSuiteSimulator({ seed: { items: 50, seed: 7 }, latencyMs: 0 });
 * // sign requests to `${sim.url}/services/rest/record/v1/inventoryItem` with sim.credentials
 * await sim.close();
 */
import { TbaVerifier, type TbaCredentials } from './auth.js';
import { seedState, type NetSuiteSeedOptions } from './seed.js';
import { NetSuiteServer, type SimStats } from './server.js';
import type { NetSuiteState } from './state.js';

export { NetSuiteState } from './state.js';
export type { NetSuiteSeedOptions } from './seed.js';
export type { TbaCredentials } from './auth.js';

/** Options of `startNetSuiteSimulator` (all optional). */
export interface NetSuiteSimulatorOptions {
  /** 0 / undefined = random free port on 127.0.0.1. */
  port?: number;
  /** Account id (the OAuth realm); default 'TSTDRV1234567'. */
  accountId?: string;
  credentials?: TbaCredentials;
  /** The account's concurrency limit; default 5. */
  concurrencyLimit?: number;
  /** Added to every admitted request (benchmarks: 100). */
  latencyMs?: number;
  /** What to seed (default 500 items, 3 locations, 100 customers); false = empty account. */
  seed?: NetSuiteSeedOptions | false;
  clock?: { now(): number };
}

/** A running simulator. */
export interface NetSuiteSimulator {
  /** 'http://127.0.0.1:PORT' — the connector's endpoint override. */
  url: string;
  accountId: string;
  credentials: TbaCredentials;
  state: NetSuiteState;
  stats: SimStats;
  /**
   * The next `times` requests answer `status`; with afterCommit the request is carried out first; with
   * method only requests of that method count (e.g. 'POST': the write, not the reads around it).
   */
  failNext(status: number, times?: number, opts?: { afterCommit?: boolean; method?: string }): void;
  withLatency(ms: number): void;
  setConcurrencyLimit(n: number): void;
  close(): Promise<void>;
}

/** Default sandbox credentials (not secrets: they only open the local simulator). */
export const DEFAULT_CREDENTIALS: TbaCredentials = {
  consumerKey: 'sim-consumer-key',
  consumerSecret: 'sim-consumer-secret',
  tokenId: 'sim-token-id',
  tokenSecret: 'sim-token-secret',
};

/** Starts a simulator listening on 127.0.0.1. */
export async function startNetSuiteSimulator(
  opts: NetSuiteSimulatorOptions = {},
): Promise<NetSuiteSimulator> {
  const accountId = opts.accountId ?? 'TSTDRV1234567';
  const credentials = opts.credentials ?? DEFAULT_CREDENTIALS;
  const clock = opts.clock ?? { now: () => Date.now() };
  const now = () => clock.now();
  const state = seedState(opts.seed === undefined ? {} : opts.seed);
  const verifier = new TbaVerifier(accountId, credentials, now);
  const server = new NetSuiteServer(verifier, { state, now }, opts.concurrencyLimit ?? 5);
  server.latencyMs = opts.latencyMs ?? 0;
  const url = await server.listen(opts.port ?? 0);
  return {
    url,
    accountId,
    credentials,
    state,
    stats: server.stats,
    failNext: (status, times = 1, options = {}) =>
      server.failNext(status, times, options.afterCommit ?? false, options.method),
    withLatency: (ms) => {
      server.latencyMs = ms;
    },
    setConcurrencyLimit: (n) => {
      server.concurrencyLimit = n;
    },
    close: () => server.close(),
  };
}
