/**
 * Seeded products: a family and noun from the catalog, a unique title and handle, description,
 * vendor, status, tags, and option combinations for 1…n variants (built in `seed-variants.ts`).
 * Built for speed: 100 000 variants take about a second.
 */
import { ProductOptionRecord, ProductRecord, type ProductStatus } from './model/product.js';
import type { SelectedOption } from './model/variant.js';
import type { Rng } from './prng.js';
import {
  COLOR_FALLBACK,
  DESCRIPTION_LINES,
  FAMILIES,
  type FamilyDef,
  type NounDef,
  type OptionDef,
} from './seed-catalog.js';
import { code, seedPricing, seedVariant, type ProductSeedContext } from './seed-variants.js';

export type { ProductSeedContext } from './seed-variants.js';
export { ean13, ean13CheckDigit } from './seed-variants.js';

const DAY = 86_400_000;
const SERIES = [
  'II',
  'Pro',
  'Lite',
  'Plus',
  'Max',
  'Classic',
  'Limited Edition',
  'Signature',
  'Sport',
  'Travel',
];

function pickFamily(rng: Rng): FamilyDef {
  const total = FAMILIES.reduce((sum, family) => sum + family.weight, 0);
  let roll = rng.next() * total;
  for (const family of FAMILIES) {
    roll -= family.weight;
    if (roll < 0) return family;
  }
  return FAMILIES[0] as FamilyDef;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Value combinations for `count` variants over the noun's options (cartesian, in order, ≤ 3 options). */
function combos(family: FamilyDef, noun: NounDef, count: number, rng: Rng) {
  if (count <= 1) return undefined;
  const fallbacks: OptionDef[] = [COLOR_FALLBACK, { name: 'Material', values: family.materials }];
  const candidates = [
    ...noun.options,
    ...fallbacks.filter((f) => !noun.options.some((o) => o.name === f.name)),
  ];
  const chosen: { name: string; values: string[] }[] = [];
  let capacity = 1;
  for (const option of candidates.slice(0, 3)) {
    if (capacity >= count) break;
    const need = Math.min(option.values.length, Math.ceil(count / capacity));
    const start = rng.int(0, option.values.length - need);
    chosen.push({ name: option.name, values: option.values.slice(start, start + need) });
    capacity *= need;
  }
  return chosen;
}

function cartesian(options: { values: string[] }[]): string[][] {
  return options.reduce<string[][]>(
    (rows, option) => rows.flatMap((row) => option.values.map((v) => [...row, v])),
    [[]],
  );
}

/** A unique title and handle: repeated base titles get a series name or a model number. */
function productTitle(ctx: ProductSeedContext, family: FamilyDef, noun: NounDef) {
  const baseTitle = `${ctx.rng.pick(family.adjectives)} ${noun.name}`;
  const seen = ctx.titles.get(baseTitle) ?? 0;
  ctx.titles.set(baseTitle, seen + 1);
  const title =
    seen === 0
      ? baseTitle
      : seen <= SERIES.length
        ? `${baseTitle} ${SERIES[seen - 1]}`
        : `${baseTitle} Model ${100 + seen}`;
  let handle = slug(title);
  if (ctx.handles.has(handle)) handle = `${handle}-${ctx.handles.size}`;
  ctx.handles.add(handle);
  return { title, handle };
}

/** Chooses option combinations for `count` variants and creates them. */
function addVariants(
  ctx: ProductSeedContext,
  product: ProductRecord,
  family: FamilyDef,
  noun: NounDef,
  index: number,
  count: number,
): void {
  const { state, rng } = ctx;
  const options = combos(family, noun, count, rng);
  const rows = options ? cartesian(options).slice(0, count) : [['Default Title']];
  product.optionList = (options ?? [{ name: 'Title', values: ['Default Title'] }]).map((option, i) => {
    const used = [...new Set(rows.map((row) => row[i] as string))];
    return new ProductOptionRecord(state.nextId('ProductOption'), option.name, i + 1, used);
  });
  const pricing = seedPricing(family, rng);
  const prefix = `${family.skuPrefix}-${String(index + 1).padStart(5, '0')}`;
  const shared = new Map<string, SelectedOption>();
  const skus = new Set<string>();
  rows.forEach((row, position) => {
    let sku = options ? `${prefix}-${row.map(code).join('-')}` : prefix;
    if (skus.has(sku)) sku = `${sku}-${position + 1}`;
    skus.add(sku);
    const variant = seedVariant(ctx, { product, family, noun, row, position, sku, pricing, shared });
    product.variantList.push(variant);
  });
}

/** Creates one product with its variants, inventory items and levels, and adds it to the store. */
export function seedProduct(
  ctx: ProductSeedContext,
  index: number,
  variantRange: readonly [number, number],
): void {
  const { state, rng } = ctx;
  const family = pickFamily(rng);
  const noun = rng.pick(family.nouns);
  const { title, handle } = productTitle(ctx, family, noun);
  const span = ctx.endMs - ctx.startMs - 30 * DAY;
  const createdMs =
    ctx.startMs + Math.floor((span * index) / Math.max(1, ctx.totalProducts)) + rng.int(0, DAY / 2);
  const updatedMs = Math.min(ctx.endMs, createdMs + rng.int(0, 400) * DAY + rng.int(0, DAY - 1));
  const roll = rng.next();
  const status: ProductStatus = roll < 0.9 ? 'ACTIVE' : roll < 0.97 ? 'DRAFT' : 'ARCHIVED';
  const vendor = rng.pick(family.vendors);
  const lines = rng.sample(DESCRIPTION_LINES, 2);
  const html = `<p>The ${title} from ${vendor}. ${lines[0]}</p><ul><li>${lines[1]}</li></ul>`;
  const tags = rng.sample(family.tags, rng.int(1, 3)).sort();
  const product = new ProductRecord(
    state.nextId('Product'),
    title,
    handle,
    html,
    vendor,
    family.productType,
    status,
    tags,
    createdMs,
    updatedMs,
  );
  addVariants(ctx, product, family, noun, index, rng.int(variantRange[0], variantRange[1]));
  state.addProduct(product);
}
