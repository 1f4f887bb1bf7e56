/**
 * The shape of the built-in rate table, as zod schemas. The data lives in `us.ts`, `eu.ts` and
 * `gb-ca.ts`; `table.ts` parses it once at load, so a malformed entry fails loudly at startup and
 * in tests rather than silently mis-taxing an order.
 *
 * Every rule carries its `source` (URL or publication) and `effective_from`: the date the rate
 * took effect where the change date is known (e.g. Nova Scotia HST 14% on 2025-04-01), otherwise
 * the as-of date of the cited publication (`as_of: true`: the rate was in force on or before it). `unverified`
 * marks a figure we could not confirm against a published source in the last review.
 *
 * @example
 * RateRule.parse({ rate: 7.25, effective_from: '2025-01-01', source: 'https://…' });
 */
import { z } from 'zod';

/** A rate in percent with at most 4 decimals (so it is exact in parts per million). */
const Percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * 10_000 - Math.round(p * 10_000)) < 1e-6, 'at most 4 decimals');

/**
 * A per-unit price threshold (US clothing rules, Manitoba children's clothing):
 * - `exempt_below`: units priced below `amount` are exempt; others fully taxed (NY clothing < $110);
 * - `exempt_up_to`: units priced at or below `amount` are exempt (MB children's clothing ≤ $150);
 * - `tax_excess`: only the part of each unit's price above `amount` is taxed (MA $175, RI $250).
 * The unit price is the line amount ÷ quantity (after the line discount).
 */
export const RateThreshold = z
  .object({
    currency: z.enum(['USD', 'CAD']),
    amount: z.number().int().positive().describe('In major units of the currency'),
    mode: z.enum(['exempt_below', 'exempt_up_to', 'tax_excess']),
  })
  .strict();
export type RateThreshold = z.infer<typeof RateThreshold>;

export const RateRule = z
  .object({
    rate: Percent,
    effective_from: z.iso.date(),
    source: z.string().min(8),
    note: z.string().optional(),
    unverified: z.literal(true).optional(),
    as_of: z
      .literal(true)
      .optional()
      .describe('effective_from is the as-of date of the source, not a change date'),
    threshold: RateThreshold.optional(),
  })
  .strict();
export type RateRule = z.infer<typeof RateRule>;

export const CategoryRules = z
  .object({
    clothing: RateRule.optional(),
    children_clothing: RateRule.optional(),
    books: RateRule.optional(),
    food: RateRule.optional(),
    medicine: RateRule.optional(),
  })
  .strict();

export const BuiltInKind = z.enum(['state', 'country', 'gst', 'hst', 'pst', 'qst']);

export const JurisdictionRates = z
  .object({
    code: z.string().min(2),
    name: z.string().min(2),
    kind: BuiltInKind,
    standard: RateRule,
    categories: CategoryRules,
  })
  .strict()
  .superRefine((entry, ctx) => {
    // `tax_excess` is only exact when it is the line's single jurisdiction (a US state).
    for (const [key, rule] of Object.entries(entry.categories)) {
      if (rule?.threshold?.mode === 'tax_excess' && entry.kind !== 'state') {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', key],
          message: 'tax_excess is for US states only',
        });
      }
    }
  });
export type JurisdictionRates = z.infer<typeof JurisdictionRates>;

export const UsStateRates = JurisdictionRates.safeExtend({
  /** Intrastate sourcing: whose local rates apply when seller and buyer are in the same state. */
  sourcing: z.enum(['origin', 'destination']),
  /** A separately stated delivery charge by common carrier: taxed (following the goods) or not. */
  shipping: z.enum(['taxable', 'exempt']),
  no_sales_tax: z.boolean(),
});
export type UsStateRates = z.infer<typeof UsStateRates>;

export const TaxTableSchema = z
  .object({
    version: z.string().min(1),
    as_of: z.iso.date(),
    us: z.record(z.string(), UsStateRates),
    eu: z.record(z.string(), JurisdictionRates),
    gb: JurisdictionRates,
    ca_gst: JurisdictionRates,
    ca_hst: z.record(z.string(), JurisdictionRates),
    ca_provincial: z.record(z.string(), JurisdictionRates),
  })
  .strict();
export type TaxTable = z.infer<typeof TaxTableSchema>;

type Extra = Partial<Pick<RateRule, 'note' | 'unverified' | 'threshold'>>;

/** Shorthand for a rule in the data files, with the date the rate took effect. */
export function rule(
  rate: number,
  effective_from: string,
  source: string,
  extra: Extra = {},
): z.input<typeof RateRule> {
  return { rate, effective_from, source, ...extra };
}

/** A data file's shorthand: a rule dated `asOf` is marked as an as-of date, any other as a change date. */
export function dating(asOf: string) {
  return (rate: number, from: string, source: string, extra: Extra = {}): z.input<typeof RateRule> =>
    from === asOf ? { ...rule(rate, from, source, extra), as_of: true } : rule(rate, from, source, extra);
}
