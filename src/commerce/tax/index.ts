/**
 * Concord's tax engine: a pure module (no database, no HTTP) that quotes call to price tax.
 * Built-in tables cover US state-level sales tax, EU VAT (27 states), UK VAT and Canadian
 * GST/HST/PST/QST; a {@link TaxProvider} swaps in an ERP's or a tax service's calculation.
 *
 * @example
 * import { builtInTaxProvider, calculateWithProvider } from './commerce/tax/index.js';
 * const tax = await calculateWithProvider(builtInTaxProvider, {
 *   currency: 'EUR', origin: { country: 'DE' }, ship_to: { country: 'FR' },
 *   registrations: { eu_oss: true }, prices_include_tax: true,
 *   lines: [{ id: 'l1', unit_amount: 2400, quantity: 1, category: 'books' }],
 * });
 * tax.totals; // { net: 2275, tax: 125, gross: 2400 }  (French books 5.5%)
 */
export { TAX_CATEGORIES, TaxCategory, type ReducedCategory } from './categories.js';
export {
  CA_PROVINCES,
  EU_MEMBER_STATES,
  US_STATES,
  type CaProvinceCode,
  type EuCountryCode,
  type UsStateCode,
} from './codes.js';
export {
  MAX_LINE_QUANTITY,
  MAX_TAX_LINES,
  TaxAddress,
  TaxInput,
  TaxLineInput,
  TaxRegistrations,
  TaxShippingInput,
  lineAmount,
  parseTaxInput,
  type TaxInputRequest,
} from './input.js';
export {
  JurisdictionKind,
  NoTaxReason,
  TaxJurisdictionSummary,
  TaxLineJurisdiction,
  TaxLineResult,
  TaxResult,
  TaxShippingResult,
  TaxSkipped,
  TaxSourcing,
} from './result.js';
export { BUILT_IN_PROVIDER_NAME, calculateTax } from './calculate.js';
export { effectiveRegistrations, resolveJurisdictions, type Resolution } from './jurisdictions.js';
export { builtInTaxProvider, calculateWithProvider, checkTaxResult, type TaxProvider } from './provider.js';
export { TAX_TABLE, TAX_TABLE_AS_OF, TAX_TABLE_VERSION, ruleFor } from './rates/table.js';
export type { JurisdictionRates, RateRule, RateThreshold, TaxTable, UsStateRates } from './rates/schema.js';
