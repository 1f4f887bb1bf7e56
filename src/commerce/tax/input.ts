/**
 * What a tax calculation needs, as a strict zod schema: where the goods leave from (`origin`),
 * where they go (`ship_to`), the currency, whether prices already include tax, where the
 * merchant is registered to collect tax, the lines and the shipping charge. Amounts are integer
 * minor units of `currency` (cents, yen, fils), never floats.
 *
 * Registrations (`registrations`) say where the merchant collects tax:
 * - `us_states`: US states (and DC) where it has nexus and is registered, e.g. `['CA', 'TX']`.
 * - `eu_oss`: registered for the EU One-Stop-Shop (union or import scheme); collects the
 *   destination member state's VAT on B2C sales to every EU country, including its own.
 * - `eu_countries`: individual EU VAT registrations, e.g. `['DE', 'FR']`.
 * - `gb`: registered for UK VAT.
 * - `ca_gst_hst`: registered for Canadian GST/HST (charges GST, or HST in HST provinces).
 * - `ca_provinces`: provincial registrations for PST (BC, SK), RST (MB) or QST (QC).
 *
 * Default when `registrations` is omitted: the merchant is registered only where it ships from
 * (its origin US state, its origin EU country, GB, or GST/HST plus its origin province's
 * PST/QST). Anything else must be declared; a destination without a matching registration gets
 * no tax and the reason `not_registered`.
 *
 * @example
 * parseTaxInput({
 *   currency: 'USD', origin: { country: 'US', region: 'TX' }, ship_to: { country: 'US', region: 'TX' },
 *   lines: [{ id: 'l1', unit_amount: 1999, quantity: 2 }],
 * });
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { CurrencyCode } from '../../model/money.js';
import { issuesOf } from '../order-input.js';
import { TaxCategory } from './categories.js';
import { CA_PROVINCIAL_TAX_PROVINCES, EU_COUNTRY_CODES, US_STATE_CODES } from './codes.js';

export const MAX_TAX_LINES = 500;
export const MAX_LINE_QUANTITY = 1_000_000;
const Minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const TaxAddress = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "US"'),
    region: z
      .string()
      .regex(/^[A-Z0-9]{1,3}$/, 'a state or province code such as "CA" or "ON"')
      .optional()
      .describe('US state or Canadian province code; required for US and CA'),
    postal_code: z.string().min(1).max(32).optional(),
  })
  .strict()
  .meta({ id: 'TaxAddress' });
export type TaxAddress = z.infer<typeof TaxAddress>;

export const TaxRegistrations = z
  .object({
    us_states: z.array(z.enum(US_STATE_CODES)).max(51).optional(),
    eu_oss: z.boolean().optional(),
    eu_countries: z.array(z.enum(EU_COUNTRY_CODES)).max(27).optional(),
    gb: z.boolean().optional(),
    ca_gst_hst: z.boolean().optional(),
    ca_provinces: z.array(z.enum(CA_PROVINCIAL_TAX_PROVINCES)).max(4).optional(),
  })
  .strict()
  .meta({ id: 'TaxRegistrations', description: 'Where the merchant is registered to collect tax' });
export type TaxRegistrations = z.infer<typeof TaxRegistrations>;

export const TaxLineInput = z
  .object({
    id: z.string().min(1).max(64),
    unit_amount: Minor.describe('Price of one unit in minor units (gross if prices_include_tax)'),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
    discount: Minor.optional().describe('Discount on the whole line in minor units, not per unit'),
    category: TaxCategory.default('standard'),
    taxable: z.boolean().default(true).describe('false for a line that is never taxed (e.g. a gift card)'),
  })
  .strict()
  .superRefine((line, ctx) => {
    const subtotal = line.unit_amount * line.quantity;
    if (!Number.isSafeInteger(subtotal)) {
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'unit_amount × quantity is too large' });
    } else if ((line.discount ?? 0) > subtotal) {
      ctx.addIssue({
        code: 'custom',
        path: ['discount'],
        message: 'discount exceeds unit_amount × quantity',
      });
    }
  })
  .meta({ id: 'TaxLineInput' });
export type TaxLineInput = z.output<typeof TaxLineInput>;

export const TaxShippingInput = z
  .object({ amount: Minor.describe('Separately stated delivery charge in minor units') })
  .strict()
  .meta({ id: 'TaxShippingInput' });

export const TaxInput = z
  .object({
    currency: CurrencyCode,
    prices_include_tax: z.boolean().default(false),
    origin: TaxAddress.describe('Where the goods ship from (the seller)'),
    ship_to: TaxAddress.describe('Where the goods are delivered'),
    registrations: TaxRegistrations.optional(),
    lines: z.array(TaxLineInput).min(1).max(MAX_TAX_LINES),
    shipping: TaxShippingInput.optional(),
    tax_date: z.iso
      .date()
      .optional()
      .describe('Date of the tax point (YYYY-MM-DD); refused if before a rate change the table records'),
  })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    let total = input.shipping?.amount ?? 0;
    input.lines.forEach((line, index) => {
      if (seen.has(line.id))
        ctx.addIssue({ code: 'custom', path: ['lines', index, 'id'], message: 'duplicate id' });
      seen.add(line.id);
      total += line.unit_amount * line.quantity;
    });
    if (!Number.isSafeInteger(total)) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'the order total is too large' });
    }
  })
  .meta({ id: 'TaxInput' });
/** A validated input, defaults applied: what every {@link TaxProvider} receives. */
export type TaxInput = z.output<typeof TaxInput>;
/** What a caller may send (defaults not yet applied). */
export type TaxInputRequest = z.input<typeof TaxInput>;

/** Validates a tax request, or throws a `validation` ConcordError naming every bad field. */
export function parseTaxInput(input: unknown): TaxInput {
  const result = TaxInput.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConcordError(
    'validation',
    'invalid_tax_input',
    `Invalid tax input: ${issues[0]?.field}: ${issues[0]?.message}`,
    { issues },
  );
}

/** The line amount the tax applies to: unit × quantity − discount (gross when prices include tax). */
export function lineAmount(line: TaxLineInput): number {
  return line.unit_amount * line.quantity - (line.discount ?? 0);
}
