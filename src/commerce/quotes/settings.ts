/**
 * What a merchant's quotes are computed with: its shipping profile, its compliance rules, its tax
 * setup (provider, registrations, tax-inclusive prices, how products map to tax categories) and how
 * long a quote holds. Every merchant starts from the built-in defaults (a US merchant's profile and
 * rules, the built-in tax engine, 15 minutes); `setCommerceSettings` replaces any part.
 *
 * @example
 * setCommerceSettings(rt, 'mer_a', { quote_ttl_seconds: 600, tax: { ...defaults.tax, prices_include_tax: true } });
 * const settings = commerceSettings(rt, 'mer_a');
 */
import type { Product, Variant } from '../../model/index.js';
import type { Runtime } from '../../runtime.js';
import { DEFAULT_COMPLIANCE_RULES, parseRuleSet, type ComplianceRuleSet } from '../compliance/index.js';
import { DEFAULT_SHIPPING_PROFILE, parseShippingProfile, type ShippingProfile } from '../shipping/index.js';
import {
  builtInTaxProvider,
  TAX_CATEGORIES,
  type TaxCategory,
  type TaxProvider,
  type TaxRegistrations,
} from '../tax/index.js';

export interface TaxSettings {
  provider: TaxProvider;
  /** Where the merchant collects tax; undefined: only where it ships from (the engine's default). */
  registrations?: TaxRegistrations;
  prices_include_tax: boolean;
  /** The tax category of a variant. */
  category(variant: Variant, product: Product | null): TaxCategory;
}

export interface CommerceSettings {
  shipping: ShippingProfile;
  compliance: ComplianceRuleSet;
  tax: TaxSettings;
  quote_ttl_seconds: number;
}

const SYNONYMS: Record<string, TaxCategory> = {
  apparel: 'clothing',
  clothing: 'clothing',
  book: 'books',
  books: 'books',
  food: 'food',
  grocery: 'food',
  groceries: 'food',
  medicine: 'medicine',
  pharmacy: 'medicine',
};

/**
 * The default mapping: the variant's `tax_category` attribute when it names a category, else the
 * product type when it names one (or a common synonym: "Apparel" → clothing), else standard.
 */
export function defaultTaxCategory(variant: Variant, product: Product | null): TaxCategory {
  const explicit = variant.attributes['tax_category']?.trim().toLowerCase();
  if (explicit && (TAX_CATEGORIES as readonly string[]).includes(explicit)) return explicit as TaxCategory;
  const type = product?.product_type?.trim().toLowerCase() ?? '';
  return (
    SYNONYMS[type] ??
    ((TAX_CATEGORIES as readonly string[]).includes(type) ? (type as TaxCategory) : 'standard')
  );
}

export function defaultCommerceSettings(): CommerceSettings {
  return {
    shipping: parseShippingProfile(DEFAULT_SHIPPING_PROFILE),
    compliance: parseRuleSet(DEFAULT_COMPLIANCE_RULES),
    tax: { provider: builtInTaxProvider, prices_include_tax: false, category: defaultTaxCategory },
    quote_ttl_seconds: 15 * 60,
  };
}

const byRuntime = new WeakMap<Runtime, Map<string, CommerceSettings>>();

export function commerceSettings(rt: Runtime, merchantId: string): CommerceSettings {
  let merchants = byRuntime.get(rt);
  if (!merchants) byRuntime.set(rt, (merchants = new Map()));
  let settings = merchants.get(merchantId);
  if (!settings) merchants.set(merchantId, (settings = defaultCommerceSettings()));
  return settings;
}

export function setCommerceSettings(
  rt: Runtime,
  merchantId: string,
  changes: Partial<CommerceSettings>,
): void {
  const current = commerceSettings(rt, merchantId);
  byRuntime.get(rt)!.set(merchantId, { ...current, ...changes });
}
