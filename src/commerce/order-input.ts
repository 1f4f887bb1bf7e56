/**
 * What an agent sends to place an order, as a strict zod schema (unknown fields are errors, so a
 * misspelt `quantiy` is reported rather than ignored), and the first step of the order workflow:
 * validating it into field-named issues before anything is read or written.
 *
 * @example
 * validateOrderInput({ lines: [{ sku: 'TEE-M', quantity: 2 }], customer: { email: 'a@example.com' } });
 */
import { z } from 'zod';
import { ConcordError, type FieldIssue } from '../core/errors.js';
import { Address } from '../model/address.js';

export const MAX_ORDER_LINES = 250;
export const MAX_LINE_QUANTITY = 10_000;

export const OrderLineInput = z
  .object({
    variant_id: z.string().min(1).max(64).optional().describe('Concord variant id; give this or `sku`'),
    sku: z.string().min(1).max(255).optional().describe('Variant SKU; give this or `variant_id`'),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  })
  .strict()
  .superRefine((line, ctx) => {
    if (line.variant_id !== undefined && line.sku !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sku'], message: 'give either variant_id or sku, not both' });
    } else if (line.variant_id === undefined && line.sku === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sku'], message: 'give variant_id or sku' });
    }
  })
  .meta({
    id: 'OrderLineInput',
    description: 'One line: exactly one of `variant_id` or `sku`, and a quantity',
  });
export type OrderLineInput = z.infer<typeof OrderLineInput>;

export const OrderCustomerInput = z
  .object({
    email: z.email().max(255),
    first_name: z.string().min(1).max(255).optional(),
    last_name: z.string().min(1).max(255).optional(),
    phone: z.string().min(1).max(64).optional(),
  })
  .strict()
  .meta({
    id: 'OrderCustomerInput',
    description: 'Found by email in the merchant platform, or created there',
  });

export const PlaceOrderInput = z
  .object({
    lines: z.array(OrderLineInput).min(1).max(MAX_ORDER_LINES),
    customer: OrderCustomerInput,
    shipping_address: Address.optional(),
    billing_address: Address.optional(),
    note: z.string().max(5000).optional(),
  })
  .strict()
  .meta({ id: 'PlaceOrderInput' });
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>;

/** An order on a quote's locked terms: its lines, prices, tax, ship-to and held stock. */
export const QuotedOrderInput = z
  .object({
    quote_id: z.string().min(1).max(64).describe('An open quote of this merchant (`POST /quotes`)'),
    shipping_option_id: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe("A shipping option id from the quote's shipments; default: each shipment's selected one"),
    customer: OrderCustomerInput.omit({ email: true })
      .optional()
      .describe("Names and phone; the email is the quote's"),
    billing_address: Address.optional(),
    note: z.string().max(5000).optional(),
  })
  .strict()
  .meta({ id: 'QuotedOrderInput' });
export type QuotedOrderInput = z.infer<typeof QuotedOrderInput>;

/** What `POST /orders` accepts: lines and a customer, or a quote id (see the two schemas above). */
export const OrderRequest = z
  .object({
    ...PlaceOrderInput.shape,
    lines: PlaceOrderInput.shape.lines.optional(),
    customer: OrderCustomerInput.partial({ email: true }).optional(),
    quote_id: QuotedOrderInput.shape.quote_id.optional(),
    shipping_option_id: QuotedOrderInput.shape.shipping_option_id,
  })
  .strict()
  .meta({
    id: 'OrderRequest',
    description:
      '`{ quote_id, shipping_option_id?, customer?: { first_name, last_name, phone } }` places the order ' +
      "on the quote's locked terms (the normal agent path); `{ lines, customer, shipping_address? }` " +
      'places it at current prices.',
  });

/** `['lines', 0, 'sku']` → `lines[0].sku`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

/** Each zod issue as a field issue; an unknown key is reported at its own path. */
export function issuesOf(error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: fieldPath([...path, key]), message: 'unknown field' }));
    }
    return [{ field: fieldPath(path) || '(body)', message: issue.message }];
  });
}

/** Step 1 of placing an order: the input's shape, or a `validation` error naming every bad field. */
export function validateOrderInput(input: unknown): PlaceOrderInput {
  const result = PlaceOrderInput.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConcordError(
    'validation',
    'invalid_request',
    `Invalid order: ${issues[0]?.field}: ${issues[0]?.message}`,
    {
      issues,
    },
  );
}
