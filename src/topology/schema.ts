/**
 * The merchant topology file: which systems are connected (platform, ERP, OMS, WMS), which size
 * preset applies (`smb` or `mid_market`), per-domain ownership overrides, the match key joining
 * platform variants to ERP items, and a reserved `rules` list for enterprise topologies. Written
 * in YAML or JSON; `parseTopologyConfig` validates it and names the path of every problem
 * (`systems[1].category`, `ownership.price`). The JSON Schema published for editors is generated
 * from these zod schemas (`topology.schema.json`, see `write-schema.ts`).
 *
 * @example
 * const config = parseTopologyConfig(`
 * systems:
 *   - { name: shopify, vendor: shopify, category: platform }
 *   - { name: netsuite, vendor: netsuite, category: erp }
 * preset: mid_market
 * `);
 */
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { ConcordError, type FieldIssue } from '../core/errors.js';

export const SystemCategory = z.enum(['platform', 'erp', 'oms', 'wms']).meta({ id: 'SystemCategory' });
export type SystemCategory = z.infer<typeof SystemCategory>;

/** The domains whose truth one system owns (DESIGN.md "Merchant size changes who owns the truth"). */
export const Domain = z
  .enum([
    'product_content',
    'price',
    'inventory',
    'customer_identity',
    'order_record',
    'fulfillment_status',
    'invoice',
  ])
  .meta({ id: 'TopologyDomain' });
export type Domain = z.infer<typeof Domain>;

export const Preset = z.enum(['smb', 'mid_market']).meta({ id: 'TopologyPreset' });
export type Preset = z.infer<typeof Preset>;

const CATEGORY_NAMES: readonly string[] = SystemCategory.options;

export const SystemConfig = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, "-" or "_", starting with a letter')
      .refine(
        (name) => !CATEGORY_NAMES.includes(name),
        'must not be a category name (platform, erp, oms, wms)',
      )
      .describe('The merchant\'s name for this connection; becomes `record.system`, e.g. "shopify"'),
    vendor: z.string().min(1).describe('Connector vendor, e.g. "shopify", "netsuite"'),
    category: SystemCategory,
  })
  .strict()
  .meta({ id: 'TopologySystem' });
export type SystemConfig = z.infer<typeof SystemConfig>;

/**
 * Where a domain's truth lives: `<system name or category>[:<record kind>]`, e.g. `erp:sales_order`,
 * `platform`, `netsuite:item`. A category names the first configured system of that category.
 */
export const OwnershipTarget = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*(:[a-z_]+)?$/, '"<system or category>[:<record kind>]", e.g. "erp:sales_order"');

/**
 * Ordered targets of one domain: the first target whose system is configured owns the truth; every
 * configured target receives writes. Targets whose category has no configured system are skipped.
 */
export const OwnershipEntry = z.array(OwnershipTarget).min(1);

export const OwnershipOverrides = z
  .object({
    product_content: OwnershipEntry.optional(),
    price: OwnershipEntry.optional(),
    inventory: OwnershipEntry.optional(),
    customer_identity: OwnershipEntry.optional(),
    order_record: OwnershipEntry.optional(),
    fulfillment_status: OwnershipEntry.optional(),
    invoice: OwnershipEntry.optional(),
  })
  .strict()
  .describe('Per-domain overrides of the preset; a domain not named keeps the preset value')
  .meta({ id: 'TopologyOwnership' });

/** How a platform variant and an ERP item are recognised as the same thing. */
export const MatchKeyConfig = z
  .union([
    z.literal('sku'),
    z.literal('barcode'),
    z
      .object({
        field: z.string().min(1).describe('Name of the platform variant attribute holding the key'),
        erp: z
          .enum(['sku', 'external_id'])
          .default('sku')
          .describe('ERP item field the attribute value is compared with'),
      })
      .strict(),
    z
      .object({
        cross_reference: z
          .array(
            z
              .object({
                platform: z.string().min(1).describe('Platform variant external id or SKU'),
                erp: z.string().min(1).describe('ERP item external id or SKU'),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
  ])
  .meta({ id: 'TopologyMatchKey' });
export type MatchKeyConfig = z.infer<typeof MatchKeyConfig>;

const ruleBase = {
  domain: Domain,
  owner: OwnershipEntry,
  description: z.string().optional(),
};

/**
 * Enterprise ownership rules (reserved). The shapes are published so files can be written against
 * them, but a non-empty list is rejected until the rule evaluator exists.
 */
export const TopologyRule = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('sku_range'), from: z.string(), to: z.string(), ...ruleBase }).strict(),
    z.object({ kind: z.literal('channel'), channels: z.array(z.string()).min(1), ...ruleBase }).strict(),
    z.object({ kind: z.literal('location'), locations: z.array(z.string()).min(1), ...ruleBase }).strict(),
    z.object({ kind: z.literal('customer_group'), groups: z.array(z.string()).min(1), ...ruleBase }).strict(),
  ])
  .meta({ id: 'TopologyRule' });
export type TopologyRule = z.infer<typeof TopologyRule>;

export const TopologyConfig = z
  .object({
    version: z.literal(1).default(1),
    systems: z.array(SystemConfig).min(1),
    preset: Preset,
    ownership: OwnershipOverrides.optional(),
    match_key: MatchKeyConfig.default('sku'),
    pricing: z
      .object({
        price_level: z
          .string()
          .min(1)
          .nullable()
          .default(null)
          .describe('ERP price level used as the price; null for the base price'),
      })
      .strict()
      .default({ price_level: null }),
    rules: z
      .array(TopologyRule)
      .default([])
      .describe('Reserved for enterprise topologies; must be empty for now'),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.systems.forEach((system, i) => {
      if (seen.has(system.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['systems', i, 'name'],
          message: `duplicate system "${system.name}"`,
        });
      }
      seen.add(system.name);
    });
    if (config.rules.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules'],
        message: 'rules are reserved for enterprise topologies and not evaluated yet; leave empty',
      });
    }
  })
  .meta({ id: 'TopologyConfig' });
export type TopologyConfig = z.infer<typeof TopologyConfig>;
export type TopologyConfigInput = z.input<typeof TopologyConfig>;

/** Renders a zod path as `systems[1].category`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(root)';
}

/** Validates an already-parsed value; throws a `config` ConcordError whose issues name each path. */
export function validateTopologyConfig(value: unknown): TopologyConfig {
  const result = TopologyConfig.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: formatPath(issue.path),
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new ConcordError('config', 'topology_invalid', `Invalid topology: ${summary}`, {
    cause: result.error,
    issues,
  });
}

/** Parses topology text (YAML, or JSON which is YAML) and validates it. */
export function parseTopologyConfig(text: string): TopologyConfig {
  let value: unknown;
  try {
    value = parseYaml(text, { prettyErrors: true });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ConcordError('config', 'topology_unreadable', `Topology is not valid YAML/JSON: ${message}`, {
      cause,
    });
  }
  return validateTopologyConfig(value);
}

/** The JSON Schema of the topology file (input side: defaults make fields optional). */
export function topologyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TopologyConfig, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
