/**
 * Periodic incremental sync of every connected system, commerce platforms and ERPs (NetSuite has no
 * webhooks, so this is how its changes arrive). Each tick tries every system; the sync lease makes
 * sure only one Concord node works on a system at a time, so every node may run a scheduler. A sync
 * that changed records re-resolves the merchant's topology (see `run.ts`).
 */
import type { Runtime } from '../runtime.js';
import { syncSystem } from './run.js';

export function scheduleSync(rt: Runtime, intervalSeconds: number): { stop(): void } {
  if (intervalSeconds <= 0) return { stop() {} };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const connector of [...rt.connectors.list(), ...rt.connectors.listErps()]) {
        await syncSystem(rt, connector).catch((error: unknown) =>
          rt.logger
            .child({ component: 'sync' })
            .error({ err: error, system: connector.context.system }, 'scheduled sync failed'),
        );
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalSeconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
