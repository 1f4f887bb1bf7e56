/**
 * The resolved view of one product, as the merchant's topology sees it: content from the content
 * owner, price and availability from their owners (the ERP under mid_market, joined by the match
 * key), every field with its provenance (system, external id, field, as of), plus the conflicts
 * that concern the product. Read from the record store, resolved on demand by the same pure
 * resolver that computes `GET /conflicts`, so both always agree. A merchant without a configured
 * topology is read as SMB over its connected platform.
 *
 * @example
 * const view = await getResolvedProduct(rt, 'mer_midmarket', 'prd_…');
 * view.variants[0].price?.provenance.system; // 'netsuite'
 */
import { ConcordError, notFound } from '../core/errors.js';
import type { InventoryLevel, Item, Location, Product } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { allPages } from '../store/records.js';
import {
  buildTopology,
  resolveTopology,
  validateTopologyConfig,
  type Conflict,
  type ResolvedProduct,
  type SystemRecords,
  type Topology,
} from '../topology/index.js';

export type ResolvedProductView = ResolvedProduct & { conflicts: Conflict[] };

/** The merchant's topology, or SMB over the platform the product comes from. */
function topologyOf(rt: Runtime, merchantId: string, platform: string): Topology {
  const configured = rt.topologies.get(merchantId);
  if (configured) return configured;
  const connector = rt.connectors.get(merchantId, platform);
  if (!connector) {
    throw new ConcordError('config', 'system_not_connected', `The system "${platform}" is not connected`, {
      detail: { system: platform },
    });
  }
  return buildTopology(
    validateTopologyConfig({
      preset: 'smb',
      systems: [{ name: platform, vendor: connector.vendor, category: 'platform' }],
    }),
  );
}

/** Stock levels of the given parents (variants or items) in one system. */
async function levelsOf(rt: Runtime, merchantId: string, system: string, parents: string[]) {
  const out: InventoryLevel[] = [];
  for (const parent of parents) {
    out.push(
      ...(await allPages((cursor) =>
        rt.search.list<InventoryLevel>(merchantId, 'inventory_level', {
          filters: { system, parent_id: parent },
          cursor,
          limit: 500,
        }),
      )),
    );
  }
  return out;
}

const locationsOf = (rt: Runtime, merchantId: string, system: string) =>
  allPages((cursor) =>
    rt.search.list<Location>(merchantId, 'location', { filters: { system }, cursor, limit: 500 }),
  );

/** What one ERP holds for the product's variants: candidate items (by SKU when SKU is the key). */
async function erpRecords(
  rt: Runtime,
  merchantId: string,
  topology: Topology,
  system: string,
  product: Product,
): Promise<SystemRecords> {
  const skus = product.variants.flatMap((v) => (v.sku ? [v.sku] : []));
  const bySku = topology.config.match_key === 'sku';
  const items =
    bySku && skus.length === 0
      ? []
      : await allPages((cursor) =>
          rt.search.list<Item>(merchantId, 'item', {
            filters: { system, ...(bySku ? { skus } : {}) },
            cursor,
            limit: 500,
          }),
        );
  const [levels, locations] = await Promise.all([
    levelsOf(
      rt,
      merchantId,
      system,
      items.map((i) => i.id),
    ),
    locationsOf(rt, merchantId, system),
  ]);
  return { items, levels, locations };
}

/** The resolved product (see the module comment); `product_not_found` (404) when unknown. */
export async function getResolvedProduct(
  rt: Runtime,
  merchantId: string,
  id: string,
): Promise<ResolvedProductView> {
  const product = await rt.search.get<Product>(merchantId, 'product', id);
  if (!product) throw notFound('product', id);
  const topology = topologyOf(rt, merchantId, product.system);
  const records: Record<string, SystemRecords> = {};
  for (const system of topology.systems) {
    if (system.name === product.system) {
      const [levels, locations] = await Promise.all([
        levelsOf(
          rt,
          merchantId,
          system.name,
          product.variants.map((v) => v.id),
        ),
        locationsOf(rt, merchantId, system.name),
      ]);
      records[system.name] = { products: [product], levels, locations };
    } else if (system.category === 'erp') {
      records[system.name] = await erpRecords(rt, merchantId, topology, system.name, product);
    }
  }
  const resolution = resolveTopology({ topology, records });
  const view = resolution.products[0];
  if (!view) throw notFound('product', id);
  return { ...view, conflicts: resolution.conflicts };
}
