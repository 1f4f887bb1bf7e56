/**
 * Validation of what Concord asks the Tryton connector to write, with zod, before any call is made: a bad
 * input is a `validation` ConcordError naming each field, and nothing reaches Tryton.
 *
 * @example
 * const input = parseInput(SalesOrderInputSchema, raw, 'tryton_invalid_sales_order');
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { Address, Money } from '../../model/index.js';

const trytonId = z.string().regex(/^[1-9]\d{0,15}$/, 'a Tryton record id (a positive integer)');

export const CustomerInputSchema = z.object({
  email: z.email().trim(),
  first_name: z.string().trim().max(255).optional(),
  last_name: z.string().trim().max(255).optional(),
  phone: z.string().trim().max(64).optional(),
  address: Address.optional(),
});

export const SalesOrderInputSchema = z.object({
  reference: z.string().trim().min(1).max(255),
  customer_external_id: trytonId,
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'),
  lines: z
    .array(
      z.object({
        item_external_id: trytonId,
        quantity: z.number().int().positive(),
        unit_price: Money.optional(),
        location_external_id: trytonId.optional(),
      }),
    )
    .min(1),
  memo: z.string().max(2000).optional(),
  platform_order_ref: z.string().max(255).optional(),
});
export type ValidSalesOrderInput = z.infer<typeof SalesOrderInputSchema>;

export const InvoiceRequestSchema = z.object({
  salesOrderExternalId: trytonId,
  reference: z.string().trim().min(1).max(255),
});

/** Parses `raw` or throws a validation ConcordError listing every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, code: string): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.infer<S>;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
      .join('.')
      .replace(/\.\[/g, '['),
    message: issue.message,
  }));
  throw new ConcordError(
    'validation',
    code,
    `Invalid input: ${issues.map((i) => i.field || '(input)').join(', ')}`,
    {
      issues,
    },
  );
}

/** A validation error about one field. */
export function invalid(
  code: string,
  field: string,
  message: string,
  detail?: Record<string, unknown>,
): ConcordError {
  return new ConcordError('validation', code, message, { field, detail });
}
