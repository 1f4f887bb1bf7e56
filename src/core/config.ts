/**
 * The environment, parsed once with zod, failing fast with the variable's name. The merchant
 * configuration file `CONCORD_CONFIG` names is read by `src/merchant-config.ts`.
 *
 * @example
 * const env = loadEnv(process.env); // throws ConcordError naming e.g. PORT
 */
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
