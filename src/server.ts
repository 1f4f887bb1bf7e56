/**
 * Boots one Concord node: environment, database (PGlite under CONCORD_DATA_DIR, or PostgreSQL),
 * migrations, merchants and systems from the configuration file, the sandbox merchant when asked
 * (`CONCORD_SANDBOX=mid_market`: Shopify + NetSuite with stored topology conflicts),
 * the REST server, webhook subscriptions, the first sync and the sync schedule.
 *
 * @example
 * const node = await startConcord(loadEnv(process.env));
 * console.log(node.url); await node.stop();
 */
import { join } from 'node:path';
import type { Env } from './core/config.js';
import { logger } from './core/logger.js';
import { applyConfigFile, loadConfigFile } from './merchant-config.js';
import { createRuntime, type Runtime } from './runtime.js';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';
import { startMidMarketSandbox } from './sandbox-mid-market.js';
import { openDatabase, type Database } from './store/db.js';
import { migrate } from './store/migrations.js';
import { startRestServer } from './surfaces/rest/server.js';
import { syncSystem, type SyncProgress } from './sync/run.js';
import { scheduleSync } from './sync/scheduler.js';

export interface ConcordNode {
  rt: Runtime;
  url: string;
  sandbox: Sandbox | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Sandbox catalog size overrides (tests use a small one). */
  sandbox?: Partial<SandboxOptions>;
  onProgress?: (progress: SyncProgress) => void;
  /** An open, migrated database to use instead of the one the environment names (tests). */
  db?: Database;
  /** Skip the first sync (tests that drive sync themselves). */
  skipInitialSync?: boolean;
}

export async function startConcord(env: Env, options: StartOptions = {}): Promise<ConcordNode> {
  const db =
    options.db ?? (await openDatabase({ url: env.DATABASE_URL, dataDir: join(env.CONCORD_DATA_DIR, 'db') }));
  await migrate(db);
  const rt = createRuntime({ db, logger, readCache: env.CONCORD_READ_CACHE === 'on' });
  if (env.CONCORD_CONFIG)
    await applyConfigFile(rt, loadConfigFile(env.CONCORD_CONFIG), process.env, env.CONCORD_CONFIG);
  const useSandbox =
    env.CONCORD_SANDBOX === 'true' || (env.CONCORD_SANDBOX === 'auto' && !env.CONCORD_CONFIG);
  const sandboxOptions = { products: env.CONCORD_SANDBOX_PRODUCTS, ...options.sandbox };
  const sandbox =
    env.CONCORD_SANDBOX === 'mid_market'
      ? await startMidMarketSandbox(rt, sandboxOptions)
      : useSandbox
        ? await startSandbox(rt, sandboxOptions)
        : null;
  const server = await startRestServer(rt, {
    port: env.PORT,
    host: env.HOST,
    ...(env.CONCORD_PUBLIC_URL ? { publicUrl: env.CONCORD_PUBLIC_URL } : {}),
  });
  const publicUrl = env.CONCORD_PUBLIC_URL ?? server.url;
  for (const connector of rt.connectors.list()) {
    const { merchantId, system } = connector.context;
    await connector
      .subscribeWebhooks?.(`${publicUrl}/webhooks/${merchantId}/${system}`)
      .catch((error: unknown) =>
        rt.logger.warn({ err: error, system }, 'webhook subscription failed; relying on scheduled sync'),
      );
    if (!options.skipInitialSync) await syncSystem(rt, connector, { onProgress: options.onProgress });
  }
  if (!options.skipInitialSync) {
    for (const erp of rt.connectors.listErps()) await syncSystem(rt, erp, { onProgress: options.onProgress });
  }
  const schedule = scheduleSync(rt, env.CONCORD_SYNC_INTERVAL_SECONDS);
  return {
    rt,
    url: server.url,
    sandbox,
    async stop() {
      schedule.stop();
      await server.close();
      await sandbox?.close();
      await db.close();
    },
  };
}
