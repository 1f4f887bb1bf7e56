/**
 * Disagreements between systems, kept as Conflict objects rather than dropped (DESIGN.md "Core
 * ideas" 1). From a match result and both systems' records, `detectConflicts` reports: keys held by
 * several records (`duplicate_match_key`), records on one side only (`missing_in_erp`,
 * `missing_in_platform`), matched pairs whose price differs (`price_mismatch`, Money compared
 * exactly; a currency difference is flagged in `detail.currency_differs`) and matched tracked
 * variants whose total `available` over all of each system's locations differs (`stock_mismatch`).
 * Each names the winner under the ownership map and the rule that chose it. Ids are a hash of the
 * kind and the records' system/external ids, so they are stable across runs; unique within one
 * merchant (store them keyed by merchant). Output is sorted by id.
 *
 * @example
 * const conflicts = detectConflicts({ topology, match, platformLevels, erpLevels });
 * conflicts[0] // { id: 'cfl_…', kind: 'price_mismatch', winner: 'netsuite', rule: 'ownership.price = erp:item (preset mid_market)', … }
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { InventoryLevel, Variant } from '../model/index.js';
import type { ErpItem, MatchPair, MatchResult } from './match.js';
import type { Topology } from './presets.js';
import type { MatchKeyConfig } from './schema.js';
import { erpPrice, levelsFor, provenanceOf, totalAvailable } from './sources.js';
import { Provenance } from './views.js';

export const ConflictKind = z
  .enum(['price_mismatch', 'missing_in_platform', 'missing_in_erp', 'stock_mismatch', 'duplicate_match_key'])
  .meta({ id: 'ConflictKind' });
export type ConflictKind = z.infer<typeof ConflictKind>;

export const ConflictSide = z
  .object({
    system: z.string(),
    value: z.unknown().describe('What this system says (a Money, a stock total, a key…)'),
    provenance: z.array(Provenance).describe('Every record behind the value'),
  })
  .strict()
  .meta({ id: 'ConflictSide' });
export type ConflictSide = z.infer<typeof ConflictSide>;

export const Conflict = z
  .object({
    id: z.string().describe('Deterministic: hash of kind and the records involved'),
    kind: ConflictKind,
    match_key: z.string().nullable(),
    platform: ConflictSide.nullable(),
    erp: ConflictSide.nullable(),
    winner: z.string().nullable().describe('System whose value is used; null when none is chosen'),
    rule: z.string().describe('The ownership or match-key rule that decided'),
    detail: z.record(z.string(), z.unknown()),
  })
  .strict()
  .meta({ id: 'Conflict' });
export type Conflict = z.infer<typeof Conflict>;

export interface ConflictInput {
  topology: Topology;
  match: MatchResult;
  platformLevels: readonly InventoryLevel[];
  erpLevels: readonly InventoryLevel[];
}

/** Deterministic conflict id from the kind and the identifying parts. */
export function conflictId(kind: ConflictKind, parts: readonly string[]): string {
  const digest = createHash('sha256')
    .update([kind, ...parts].join('\u0000'))
    .digest('hex');
  return `cfl_${digest.slice(0, 24)}`;
}

function keyFields(config: MatchKeyConfig): { platform: string; erp: string } {
  if (config === 'sku' || config === 'barcode') return { platform: config, erp: config };
  if ('field' in config) return { platform: `attributes[${config.field}]`, erp: config.erp ?? 'sku' };
  return { platform: 'external_id', erp: 'external_id' };
}

function matchRule(config: MatchKeyConfig): string {
  const name =
    typeof config === 'string' ? config : 'field' in config ? `field ${config.field}` : 'cross_reference';
  return `match_key = ${name}`;
}

function structural(input: ConflictInput): Conflict[] {
  const { match, topology } = input;
  const config = topology.config.match_key;
  const fields = keyFields(config);
  const rule = matchRule(config);
  const side = (records: (Variant | ErpItem)[], field: string) =>
    records[0]
      ? {
          system: records[0].system,
          value: records.map((r) => r.external_id),
          provenance: records.map((r) => provenanceOf(r, field)),
        }
      : null;
  const base = { winner: null, rule, detail: {} };
  return [
    ...match.duplicates.map((d) => ({
      ...base,
      id: conflictId('duplicate_match_key', [d.key]),
      kind: 'duplicate_match_key' as const,
      match_key: d.key,
      platform: side(d.variants, fields.platform),
      erp: side(d.items, fields.erp),
      detail: { platform_count: d.variants.length, erp_count: d.items.length },
    })),
    ...match.platformOnly.map(({ key, record }) => ({
      ...base,
      id: conflictId('missing_in_erp', [record.system, record.external_id]),
      kind: 'missing_in_erp' as const,
      match_key: key,
      platform: side([record], fields.platform),
      erp: null,
    })),
    ...match.erpOnly.map(({ key, record }) => ({
      ...base,
      id: conflictId('missing_in_platform', [record.system, record.external_id]),
      kind: 'missing_in_platform' as const,
      match_key: key,
      platform: null,
      erp: side([record], fields.erp),
    })),
  ];
}

const pairParts = (p: MatchPair) => [
  p.variant.system,
  p.variant.external_id,
  p.item.system,
  p.item.external_id,
];

function priceConflict(input: ConflictInput, pair: MatchPair): Conflict | null {
  const ownership = input.topology.ownership.price;
  const erp = erpPrice(pair.item, input.topology.config.pricing.price_level);
  const mine = pair.variant.price;
  if (!erp || (erp.value.amount === mine.amount && erp.value.currency === mine.currency)) return null;
  return {
    id: conflictId('price_mismatch', pairParts(pair)),
    kind: 'price_mismatch',
    match_key: pair.key,
    platform: { system: pair.variant.system, value: mine, provenance: [provenanceOf(pair.variant, 'price')] },
    erp: { system: pair.item.system, value: erp.value, provenance: [erp.provenance] },
    winner: ownership.owner.system,
    rule: ownership.rule,
    detail: { currency_differs: erp.value.currency !== mine.currency },
  };
}

function stockConflict(input: ConflictInput, pair: MatchPair): Conflict | null {
  if (!pair.variant.inventory_tracked) return null;
  const mine = levelsFor(input.platformLevels, 'variant_id', pair.variant.id);
  const theirs = levelsFor(input.erpLevels, 'item_id', pair.item.id);
  const [a, b] = [totalAvailable(mine), totalAvailable(theirs)];
  if (a === b) return null;
  const ownership = input.topology.ownership.inventory;
  return {
    id: conflictId('stock_mismatch', pairParts(pair)),
    kind: 'stock_mismatch',
    match_key: pair.key,
    platform: {
      system: pair.variant.system,
      value: a,
      provenance: mine.map((l) => provenanceOf(l, 'available')),
    },
    erp: { system: pair.item.system, value: b, provenance: theirs.map((l) => provenanceOf(l, 'available')) },
    winner: ownership.owner.system,
    rule: ownership.rule,
    detail: { difference: b - a, platform_locations: mine.length, erp_locations: theirs.length },
  };
}

/** Every disagreement between the platform and the ERP, sorted by id. */
export function detectConflicts(input: ConflictInput): Conflict[] {
  const fromPairs = input.match.pairs.flatMap((pair) =>
    [priceConflict(input, pair), stockConflict(input, pair)].filter((c): c is Conflict => c !== null),
  );
  return [...structural(input), ...fromPairs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
