/** An ERP's item (stock-keeping unit as the ERP sees it: cost, base price, units). */
import { z } from 'zod';
import { Money } from './money.js';
import { RecordBase } from './record.js';

export const Item = RecordBase.extend({
  sku: z.string(),
  barcode: z.string().nullable().describe('UPC / EAN / GTIN, when the ERP keeps one (NetSuite `upccode`)'),
  name: z.string(),
  description: z.string().nullable(),
  unit_of_measure: z.string().nullable(),
  base_price: Money.nullable(),
  price_levels: z
    .array(z.object({ name: z.string(), price: Money }).strict())
    .describe('Named price levels (e.g. "Wholesale") besides the base price'),
  cost: Money.nullable(),
  active: z.boolean(),
}).meta({ id: 'Item' });
export type Item = z.infer<typeof Item>;
