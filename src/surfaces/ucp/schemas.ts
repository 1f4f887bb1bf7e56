/**
 * What Concord reads of UCP requests, as zod schemas. UCP objects are open (`additionalProperties`
 * true, and platforms echo response fields such as `id`, `status` or `totals` back in updates), so
 * unknown members are tolerated and ignored; the members Concord uses are checked strictly (types,
 * lengths, counts), and a request failing them is a 400 naming the field.
 *
 * Source: ucp/2026-04-08 `schemas/shopping/checkout.json`, `fulfillment.json`, `payment.json`,
 * `types/*.json`, `catalog_search.json`, `catalog_lookup.json`, `services/shopping/mcp.openrpc.json`.
 *
 * @example
 * const body = parseInput(CheckoutWrite, await c.req.json());
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { issuesOf, MAX_LINE_QUANTITY, MAX_ORDER_LINES } from '../../commerce/order-input.js';

const Text = z.string().max(255);
const Id = z.string().min(1).max(255);

export const PostalAddress = z.looseObject({
  street_address: Text.optional(),
  extended_address: Text.optional(),
  address_locality: Text.optional(),
  address_region: Text.optional(),
  address_country: z.string().max(64).optional(),
  postal_code: z.string().max(32).optional(),
  first_name: Text.optional(),
  last_name: Text.optional(),
  phone_number: z.string().max(64).optional(),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

export const ShippingDestination = PostalAddress.extend({ id: Id.optional() });
export type ShippingDestination = z.infer<typeof ShippingDestination>;

export const LineItemInput = z.looseObject({
  id: Id.optional(),
  item: z.looseObject({ id: Id }),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

export const Buyer = z.looseObject({
  first_name: Text.optional(),
  last_name: Text.optional(),
  email: z.email().max(255).optional(),
  phone_number: z.string().max(64).optional(),
});
export type Buyer = z.infer<typeof Buyer>;

const Group = z.looseObject({ id: Id.optional(), selected_option_id: Id.nullable().optional() });

const Method = z.looseObject({
  id: Id.optional(),
  type: z.enum(['shipping', 'pickup']).optional(),
  line_item_ids: z.array(Id).max(MAX_ORDER_LINES).optional(),
  destinations: z.array(ShippingDestination).max(10).optional(),
  selected_destination_id: Id.nullable().optional(),
  groups: z.array(Group).max(50).optional(),
});

export const Fulfillment = z.looseObject({ methods: z.array(Method).max(2).optional() });
export type Fulfillment = z.infer<typeof Fulfillment>;

export const Credential = z.looseObject({
  type: z.string().min(1).max(64),
  token: z.string().max(2048).optional(),
});

export const Instrument = z.looseObject({
  id: Id,
  handler_id: Id,
  type: z.string().min(1).max(64),
  selected: z.boolean().optional(),
  credential: Credential.optional(),
  billing_address: PostalAddress.optional(),
});
export type Instrument = z.infer<typeof Instrument>;

export const Payment = z.looseObject({ instruments: z.array(Instrument).max(10).optional() });

/** Create and update bodies (PUT is a full replacement: line items are required on both). */
export const CheckoutWrite = z.looseObject({
  line_items: z.array(LineItemInput).min(1).max(MAX_ORDER_LINES),
  buyer: Buyer.optional(),
  context: z.looseObject({}).optional(),
  fulfillment: Fulfillment.optional(),
  payment: Payment.optional(),
});
export type CheckoutWrite = z.infer<typeof CheckoutWrite>;

/** Complete: the payment is required; line items and buyer are not sent. */
export const CheckoutComplete = z.looseObject({ payment: Payment });
export type CheckoutComplete = z.infer<typeof CheckoutComplete>;

export const SearchRequest = z.looseObject({
  query: z.string().max(500).optional(),
  filters: z
    .looseObject({
      categories: z.array(z.string().max(255)).max(50).optional(),
      price: z
        .looseObject({
          min: z.number().int().min(0).optional(),
          max: z.number().int().min(0).optional(),
        })
        .optional(),
    })
    .optional(),
  pagination: z
    .looseObject({ cursor: z.string().max(512).optional(), limit: z.number().int().min(1).optional() })
    .optional(),
  context: z.looseObject({}).optional(),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

/** Lookup accepts at most this many ids; more is `request_too_large` (catalog/lookup). */
export const MAX_LOOKUP_IDS = 50;

export const LookupRequest = z.looseObject({
  ids: z.array(Id).min(1),
  context: z.looseObject({}).optional(),
});

export const SelectedOption = z.looseObject({ name: Text, label: Text, id: Text.optional() });

export const ProductRequest = z.looseObject({
  id: Id,
  selected: z.array(SelectedOption).max(20).optional(),
  preferences: z.array(Text).max(20).optional(),
  context: z.looseObject({}).optional(),
});
export type ProductRequest = z.infer<typeof ProductRequest>;

/** MCP `meta` (mcp.openrpc.json components.schemas.meta). */
export const Meta = z.looseObject({
  'ucp-agent': z.looseObject({ profile: z.string().min(1).max(2048) }),
  'idempotency-key': z.uuid().optional(),
});
export type Meta = z.infer<typeof Meta>;

/** Parses `input` or throws a 400 `invalid_request` naming every field at fault. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConcordError('validation', 'invalid_request', `${issues[0]?.field}: ${issues[0]?.message}`, {
    issues,
  });
}
