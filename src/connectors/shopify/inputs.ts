/**
 * Pure builders of Shopify mutation inputs from Concord's write inputs: `MailingAddressInput`,
 * `OrderCreateOrderInput` (https://shopify.dev/docs/api/admin-graphql/2026-10/input-objects/OrderCreateOrderInput)
 * and `RefundInput`. The order carries Concord's reference twice — as the tag `concord-ref-<ref>`
 * (searchable, used to find it again after an ambiguous failure) and as `sourceIdentifier`.
 *
 * @example
 * buildOrderCreateInput(input, { customerGid, gateway: 'manual', paid: true })
 */
import { ConcordError } from '../../core/errors.js';
import type { Address } from '../../model/address.js';
import { addMoney, moneyToDecimal, multiplyMoney, type Money } from '../../model/money.js';
import type { PlatformOrderInput, RefundInput } from '../types.js';

/** The tag that marks the order Concord created for `reference`. */
export function referenceTag(reference: string): string {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(reference)) {
    throw new ConcordError(
      'validation',
      'invalid_reference',
      'Order reference must be 1–200 letters, digits, ".", "_" or "-"',
      {
        field: 'reference',
      },
    );
  }
  return `concord-ref-${reference}`;
}

/** Splits "Ada Lovelace" into first and last name (last word is the last name). */
function splitName(name: string | undefined): { firstName?: string; lastName?: string } {
  const parts = name?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (parts.length === 0) return {};
  if (parts.length === 1) return { lastName: parts[0] };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] };
}

/** A unified address as Shopify's `MailingAddressInput`. */
export function toMailingAddressInput(address: Address): Record<string, string> {
  const entries = Object.entries({
    ...splitName(address.name),
    company: address.company,
    address1: address.line1,
    address2: address.line2,
    city: address.city,
    provinceCode: address.region,
    zip: address.postal_code,
    countryCode: address.country,
    phone: address.phone,
  }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return Object.fromEntries(entries);
}

function moneyBag(money: Money): { shopMoney: { amount: string; currencyCode: string } } {
  return { shopMoney: { amount: moneyToDecimal(money), currencyCode: money.currency } };
}

export interface OrderCreateContext {
  customerGid: string | null;
  /** Gateway name of the payment transaction recorded when the order is paid. */
  gateway: string;
  /** Record the order as paid (a successful SALE for its total) or leave it pending. */
  paid: boolean;
}

/** The order's total as Concord knows it: lines at the given prices plus shipping. */
export function orderTotal(input: PlatformOrderInput): Money | null {
  let total: Money = { amount: 0, currency: input.currency };
  for (const line of input.lines) {
    if (!line.unit_price) return null;
    total = addMoney(total, multiplyMoney(line.unit_price, line.quantity));
  }
  if (input.shipping) total = addMoney(total, input.shipping.price);
  if (!input.taxes_included) for (const tax of input.taxes ?? []) total = addMoney(total, tax.amount);
  return total;
}

/** `OrderCreateOrderInput` for `input`. */
export function buildOrderCreateInput(
  input: PlatformOrderInput,
  ctx: OrderCreateContext,
): Record<string, unknown> {
  const tag = referenceTag(input.reference);
  const total = orderTotal(input);
  const paid = ctx.paid && total !== null && total.amount > 0;
  return {
    currency: input.currency,
    email: input.customer.email,
    ...(ctx.customerGid ? { customer: { toAssociate: { id: ctx.customerGid } } } : {}),
    lineItems: input.lines.map((line) => ({
      variantId: line.variant_external_id,
      quantity: line.quantity,
      ...(line.unit_price ? { priceSet: moneyBag(line.unit_price) } : {}),
    })),
    ...(input.shipping_address ? { shippingAddress: toMailingAddressInput(input.shipping_address) } : {}),
    ...(input.billing_address ? { billingAddress: toMailingAddressInput(input.billing_address) } : {}),
    ...(input.shipping
      ? { shippingLines: [{ title: input.shipping.title, priceSet: moneyBag(input.shipping.price) }] }
      : {}),
    ...(input.note ? { note: input.note } : {}),
    ...(input.taxes && input.taxes.length > 0
      ? {
          taxLines: input.taxes.map((t) => ({
            title: t.title,
            rate: String(t.rate),
            priceSet: moneyBag(t.amount),
          })),
          taxesIncluded: !!input.taxes_included,
        }
      : {}),
    tags: [...new Set([...(input.tags ?? []), tag])],
    sourceIdentifier: input.reference,
    financialStatus: paid ? 'PAID' : 'PENDING',
    ...(paid
      ? {
          transactions: [
            { kind: 'SALE', status: 'SUCCESS', gateway: ctx.gateway, amountSet: moneyBag(total) },
          ],
        }
      : {}),
  };
}

/** `RefundInput` returning `input.amount` through `gateway`. */
export function buildRefundInput(input: RefundInput, gateway: string): Record<string, unknown> {
  if (input.amount.amount <= 0) {
    throw new ConcordError('validation', 'invalid_amount', 'Refund amount must be positive', {
      field: 'amount',
    });
  }
  return {
    orderId: input.order_external_id,
    currency: input.amount.currency,
    ...(input.note ? { note: input.note } : {}),
    transactions: [
      { orderId: input.order_external_id, kind: 'REFUND', gateway, amount: moneyToDecimal(input.amount) },
    ],
  };
}
