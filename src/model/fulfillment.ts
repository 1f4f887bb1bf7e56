/** A shipment of some or all of an order's lines. */
import { z } from 'zod';
import { Timestamp } from './record.js';

export const Fulfillment = z
  .object({
    id: z.string(),
    external_id: z.string(),
    status: z.enum(['pending', 'open', 'success', 'cancelled', 'error', 'failure']),
    location_id: z.string().nullable(),
    tracking: z.array(
      z.object({ number: z.string().nullable(), company: z.string().nullable(), url: z.string().nullable() }),
    ),
    created_at: Timestamp,
  })
  .meta({ id: 'Fulfillment' });
export type Fulfillment = z.infer<typeof Fulfillment>;
