/**
 * The resolver: pure, no I/O. Given each system's unified records (by system name) and a built
 * topology, it joins platform variants to ERP items by the match key and builds one
 * ResolvedProduct per platform product: content from the `product_content` owner, price from the
 * `price` owner (ERP item base price, or the configured price level), availability per location
 * from the `inventory` owner, every fact with its provenance. Disagreements come back as conflicts.
 * Output is sorted (products by id, variants by position then id, locations by id, conflicts by
 * id), so the same records in any order give the same answer.
 *
 * Not yet: the mid-market "OMS commitments subtracted" from ERP availability (no OMS input), and
 * owners of category oms/wms for price or inventory (a `config` error says so).
 *
 * @example
 * const { products, conflicts } = resolveTopology({
 *   topology: buildTopology(parseTopologyConfig(yamlText)),
 *   records: { shopify: { products, levels, locations }, netsuite: { items, levels, locations } },
 * });
 */
import { ConcordError } from '../core/errors.js';
import type { InventoryLevel, Location, Money, Product, Variant } from '../model/index.js';
import { detectConflicts, type Conflict } from './conflicts.js';
import { matchRecords, type ErpItem, type MatchPair, type MatchResult } from './match.js';
import type { Domain } from './schema.js';
import type { Topology } from './presets.js';
import { erpPrice, fromRecord, levelsFor, provenanceOf, totalAvailable } from './sources.js';
import type { ResolvedAvailability, ResolvedProduct, ResolvedVariant, Sourced } from './views.js';

/** What one system holds, as synced unified records. */
export interface SystemRecords {
  products?: readonly Product[];
  items?: readonly ErpItem[];
  levels?: readonly InventoryLevel[];
  locations?: readonly Location[];
}

export interface ResolveInput {
  topology: Topology;
  /** Records by system name (`record.system`, the topology's `systems[].name`). */
  records: Readonly<Record<string, SystemRecords>>;
}

export interface Resolution {
  products: ResolvedProduct[];
  conflicts: Conflict[];
  /** The join, for callers that need the ERP item of a variant (order saga); null without ERP. */
  match: MatchResult | null;
}

interface Context {
  topology: Topology;
  records: ResolveInput['records'];
  pairs: Map<string, MatchPair>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function ownerOf(topology: Topology, domain: Domain, allowed: readonly string[]) {
  const owner = topology.ownership[domain].owner;
  if (!allowed.includes(owner.category)) {
    throw new ConcordError(
      'config',
      'topology_unsupported_owner',
      `ownership.${domain}: owner "${owner.target}" (${owner.category}) is not supported by the resolver yet`,
      { field: `ownership.${domain}` },
    );
  }
  return owner;
}

function priceOf(ctx: Context, variant: Variant): Sourced<Money> | null {
  const owner = ownerOf(ctx.topology, 'price', ['platform', 'erp']);
  if (owner.category === 'platform') return fromRecord(variant, 'price');
  const pair = ctx.pairs.get(variant.id);
  return pair ? erpPrice(pair.item, ctx.topology.config.pricing.price_level) : null;
}

function availabilityOf(ctx: Context, variant: Variant): ResolvedAvailability | null {
  const owner = ownerOf(ctx.topology, 'inventory', ['platform', 'erp']);
  const held = ctx.records[owner.system] ?? {};
  const pair = ctx.pairs.get(variant.id);
  if (owner.category === 'erp' && !pair) return null;
  const levels =
    pair && owner.category === 'erp'
      ? levelsFor(held.levels ?? [], 'item_id', pair.item.id)
      : levelsFor(held.levels ?? [], 'variant_id', variant.id);
  const names = new Map((held.locations ?? []).map((l) => [l.id, l.name]));
  return {
    system: owner.system,
    total_available: totalAvailable(levels),
    locations: levels.map((l) => ({
      location_id: l.location_id,
      location_name: names.get(l.location_id) ?? null,
      available: l.available,
      on_hand: l.on_hand,
      provenance: provenanceOf(l, 'available'),
    })),
  };
}

function resolveVariant(ctx: Context, variant: Variant): ResolvedVariant {
  const pair = ctx.pairs.get(variant.id);
  return {
    variant_id: variant.id,
    item_id: pair?.item.id ?? null,
    match_key: pair?.key ?? null,
    title: fromRecord(variant, 'title'),
    sku: fromRecord(variant, 'sku'),
    barcode: fromRecord(variant, 'barcode'),
    options: fromRecord(variant, 'options'),
    attributes: fromRecord(variant, 'attributes'),
    price: priceOf(ctx, variant),
    availability: availabilityOf(ctx, variant),
  };
}

function resolveProduct(ctx: Context, product: Product): ResolvedProduct {
  const variants = [...product.variants].sort((a, b) => a.position - b.position || cmp(a.id, b.id));
  return {
    product_id: product.id,
    title: fromRecord(product, 'title'),
    handle: fromRecord(product, 'handle'),
    description: fromRecord(product, 'description'),
    vendor: fromRecord(product, 'vendor'),
    product_type: fromRecord(product, 'product_type'),
    status: fromRecord(product, 'status'),
    tags: fromRecord(product, 'tags'),
    options: fromRecord(product, 'options'),
    variants: variants.map((v) => resolveVariant(ctx, v)),
  };
}

/** The ERP whose items are matched: the price owner if it is an ERP, else the first ERP configured. */
function erpSystem(topology: Topology): string | null {
  const price = topology.ownership.price.owner;
  if (price.category === 'erp') return price.system;
  return topology.systems.find((s) => s.category === 'erp')?.name ?? null;
}

/** Resolves every platform product of the topology; see the module comment. */
export function resolveTopology(input: ResolveInput): Resolution {
  const { topology, records } = input;
  const content = ownerOf(topology, 'product_content', ['platform']);
  const platform = records[content.system] ?? {};
  const products = [...(platform.products ?? [])].sort((a, b) => cmp(a.id, b.id));
  const erpName = erpSystem(topology);
  const erp = erpName ? (records[erpName] ?? {}) : null;
  const match = erp
    ? matchRecords(
        topology.config.match_key,
        products.flatMap((p) => p.variants),
        [...(erp.items ?? [])],
      )
    : null;
  const pairs = new Map((match?.pairs ?? []).map((p) => [p.variant.id, p]));
  const ctx: Context = { topology, records, pairs };
  const conflicts = match
    ? detectConflicts({
        topology,
        match,
        platformLevels: platform.levels ?? [],
        erpLevels: erp?.levels ?? [],
      })
    : [];
  return { products: products.map((p) => resolveProduct(ctx, p)), conflicts, match };
}
