/**
 * Pure mappers from Medusa v2's catalog (products with variants and prices, stock locations,
 * inventory items with their location levels) to unified records. Prices are Medusa major units
 * converted to minor units (`money.ts`); quantities map as on_hand = stocked, committed = reserved,
 * available = stocked − reserved, incoming = incoming. Medusa enums are mapped in exhaustive switches.
 *
 * @example
 * const product = toUnifiedProduct({ merchantId: 'mer_1', system: 'medusa', currency: 'USD',
 *   weightUnit: 'g', dimensionUnit: 'cm' }, medusaProduct);
 */
import type { InventoryLevel, Location, Money, Product, Variant } from '../../model/index.js';
import type { SystemContext } from '../types.js';
import { fromMedusaAddress, idFor, type MedusaMapContext } from './map-shared.js';
import { minorFromMajor } from './money.js';
import type {
  MedusaInventoryItem,
  MedusaLocationLevel,
  MedusaPrice,
  MedusaProduct,
  MedusaProductOption,
  MedusaProductStatus,
  MedusaStockLocation,
  MedusaVariant,
} from './types.js';

export function productStatus(status: MedusaProductStatus): Product['status'] {
  switch (status) {
    case 'published':
      return 'active';
    // Proposed products wait for the merchant's review: not sellable yet.
    case 'draft':
    case 'proposed':
      return 'draft';
    // Rejected proposals are kept but never sold (inferred: the nearest unified status).
    case 'rejected':
      return 'archived';
    default: {
      const never: never = status;
      return never;
    }
  }
}

/**
 * The variant's price in `currency`: the plain price (no rules, no quantity tier) when there is one,
 * else any price in that currency, else the first price in another currency (so the amount is never
 * shown in the wrong currency), else zero in `currency`.
 */
export function pickPrice(prices: MedusaPrice[] | undefined, currency: string): Money {
  const all = prices ?? [];
  const code = currency.toLowerCase();
  const plain = (p: MedusaPrice) =>
    Object.keys(p.rules ?? {}).length === 0 && p.min_quantity == null && p.max_quantity == null;
  const inCurrency = all.filter((p) => p.currency_code.toLowerCase() === code);
  const chosen = inCurrency.find(plain) ?? inCurrency[0] ?? all.find(plain) ?? all[0];
  if (!chosen) return { amount: 0, currency: currency.toUpperCase() };
  return minorFromMajor(chosen.raw_amount ?? chosen.amount, chosen.currency_code);
}

function positive(n: number | null | undefined): number | null {
  return typeof n === 'number' && n > 0 ? n : null;
}

/**
 * Medusa keeps no order of a product's options (no rank; relations come back in any order, and options
 * created together share `created_at` and have random ULID suffixes), so Concord fixes one: by creation
 * time, then title. Option values: by `rank` (unranked last), then creation time, then text.
 */
export function sortedOptions(product: MedusaProduct): MedusaProductOption[] {
  const values = (o: MedusaProductOption) =>
    [...(o.values ?? [])].sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        (a.created_at ?? '').localeCompare(b.created_at ?? '') ||
        a.value.localeCompare(b.value),
    );
  return [...(product.options ?? [])]
    .sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? '') || a.title.localeCompare(b.title))
    .map((o) => ({ ...o, values: values(o) }));
}

/** Option values in the product's option order (`sortedOptions`), named by option title. */
function variantOptions(node: MedusaVariant, product: MedusaProduct): Variant['options'] {
  const order = sortedOptions(product).map((o) => o.id);
  const titleOf = new Map((product.options ?? []).map((o) => [o.id, o.title]));
  return [...(node.options ?? [])]
    .sort((a, b) => order.indexOf(a.option_id ?? '') - order.indexOf(b.option_id ?? ''))
    .map((v) => ({ name: v.option?.title ?? titleOf.get(v.option_id ?? '') ?? '', value: v.value }));
}

export function toUnifiedVariant(
  ctx: MedusaMapContext,
  node: MedusaVariant,
  product: MedusaProduct,
  index: number,
): Variant {
  const weight = positive(node.weight) ?? positive(product.weight);
  const [length, width, height] = [
    node.length ?? product.length,
    node.width ?? product.width,
    node.height ?? product.height,
  ];
  const material = node.material ?? product.material;
  const origin = (node.origin_country ?? product.origin_country)?.trim().toUpperCase();
  return {
    id: idFor(ctx, 'variant', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updated_at,
    product_id: idFor(ctx, 'product', product.id),
    title: node.title ?? '',
    sku: node.sku || null,
    barcode: node.barcode || node.ean || node.upc || null,
    position: node.variant_rank ?? index,
    options: variantOptions(node, product),
    price: pickPrice(node.prices, ctx.currency),
    // Medusa keeps sale prices in price lists, not on the variant: none to compare with here.
    compare_at_price: null,
    // Medusa has no per-variant tax flag; taxes come from the region's tax rates (inferred: taxable).
    taxable: true,
    inventory_item_id: node.inventory_items?.[0]?.inventory_item_id ?? null,
    inventory_tracked: node.manage_inventory,
    inventory_policy: node.allow_backorder ? 'continue' : 'deny',
    weight: weight === null ? null : { value: weight, unit: ctx.weightUnit },
    dimensions:
      length != null && width != null && height != null
        ? { length, width, height, unit: ctx.dimensionUnit }
        : null,
    attributes: material ? { material } : {},
    compatibility: [],
    constraints: {
      hazmat: false,
      min_age: null,
      requires_shipping: !product.is_giftcard,
      ships_to_countries: null,
      excluded_countries: [],
    },
    country_of_origin: origin && /^[A-Z]{2}$/.test(origin) ? origin : null,
    hs_code: node.hs_code || product.hs_code || null,
    raw: node,
  };
}

/** A product with its variants in rank order; `raw` is the product without variants. */
export function toUnifiedProduct(ctx: MedusaMapContext, node: MedusaProduct): Product {
  const { variants, ...productOnly } = node;
  return {
    id: idFor(ctx, 'product', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updated_at,
    title: node.title,
    handle: node.handle || null,
    description: node.description?.trim() ?? '',
    vendor: null,
    product_type: node.type?.value ?? null,
    status: productStatus(node.status),
    tags: (node.tags ?? []).map((t) => t.value).sort(),
    options: sortedOptions(node).map((o) => ({
      name: o.title,
      values: (o.values ?? []).map((v) => v.value),
    })),
    created_at: node.created_at,
    variants: (variants ?? [])
      .map((v, i) => toUnifiedVariant(ctx, v, node, i))
      .sort((a, b) => a.position - b.position || a.external_id.localeCompare(b.external_id)),
    raw: productOnly,
  };
}

/**
 * A stock location. Medusa has no kind of location: a name that says store/shop/outlet makes it a
 * 'store', anything else a 'warehouse' (inferred). It fulfils online orders when it is linked to a
 * sales channel and has a shipping fulfilment set.
 */
export function toUnifiedLocation(ctx: SystemContext, node: MedusaStockLocation): Location {
  const store = /\b(store|shop|boutique|outlet|retail)\b/i.test(node.name);
  return {
    id: idFor(ctx, 'location', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updated_at,
    name: node.name,
    kind: store ? 'store' : 'warehouse',
    active: !node.deleted_at,
    fulfills_online_orders:
      (node.sales_channels ?? []).length > 0 &&
      (node.fulfillment_sets ?? []).some((s) => s.type === 'shipping'),
    address: fromMedusaAddress(node.address),
    raw: node,
  };
}

/** The item a level belongs to, without its levels. */
export type InventoryItemRef = Pick<MedusaInventoryItem, 'id' | 'sku' | 'updated_at' | 'variants'>;

/**
 * One location level of one inventory item. An item linked to several variants (a shared component)
 * is reported against the first of them (by id), which is the only one when items are per variant.
 */
export function toUnifiedInventoryLevel(
  ctx: SystemContext,
  item: InventoryItemRef,
  level: MedusaLocationLevel,
): InventoryLevel {
  const variant = [...(item.variants ?? [])].sort((a, b) => a.id.localeCompare(b.id))[0];
  const stocked = Math.trunc(level.stocked_quantity);
  const reserved = Math.trunc(level.reserved_quantity);
  return {
    id: idFor(ctx, 'inventory_level', level.id),
    system: ctx.system,
    external_id: level.id,
    updated_at: level.updated_at,
    variant_id: variant ? idFor(ctx, 'variant', variant.id) : null,
    sku: item.sku || variant?.sku || null,
    location_id: idFor(ctx, 'location', level.location_id),
    on_hand: stocked,
    available: stocked - reserved,
    committed: reserved,
    incoming: Math.trunc(level.incoming_quantity),
    raw: {
      ...level,
      item: { id: item.id, sku: item.sku, updated_at: item.updated_at, variants: item.variants },
    },
  };
}

/** Every level of an item. */
export function toUnifiedInventoryLevels(ctx: SystemContext, item: MedusaInventoryItem): InventoryLevel[] {
  return [...(item.location_levels ?? [])]
    .sort((a, b) => a.location_id.localeCompare(b.location_id))
    .map((level) => toUnifiedInventoryLevel(ctx, item, level));
}
