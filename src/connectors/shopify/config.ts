/**
 * Settings of one Shopify system (one shop), parsed with zod so a bad setting fails fast with the
 * name of the field. The access token and API secret are secrets: they are never logged and never
 * put in an error message (zod issues name the field, not the value).
 *
 * @example
 * const settings = parseShopifySettings({ shop: 'acme.myshopify.com', accessToken: 'shpat_…', apiSecret: '…' });
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { SHOPIFY_MANIFEST } from './manifest.js';

const planNames = Object.keys(SHOPIFY_MANIFEST.plans) as [
  keyof typeof SHOPIFY_MANIFEST.plans,
  ...(keyof typeof SHOPIFY_MANIFEST.plans)[],
];

export const ShopifySettings = z
  .object({
    /** The permanent `*.myshopify.com` domain (not a custom storefront domain). */
    shop: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'a shop domain such as "acme.myshopify.com"'),
    accessToken: z.string().min(1),
    /** The app's client secret: signs webhooks (X-Shopify-Hmac-Sha256). */
    apiSecret: z.string().min(1),
    plan: z.enum(planNames).default('standard'),
    /** Overrides `https://{shop}/admin/api/2026-10/graphql.json` (simulators, proxies). */
    endpoint: z.url().optional(),
    /** How `orderCreate` treats stock. https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/orderCreate */
    inventoryBehaviour: z
      .enum(['BYPASS', 'DECREMENT_IGNORING_POLICY', 'DECREMENT_OBEYING_POLICY'])
      .default('DECREMENT_OBEYING_POLICY'),
    /** Initial sync uses a bulk operation when the shop has more variants than this. */
    bulkThreshold: z.number().int().nonnegative().default(5000),
    /**
     * Orders Concord creates were paid through the agent's checkout: record them as paid (a successful
     * SALE transaction for their total) or leave them pending for the merchant to collect.
     */
    orderPayment: z.enum(['paid', 'pending']).default('paid'),
    /** Gateway name on the payment and refund transactions of orders Concord creates. */
    paymentGateway: z.string().min(1).default('manual'),
  })
  .strict();
export type ShopifySettings = z.infer<typeof ShopifySettings>;
export type ShopifySettingsInput = z.input<typeof ShopifySettings>;

/** Parses settings or throws a `config` ConcordError naming each bad field (never its value). */
export function parseShopifySettings(input: unknown): ShopifySettings {
  const result = ShopifySettings.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(settings)',
    message: issue.message,
  }));
  const fields = issues.map((i) => i.field).join(', ');
  throw new ConcordError('config', 'shopify_invalid_settings', `Invalid Shopify settings: ${fields}`, {
    issues,
  });
}

/** The GraphQL endpoint for these settings. */
export function shopifyEndpoint(settings: Pick<ShopifySettings, 'shop' | 'endpoint'>): string {
  return (
    settings.endpoint ??
    SHOPIFY_MANIFEST.endpointTemplate
      .replace('{shop}', settings.shop)
      .replace('{version}', SHOPIFY_MANIFEST.apiVersion)
  );
}
