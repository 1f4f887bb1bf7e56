/**
 * Resolution after sync: loads what each system of a merchant's topology holds in the record store
 * (a platform's products, stock levels and locations; an ERP's items, stock levels and locations),
 * runs the pure topology resolver over it and stores the conflicts it finds, replacing the
 * merchant's previous open set.
 *
 * `resolveAfterChange` is what sync and webhooks call when a merchant's records changed: it runs
 * only for merchants whose topology has an ERP (a platform alone cannot disagree with itself), one
 * run per merchant at a time, and changes arriving during a run are coalesced into one more run, so a
 * burst of webhooks costs two resolutions, not one per webhook.
 *
 * @example
 * const { conflicts } = await resolveMerchant(rt, 'mer_midmarket', topology);
 * await resolveAfterChange(rt, 'mer_midmarket'); // after a sync or webhook changed its records
 * const page = await listConflicts(rt, 'mer_midmarket', { limit: 20 });
 */
import type { InventoryLevel, Location, Product } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { ConflictStore, type ConflictListOptions, type StoredConflict } from '../store/conflicts.js';
import { allPages, type Page, type StoredKind } from '../store/records.js';
import {
  resolveTopology,
  type ErpItem,
  type Resolution,
  type SystemRecords,
  type Topology,
} from '../topology/index.js';

const LOAD_PAGE = 1_000;

/** Every stored record of one kind from one system of the merchant, paged to the end. */
function loadAll<T>(rt: Runtime, merchantId: string, kind: StoredKind, system: string): Promise<T[]> {
  return allPages((cursor) =>
    rt.search.list<T>(merchantId, kind, { filters: { system }, cursor, limit: LOAD_PAGE }),
  );
}

/** What the topology's systems hold, keyed by system name (the resolver's input). */
export async function loadSystemRecords(
  rt: Runtime,
  merchantId: string,
  topology: Topology,
): Promise<Record<string, SystemRecords>> {
  const records: Record<string, SystemRecords> = {};
  for (const system of topology.systems) {
    if (system.category !== 'platform' && system.category !== 'erp') continue;
    const [levels, locations] = await Promise.all([
      loadAll<InventoryLevel>(rt, merchantId, 'inventory_level', system.name),
      loadAll<Location>(rt, merchantId, 'location', system.name),
    ]);
    records[system.name] =
      system.category === 'platform'
        ? { products: await loadAll<Product>(rt, merchantId, 'product', system.name), levels, locations }
        : { items: await loadAll<ErpItem>(rt, merchantId, 'item', system.name), levels, locations };
  }
  return records;
}

/** Resolves the merchant's stored records under `topology` and stores the conflicts found. */
export async function resolveMerchant(
  rt: Runtime,
  merchantId: string,
  topology: Topology,
): Promise<Resolution> {
  const records = await loadSystemRecords(rt, merchantId, topology);
  const resolution = resolveTopology({ topology, records });
  await new ConflictStore(rt.db).replaceOpen(merchantId, resolution.conflicts);
  rt.logger.info(
    { merchantId, conflicts: resolution.conflicts.length, products: resolution.products.length },
    'topology resolved',
  );
  return resolution;
}

/** A page of the merchant's stored conflicts, ordered by id. */
export function listConflicts(
  rt: Runtime,
  merchantId: string,
  options: ConflictListOptions = {},
): Promise<Page<StoredConflict>> {
  return new ConflictStore(rt.db).list(merchantId, options);
}

interface MerchantRuns {
  running: Promise<void> | null;
  again: boolean;
}

const runsByRuntime = new WeakMap<Runtime, Map<string, MerchantRuns>>();

function runsOf(rt: Runtime, merchantId: string): MerchantRuns {
  let byMerchant = runsByRuntime.get(rt);
  if (!byMerchant) runsByRuntime.set(rt, (byMerchant = new Map()));
  let runs = byMerchant.get(merchantId);
  if (!runs) byMerchant.set(merchantId, (runs = { running: null, again: false }));
  return runs;
}

/**
 * Re-resolves the merchant's topology after its records changed (see the module comment). Resolves
 * when the run that covers this change has finished; never rejects (a failure is logged and the
 * previous conflicts stay until the next change).
 */
export function resolveAfterChange(rt: Runtime, merchantId: string): Promise<void> {
  const topology = rt.topologies.get(merchantId);
  if (!topology?.systems.some((s) => s.category === 'erp')) return Promise.resolve();
  const runs = runsOf(rt, merchantId);
  if (runs.running) {
    runs.again = true;
    return runs.running;
  }
  const loop = async () => {
    do {
      runs.again = false;
      await resolveMerchant(rt, merchantId, rt.topologies.get(merchantId) ?? topology).catch(
        (error: unknown) =>
          rt.logger.error({ err: error, merchantId }, 'topology resolution failed; conflicts not refreshed'),
      );
    } while (runs.again);
    runs.running = null;
  };
  runs.running = loop();
  return runs.running;
}
