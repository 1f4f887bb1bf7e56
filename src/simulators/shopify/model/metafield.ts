/**
 * Variant metafields in the `custom` namespace: the rich product data a realistic merchant keeps
 * there (material, compatibility, hazmat, minimum age, excluded countries, dimensions). They are
 * stored compactly on the variant and materialised as `Metafield` objects only when queried.
 *
 * @example
 * metafieldsOf(variant) // [Metafield custom.material, custom.hazmat, …]
 */
import { createHash } from 'node:crypto';
import type { SimContext } from '../context.js';
import { BY_ID, nestedConnection } from './common.js';
import { ResourceRecord } from './node.js';

/** The compact form stored on a variant. */
export interface VariantMeta {
  material?: string;
  compatibility?: string[];
  hazmat: boolean;
  minAge?: number;
  excludedCountries?: string[];
  dimensions?: { length: number; width: number; height: number; unit: 'cm' };
}

const KEYS: { key: keyof VariantMeta; name: string; type: string }[] = [
  { key: 'material', name: 'material', type: 'single_line_text_field' },
  { key: 'compatibility', name: 'compatibility', type: 'list.single_line_text_field' },
  { key: 'hazmat', name: 'hazmat', type: 'boolean' },
  { key: 'minAge', name: 'min_age', type: 'number_integer' },
  { key: 'excludedCountries', name: 'excluded_countries', type: 'list.single_line_text_field' },
  { key: 'dimensions', name: 'dimensions', type: 'json' },
];

/** A `Metafield` materialised for a query. */
export class MetafieldRecord extends ResourceRecord {
  constructor(
    readonly num: number,
    readonly ownerGid: string,
    readonly ownerType: string,
    readonly namespace: string,
    readonly key: string,
    readonly type: string,
    readonly value: string,
    readonly createdMs: number,
    readonly updatedMs: number,
  ) {
    super();
  }
  protected get typeName() {
    return 'Metafield';
  }
  get jsonValue(): unknown {
    if (this.type === 'single_line_text_field' || this.type === 'multi_line_text_field') return this.value;
    return JSON.parse(this.value) as unknown;
  }
  get compareDigest() {
    return createHash('sha256').update(this.value).digest('hex');
  }
  get sizeInBytes() {
    return Buffer.byteLength(this.value);
  }
  get definition() {
    return null;
  }
  get reference() {
    return null;
  }
  references() {
    return null;
  }
  translations() {
    return [];
  }
}

function serialise(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The `custom` metafields of one owner, in a stable order (ids derive from the owner's id). */
export function metafieldsOf(
  owner: { num: number; id: string; createdMs: number; updatedMs: number; meta: VariantMeta },
  ownerType = 'PRODUCTVARIANT',
): MetafieldRecord[] {
  const out: MetafieldRecord[] = [];
  KEYS.forEach(({ key, name, type }, index) => {
    const value = owner.meta[key];
    if (value === undefined) return;
    const text = typeof value === 'boolean' ? String(value) : serialise(value);
    out.push(
      new MetafieldRecord(
        owner.num * 8 + index,
        owner.id,
        ownerType,
        'custom',
        name,
        type,
        text,
        owner.createdMs,
        owner.updatedMs,
      ),
    );
  });
  return out;
}

/** Arguments of `metafields(...)`. */
export interface MetafieldArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
  namespace?: string | null;
  keys?: string[] | null;
  reverse?: boolean | null;
}

/** `metafields(...)` over a list: filtered by namespace and `namespace.key` keys. */
export function metafieldConnection(ctx: SimContext, list: MetafieldRecord[], args: MetafieldArgs) {
  const keys = args.keys ?? null;
  const filtered = list.filter(
    (field) =>
      (!args.namespace || field.namespace === args.namespace) &&
      (!keys || keys.includes(`${field.namespace}.${field.key}`)),
  );
  return nestedConnection(ctx, filtered, args, BY_ID);
}

/** `metafield(namespace:, key:)`: the key may be "namespace.key" when namespace is omitted. */
export function findMetafield(list: MetafieldRecord[], args: { namespace?: string | null; key: string }) {
  let namespace = args.namespace ?? null;
  let key = args.key;
  if (!namespace && key.includes('.'))
    [namespace, key] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
  return list.find((field) => field.key === key && (!namespace || field.namespace === namespace)) ?? null;
}
