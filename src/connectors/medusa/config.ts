/**
 * Settings of one Medusa v2 system, parsed with zod so a bad setting fails fast with the name of the
 * field. The secret API key is a secret: it is never logged and never put in an error message (zod
 * issues name the field, not the value).
 *
 * @example
 * const settings = parseMedusaSettings({ url: 'https://shop.example.com', apiKey: 'sk_…' });
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { MEDUSA_MANIFEST } from './manifest.js';

const medusaId = (prefix: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`), `a Medusa id starting with "${prefix}_"`);

export const MedusaSettings = z
  .object({
    /** Base URL of the Medusa server (the Admin API is under `/admin`). */
    url: z
      .url({ protocol: /^https?$/ })
      .transform((u) => u.replace(/\/+$/, ''))
      .describe('Medusa server URL, e.g. https://shop.example.com'),
    /** A secret API key (`sk_…`), created in Settings → Secret API Keys. */
    apiKey: z.string().trim().min(1).describe('Secret API key'),
    /** A publishable key (`pk_…`) for Store API calls; the Admin flows Concord uses do not need it. */
    publishableKey: z.string().trim().min(1).optional(),
    /** Sales channel of orders Concord creates (default: the store's default sales channel). */
    salesChannelId: medusaId('sc').optional(),
    /** Region of orders Concord creates and of the prices it reads (default: the store's default region). */
    regionId: medusaId('reg').optional(),
    /** Shipping option used for the shipping line of orders (default: the first one, by id). */
    shippingOptionId: medusaId('so').optional(),
    /**
     * Orders Concord creates were paid through the agent's checkout: record them as paid (a payment
     * collection marked as paid with the system provider) or leave them not paid for the merchant.
     */
    orderPayment: z.enum(['paid', 'pending']).default('paid'),
    pageSize: z.number().int().min(1).max(MEDUSA_MANIFEST.paging.maxPageSize).default(100),
    concurrency: z.number().int().min(1).max(32).default(MEDUSA_MANIFEST.defaultConcurrency),
    /** Medusa stores weights and sizes without a unit; the merchant's convention (default g / cm). */
    weightUnit: z.enum(['g', 'kg', 'oz', 'lb']).default('g'),
    dimensionUnit: z.enum(['mm', 'cm', 'm', 'in']).default('cm'),
  })
  .strict();
export type MedusaSettings = z.infer<typeof MedusaSettings>;
export type MedusaSettingsInput = z.input<typeof MedusaSettings>;

/** Parses settings or throws a `config` ConcordError naming each bad field (never its value). */
export function parseMedusaSettings(input: unknown): MedusaSettings {
  const result = MedusaSettings.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(settings)',
    message: issue.message,
  }));
  const fields = issues.map((i) => i.field).join(', ');
  throw new ConcordError('config', 'medusa_invalid_settings', `Invalid Medusa settings: ${fields}`, {
    issues,
  });
}
