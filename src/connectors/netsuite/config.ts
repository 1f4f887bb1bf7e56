/**
 * Settings of one NetSuite system (one account), parsed with zod so a bad setting fails fast with the
 * name of the field. The consumer and token secrets are secrets: never logged, never in an error (zod
 * issues name the field, not the value).
 *
 * @example
 * const settings = parseNetSuiteSettings({ accountId: '1234567_SB1', consumerKey: '…', consumerSecret: '…', tokenId: '…', tokenSecret: '…' });
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { NETSUITE_MANIFEST } from './manifest.js';

export const NetSuiteSettings = z
  .object({
    /** The account id (realm), e.g. "TSTDRV1234567" or "1234567_SB1". */
    accountId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]+$/, 'an account id such as "1234567" or "1234567_SB1"'),
    consumerKey: z.string().min(1),
    consumerSecret: z.string().min(1),
    tokenId: z.string().min(1),
    tokenSecret: z.string().min(1),
    /** Overrides `https://<account>.suitetalk.api.netsuite.com` (simulators, proxies). */
    endpoint: z.url().optional(),
    /** Overrides the concurrency limit read from governanceLimits. */
    concurrency: z.number().int().positive().max(1000).optional(),
    /** Price levels to read into `Item.price_levels`, by name. */
    priceLevels: z.array(z.string().min(1)).default([]),
    /** The price level whose price is `Item.base_price`. */
    basePriceLevel: z.string().min(1).default('Base Price'),
    /** Currency of prices read (ISO code); prices in other currencies are skipped. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('USD'),
  })
  .strict();
export type NetSuiteSettings = z.infer<typeof NetSuiteSettings>;
export type NetSuiteSettingsInput = z.input<typeof NetSuiteSettings>;

/** Parses settings or throws a `config` ConcordError naming each bad field (never its value). */
export function parseNetSuiteSettings(input: unknown): NetSuiteSettings {
  const result = NetSuiteSettings.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(settings)',
    message: issue.message,
  }));
  const fields = issues.map((i) => i.field).join(', ');
  throw new ConcordError('config', 'netsuite_invalid_settings', `Invalid NetSuite settings: ${fields}`, {
    issues,
  });
}

/** The REST host for these settings: the override, else the account's SuiteTalk host. */
export function netSuiteEndpoint(settings: Pick<NetSuiteSettings, 'accountId' | 'endpoint'>): string {
  if (settings.endpoint) return settings.endpoint.replace(/\/+$/, '');
  const host = settings.accountId.toLowerCase().replace(/_/g, '-');
  return NETSUITE_MANIFEST.endpointTemplate.replace('{host}', host);
}
