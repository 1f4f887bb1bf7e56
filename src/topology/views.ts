/**
 * The resolved views the topology produces, as zod schemas so they can go into OpenAPI: every
 * fact is a `Sourced` value carrying its `Provenance` (which system, which record there, how fresh,
 * which field). A ResolvedProduct takes content from the content owner (the platform), price and
 * availability from their owners (the ERP under mid_market).
 *
 * @example
 * resolved.variants[0].price // { value: { amount: 1999, currency: 'USD' },
 * //   provenance: { system: 'netsuite', external_id: '1042', as_of: '2026-…', field: 'base_price' } }
 */
import { z } from 'zod';
import { Money } from '../model/money.js';
import { Timestamp } from '../model/record.js';

export const Provenance = z
  .object({
    system: z.string().describe('Name of the system the fact came from, e.g. "netsuite"'),
    external_id: z.string().describe('Id of the record in that system'),
    as_of: Timestamp.describe("The source record's updated_at"),
    field: z.string().describe('The field of that record, e.g. "base_price", "price_levels[Wholesale]"'),
  })
  .strict()
  .meta({ id: 'Provenance' });
export type Provenance = z.infer<typeof Provenance>;

/** A value with where it came from. */
export function sourced<T extends z.ZodType>(value: T) {
  return z.object({ value, provenance: Provenance }).strict();
}
export interface Sourced<T> {
  value: T;
  provenance: Provenance;
}

export const LocationAvailability = z
  .object({
    location_id: z.string(),
    location_name: z.string().nullable().describe('Null when the location record was not synced'),
    available: z.number().int(),
    on_hand: z.number().int(),
    provenance: Provenance,
  })
  .strict()
  .meta({ id: 'LocationAvailability' });
export type LocationAvailability = z.infer<typeof LocationAvailability>;

export const ResolvedAvailability = z
  .object({
    system: z.string().describe('The inventory owner'),
    total_available: z.number().int().describe('Sum of `available` over the locations below'),
    locations: z.array(LocationAvailability),
  })
  .strict()
  .meta({ id: 'ResolvedAvailability' });
export type ResolvedAvailability = z.infer<typeof ResolvedAvailability>;

const OptionValue = z.object({ name: z.string(), value: z.string() }).strict();

export const ResolvedVariant = z
  .object({
    variant_id: z.string().describe('Concord id of the platform variant'),
    item_id: z.string().nullable().describe('Concord id of the matched ERP item, if any'),
    match_key: z.string().nullable(),
    title: sourced(z.string()),
    sku: sourced(z.string().nullable()),
    barcode: sourced(z.string().nullable()),
    options: sourced(z.array(OptionValue)),
    attributes: sourced(z.record(z.string(), z.string())),
    price: sourced(Money)
      .nullable()
      .describe('Null when the price owner has no price for it (see conflicts)'),
    availability: ResolvedAvailability.nullable().describe(
      'Null when the inventory owner has no record for this variant (unmatched ERP item; see conflicts)',
    ),
  })
  .strict()
  .meta({ id: 'ResolvedVariant' });
export type ResolvedVariant = z.infer<typeof ResolvedVariant>;

export const ResolvedProduct = z
  .object({
    product_id: z.string().describe('Concord id of the platform product'),
    title: sourced(z.string()),
    handle: sourced(z.string().nullable()),
    description: sourced(z.string()),
    vendor: sourced(z.string().nullable()),
    product_type: sourced(z.string().nullable()),
    status: sourced(z.enum(['active', 'draft', 'archived'])),
    tags: sourced(z.array(z.string())),
    options: sourced(z.array(z.object({ name: z.string(), values: z.array(z.string()) }).strict())),
    variants: z.array(ResolvedVariant),
  })
  .strict()
  .meta({ id: 'ResolvedProduct' });
export type ResolvedProduct = z.infer<typeof ResolvedProduct>;
