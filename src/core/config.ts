/**
 * Configuration: the environment, parsed once with zod (failing fast with the variable's name), and
 * the optional merchant configuration file (YAML or JSON) that lists merchants, their API keys and
 * their systems. Secrets never sit in the file: a setting ending in `Env` names the environment
 * variable that holds the value (`accessTokenEnv: ACME_SHOPIFY_TOKEN` sets `accessToken`).
 *
 * @example
 * const env = loadEnv(process.env);            // throws ConcordError naming e.g. PORT
 * const file = env.CONCORD_CONFIG ? loadConfigFile(env.CONCORD_CONFIG, process.env) : undefined;
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConcordError } from './errors.js';

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .describe('PostgreSQL URL; when unset the embedded PGlite store is used'),
  CONCORD_DATA_DIR: z.string().default('.concord'),
  CONCORD_CONFIG: z.string().optional().describe('Path to the merchant configuration file (YAML or JSON)'),
  CONCORD_PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .describe('URL vendors reach Concord at, for webhook callbacks'),
  CONCORD_SANDBOX: z
    .enum(['auto', 'true', 'false', 'mid_market'])
    .default('auto')
    .describe(
      'Start the sandbox merchant (Shopify simulator); auto = when no config file is given; ' +
        'mid_market = Shopify + NetSuite simulators under the mid_market topology (merchant mer_midmarket)',
    ),
  CONCORD_SANDBOX_PRODUCTS: z.coerce.number().int().positive().max(100_000).default(300),
  CONCORD_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  CONCORD_READ_CACHE: z
    .enum(['on', 'off'])
    .default('on')
    .describe(
      'Exact read cache of the embedded store (invalidated by every write; never used with PostgreSQL)',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Env = z.infer<typeof EnvSchema>;

export function loadEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConcordError('config', 'invalid_env', `Environment variable ${name}: ${issue.message}`, {
      field: name,
    });
  }
  return result.data;
}

const SystemConfig = z
  .object({ name: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/), vendor: z.enum(['shopify']) })
  .catchall(z.unknown());

export const ConfigFileSchema = z
  .object({
    merchants: z.array(
      z
        .object({
          id: z.string().regex(/^mer_[a-z0-9_]{1,40}$/, 'ids look like "mer_acme"'),
          name: z.string().min(1),
          api_keys: z
            .array(z.object({ label: z.string().optional(), secretEnv: z.string() }).strict())
            .default([])
            .describe('API keys provisioned from the environment (each at least 24 characters)'),
          systems: z.array(SystemConfig).min(1),
        })
        .strict(),
    ),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFileSchema>;
export type SystemConfig = z.infer<typeof SystemConfig>;

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
  const result = ConfigFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConcordError('config', 'invalid_config', `${path}: ${issue.path.join('.')}: ${issue.message}`, {
      field: issue.path.join('.'),
    });
  }
  return result.data;
}
