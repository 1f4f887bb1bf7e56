/**
 * The built-in tax calculation: pure and synchronous (no database, no HTTP). Validates the input,
 * resolves the jurisdictions, taxes each line per jurisdiction, taxes shipping, and sums.
 *
 * Shipping follows the goods: the charge is split over the lines in proportion to their amounts
 * (largest remainder, so the parts add up exactly) and each part is taxed at its line's rates; a
 * line that is exempt or zero-rated carries untaxed shipping. Basis: EU VAT Directive Art. 78(b)
 * (transport charged by the supplier is part of the taxable amount of the goods; mixed-rate
 * consignments apportioned), HMRC Notice 700/24 (delivery charges follow the goods), the Excise
 * Tax Act (delivery by the vendor is part of the supply), and the US rule of thumb that taxable
 * shipping follows the taxability of the items (prorated for mixed shipments). US states that do
 * not tax a separately stated delivery charge get rate 0 on shipping. Parts with the same rates
 * are pooled and rounded once, like one more line.
 *
 * @example
 * calculateTax({
 *   currency: 'USD', origin: { country: 'US', region: 'TX' }, ship_to: { country: 'US', region: 'TX' },
 *   lines: [{ id: 'l1', unit_amount: 1000, quantity: 1 }],
 * }).totals; // { net: 1000, tax: 63, gross: 1063 }
 */
import { currencyDigits } from '../../model/money.js';
import { lineAmount, parseTaxInput, type TaxInput } from './input.js';
import { resolveJurisdictions, type Resolution } from './jurisdictions.js';
import { applicableRates, breakdown, computeTaxes, type AppliedRate } from './line-tax.js';
import { TAX_TABLE } from './rates/table.js';
import { SHIPPING_SOURCE } from './rates/us.js';
import type {
  TaxJurisdictionSummary,
  TaxLineJurisdiction,
  TaxLineResult,
  TaxResult,
  TaxShippingResult,
} from './result.js';
import { allocate, percentToPpm, ppmToPercent } from './rounding.js';

export const BUILT_IN_PROVIDER_NAME = 'concord-builtin';

interface TaxedLine {
  result: TaxLineResult;
  rates: AppliedRate[];
}

/** Calculates tax with the built-in tables. Throws a `validation` ConcordError on bad input. */
export function calculateTax(request: unknown): TaxResult {
  const input = parseTaxInput(request);
  const resolution = resolveJurisdictions(input);
  if (resolution.status === 'no_tax') return noTax(input, resolution);
  const inclusive = input.prices_include_tax;
  const digits = currencyDigits(input.currency);
  const taxed = input.lines.map((line, index): TaxedLine => {
    const amount = lineAmount(line);
    const context = { index, category: line.category, quantity: line.quantity, taxable: line.taxable };
    const rates = applicableRates(
      context,
      amount,
      resolution.jurisdictions,
      input.currency,
      digits,
      input.tax_date,
    );
    const computed = computeTaxes(amount, rates, inclusive);
    const jurisdictions = breakdown(amount, rates, computed, inclusive);
    const { net, tax, gross } = computed;
    return {
      rates,
      result: { id: line.id, category: line.category, amount, net, tax, gross, jurisdictions },
    };
  });
  const shipping = input.shipping ? taxShipping(input.shipping.amount, taxed, inclusive) : null;
  const lines = taxed.map((t) => t.result);
  return {
    ...envelope(input, 'calculated'),
    lines,
    shipping,
    jurisdictions: summarize(taxed, shipping),
    skipped: resolution.skipped,
    totals: totals(lines, shipping),
    notes: [...resolution.notes, ...unverifiedNotes(taxed)],
  };
}

function envelope(input: TaxInput, status: TaxResult['status']) {
  return {
    provider: BUILT_IN_PROVIDER_NAME,
    table_version: TAX_TABLE.version,
    currency: input.currency,
    prices_include_tax: input.prices_include_tax,
    status,
  };
}

function noTax(input: TaxInput, resolution: Extract<Resolution, { status: 'no_tax' }>): TaxResult {
  const untaxed = (amount: number) => ({ amount, net: amount, tax: 0, gross: amount, jurisdictions: [] });
  const lines = input.lines.map((line) => ({
    id: line.id,
    category: line.category,
    ...untaxed(lineAmount(line)),
  }));
  const shipping = input.shipping ? untaxed(input.shipping.amount) : null;
  return {
    ...envelope(input, 'no_tax'),
    reason: resolution.reason,
    lines,
    shipping,
    jurisdictions: [],
    skipped: resolution.skipped,
    totals: totals(lines, shipping),
    notes: resolution.notes,
  };
}

/** Shipping split over the lines, pooled by identical rate sets, taxed once per pool. */
function taxShipping(amount: number, taxed: readonly TaxedLine[], inclusive: boolean): TaxShippingResult {
  const shares = allocate(
    amount,
    taxed.map((t) => t.result.amount),
  );
  const pools = new Map<string, { amount: number; rates: AppliedRate[] }>();
  taxed.forEach((t, i) => {
    const rates = t.rates.map((r) => ({ ...r, exempt: 0, ppm: r.jurisdiction.taxesShipping ? r.ppm : 0 }));
    const key = rates.map((r) => `${r.jurisdiction.entry.code}:${r.ppm}`).join('|');
    const pool = pools.get(key) ?? { amount: 0, rates };
    pool.amount += shares[i]!;
    pools.set(key, pool);
  });
  let tax = 0;
  const rows: TaxLineJurisdiction[] = [];
  for (const pool of pools.values()) {
    const computed = computeTaxes(pool.amount, pool.rates, inclusive);
    tax += computed.tax;
    rows.push(...breakdown(pool.amount, pool.rates, computed, inclusive));
  }
  const net = inclusive ? amount - tax : amount;
  return { amount, net, tax, gross: net + tax, jurisdictions: mergeRows(rows) };
}

/** Adds up rows that share a jurisdiction and rate. */
function mergeRows(rows: readonly TaxLineJurisdiction[]): TaxLineJurisdiction[] {
  const merged = new Map<string, TaxLineJurisdiction>();
  for (const row of rows) {
    const key = `${row.code}:${row.rate}`;
    const existing = merged.get(key);
    if (existing) {
      existing.taxable_amount += row.taxable_amount;
      existing.tax += row.tax;
    } else {
      merged.set(key, { ...row });
    }
  }
  return [...merged.values()];
}

function summarize(
  taxed: readonly TaxedLine[],
  shipping: TaxShippingResult | null,
): TaxJurisdictionSummary[] {
  const rows = new Map<string, TaxJurisdictionSummary & { sources: Set<string> }>();
  const add = (row: TaxLineJurisdiction, source: string, effectiveFrom: string | undefined) => {
    const key = `${row.code}:${row.rate}`;
    const existing = rows.get(key);
    if (existing) {
      existing.taxable_amount += row.taxable_amount;
      existing.tax += row.tax;
      existing.sources.add(source);
      if (effectiveFrom && (!existing.effective_from || effectiveFrom > existing.effective_from)) {
        existing.effective_from = effectiveFrom;
      }
    } else {
      const { code, name, kind, rate, sourcing, taxable_amount, tax } = row;
      const base = { code, name, kind, rate, sourcing, taxable_amount, tax, sources: new Set([source]) };
      rows.set(key, effectiveFrom ? { ...base, effective_from: effectiveFrom } : base);
    }
  };
  for (const t of taxed) {
    t.result.jurisdictions.forEach((row, i) =>
      add(row, t.rates[i]!.rule.source, t.rates[i]!.rule.effective_from),
    );
  }
  for (const row of shipping?.jurisdictions ?? []) {
    const rates = taxed.flatMap((t) => t.rates).filter((r) => r.jurisdiction.entry.code === row.code);
    const rule = rates.find((r) => r.jurisdiction.taxesShipping && ppmToPercent(r.ppm) === row.rate)?.rule;
    add(row, rule?.source ?? SHIPPING_SOURCE, rule?.effective_from);
  }
  return [...rows.values()].map(({ sources, ...row }) => ({ ...row, source: [...sources].join(' | ') }));
}

function totals(
  lines: readonly Pick<TaxLineResult, 'net' | 'tax' | 'gross'>[],
  shipping: TaxShippingResult | null,
) {
  const all = shipping ? [...lines, shipping] : lines;
  return {
    net: all.reduce((s, x) => s + x.net, 0),
    tax: all.reduce((s, x) => s + x.tax, 0),
    gross: all.reduce((s, x) => s + x.gross, 0),
  };
}

function unverifiedNotes(taxed: readonly TaxedLine[]): string[] {
  const notes = new Set<string>();
  for (const { rule, jurisdiction } of taxed.flatMap((t) => t.rates)) {
    if (rule.unverified) {
      const detail = rule.note ? ` (${rule.note})` : '';
      notes.add(
        `${jurisdiction.entry.code} ${ppmToPercent(percentToPpm(rule.rate))}%: not verified against a current publication${detail}`,
      );
    }
  }
  return [...notes];
}
