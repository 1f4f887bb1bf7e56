/**
 * Corrections to the generated OpenAPI 3.1 document. `@asteasolutions/zod-to-openapi` (v9) emits a
 * nullable component reference (`Money.nullable()`) as
 * `allOf: [{ $ref }, { type: ['object', 'null'] }]`, which no `null` can satisfy (it must still match
 * the `$ref`); see https://github.com/asteasolutions/zod-to-openapi/pull/387 (open at the time of
 * writing). JSON Schema 2020-12, which OpenAPI 3.1 uses, spells "this or null" as
 * `anyOf: [{ $ref }, { type: 'null' }]`, which is what this rewrites it to.
 *
 * @example
 * fixNullableRefs({ allOf: [{ $ref: '#/components/schemas/Money' }, { type: ['object', 'null'] }] })
 * // { anyOf: [{ $ref: '#/components/schemas/Money' }, { type: 'null' }] }
 */

type Json = unknown;

function isNullableRefAllOf(node: Record<string, Json>): string | null {
  const allOf = node['allOf'];
  if (!Array.isArray(allOf) || allOf.length !== 2) return null;
  const [ref, nullable] = allOf as Record<string, Json>[];
  if (!ref || typeof ref['$ref'] !== 'string' || Object.keys(ref).length !== 1) return null;
  const type = nullable?.['type'];
  if (!nullable || Object.keys(nullable).length !== 1 || !Array.isArray(type) || !type.includes('null'))
    return null;
  return ref['$ref'];
}

/** Returns a copy of `value` with every nullable `$ref` written as `anyOf: [$ref, null]`. */
export function fixNullableRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => fixNullableRefs(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const node = value as Record<string, Json>;
  const ref = isNullableRefAllOf(node);
  const out: Record<string, Json> = {};
  for (const [key, child] of Object.entries(node)) {
    if (ref !== null && key === 'allOf') out['anyOf'] = [{ $ref: ref }, { type: 'null' }];
    else out[key] = fixNullableRefs(child);
  }
  return out as T;
}
