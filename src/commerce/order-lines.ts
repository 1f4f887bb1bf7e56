/**
 * Steps 2 and 3 of placing an order, both read-only: resolving each line to a stored variant (by
 * Concord id or SKU) and checking stock. Every problem names the line it comes from
 * (`lines[2].sku`), and all problems of one kind are reported together, so an agent can fix its
 * request in one go.
 *
 * - an unknown variant or SKU, or a SKU several variants share → `validation` (422);
 * - variants from two systems, or priced in two currencies → `validation` (422);
 * - a tracked variant with policy `deny` and less total `available` (summed over the stored inventory
 *   levels of every location, minus the units open quotes hold) than the lines ask → `conflict`
 *   `insufficient_stock` (409).
 *
 * @example
 * const resolved = await resolveLines(rt, 'mer_a', input.lines); // { lines, system, currency }
 * await checkStock(rt, 'mer_a', resolved.lines);
 */
import { ConcordError } from '../core/errors.js';
import type { Variant } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { QuoteStore } from '../store/quotes.js';
import type { Page } from '../store/records.js';
import type { OrderLineInput } from './order-input.js';

export interface ResolvedLine {
  index: number;
  /** `lines[i].sku` or `lines[i].variant_id`: how the line named its variant. */
  field: string;
  variant: Variant;
  quantity: number;
}

export interface ResolvedLines {
  lines: ResolvedLine[];
  /** The one system every variant comes from. */
  system: string;
  currency: string;
}

const fieldOf = (line: OrderLineInput, index: number) =>
  line.variant_id !== undefined ? `lines[${index}].variant_id` : `lines[${index}].sku`;

async function variantsWhere(rt: Runtime, merchantId: string, filters: { ids?: string[]; skus?: string[] }) {
  const search = rt.search;
  const found: Variant[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Variant> = await search.list<Variant>(merchantId, 'variant', {
      filters,
      limit: 500,
      cursor,
    });
    found.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return found;
}

type LineMatch =
  { variant: Variant } | { code: 'unknown_variant' | 'unknown_sku' | 'ambiguous_sku'; message: string };

function matchLine(
  line: OrderLineInput,
  byId: Map<string, Variant>,
  bySku: Map<string, Variant[]>,
): LineMatch {
  if (line.variant_id !== undefined) {
    const variant = byId.get(line.variant_id);
    return variant
      ? { variant }
      : { code: 'unknown_variant', message: `no variant has id "${line.variant_id}"` };
  }
  const matches = bySku.get(line.sku ?? '') ?? [];
  if (matches.length === 1) return { variant: matches[0]! };
  if (matches.length === 0) return { code: 'unknown_sku', message: `no variant has SKU "${line.sku}"` };
  return {
    code: 'ambiguous_sku',
    message: `${matches.length} variants share SKU "${line.sku}"; name the variant by variant_id`,
  };
}

/** Finds each line's variant; throws naming every line that names no variant or an ambiguous one. */
export async function resolveLines(
  rt: Runtime,
  merchantId: string,
  lines: OrderLineInput[],
): Promise<ResolvedLines> {
  const ids = [...new Set(lines.flatMap((l) => (l.variant_id !== undefined ? [l.variant_id] : [])))];
  const skus = [...new Set(lines.flatMap((l) => (l.sku !== undefined ? [l.sku] : [])))];
  const [withIds, withSkus] = await Promise.all([
    ids.length ? variantsWhere(rt, merchantId, { ids }) : [],
    skus.length ? variantsWhere(rt, merchantId, { skus }) : [],
  ]);
  const byId = new Map(withIds.map((v) => [v.id, v]));
  const bySku = new Map<string, Variant[]>();
  for (const v of withSkus) bySku.set(v.sku ?? '', [...(bySku.get(v.sku ?? '') ?? []), v]);
  const resolved: ResolvedLine[] = [];
  const failed: { field: string; code: string; message: string }[] = [];
  lines.forEach((line, index) => {
    const field = fieldOf(line, index);
    const match = matchLine(line, byId, bySku);
    if ('variant' in match) resolved.push({ index, field, variant: match.variant, quantity: line.quantity });
    else failed.push({ field, ...match });
  });
  const first = failed[0];
  if (first) {
    throw new ConcordError('validation', first.code, `Order line ${first.field}: ${first.message}`, {
      issues: failed.map(({ field, message }) => ({ field, message })),
    });
  }
  return { lines: resolved, ...oneSystemAndCurrency(resolved) };
}

function oneSystemAndCurrency(lines: ResolvedLine[]): { system: string; currency: string } {
  const first = lines[0]!.variant;
  const otherSystem = lines.filter((l) => l.variant.system !== first.system);
  if (otherSystem.length > 0) {
    throw new ConcordError(
      'validation',
      'mixed_systems',
      `Order lines come from several systems ("${first.system}" and "${otherSystem[0]!.variant.system}"); one order goes to one system`,
      {
        issues: otherSystem.map((l) => ({
          field: l.field,
          message: `from system "${l.variant.system}", not "${first.system}"`,
        })),
      },
    );
  }
  const otherCurrency = lines.filter((l) => l.variant.price.currency !== first.price.currency);
  if (otherCurrency.length > 0) {
    throw new ConcordError('validation', 'mixed_currencies', `Order lines are priced in several currencies`, {
      issues: otherCurrency.map((l) => ({
        field: l.field,
        message: `priced in ${l.variant.price.currency}, not ${first.price.currency}`,
      })),
    });
  }
  return { system: first.system, currency: first.price.currency };
}

/** Throws `insufficient_stock` naming each line whose tracked, deny-policy variant lacks stock. */
export async function checkStock(rt: Runtime, merchantId: string, lines: ResolvedLine[]): Promise<void> {
  const guarded = lines.filter((l) => l.variant.inventory_tracked && l.variant.inventory_policy === 'deny');
  if (guarded.length === 0) return;
  const wanted = new Map<string, number>();
  for (const line of guarded) wanted.set(line.variant.id, (wanted.get(line.variant.id) ?? 0) + line.quantity);
  const ids = [...wanted.keys()];
  const [stocked, held] = await Promise.all([
    rt.search.availableByVariant(merchantId, ids),
    new QuoteStore(rt.db).heldByOthers(merchantId, ids, new Date()),
  ]);
  // Units open quotes hold are promised to them: an order without a quote cannot take them.
  const available = new Map<string, number>();
  for (const id of ids) available.set(id, stocked.get(id) ?? 0);
  for (const [key, units] of held) {
    const id = key.split('|')[0]!;
    available.set(id, (available.get(id) ?? 0) - units);
  }
  const short = guarded
    .map((line) => ({
      line,
      requested: wanted.get(line.variant.id)!,
      available: Math.max(0, available.get(line.variant.id) ?? 0),
    }))
    .filter((s) => s.available < s.requested);
  if (short.length === 0) return;
  const describe = (s: (typeof short)[number]) =>
    `only ${s.available} available of ${s.line.variant.sku ? `SKU "${s.line.variant.sku}"` : `variant ${s.line.variant.id}`}; ${s.requested} requested`;
  throw new ConcordError(
    'conflict',
    'insufficient_stock',
    `Not enough stock: ${short[0]!.line.field}: ${describe(short[0]!)}`,
    {
      issues: short.map((s) => ({ field: s.line.field, message: describe(s) })),
      detail: {
        lines: short.map((s) => ({
          line: s.line.index,
          variant_id: s.line.variant.id,
          sku: s.line.variant.sku,
          requested: s.requested,
          available: s.available,
        })),
      },
    },
  );
}
