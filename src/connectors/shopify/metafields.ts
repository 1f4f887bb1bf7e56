/**
 * The rich variant data merchants keep in `custom` metafields, read into the unified variant:
 * `material` → attributes.material, `compatibility` (list) → compatibility, `hazmat` (boolean),
 * `min_age` (integer) and `excluded_countries` (list) → constraints, `dimensions` (json
 * `{length,width,height,unit}`) → dimensions. Any other text, number or boolean metafield becomes
 * an attribute (lists joined with ", "). A malformed value is skipped rather than failing the sync.
 * Metafield value encodings: https://shopify.dev/docs/apps/build/custom-data/metafields/list-of-data-types
 */
import type { Variant } from '../../model/variant.js';
import type { ShopifyMetafield } from './types.js';

export interface VariantCustomData {
  attributes: Record<string, string>;
  compatibility: string[];
  hazmat: boolean;
  min_age: number | null;
  excluded_countries: string[];
  dimensions: Variant['dimensions'];
}

const KNOWN = new Set(['material', 'compatibility', 'hazmat', 'min_age', 'excluded_countries', 'dimensions']);
const ATTRIBUTE_TYPES =
  /^(list\.)?(single_line_text_field|multi_line_text_field|number_integer|number_decimal|boolean|color|url|date|date_time)$/;

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** A list metafield's values (JSON array of strings); a plain text value counts as one item. */
function stringList(field: ShopifyMetafield): string[] {
  if (!field.type.startsWith('list.')) return field.value.trim() ? [field.value.trim()] : [];
  const parsed = parseJson(field.value);
  return Array.isArray(parsed)
    ? parsed.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim())
    : [];
}

function dimensions(value: string): Variant['dimensions'] {
  const parsed = parseJson(value) as Record<string, unknown> | undefined;
  if (!parsed || typeof parsed !== 'object') return null;
  const { length, width, height, unit } = parsed;
  const ok = [length, width, height].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);
  if (!ok || typeof unit !== 'string' || !unit) return null;
  return { length: length as number, width: width as number, height: height as number, unit };
}

function minAge(value: string): number | null {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function attributeValue(field: ShopifyMetafield): string | undefined {
  if (!ATTRIBUTE_TYPES.test(field.type)) return undefined;
  const value = field.type.startsWith('list.') ? stringList(field).join(', ') : field.value.trim();
  return value || undefined;
}

/** Reads a variant's `custom` metafields. */
export function readVariantMetafields(fields: ShopifyMetafield[]): VariantCustomData {
  const data: VariantCustomData = {
    attributes: {},
    compatibility: [],
    hazmat: false,
    min_age: null,
    excluded_countries: [],
    dimensions: null,
  };
  for (const field of fields) {
    if (field.key === 'material' && field.value.trim()) data.attributes.material = field.value.trim();
    else if (field.key === 'compatibility') data.compatibility = stringList(field);
    else if (field.key === 'hazmat') data.hazmat = field.value.trim().toLowerCase() === 'true';
    else if (field.key === 'min_age') data.min_age = minAge(field.value);
    else if (field.key === 'excluded_countries') {
      data.excluded_countries = stringList(field)
        .map((c) => c.toUpperCase())
        .filter((c) => /^[A-Z]{2}$/.test(c));
    } else if (field.key === 'dimensions') data.dimensions = dimensions(field.value);
    else if (!KNOWN.has(field.key)) {
      const value = attributeValue(field);
      if (value !== undefined) data.attributes[field.key] = value;
    }
  }
  return data;
}
