/** An ERP sales order: the financial record of a sale, with a fulfilling location per line. */
import { z } from 'zod';
import { Money } from './money.js';
import { RecordBase, Timestamp } from './record.js';

export const SalesOrderLine = z
  .object({
    item_id: z.string().nullable(),
    sku: z.string(),
    quantity: z.number().int().positive(),
    unit_price: Money,
    location_id: z.string().nullable(),
  })
  .meta({ id: 'SalesOrderLine' });

export const SalesOrder = RecordBase.extend({
  number: z.string().nullable(),
  status: z.string(),
  customer_id: z.string().nullable(),
  lines: z.array(SalesOrderLine),
  total: Money,
  order_id: z.string().nullable().describe('The platform order this sales order belongs to, when linked'),
  created_at: Timestamp,
}).meta({ id: 'SalesOrder' });
export type SalesOrder = z.infer<typeof SalesOrder>;
