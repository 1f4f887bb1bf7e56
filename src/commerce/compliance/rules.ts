/**
 * The merchant-editable compliance rule set, as a strict zod schema that reads the same from JSON or
 * YAML. A rule says which goods it applies to (`applies_to`: categories, tags, attribute values or
 * the hazmat flag the merchant sets) and what it forbids: shipping to embargoed destinations
 * (`embargo`), shipping certain goods to certain places (`destination`), selling below a minimum age
 * (`age`) or carrying certain goods by a transport mode (`service_mode`). Every rule has an id that
 * every verdict names, and may cite the source it comes from.
 *
 * @example
 * const rules = parseRuleSet({
 *   version: 1,
 *   rules: [{ id: 'no_knives_gb', kind: 'destination', applies_to: { categories: ['knife'] },
 *             deny: [{ countries: ['GB'] }], effect: 'refused' }],
 * });
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { issuesOf } from '../order-input.js';

const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "US"');
const RuleId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, "_", "." or "-" (max 64)');
const Term = z.string().min(1).max(100);

/** Goods a rule applies to: a subject matches when ANY listed criterion matches (case-insensitive). */
export const ProductMatch = z
  .object({
    categories: z.array(Term).optional().describe('e.g. ["alcohol", "wine"]'),
    tags: z.array(Term).optional(),
    attributes: z
      .record(Term, z.array(Term).min(1))
      .optional()
      .describe('attribute name → values, e.g. { "abv_class": ["spirits"] }'),
    hazmat: z.boolean().optional().describe('match on the variant hazmat constraint'),
  })
  .strict()
  .refine(
    (m) =>
      (m.categories?.length ?? 0) > 0 ||
      (m.tags?.length ?? 0) > 0 ||
      Object.keys(m.attributes ?? {}).length > 0 ||
      m.hazmat !== undefined,
    { message: 'give at least one of categories, tags, attributes or hazmat' },
  );
export type ProductMatch = z.infer<typeof ProductMatch>;

/**
 * A set of destinations: any of `countries`, narrowed (when given) to the `regions` (state or
 * province codes or names, with or without the "US-" prefix) OR the postcode prefixes listed.
 */
export const DestinationMatch = z
  .object({
    countries: z.array(Country).min(1),
    regions: z.array(Term).optional(),
    postal_prefixes: z.array(z.string().min(1).max(10)).optional(),
    label: z.string().max(200).optional().describe('how messages name this place, e.g. "Crimea"'),
  })
  .strict();
export type DestinationMatch = z.infer<typeof DestinationMatch>;

const Effect = z.enum(['refused', 'restricted']);

const RuleBase = {
  id: RuleId,
  enabled: z.boolean().default(true),
  description: z.string().max(1000).optional(),
  source: z.string().max(1000).optional().describe('where the rule comes from (law, list, URL)'),
  message: z.string().max(1000).optional().describe('replaces the built-in message shown to agents'),
};

export const EmbargoRule = z
  .object({
    ...RuleBase,
    kind: z.literal('embargo'),
    destinations: z.array(DestinationMatch).min(1),
    effect: Effect.default('refused'),
  })
  .strict();

export const DestinationRule = z
  .object({
    ...RuleBase,
    kind: z.literal('destination'),
    applies_to: ProductMatch,
    deny: z.array(DestinationMatch).default([]),
    allow_only: z
      .array(DestinationMatch)
      .default([])
      .describe('within the countries these name, only the listed regions/postcodes are allowed'),
    effect: Effect.default('refused'),
    code: z
      .enum(['alcohol_prohibited_destination', 'restricted_destination'])
      .default('restricted_destination'),
  })
  .strict()
  .refine((r) => r.deny.length > 0 || r.allow_only.length > 0, {
    message: 'give deny or allow_only destinations',
    path: ['deny'],
  });

export const AgeRule = z
  .object({
    ...RuleBase,
    kind: z.literal('age'),
    applies_to: ProductMatch,
    min_age: z.number().int().min(1).max(120),
    by_country: z.record(Country, z.number().int().min(1).max(120)).default({}),
    require_verification: z
      .boolean()
      .default(true)
      .describe('a declared birth date is not enough: the age must be verified'),
  })
  .strict();

export const ServiceModeRule = z
  .object({
    ...RuleBase,
    kind: z.literal('service_mode'),
    applies_to: ProductMatch,
    excluded_modes: z.array(z.enum(['air', 'ground'])).min(1),
    code: z.enum(['hazmat_air_excluded', 'service_mode_excluded']).default('service_mode_excluded'),
  })
  .strict();

export const ComplianceRule = z.discriminatedUnion('kind', [
  EmbargoRule,
  DestinationRule,
  AgeRule,
  ServiceModeRule,
]);
export type ComplianceRule = z.infer<typeof ComplianceRule>;
export type EmbargoRule = z.infer<typeof EmbargoRule>;
export type DestinationRule = z.infer<typeof DestinationRule>;
export type AgeRule = z.infer<typeof AgeRule>;
export type ServiceModeRule = z.infer<typeof ServiceModeRule>;

export const ComplianceRuleSet = z
  .object({
    version: z.literal(1),
    name: z.string().max(200).optional(),
    settings: z
      .object({
        variant_min_age_requires_verification: z
          .boolean()
          .default(true)
          .describe("whether a variant's own min_age needs a verified age, not just a declared one"),
      })
      .strict()
      .default({ variant_min_age_requires_verification: true }),
    rules: z.array(ComplianceRule).max(500),
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Map<string, number>();
    set.rules.forEach((rule, i) => {
      const first = seen.get(rule.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `duplicate id (also rules[${first}])`,
        });
      } else seen.set(rule.id, i);
    });
  })
  .meta({ id: 'ComplianceRuleSet' });
export type ComplianceRuleSet = z.infer<typeof ComplianceRuleSet>;
export type ComplianceRuleSetInput = z.input<typeof ComplianceRuleSet>;

/** Validates a rule set; throws a `config` ConcordError whose issues name each bad field. */
export function parseRuleSet(value: unknown): ComplianceRuleSet {
  const result = ComplianceRuleSet.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new ConcordError('config', 'compliance_rules_invalid', `Invalid compliance rules: ${summary}`, {
    cause: result.error,
    issues,
  });
}

/** Parses rule-set text (YAML, or JSON which is YAML) and validates it. */
export function parseRuleSetText(text: string): ComplianceRuleSet {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ConcordError(
      'config',
      'compliance_rules_unreadable',
      `Rules are not valid YAML/JSON: ${message}`,
      {
        cause,
      },
    );
  }
  return parseRuleSet(value);
}

/** The JSON Schema of the rule-set file (input side: defaults make fields optional). */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ComplianceRuleSet, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
