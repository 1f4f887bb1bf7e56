/** Money returned to the customer against an order. */
import { z } from 'zod';
import { Money } from './money.js';
import { Timestamp } from './record.js';

export const Refund = z
  .object({
    id: z.string(),
    external_id: z.string(),
    amount: Money,
    note: z.string().nullable(),
    created_at: Timestamp,
  })
  .meta({ id: 'Refund' });
export type Refund = z.infer<typeof Refund>;
