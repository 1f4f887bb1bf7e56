/**
 * A sellable variant of a product: its SKU and barcode, option values, price, physical facts
 * (weight and dimensions with units), attributes (material…), compatibility and the constraints a
 * seller must respect (hazmat, age restriction, shipping restrictions).
 */
import { z } from 'zod';
import { Money } from './money.js';
import { Measurement, RecordBase } from './record.js';

export const VariantConstraints = z
  .object({
    hazmat: z.boolean().describe('Dangerous goods; excluded from air services'),
    min_age: z.number().int().positive().nullable().describe('Minimum buyer age, when age-restricted'),
    requires_shipping: z.boolean(),
    ships_to_countries: z
      .array(z.string())
      .nullable()
      .describe('ISO country codes it may ship to; null when unrestricted'),
    excluded_countries: z.array(z.string()).describe('ISO country codes it may not ship to'),
  })
  .strict()
  .meta({ id: 'VariantConstraints' });
export type VariantConstraints = z.infer<typeof VariantConstraints>;

export const Dimensions = z
  .object({
    length: z.number().nonnegative(),
    width: z.number().nonnegative(),
    height: z.number().nonnegative(),
    unit: z.string(),
  })
  .strict();

export const Variant = RecordBase.extend({
  product_id: z.string(),
  title: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  position: z.number().int().nonnegative(),
  options: z.array(z.object({ name: z.string(), value: z.string() }).strict()),
  price: Money,
  compare_at_price: Money.nullable(),
  taxable: z.boolean(),
  inventory_item_id: z.string().nullable().describe('Id of the stock-keeping record in the source system'),
  inventory_tracked: z.boolean(),
  inventory_policy: z.enum(['deny', 'continue']).describe('Whether it may be sold when out of stock'),
  weight: Measurement.nullable(),
  dimensions: Dimensions.nullable(),
  attributes: z.record(z.string(), z.string()).describe('Material, colour, care… as name/value'),
  compatibility: z.array(z.string()).describe('Models or products this variant fits'),
  constraints: VariantConstraints,
  country_of_origin: z.string().nullable(),
  hs_code: z.string().nullable(),
}).meta({ id: 'Variant' });
export type Variant = z.infer<typeof Variant>;
