/**
 * The built-in rate table, assembled from the regional data files and validated once at load.
 * `TAX_TABLE.version` is what a quote records so the tax it locked can be traced to the exact
 * rates used; bump it whenever any rate, rule or source changes.
 *
 * @example
 * TAX_TABLE.version; // '2026-11-26'
 * ruleFor(TAX_TABLE.eu.DE!, 'books').rate; // 7
 */
import { categoryFallbacks, type TaxCategory } from '../categories.js';
import { CA_GST_RATES, CA_HST_RATES, CA_PROVINCIAL_RATES, GB_RATES } from './gb-ca.js';
import { EU_RATES } from './eu.js';
import { TaxTableSchema, type JurisdictionRates, type RateRule, type TaxTable } from './schema.js';
import { US_RATES } from './us.js';

/** Date the rates were last reviewed as a whole; each rule also carries its own source and date. */
export const TAX_TABLE_AS_OF = '2026-11-26';
export const TAX_TABLE_VERSION = '2026-11-26';

export const TAX_TABLE: TaxTable = TaxTableSchema.parse({
  version: TAX_TABLE_VERSION,
  as_of: TAX_TABLE_AS_OF,
  us: US_RATES,
  eu: EU_RATES,
  gb: GB_RATES,
  ca_gst: CA_GST_RATES,
  ca_hst: CA_HST_RATES,
  ca_provincial: CA_PROVINCIAL_RATES,
});

/** The rule for a category: its own, else the broader category's (children's → clothing), else standard. */
export function ruleFor(entry: JurisdictionRates, category: TaxCategory): RateRule {
  for (const key of categoryFallbacks(category)) {
    const found = entry.categories[key];
    if (found) return found;
  }
  return entry.standard;
}

/** Every rule in an entry, for audits and tests. */
export function rulesOf(entry: JurisdictionRates): RateRule[] {
  return [entry.standard, ...Object.values(entry.categories).filter((r): r is RateRule => r !== undefined)];
}
