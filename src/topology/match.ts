/**
 * Match keys: how a platform variant and an ERP item are recognised as the same sellable thing.
 * `matchRecords` computes each side's key (SKU, barcode, a platform attribute, or an explicit
 * cross-reference table), groups by key and returns one-to-one pairs, the records found on one side
 * only, and keys held by more than one record on a side (never paired: a guess would join the wrong
 * records). Output order is sorted, so it does not depend on input order.
 *
 * Key normalisation: surrounding whitespace is trimmed and comparison is case-SENSITIVE. ERPs and
 * platforms both store SKUs as free text; folding case could silently join two distinct items
 * ("ab-1" and "AB-1"), whereas a case difference that is a typo shows up as a pair of
 * missing_in_* conflicts the merchant can fix. An empty key is no key.
 *
 * @example
 * const { pairs, platformOnly, erpOnly, duplicates } = matchRecords('sku', variants, items);
 */
import type { Item, Variant } from '../model/index.js';
import type { MatchKeyConfig } from './schema.js';

/** An ERP item as the matcher sees it (its `barcode` is what the `barcode` match key compares). */
export type ErpItem = Item;

export interface MatchPair {
  key: string;
  variant: Variant;
  item: ErpItem;
}

export interface Unmatched<T> {
  /** The record's key, or null when it has none (e.g. a variant without SKU). */
  key: string | null;
  record: T;
}

export interface DuplicateKey {
  key: string;
  variants: Variant[];
  items: ErpItem[];
}

export interface MatchResult {
  pairs: MatchPair[];
  platformOnly: Unmatched<Variant>[];
  erpOnly: Unmatched<ErpItem>[];
  duplicates: DuplicateKey[];
}

/** Trims; empty or missing is no key. Case is kept (see module comment). */
export function normaliseKey(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

type KeyFns = { variant: (v: Variant) => string | null; item: (i: ErpItem) => string | null };

function crossReferenceKeys(table: { platform: string; erp: string }[]): KeyFns {
  const keyOf = (e: { platform: string; erp: string }) => `${e.platform.trim()} => ${e.erp.trim()}`;
  const find = (ids: (string | null)[], side: 'platform' | 'erp') => {
    const wanted = ids.map(normaliseKey).filter((x): x is string => x !== null);
    const entry = table.find((e) => wanted.includes(e[side].trim()));
    return entry ? keyOf(entry) : null;
  };
  return {
    variant: (v) => find([v.external_id, v.sku], 'platform'),
    item: (i) => find([i.external_id, i.sku], 'erp'),
  };
}

/** The key functions for one match-key config. */
export function keyFunctions(config: MatchKeyConfig): KeyFns {
  if (config === 'sku') {
    return { variant: (v) => normaliseKey(v.sku), item: (i) => normaliseKey(i.sku) };
  }
  if (config === 'barcode') {
    return { variant: (v) => normaliseKey(v.barcode), item: (i) => normaliseKey(i.barcode) };
  }
  if ('field' in config) {
    const erpField = config.erp ?? 'sku';
    return {
      variant: (v) => normaliseKey(v.attributes[config.field]),
      item: (i) => normaliseKey(i[erpField]),
    };
  }
  return crossReferenceKeys(config.cross_reference);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const cmp = (a: string | null, b: string | null) =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

function group<T extends { id: string }>(records: T[], keyOf: (r: T) => string | null) {
  const keyed = new Map<string, T[]>();
  const keyless: T[] = [];
  for (const record of records) {
    const key = keyOf(record);
    if (key === null) keyless.push(record);
    else keyed.set(key, [...(keyed.get(key) ?? []), record]);
  }
  return { keyed, keyless };
}

/** Pairs platform variants with ERP items by the configured key. */
export function matchRecords(config: MatchKeyConfig, variants: Variant[], items: ErpItem[]): MatchResult {
  const fns = keyFunctions(config);
  const p = group(variants, fns.variant);
  const e = group(items, fns.item);
  const result: MatchResult = {
    pairs: [],
    platformOnly: p.keyless.map((record) => ({ key: null, record })),
    erpOnly: e.keyless.map((record) => ({ key: null, record })),
    duplicates: [],
  };
  for (const key of new Set([...p.keyed.keys(), ...e.keyed.keys()])) {
    const vs = p.keyed.get(key) ?? [];
    const is = e.keyed.get(key) ?? [];
    if (vs.length > 1 || is.length > 1) {
      result.duplicates.push({ key, variants: [...vs].sort(byId), items: [...is].sort(byId) });
    } else if (vs[0] && is[0]) result.pairs.push({ key, variant: vs[0], item: is[0] });
    else if (vs[0]) result.platformOnly.push({ key, record: vs[0] });
    else if (is[0]) result.erpOnly.push({ key, record: is[0] });
  }
  result.pairs.sort((a, b) => cmp(a.key, b.key));
  result.duplicates.sort((a, b) => cmp(a.key, b.key));
  result.platformOnly.sort((a, b) => cmp(a.key, b.key) || byId(a.record, b.record));
  result.erpOnly.sort((a, b) => cmp(a.key, b.key) || byId(a.record, b.record));
  return result;
}
