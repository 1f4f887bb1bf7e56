/**
 * The merchant configuration file (`CONCORD_CONFIG`, YAML or JSON): merchants, their API keys,
 * their systems (vendor, category, connector settings) and their topology (preset, ownership
 * overrides, match key, price level; see `src/topology/`, whose JSON Schema is published in
 * `src/topology/topology.schema.json`). Secrets never sit in the file: a setting ending in `Env`
 * names the environment variable that holds the value (`accessTokenEnv: ACME_SHOPIFY_TOKEN` sets
 * `accessToken`). Loading registers everything in the runtime; any mistake stops Concord with the
 * path of the bad field (`merchants[0].topology.ownership.price`), never with a secret's value.
 *
 * @example
 * const file = loadConfigFile('concord.yaml');
 * await applyConfigFile(rt, file, process.env);
 * rt.topologies.get('mer_acme')?.ownership.price.owner.system; // 'netsuite'
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseRuleSetText } from './commerce/compliance/index.js';
import { commerceSettings, setCommerceSettings, type CommerceSettings } from './commerce/quotes/index.js';
import { parseShippingProfileText } from './commerce/shipping/index.js';
import { TaxRegistrations } from './commerce/tax/index.js';
import { createConnector, isVendor, VENDOR_CATEGORIES, VENDORS } from './connectors/registry.js';
import { ConcordError } from './core/errors.js';
import type { Runtime } from './runtime.js';
import {
  buildTopology,
  formatPath,
  SystemCategory,
  TopologyConfig,
  validateTopologyConfig,
  type Topology,
} from './topology/index.js';

const SystemEntry = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, "-" or "_"'),
    vendor: z.string().refine(isVendor, { message: `one of ${VENDORS.join(', ')}` }),
    category: SystemCategory.optional().describe("The system's role; defaults to its vendor's"),
  })
  .catchall(z.unknown());
export type SystemEntry = z.infer<typeof SystemEntry>;

/** The merchant's topology without `systems`: those come from the merchant's `systems` list. */
const { preset, ownership, match_key, pricing, rules } = TopologyConfig.shape;
const MerchantTopology = z
  .object({ preset: preset.optional(), ownership, match_key, pricing, rules })
  .partial()
  .strict();

/**
 * Quote settings: files (YAML or JSON, paths relative to the configuration file) holding the
 * merchant's shipping profile and compliance rules, its tax registrations, and how long quotes hold.
 */
const MerchantCommerce = z
  .object({
    shipping_profile: z.string().min(1).optional().describe('Shipping profile file (src/commerce/shipping)'),
    compliance_rules: z
      .string()
      .min(1)
      .optional()
      .describe('Compliance rule set file (src/commerce/compliance)'),
    tax: z
      .object({ registrations: TaxRegistrations.optional(), prices_include_tax: z.boolean().optional() })
      .strict()
      .optional(),
    quote_ttl_seconds: z
      .number()
      .int()
      .min(30)
      .max(7 * 24 * 3600)
      .optional(),
  })
  .strict();

const MerchantEntry = z
  .object({
    id: z.string().regex(/^mer_[a-z0-9_]{1,40}$/, 'ids look like "mer_acme"'),
    name: z.string().min(1),
    api_keys: z
      .array(z.object({ label: z.string().optional(), secretEnv: z.string() }).strict())
      .default([])
      .describe('API keys provisioned from the environment (each at least 24 characters)'),
    systems: z.array(SystemEntry).min(1),
    topology: MerchantTopology.optional().describe('Ownership and matching; preset smb when omitted'),
    commerce: MerchantCommerce.optional().describe('Quote settings; built-in defaults when omitted'),
  })
  .strict();

export const ConfigFileSchema = z.object({ merchants: z.array(MerchantEntry) }).strict();
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
export type MerchantEntry = z.infer<typeof MerchantEntry>;

const invalidConfig = (where: string, field: string, message: string) =>
  new ConcordError('config', 'invalid_config', `${where}: ${field}: ${message}`, { field });

/** Replaces every `xEnv: NAME` setting with `x: env[NAME]`, failing when the variable is unset. */
export function resolveEnvRefs(settings: Record<string, unknown>, env: Record<string, string | undefined>) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (key.endsWith('Env') && key.length > 3 && typeof value === 'string') {
      const resolved = env[value];
      if (resolved === undefined) {
        throw new ConcordError('config', 'missing_env', `Setting ${key} names ${value}, which is not set`, {
          field: key,
        });
      }
      out[key.slice(0, -3)] = resolved;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Validates an already-parsed configuration; `where` names it in errors (the file's path). */
export function parseConfigFile(value: unknown, where = 'configuration'): ConfigFile {
  const result = ConfigFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw invalidConfig(where, formatPath(issue.path), issue.message);
  }
  return result.data;
}

/** Reads a settings file the configuration names, relative to the configuration file. */
function readSettingsFile<T>(base: string, file: string, field: string, parse: (text: string) => T): T {
  const path = isAbsolute(file) ? file : join(dirname(base), file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConcordError('config', 'unreadable_config', `${field}: cannot read ${path}`, { field, cause });
  }
  try {
    return parse(text);
  } catch (error) {
    if (!(error instanceof ConcordError)) throw error;
    const inner = error.issues[0]?.field;
    throw new ConcordError('config', 'invalid_config', `${path}: ${error.message}`, {
      field: inner ? `${field}: ${inner}` : field,
      cause: error,
    });
  }
}

/** The merchant's quote settings over the defaults. */
export function merchantCommerce(
  rt: Runtime,
  merchant: MerchantEntry,
  base: string,
): Partial<CommerceSettings> {
  const c = merchant.commerce;
  if (!c) return {};
  const field = (name: string) => `merchants[${merchant.id}].commerce.${name}`;
  const tax = commerceSettings(rt, merchant.id).tax;
  return {
    ...(c.shipping_profile
      ? {
          shipping: readSettingsFile(
            base,
            c.shipping_profile,
            field('shipping_profile'),
            parseShippingProfileText,
          ),
        }
      : {}),
    ...(c.compliance_rules
      ? {
          compliance: readSettingsFile(base, c.compliance_rules, field('compliance_rules'), parseRuleSetText),
        }
      : {}),
    ...(c.tax
      ? {
          tax: {
            ...tax,
            ...(c.tax.registrations ? { registrations: c.tax.registrations } : {}),
            ...(c.tax.prices_include_tax !== undefined
              ? { prices_include_tax: c.tax.prices_include_tax }
              : {}),
          },
        }
      : {}),
    ...(c.quote_ttl_seconds ? { quote_ttl_seconds: c.quote_ttl_seconds } : {}),
  };
}

export function loadConfigFile(path: string): ConfigFile {
  let parsed: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    parsed = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw new ConcordError('config', 'unreadable_config', `Cannot read configuration file ${path}`, {
      cause,
    });
  }
  return parseConfigFile(parsed, path);
}

/** The merchant's topology: its systems (category defaulting to the vendor's) under its settings. */
export function merchantTopology(merchant: MerchantEntry, where = 'configuration'): Topology {
  const systems = merchant.systems.map((s) => ({
    name: s.name,
    vendor: s.vendor,
    category: s.category ?? VENDOR_CATEGORIES[s.vendor as keyof typeof VENDOR_CATEGORIES],
  }));
  try {
    return buildTopology(validateTopologyConfig({ preset: 'smb', ...merchant.topology, systems }));
  } catch (error) {
    if (!(error instanceof ConcordError)) throw error;
    const inner = error.issues[0]?.field;
    const field = `merchants[${merchant.id}].topology${inner && inner !== '(root)' ? `.${inner}` : ''}`;
    throw new ConcordError('config', 'invalid_config', `${where}: ${field}: ${error.message}`, {
      field,
      cause: error,
    });
  }
}

/** Registers the file's merchants, API keys, systems and topologies in the runtime. */
export async function applyConfigFile(
  rt: Runtime,
  file: ConfigFile,
  env: Record<string, string | undefined>,
  /** Path of the configuration file: settings files are read relative to it. */
  base = join(process.cwd(), 'concord.yaml'),
): Promise<void> {
  for (const merchant of file.merchants) {
    const topology = merchantTopology(merchant);
    const commerce = merchantCommerce(rt, merchant, base);
    await rt.merchants.ensureMerchant(merchant.id, merchant.name);
    for (const key of merchant.api_keys) {
      const secret = resolveEnvRefs({ secretEnv: key.secretEnv }, env).secret as string;
      if (secret.length < 24) {
        throw new ConcordError('config', 'weak_api_key', `${key.secretEnv} must hold at least 24 characters`);
      }
      await rt.merchants.createApiKey(merchant.id, key.label, secret);
    }
    for (const system of merchant.systems) {
      const { name, vendor, category: _category, ...rest } = system;
      const context = { merchantId: merchant.id, system: name };
      const built = createConnector(vendor, resolveEnvRefs(rest, env), context);
      if (built.category === 'erp') rt.connectors.registerErp(context, built.connector);
      else rt.connectors.register(context, built.connector);
      await rt.merchants.upsertSystem({ merchant_id: merchant.id, name, vendor, settings: { vendor } });
    }
    rt.topologies.set(merchant.id, topology);
    setCommerceSettings(rt, merchant.id, commerce);
  }
}
