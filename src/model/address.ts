/** A postal address as an agent and a carrier need it. Country is ISO 3166-1 alpha-2. */
import { z } from 'zod';

export const Address = z
  .object({
    name: z.string().max(255).optional(),
    company: z.string().max(255).optional(),
    line1: z.string().min(1).max(255),
    line2: z.string().max(255).optional(),
    city: z.string().min(1).max(255),
    region: z.string().max(255).optional().describe('State, province or region code, e.g. "CA"'),
    postal_code: z.string().max(32).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "US"')
      .describe('ISO 3166-1 alpha-2'),
    phone: z.string().max(64).optional(),
  })
  .strict()
  .meta({ id: 'Address' });
export type Address = z.infer<typeof Address>;
