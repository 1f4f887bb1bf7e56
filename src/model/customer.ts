/** A customer in the merchant's own systems. */
import { z } from 'zod';
import { Address } from './address.js';
import { RecordBase, Timestamp } from './record.js';

export const Customer = RecordBase.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  default_address: Address.partial().nullable(),
  tags: z.array(z.string()),
  created_at: Timestamp,
}).meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;
