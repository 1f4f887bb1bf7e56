/** Stock of one variant at one location, in named quantities. */
import { z } from 'zod';
import { RecordBase } from './record.js';

export const InventoryLevel = RecordBase.extend({
  variant_id: z
    .string()
    .nullable()
    .describe('The platform variant, when the level comes from a commerce platform'),
  item_id: z.string().nullable().optional().describe('The ERP item, when the level comes from an ERP'),
  sku: z.string().nullable(),
  location_id: z.string(),
  on_hand: z.number().int(),
  available: z.number().int().describe('Sellable now: on hand minus committed and reserved'),
  committed: z.number().int().describe('Allocated to open orders'),
  incoming: z.number().int().describe('On its way from suppliers or transfers'),
}).meta({ id: 'InventoryLevel' });
export type InventoryLevel = z.infer<typeof InventoryLevel>;
