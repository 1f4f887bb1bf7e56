/**
 * Tax on one amount under a set of jurisdictions: pick each jurisdiction's rule for the line's
 * category, apply price thresholds, then add the taxes on top (tax-exclusive prices) or extract
 * them from the gross (tax-inclusive prices), rounding each tax once (see `rounding.ts`).
 *
 * Thresholds compare the line's average unit price (line amount ÷ quantity, after the line
 * discount) with the rule's per-unit amount; with tax-inclusive prices that is the gross unit
 * price (tax-inclusive pricing is unusual where thresholds exist; noted as an approximation).
 *
 * @example
 * const rates = applicableRates(line, 5000, resolution.jurisdictions, 'USD', 2, undefined);
 * computeTaxes(5000, rates, false); // { taxes: [363], net: 5000, tax: 363, gross: 5363 }
 */
import { ConcordError } from '../../core/errors.js';
import type { TaxCategory } from './categories.js';
import type { ResolvedJurisdiction } from './jurisdictions.js';
import type { RateRule, RateThreshold } from './rates/schema.js';
import { ruleFor } from './rates/table.js';
import type { TaxLineJurisdiction } from './result.js';
import { percentToPpm, ppmToPercent, taxExclusive, taxInclusive } from './rounding.js';

export interface AppliedRate {
  jurisdiction: ResolvedJurisdiction;
  rule: RateRule;
  ppm: number;
  /** Part of the amount a `tax_excess` threshold leaves untaxed. */
  exempt: number;
}

export interface LineContext {
  index: number;
  category: TaxCategory;
  quantity: number;
  taxable: boolean;
}

function thresholdMinor(
  threshold: RateThreshold,
  currency: string,
  digits: number,
  line: LineContext,
): number {
  if (threshold.currency !== currency) {
    throw new ConcordError(
      'validation',
      'tax_threshold_currency_mismatch',
      `The ${line.category} rule has a ${threshold.currency} price threshold; the order is in ${currency}`,
      {
        field: `lines[${line.index}].category`,
        detail: { threshold_currency: threshold.currency, currency },
      },
    );
  }
  return threshold.amount * 10 ** digits * line.quantity;
}

function checkDate(rule: RateRule, entryCode: string, taxDate: string | undefined): void {
  if (taxDate !== undefined && !rule.as_of && taxDate < rule.effective_from) {
    throw new ConcordError(
      'validation',
      'tax_date_before_rate',
      `The table's ${entryCode} rate applies from ${rule.effective_from}; it cannot price ${taxDate}`,
      { field: 'tax_date', detail: { jurisdiction: entryCode, effective_from: rule.effective_from } },
    );
  }
}

/** The rate each jurisdiction applies to this line (none for a non-taxable line). */
export function applicableRates(
  line: LineContext,
  amount: number,
  jurisdictions: readonly ResolvedJurisdiction[],
  currency: string,
  digits: number,
  taxDate: string | undefined,
): AppliedRate[] {
  if (!line.taxable) return [];
  return jurisdictions.map((jurisdiction) => {
    const rule = ruleFor(jurisdiction.entry, line.category);
    checkDate(rule, jurisdiction.entry.code, taxDate);
    let ppm = percentToPpm(rule.rate);
    let exempt = 0;
    if (rule.threshold) {
      const limit = thresholdMinor(rule.threshold, currency, digits, line);
      const mode = rule.threshold.mode;
      if ((mode === 'exempt_below' && amount < limit) || (mode === 'exempt_up_to' && amount <= limit))
        ppm = 0;
      if (mode === 'tax_excess') exempt = Math.min(amount, limit);
    }
    return { jurisdiction, rule, ppm, exempt };
  });
}

export interface ComputedTaxes {
  taxes: number[];
  net: number;
  tax: number;
  gross: number;
}

/**
 * Taxes on `amount` (net if `inclusive` is false, gross otherwise). Inclusive extraction divides
 * by 1 + the sum of the line's rates, which is exact when every tax has the same base; the table
 * guarantees it (a `tax_excess` threshold only exists for a US state, the line's only tax).
 */
export function computeTaxes(
  amount: number,
  rates: readonly AppliedRate[],
  inclusive: boolean,
): ComputedTaxes {
  const totalPpm = rates.reduce((sum, r) => sum + r.ppm, 0);
  const taxes = rates.map((r) =>
    inclusive ? taxInclusive(amount - r.exempt, r.ppm, totalPpm) : taxExclusive(amount - r.exempt, r.ppm),
  );
  const tax = taxes.reduce((sum, t) => sum + t, 0);
  const net = inclusive ? amount - tax : amount;
  return { taxes, net, tax, gross: net + tax };
}

/** The per-jurisdiction breakdown of a computed amount, as the result reports it. */
export function breakdown(
  amount: number,
  rates: readonly AppliedRate[],
  computed: ComputedTaxes,
  inclusive: boolean,
): TaxLineJurisdiction[] {
  return rates.map((r, i) => {
    const taxableGrossOrNet = amount - r.exempt;
    const taxable = inclusive ? Math.max(0, taxableGrossOrNet - computed.tax) : taxableGrossOrNet;
    return {
      code: r.jurisdiction.entry.code,
      name: r.jurisdiction.entry.name,
      kind: r.jurisdiction.entry.kind,
      rate: ppmToPercent(r.ppm),
      taxable_amount: taxable,
      tax: computed.taxes[i]!,
      sourcing: r.jurisdiction.sourcing,
    };
  });
}
