/**
 * Seeded variants: SKUs, valid EAN-13 barcodes, prices (some with compare-at prices), weights,
 * HS codes and origins, `custom` metafields (material, compatibility, hazmat, minimum age,
 * excluded countries, dimensions) and inventory levels whose quantities are consistent
 * (on_hand = available + committed) at the active locations.
 */
import { gid } from './format.js';
import { InventoryItemRecord, InventoryLevelRecord } from './model/inventory.js';
import type { LocationRecord } from './model/location.js';
import type { VariantMeta } from './model/metafield.js';
import type { ProductOptionRecord, ProductRecord } from './model/product.js';
import { VariantRecord, type SelectedOption } from './model/variant.js';
import type { Rng } from './prng.js';
import { DEVICES, type FamilyDef, type NounDef } from './seed-catalog.js';
import type { ShopifyState } from './state.js';

/** Shared state while seeding products. */
export interface ProductSeedContext {
  state: ShopifyState;
  rng: Rng;
  locations: LocationRecord[];
  handles: Set<string>;
  /** How often each base title was used (later products get a series name). */
  titles: Map<string, number>;
  variantCounter: { n: number };
  startMs: number;
  endMs: number;
  totalProducts: number;
}

/** EAN-13 check digit of a 12-digit string (GS1 mod-10, weights 1 and 3 from the left). */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** A valid EAN-13 for the n-th seeded variant. */
export function ean13(n: number): string {
  const body = `86753${String(n % 10_000_000).padStart(7, '0')}`;
  return `${body}${ean13CheckDigit(body)}`;
}

function roundPrice(cents: number, rng: Rng): number {
  const dollars = Math.max(1, Math.round(cents / 100));
  return rng.chance(0.7) ? dollars * 100 - 1 : dollars * 100;
}

/** A product's base price and optional compare-at price (in cents). */
export interface Pricing {
  base: number;
  compareAt: number | null;
}

/** Prices for one product. */
export function seedPricing(family: FamilyDef, rng: Rng): Pricing {
  const base = roundPrice(rng.int(family.price[0], family.price[1]), rng);
  const compareAt = rng.chance(0.2) ? roundPrice(base * (1.2 + rng.next() * 0.3), rng) : null;
  return { base, compareAt };
}

/** Three-letter SKU code of an option value ("Forest Green" → "FOR"). */
export function code(value: string): string {
  return value
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 3)
    .toUpperCase();
}

function buildMeta(family: FamilyDef, noun: NounDef, material: string | undefined, rng: Rng): VariantMeta {
  const meta: VariantMeta = { hazmat: !!noun.hazmat, material: material ?? rng.pick(family.materials) };
  if (noun.compatibility) meta.compatibility = rng.sample(DEVICES, rng.int(2, 4));
  if (noun.minAge) meta.minAge = noun.minAge;
  if (noun.excluded) meta.excludedCountries = noun.excluded as string[];
  const half = (max: number) => rng.int(Math.ceil(max / 4), max) + (rng.chance(0.5) ? 0.5 : 0);
  meta.dimensions = {
    length: half(family.box[0]),
    width: half(family.box[1]),
    height: half(family.box[2]),
    unit: 'cm',
  };
  return meta;
}

function seedLevels(
  ctx: ProductSeedContext,
  item: InventoryItemRecord,
  createdMs: number,
  updatedMs: number,
) {
  const { rng, locations } = ctx;
  locations.forEach((location, index) => {
    if (index > 0 && !rng.chance(index === 1 ? 0.6 : 0.4)) return;
    const roll = rng.next();
    const available = roll < 0.1 ? 0 : roll < 0.3 ? rng.int(0, 4) : rng.int(5, 150);
    const committed = rng.chance(0.3) ? rng.int(1, 5) : 0;
    const incoming = rng.chance(0.2) ? rng.int(10, 100) : 0;
    const level = new InventoryLevelRecord(
      item,
      location,
      available,
      committed,
      incoming,
      createdMs,
      updatedMs,
    );
    item.levels.push(level);
    location.levelList.push(level);
  });
}

function selectedOptions(product: ProductRecord, row: string[], shared: Map<string, SelectedOption>) {
  return row.map((value, i) => {
    const option = product.optionList[i] as ProductOptionRecord;
    const key = `${option.name}:${value}`;
    let entry = shared.get(key);
    if (!entry) {
      const valueIndex = option.values.indexOf(value);
      const optionValue = {
        id: gid('ProductOptionValue', option.num * 100 + valueIndex + 1),
        name: value,
        hasVariants: true,
      };
      entry = { name: option.name, value, optionValue };
      shared.set(key, entry);
    }
    return entry;
  });
}

/** What one variant is made from. */
export interface VariantSeed {
  product: ProductRecord;
  family: FamilyDef;
  noun: NounDef;
  row: string[];
  position: number;
  sku: string;
  pricing: Pricing;
  shared: Map<string, SelectedOption>;
}

/** Creates one variant with its inventory item and levels. */
export function seedVariant(ctx: ProductSeedContext, seed: VariantSeed): VariantRecord {
  const { state, rng } = ctx;
  const { product, family, noun, row, position, pricing } = seed;
  const selected = selectedOptions(product, row, seed.shared);
  const price = position > 0 && rng.chance(0.2) ? roundPrice(pricing.base * 1.1, rng) : pricing.base;
  const material = row.find((_, i) => product.optionList[i]?.name === 'Material');
  const n = ctx.variantCounter.n++;
  const { createdMs, updatedMs } = product;
  const variant = new VariantRecord(
    state.nextId('ProductVariant'),
    product,
    row.join(' / '),
    seed.sku,
    rng.chance(0.95) ? ean13(n) : null,
    position + 1,
    price,
    pricing.compareAt !== null && pricing.compareAt > price ? pricing.compareAt : null,
    true,
    rng.chance(0.85) ? 'DENY' : 'CONTINUE',
    selected,
    buildMeta(family, noun, material, rng),
    createdMs,
    updatedMs,
  );
  const mass = family.mass;
  const weight = Math.round((mass.min + rng.next() * (mass.max - mass.min)) * 100) / 100;
  const cost = Math.round(price * (0.35 + rng.next() * 0.2));
  const item = new InventoryItemRecord(
    state.nextId('InventoryItem'),
    variant,
    rng.chance(0.95),
    true,
    rng.pick(family.origins),
    noun.hs,
    weight,
    mass.unit,
    cost,
    createdMs,
    updatedMs,
  );
  variant.inventoryItem = item;
  seedLevels(ctx, item, createdMs, updatedMs);
  return variant;
}
