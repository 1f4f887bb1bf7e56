/**
 * The quote, as every surface shows it: one answer to the three questions an agent must ask before
 * it sells — do we have it (availability per location, available-to-promise after holds), can we
 * ship it to this person (shipments from the chosen locations, options with price and delivery
 * dates), is it compliant (a verdict per line, tax per line and jurisdiction) — with totals, an id
 * and an expiry. Until it expires, price and tax are locked and the stock is held; `POST /orders`
 * with its `quote_id` places the order on exactly these terms.
 *
 * Every "no" carries a machine-readable `code` and a plain `message` an agent can act on.
 *
 * @example
 * const request = QuoteRequest.parse({ lines: [{ sku: 'TEE-M', quantity: 2 }], ship_to, customer: { email } });
 */
import { z } from 'zod';
import { Address } from '../../model/address.js';
import { Money } from '../../model/money.js';
import { Timestamp } from '../../model/record.js';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from '../order-input.js';

export const Speed = z.enum(['economy', 'standard', 'express', 'overnight']);

export const QuoteLineRequest = z
  .object({
    variant_id: z.string().min(1).max(64).optional().describe('Concord variant id; give this or `sku`'),
    sku: z.string().min(1).max(255).optional().describe('Variant SKU; give this or `variant_id`'),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  })
  .strict()
  .superRefine((line, ctx) => {
    if ((line.variant_id === undefined) === (line.sku === undefined))
      ctx.addIssue({ code: 'custom', path: ['sku'], message: 'give exactly one of variant_id or sku' });
  })
  .meta({ id: 'QuoteLineRequest' });

export const QuoteRequest = z
  .object({
    lines: z.array(QuoteLineRequest).min(1).max(MAX_ORDER_LINES),
    ship_to: Address.describe('Where the goods go; checked for deliverability'),
    customer: z
      .object({
        email: z.email().max(255),
        first_name: z.string().min(1).max(255).optional(),
        last_name: z.string().min(1).max(255).optional(),
        birth_date: z.iso.date().optional().describe('For age-restricted goods (YYYY-MM-DD)'),
        age_verified: z.boolean().optional().describe('The agent platform verified the buyer is of age'),
      })
      .strict(),
    preferred_speed: Speed.optional(),
    preferred_location_id: z.string().min(1).max(64).optional().describe('Ship from here when it can'),
  })
  .strict()
  .meta({ id: 'QuoteRequest' });
export type QuoteRequest = z.infer<typeof QuoteRequest>;

export const Reason = z
  .object({
    code: z.string().describe('Stable machine code, e.g. `insufficient_stock`, `hazmat_air_excluded`'),
    message: z.string().describe('What happened and what to do, in plain words'),
    field: z.string().optional().describe('The request field it is about, e.g. `lines[1].quantity`'),
  })
  .meta({ id: 'QuoteReason' });
export type Reason = z.infer<typeof Reason>;

export const LocationAvailability = z
  .object({
    location_id: z.string(),
    location_name: z.string().nullable(),
    system: z.string().describe('The inventory owner this figure comes from'),
    available: z.number().int().describe("The system's available (on hand minus committed)"),
    held: z.number().int().describe('Held by other open quotes'),
    available_to_promise: z.number().int().describe('available minus held, never below 0'),
  })
  .meta({ id: 'QuoteLocationAvailability' });

export const JurisdictionTax = z
  .object({
    code: z.string().describe('e.g. `US-NY`, `DE`, `CA-GST`, `CA-QC-QST`'),
    name: z.string(),
    kind: z.string().describe('state, country, gst, hst, pst, qst…'),
    rate: z.string().describe('Percent as a decimal string: "6.25" = 6.25%'),
    taxable_amount: Money,
    tax: Money,
  })
  .meta({ id: 'JurisdictionTax' });

export const QuoteLine = z
  .object({
    index: z.number().int().nonnegative(),
    variant_id: z.string(),
    product_id: z.string(),
    sku: z.string().nullable(),
    title: z.string(),
    quantity: z.number().int().positive(),
    unit_price: Money.describe('Locked until the quote expires'),
    price_source: z.string().describe('The system whose price this is (the price owner)'),
    subtotal: Money,
    tax: Money,
    taxes: z.array(JurisdictionTax),
    availability: z.array(LocationAvailability),
    compliance: z
      .object({ verdict: z.enum(['allowed', 'restricted', 'refused']), reasons: z.array(Reason) })
      .describe('`restricted`: allowed with conditions (see reasons); `refused`: cannot be sold here'),
    status: z
      .enum(['ok', 'refused', 'unavailable'])
      .describe('`ok` lines are in a shipment; the others say why not in `reasons`'),
    reasons: z.array(Reason),
  })
  .meta({ id: 'QuoteLine' });
export type QuoteLine = z.infer<typeof QuoteLine>;

export const ShippingOption = z
  .object({
    id: z.string().describe('Service id: pass it as `shipping_option_id` when ordering'),
    carrier: z.string(),
    service: z.string(),
    name: z.string(),
    mode: z.enum(['air', 'ground']),
    speed: Speed,
    price: Money,
    estimated_delivery: z.object({ earliest: z.iso.date(), latest: z.iso.date() }),
  })
  .meta({ id: 'ShippingOption' });

export const Shipment = z
  .object({
    location_id: z.string(),
    location_name: z.string().nullable(),
    lines: z.array(z.object({ line: z.number().int(), quantity: z.number().int().positive() })),
    options: z.array(ShippingOption),
    selected_option_id: z.string().nullable().describe('The default (preferred speed, else cheapest)'),
    shipping_tax: Money,
    reasons: z.array(Reason).describe('Why some services are not offered, or none is'),
  })
  .meta({ id: 'Shipment' });
export type Shipment = z.infer<typeof Shipment>;

export const QuoteTotals = z
  .object({
    subtotal: Money.describe('Lines that can be sold, before tax'),
    shipping: Money.describe('Selected options'),
    tax: Money,
    total: Money,
  })
  .meta({ id: 'QuoteTotals' });

export const Quote = z
  .object({
    id: z.string().describe('`quo_…`'),
    status: z.enum(['open', 'expired', 'ordered']),
    verdict: z
      .enum(['ok', 'partial', 'refused'])
      .describe('`ok`: every line can be sold and shipped; `partial`: some can; `refused`: none'),
    reasons: z.array(Reason).describe('Quote-level problems (address, destination not served…)'),
    created_at: Timestamp,
    expires_at: Timestamp.describe('Until then price and tax are locked and stock is held'),
    currency: z.string(),
    prices_include_tax: z.boolean(),
    customer: z.object({ email: z.string() }),
    ship_to: Address,
    lines: z.array(QuoteLine),
    shipments: z.array(Shipment),
    tax: z.object({
      provider: z.string(),
      table_version: z.string().nullable(),
      by_jurisdiction: z.array(JurisdictionTax),
    }),
    totals: QuoteTotals,
    order_id: z.string().nullable().describe('The order placed from this quote, once placed'),
  })
  .meta({ id: 'Quote' });
export type Quote = z.infer<typeof Quote>;
