/**
 * What a quote is computed from, read from the record store as the merchant's topology says:
 * each line's variant and product (the platform: content), its price (the price owner: the variant
 * under SMB, the matched ERP item under mid_market), and stock per location from the inventory owner
 * (platform levels by variant, or ERP levels by item) with the locations they are at. Unknown
 * variants or SKUs, and lines with no ERP item under mid_market, are the same 4xx as for orders.
 *
 * @example
 * const sources = await quoteSources(rt, 'mer_a', request.lines);
 * sources.lines[0].price_source; // 'shopify' or 'netsuite'
 */
import type { InventoryLevel, Location, Money, Product } from '../../model/index.js';
import type { Runtime } from '../../runtime.js';
import { allPages } from '../../store/records.js';
import type { Topology } from '../../topology/index.js';
import { resolveLines, type ResolvedLine } from '../order-lines.js';
import { matchLines } from '../order-routing.js';
import type { QuoteRequest } from './schema.js';

export interface SourcedLine extends ResolvedLine {
  product: Product | null;
  unit_price: Money;
  price_source: string;
  /** The stock record the inventory owner keeps for it (variant id or ERP item id). */
  stock_id: string;
}

export interface QuoteSources {
  lines: SourcedLine[];
  currency: string;
  stock_system: string;
  /** The inventory owner's levels of the lines' stock records. */
  levels: InventoryLevel[];
  /** The inventory owner's locations. */
  locations: Location[];
}

/** The ERP that owns inventory (and price) under the topology, or null when the platform does. */
function erpOwner(topology: Topology | undefined): string | null {
  const owner = topology?.ownership.inventory.owner;
  return owner?.category === 'erp' ? owner.system : null;
}

export async function quoteSources(
  rt: Runtime,
  merchantId: string,
  requested: QuoteRequest['lines'],
): Promise<QuoteSources> {
  const resolved = await resolveLines(rt, merchantId, requested);
  const topology = rt.topologies.get(merchantId);
  const erp = erpOwner(topology);
  const products = new Map<string, Product | null>();
  for (const id of new Set(resolved.lines.map((l) => l.variant.product_id))) {
    products.set(id, await rt.search.get<Product>(merchantId, 'product', id));
  }
  let lines: SourcedLine[];
  if (erp && topology) {
    const matched = await matchLines(rt, merchantId, topology, erp, resolved.lines);
    lines = matched.map((m) => ({
      ...m.line,
      product: products.get(m.line.variant.product_id) ?? null,
      unit_price: m.unit_price,
      price_source: erp,
      stock_id: m.item.id,
    }));
  } else {
    lines = resolved.lines.map((l) => ({
      ...l,
      product: products.get(l.variant.product_id) ?? null,
      unit_price: l.variant.price,
      price_source: l.variant.system,
      stock_id: l.variant.id,
    }));
  }
  const stockSystem = erp ?? resolved.system;
  const levels: InventoryLevel[] = [];
  for (const id of new Set(lines.map((l) => l.stock_id))) {
    levels.push(
      ...(await allPages((cursor) =>
        rt.search.list<InventoryLevel>(merchantId, 'inventory_level', {
          filters: { system: stockSystem, parent_id: id },
          cursor,
          limit: 500,
        }),
      )),
    );
  }
  const locations = await allPages((cursor) =>
    rt.search.list<Location>(merchantId, 'location', {
      filters: { system: stockSystem },
      cursor,
      limit: 500,
    }),
  );
  const currency = lines[0]!.unit_price.currency;
  return { lines, currency, stock_system: stockSystem, levels, locations };
}
