/**
 * What a compliance check is asked about: one `ComplianceSubject` per cart line (how the merchant
 * classifies the variant, plus the variant's own constraints), the ship-to address, optionally what
 * is known of the customer's age, and the candidate shipping services (air or ground).
 *
 * @example
 * const input = validateComplianceInput({
 *   lines: [{ sku: 'WINE-750', categories: ['wine'], constraints: { hazmat: false, min_age: 21,
 *     requires_shipping: true, ships_to_countries: null, excluded_countries: [] } }],
 *   ship_to: { line1: '1 Main St', city: 'Austin', region: 'TX', postal_code: '73301', country: 'US' },
 *   customer: { birth_date: '1990-04-01', age_verified: true },
 *   services: [{ id: 'ups_ground', mode: 'ground' }],
 * });
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { Address } from '../../model/address.js';
import { VariantConstraints } from '../../model/variant.js';
import { issuesOf } from '../order-input.js';

const Term = z.string().min(1).max(100);

/** One cart line as compliance sees it. */
export const ComplianceSubject = z
  .object({
    sku: z.string().max(255).nullable().optional(),
    variant_id: z.string().max(64).optional(),
    categories: z.array(Term).max(50).default([]).describe('e.g. the product type: ["wine"]'),
    tags: z.array(Term).max(250).default([]),
    attributes: z.record(z.string().max(100), z.string().max(1000)).default({}),
    constraints: VariantConstraints,
  })
  .strict()
  .meta({ id: 'ComplianceSubject' });
export type ComplianceSubject = z.infer<typeof ComplianceSubject>;
export type ComplianceSubjectInput = z.input<typeof ComplianceSubject>;

/** The ship-to address as given: every field optional so missing ones are reported, not thrown. */
export const ShipTo = Address.partial()
  .extend({ country: z.string().min(1).max(64) })
  .strict()
  .meta({ id: 'ComplianceShipTo' });
export type ShipTo = z.infer<typeof ShipTo>;

/** What is known of the buyer's age. `age_verified` means the birth date was checked (ID, service). */
export const CustomerAge = z
  .object({
    birth_date: z.iso.date().optional().describe('YYYY-MM-DD, declared or verified'),
    age_verified: z.boolean().default(false),
  })
  .strict()
  .refine((c) => !c.age_verified || c.birth_date !== undefined, {
    message: 'a verified age needs the birth_date that was verified',
    path: ['birth_date'],
  });
export type CustomerAge = z.infer<typeof CustomerAge>;

/** A shipping service the order may travel by. Couriers (UPS, FedEx, DHL) cannot deliver to PO boxes. */
export const ServiceCandidate = z
  .object({
    id: z.string().min(1).max(100),
    mode: z.enum(['air', 'ground']),
    delivers_to_po_box: z.boolean().default(false),
  })
  .strict();
export type ServiceCandidate = z.infer<typeof ServiceCandidate>;

export const ComplianceInput = z
  .object({
    lines: z.array(ComplianceSubject).min(1).max(250),
    ship_to: ShipTo,
    customer: CustomerAge.optional(),
    services: z.array(ServiceCandidate).max(50).default([]),
  })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.services.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: 'duplicate id' });
      seen.add(s.id);
    });
  })
  .meta({ id: 'ComplianceInput' });
export type ComplianceInput = z.infer<typeof ComplianceInput>;
export type ComplianceInputRaw = z.input<typeof ComplianceInput>;

/** Validates a compliance request; throws a `validation` ConcordError naming each bad field. */
export function validateComplianceInput(input: unknown): ComplianceInput {
  const result = ComplianceInput.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConcordError(
    'validation',
    'invalid_request',
    `Invalid compliance request: ${issues[0]?.field}: ${issues[0]?.message}`,
    { issues },
  );
}
