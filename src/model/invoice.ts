/** An invoice: what the customer owes, posted in the ERP (or the platform order itself for SMB). */
import { z } from 'zod';
import { Money } from './money.js';
import { RecordBase, Timestamp } from './record.js';

export const Invoice = RecordBase.extend({
  number: z.string().nullable(),
  status: z.enum(['draft', 'open', 'paid', 'void']),
  sales_order_id: z.string().nullable(),
  customer_id: z.string().nullable(),
  total: Money,
  amount_due: Money,
  created_at: Timestamp,
}).meta({ id: 'Invoice' });
export type Invoice = z.infer<typeof Invoice>;
