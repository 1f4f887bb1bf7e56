/**
 * Concord's write inputs checked with zod before anything is sent, and the pure builders of the Medusa
 * request bodies: the draft order (`POST /admin/draft-orders`,
 * https://docs.medusajs.com/api/admin#draft-orders_postdraftorders) with Concord's reference, note and
 * tags in `metadata`, unit prices and the shipping amount converted to Medusa's major units; and the
 * payment refund (`POST /admin/payments/{id}/refund`) whose note starts with the idempotency marker.
 *
 * @example
 * const input = parseOrderInput(raw, 'USD');
 * const body = buildDraftOrderBody(input, { regionId, salesChannelId, customerId, shippingOptionId });
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { Address } from '../../model/address.js';
import { Money } from '../../model/money.js';
import type { PlatformOrderInput, RefundInput } from '../types.js';
import { MEDUSA_MANIFEST } from './manifest.js';
import { toMedusaAddress } from './map-shared.js';
import { majorFromMinor } from './money.js';

const Reference = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,200}$/, 'an order reference of 1–200 letters, digits, ".", "_", ":" or "-"');

const OrderInput = z.object({
  reference: Reference,
  customer: z.object({ email: z.email() }).loose(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  lines: z
    .array(
      z.object({
        variant_external_id: z.string().regex(/^variant_[A-Za-z0-9]+$/, 'a Medusa variant id ("variant_…")'),
        quantity: z.number().int().positive(),
        unit_price: Money.optional(),
        title: z.string().optional(),
        sku: z.string().nullable().optional(),
      }),
    )
    .min(1),
  shipping_address: Address.optional(),
  billing_address: Address.optional(),
  shipping: z.object({ title: z.string().min(1), price: Money }).optional(),
  note: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

const RefundInputSchema = z.object({
  order_external_id: z.string().regex(/^order_[A-Za-z0-9]+$/, 'a Medusa order id ("order_…")'),
  amount: Money.refine((m) => m.amount > 0, 'a positive amount'),
  note: z.string().max(500).optional(),
  idempotency_key: z
    .string()
    .regex(/^[^\]\s]{1,200}$/, 'an idempotency key of 1–200 characters without spaces or "]"'),
});

function invalid(code: string, what: string, error: z.ZodError): ConcordError {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || what, message: i.message }));
  return new ConcordError('validation', code, `Invalid ${what}: ${issues.map((i) => i.field).join(', ')}`, {
    issues,
    field: issues.length === 1 ? issues[0]!.field : undefined,
  });
}

/** Checks an order input; every money amount must be in `currency` (the region's). */
export function parseOrderInput(input: PlatformOrderInput, currency: string): PlatformOrderInput {
  const result = OrderInput.safeParse(input);
  if (!result.success) throw invalid('medusa_invalid_order', 'order', result.error);
  const wrong: { field: string; message: string }[] = [];
  const check = (field: string, code: string | undefined) => {
    if (code !== undefined && code !== currency)
      wrong.push({ field, message: `is in ${code}, the Medusa region sells in ${currency}` });
  };
  check('currency', input.currency);
  input.lines.forEach((l, i) => check(`lines[${i}].unit_price.currency`, l.unit_price?.currency));
  check('shipping.price.currency', input.shipping?.price.currency);
  if (wrong.length > 0) {
    throw new ConcordError('validation', 'currency_mismatch', `Order currency must be ${currency}`, {
      issues: wrong,
      field: wrong[0]!.field,
    });
  }
  return input;
}

export function parseRefundInput(input: RefundInput): RefundInput {
  const result = RefundInputSchema.safeParse(input);
  if (!result.success) throw invalid('medusa_invalid_refund', 'refund', result.error);
  return input;
}

export interface DraftOrderContext {
  regionId: string;
  salesChannelId: string;
  customerId: string;
  email: string;
  /** Needed only when the order has a shipping line. */
  shippingOptionId: string | null;
}

/** The `POST /admin/draft-orders` body for `input` (already checked). */
export function buildDraftOrderBody(
  input: PlatformOrderInput,
  ctx: DraftOrderContext,
): Record<string, unknown> {
  const { metadata } = MEDUSA_MANIFEST;
  const shipping = input.shipping;
  if (shipping && !ctx.shippingOptionId) {
    throw new ConcordError(
      'config',
      'medusa_no_shipping_option',
      'Medusa has no shipping option to charge shipping with',
      {
        field: 'shippingOptionId',
      },
    );
  }
  return {
    region_id: ctx.regionId,
    sales_channel_id: ctx.salesChannelId,
    customer_id: ctx.customerId,
    email: ctx.email,
    currency_code: input.currency.toLowerCase(),
    items: input.lines.map((line) => ({
      variant_id: line.variant_external_id,
      quantity: line.quantity,
      ...(line.unit_price ? { unit_price: majorFromMinor(line.unit_price) } : {}),
    })),
    ...(input.shipping_address ? { shipping_address: toMedusaAddress(input.shipping_address) } : {}),
    ...(input.billing_address ? { billing_address: toMedusaAddress(input.billing_address) } : {}),
    ...(shipping && ctx.shippingOptionId
      ? {
          shipping_methods: [
            {
              name: shipping.title,
              shipping_option_id: ctx.shippingOptionId,
              amount: majorFromMinor(shipping.price),
            },
          ],
        }
      : {}),
    no_notification_order: true,
    metadata: {
      [metadata.reference]: input.reference,
      ...(input.note ? { [metadata.note]: input.note } : {}),
      ...(input.tags?.length ? { [metadata.tags]: input.tags } : {}),
    },
  };
}

/** The `POST /admin/payments/{id}/refund` body; the note carries the idempotency key. */
export function buildRefundBody(input: RefundInput): Record<string, unknown> {
  const note = [MEDUSA_MANIFEST.refundMarker(input.idempotency_key), input.note?.trim()].filter(Boolean);
  return { amount: majorFromMinor(input.amount), note: note.join(' ') };
}
