/**
 * What a tax calculation returns, as zod schemas so that a result from an external provider
 * (an ERP, a tax service) can be validated exactly like the built-in one. All amounts are
 * integer minor units of `currency`; rates are decimal percent strings (`"9.975"`).
 *
 * Per line: `amount` is what the input said (unit × quantity − discount, gross when prices
 * include tax), `net + tax = gross`, and `tax` is the sum of the line's jurisdiction taxes.
 * `jurisdictions` lists each tax applied (a 0 rate means exempt or zero-rated there);
 * `taxable_amount` is the net amount that rate applied to.
 *
 * `status: 'no_tax'` with a `reason` when no jurisdiction applies at all:
 * - `not_registered`: the merchant does not collect tax at the destination;
 * - `no_sales_tax`: the destination US state has no statewide sales tax (AK, DE, MT, NH, OR);
 * - `destination_not_covered`: the built-in tables do not cover the destination country.
 * `skipped` lists taxes that would apply but were not charged because the merchant is not
 * registered for them (e.g. BC PST when only GST-registered).
 *
 * @example
 * TaxResult.parse(await builtInTaxProvider.calculate(input));
 */
import { z } from 'zod';
import { CurrencyCode } from '../../model/money.js';
import { TaxCategory } from './categories.js';

const Minor = z.number().int().min(0);

/** Built-in kinds first; county/city/district/other are for external providers' local taxes. */
export const JurisdictionKind = z.enum([
  'state',
  'country',
  'gst',
  'hst',
  'pst',
  'qst',
  'county',
  'city',
  'district',
  'other',
]);
export type JurisdictionKind = z.infer<typeof JurisdictionKind>;

/** Whose address decides the (local) rate: the seller's (`origin`) or the buyer's (`destination`). */
export const TaxSourcing = z.enum(['origin', 'destination']);
export type TaxSourcing = z.infer<typeof TaxSourcing>;

export const NoTaxReason = z.enum(['not_registered', 'no_sales_tax', 'destination_not_covered']);
export type NoTaxReason = z.infer<typeof NoTaxReason>;

export const RatePercent = z.string().regex(/^\d{1,3}(\.\d{1,6})?$/, 'a decimal percent such as "7.25"');

export const TaxLineJurisdiction = z
  .object({
    code: z.string().min(1).describe('"US-CA", "DE", "GB", "CA" (GST), "CA-ON" (HST), "CA-BC" (PST)'),
    name: z.string().min(1),
    kind: JurisdictionKind,
    rate: RatePercent,
    taxable_amount: Minor,
    tax: Minor,
    sourcing: TaxSourcing,
  })
  .strict()
  .meta({ id: 'TaxLineJurisdiction' });
export type TaxLineJurisdiction = z.infer<typeof TaxLineJurisdiction>;

export const TaxLineResult = z
  .object({
    id: z.string().min(1),
    category: TaxCategory,
    amount: Minor,
    net: Minor,
    tax: Minor,
    gross: Minor,
    jurisdictions: z.array(TaxLineJurisdiction),
  })
  .strict()
  .meta({ id: 'TaxLineResult' });
export type TaxLineResult = z.infer<typeof TaxLineResult>;

export const TaxShippingResult = z
  .object({
    amount: Minor,
    net: Minor,
    tax: Minor,
    gross: Minor,
    jurisdictions: z.array(TaxLineJurisdiction),
  })
  .strict()
  .meta({ id: 'TaxShippingResult' });
export type TaxShippingResult = z.infer<typeof TaxShippingResult>;

/** One row per jurisdiction and rate over the whole order (the "VAT analysis" of an invoice). */
export const TaxJurisdictionSummary = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    kind: JurisdictionKind,
    rate: RatePercent,
    sourcing: TaxSourcing,
    taxable_amount: Minor,
    tax: Minor,
    source: z.string().optional().describe('Publication the rate comes from (built-in table)'),
    effective_from: z.iso.date().optional(),
  })
  .strict()
  .meta({ id: 'TaxJurisdictionSummary' });
export type TaxJurisdictionSummary = z.infer<typeof TaxJurisdictionSummary>;

export const TaxSkipped = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    kind: JurisdictionKind,
    reason: z.literal('not_registered'),
  })
  .strict();
export type TaxSkipped = z.infer<typeof TaxSkipped>;

export const TaxResult = z
  .object({
    provider: z.string().min(1),
    table_version: z
      .string()
      .nullable()
      .describe('Rate table the numbers came from; null if the provider has none'),
    currency: CurrencyCode,
    prices_include_tax: z.boolean(),
    status: z.enum(['calculated', 'no_tax']),
    reason: NoTaxReason.optional(),
    lines: z.array(TaxLineResult),
    shipping: TaxShippingResult.nullable(),
    jurisdictions: z.array(TaxJurisdictionSummary),
    skipped: z.array(TaxSkipped),
    totals: z.object({ net: Minor, tax: Minor, gross: Minor }).strict(),
    notes: z.array(z.string()),
  })
  .strict()
  .meta({ id: 'TaxResult' });
export type TaxResult = z.infer<typeof TaxResult>;
