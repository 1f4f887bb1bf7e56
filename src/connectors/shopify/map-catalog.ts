/**
 * Pure mappers from Shopify's catalog nodes (products, variants, locations, inventory levels) to
 * unified records. Ids are Concord ids computed from the Shopify gid; `raw` keeps the vendor node.
 * Every Shopify enum value is mapped in an exhaustive switch, so a new value fails type-checking.
 *
 * @example
 * const product = toUnifiedProduct({ merchantId: 'mer_1', system: 'shopify', currency: 'USD' }, node);
 */
import type { InventoryLevel, Location, Product, Variant } from '../../model/index.js';
import { moneyFromDecimal } from '../../model/money.js';
import { ConcordError } from '../../core/errors.js';
import { readVariantMetafields } from './metafields.js';
import { fromLocationAddress, htmlToText, idFor, type ShopifyMapContext } from './map-shared.js';
import type { SystemContext } from '../types.js';
import type {
  ShopifyInventoryItem,
  ShopifyInventoryLevel,
  ShopifyInventoryPolicy,
  ShopifyLocation,
  ShopifyProduct,
  ShopifyProductStatus,
  ShopifyVariant,
  ShopifyWeightUnit,
} from './types.js';

function productStatus(status: ShopifyProductStatus): Product['status'] {
  switch (status) {
    case 'ACTIVE':
      return 'active';
    // Unlisted products are sellable through a direct link, only hidden from search and collections.
    case 'UNLISTED':
      return 'active';
    case 'DRAFT':
      return 'draft';
    case 'ARCHIVED':
      return 'archived';
    default: {
      const never: never = status;
      return never;
    }
  }
}

function inventoryPolicy(policy: ShopifyInventoryPolicy): Variant['inventory_policy'] {
  switch (policy) {
    case 'DENY':
      return 'deny';
    case 'CONTINUE':
      return 'continue';
    default: {
      const never: never = policy;
      return never;
    }
  }
}

function weightUnit(unit: ShopifyWeightUnit): string {
  switch (unit) {
    case 'GRAMS':
      return 'g';
    case 'KILOGRAMS':
      return 'kg';
    case 'OUNCES':
      return 'oz';
    case 'POUNDS':
      return 'lb';
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/** Shopify stores 0 when no weight was entered (inferred from the admin's default), so 0 → null. */
function weight(node: ShopifyVariant): Variant['weight'] {
  const w = node.inventoryItem.measurement?.weight;
  return w && w.value > 0 ? { value: w.value, unit: weightUnit(w.unit) } : null;
}

/** One variant; `productGid` is used when the node does not carry `product { id }`. */
export function toUnifiedVariant(ctx: ShopifyMapContext, node: ShopifyVariant, productGid?: string): Variant {
  const custom = readVariantMetafields(node.metafields?.nodes ?? []);
  const item = node.inventoryItem;
  const product = node.product?.id ?? productGid;
  if (!product) {
    throw new ConcordError(
      'upstream',
      'shopify_variant_without_product',
      `Variant ${node.id} came without its product`,
    );
  }
  return {
    id: idFor(ctx, 'variant', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updatedAt,
    product_id: idFor(ctx, 'product', product),
    title: node.title,
    sku: node.sku || null,
    barcode: node.barcode || null,
    position: node.position,
    options: node.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
    price: moneyFromDecimal(node.price, ctx.currency),
    compare_at_price: node.compareAtPrice ? moneyFromDecimal(node.compareAtPrice, ctx.currency) : null,
    taxable: node.taxable,
    inventory_item_id: item.id,
    inventory_tracked: item.tracked,
    inventory_policy: inventoryPolicy(node.inventoryPolicy),
    weight: weight(node),
    dimensions: custom.dimensions,
    attributes: custom.attributes,
    compatibility: custom.compatibility,
    constraints: {
      hazmat: custom.hazmat,
      min_age: custom.min_age,
      requires_shipping: item.requiresShipping,
      ships_to_countries: null,
      excluded_countries: custom.excluded_countries,
    },
    country_of_origin: item.countryCodeOfOrigin ?? null,
    hs_code: item.harmonizedSystemCode || null,
    raw: node,
  };
}

/** A product with its variants (in position order); `raw` is the product node without variants. */
export function toUnifiedProduct(ctx: ShopifyMapContext, node: ShopifyProduct): Product {
  const { variants, ...productOnly } = node;
  const description = node.description?.trim()
    ? node.description.trim()
    : htmlToText(node.descriptionHtml ?? '');
  return {
    id: idFor(ctx, 'product', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updatedAt,
    title: node.title,
    handle: node.handle || null,
    description,
    vendor: node.vendor || null,
    product_type: node.productType || null,
    status: productStatus(node.status),
    tags: [...node.tags],
    options: node.options.map((o) => ({ name: o.name, values: [...o.values] })),
    created_at: node.createdAt,
    variants: (variants?.nodes ?? [])
      .map((v) => toUnifiedVariant(ctx, v, node.id))
      .sort((a, b) => a.position - b.position),
    raw: productOnly,
  };
}

/**
 * The kind of a location (inferred; Shopify has no such field):
 * - a fulfillment-service location (`isFulfillmentService`, stock held by an app/partner) is a '3pl',
 *   or 'drop_ship' when its name says so ("drop ship", "dropship");
 * - a location that does not fulfil online orders sells in person only: a 'store';
 * - a location named like a shop ("store", "shop", "boutique", "outlet", "retail") is a 'store';
 * - anything else is a 'warehouse'.
 */
export function locationKind(
  node: Pick<ShopifyLocation, 'name' | 'isFulfillmentService' | 'fulfillsOnlineOrders'>,
): Location['kind'] {
  if (node.isFulfillmentService) return /drop[\s_-]?ship/i.test(node.name) ? 'drop_ship' : '3pl';
  if (!node.fulfillsOnlineOrders) return 'store';
  if (/\b(store|shop|boutique|outlet|retail)\b/i.test(node.name)) return 'store';
  return 'warehouse';
}

export function toUnifiedLocation(ctx: SystemContext, node: ShopifyLocation): Location {
  return {
    id: idFor(ctx, 'location', node.id),
    system: ctx.system,
    external_id: node.id,
    updated_at: node.updatedAt,
    name: node.name,
    kind: locationKind(node),
    active: node.isActive,
    fulfills_online_orders: node.fulfillsOnlineOrders,
    address: fromLocationAddress(node.address),
    raw: node,
  };
}

/** The item an inventory level belongs to, without its levels connection. */
export type InventoryItemRef = Pick<ShopifyInventoryItem, 'id' | 'sku' | 'tracked' | 'updatedAt' | 'variant'>;

/** One level of one inventory item; quantities missing from the node count as 0. */
export function toUnifiedInventoryLevel(
  ctx: SystemContext,
  item: InventoryItemRef,
  level: ShopifyInventoryLevel,
): InventoryLevel {
  const quantity = (name: string) => level.quantities.find((q) => q.name === name)?.quantity ?? 0;
  return {
    id: idFor(ctx, 'inventory_level', level.id),
    system: ctx.system,
    external_id: level.id,
    updated_at: level.updatedAt,
    variant_id: item.variant ? idFor(ctx, 'variant', item.variant.id) : null,
    sku: item.sku || null,
    location_id: idFor(ctx, 'location', level.location.id),
    on_hand: quantity('on_hand'),
    available: quantity('available'),
    committed: quantity('committed'),
    incoming: quantity('incoming'),
    raw: {
      ...level,
      item: {
        id: item.id,
        sku: item.sku,
        tracked: item.tracked,
        updatedAt: item.updatedAt,
        variant: item.variant,
      },
    },
  };
}
