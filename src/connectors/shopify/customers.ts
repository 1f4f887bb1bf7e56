/**
 * Find-or-create of the merchant's customer by email, so orders placed by agents belong to a real
 * customer record in Shopify. Search first (`customers(query: "email:…")`, exact match checked
 * locally because Shopify's search is fuzzy), create when absent, and when the create loses a race
 * ("Email has already been taken") search again and return the winner.
 * https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/customerCreate
 */
import { ConcordError } from '../../core/errors.js';
import type { Customer } from '../../model/index.js';
import type { CustomerInput, SystemContext } from '../types.js';
import type { ShopifyGraphQLClient } from './client.js';
import { toUnifiedCustomer } from './map.js';
import { CUSTOMER_CREATE, CUSTOMERS_QUERY } from './queries.js';
import { SHOPIFY_MANIFEST } from './manifest.js';
import { toMailingAddressInput } from './inputs.js';
import type { Connection, ShopifyCustomer, ShopifyUserError } from './types.js';

/** A search value: bare when it has no syntax characters, else double-quoted (Shopify search syntax). */
export function searchValue(value: string): string {
  return /^[^\s"'\\():]+$/.test(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The userError's field path as one string (`input.email`). */
export function fieldOf(error: ShopifyUserError): string | undefined {
  return error.field?.length ? error.field.join('.') : undefined;
}

async function findByEmail(gql: ShopifyGraphQLClient, email: string): Promise<ShopifyCustomer | null> {
  const data = await gql.request<{ customers: Connection<ShopifyCustomer> }>(CUSTOMERS_QUERY, {
    first: SHOPIFY_MANIFEST.pages.lookups,
    query: `email:${searchValue(email)}`,
  });
  const wanted = email.trim().toLowerCase();
  return (
    data.customers.nodes.find((c) => c.defaultEmailAddress?.emailAddress.trim().toLowerCase() === wanted) ??
    null
  );
}

interface CreatePayload {
  customerCreate: { customer: ShopifyCustomer | null; userErrors: ShopifyUserError[] };
}

/**
 * `CustomerInput.addresses` is deprecated in 2026-10 but still accepted; it is the only way to give
 * the new customer a default address in the same call, so we keep using it.
 */
function createInput(input: CustomerInput, withPhone: boolean): Record<string, unknown> {
  return {
    email: input.email.trim(),
    ...(input.first_name ? { firstName: input.first_name } : {}),
    ...(input.last_name ? { lastName: input.last_name } : {}),
    ...(withPhone && input.phone ? { phone: input.phone } : {}),
    ...(input.address ? { addresses: [toMailingAddressInput(input.address)] } : {}),
    tags: ['concord'],
  };
}

/** Finds the customer with `input.email`, or creates one. */
export async function findOrCreateCustomer(
  gql: ShopifyGraphQLClient,
  ctx: SystemContext,
  input: CustomerInput,
): Promise<Customer> {
  const existing = await findByEmail(gql, input.email);
  if (existing) return toUnifiedCustomer(ctx, existing);
  let withPhone = true;
  for (;;) {
    const data = await gql.request<CreatePayload>(CUSTOMER_CREATE, { input: createInput(input, withPhone) });
    const { customer, userErrors } = data.customerCreate;
    if (customer && userErrors.length === 0) return toUnifiedCustomer(ctx, customer);
    const taken = userErrors.find((e) => /taken/i.test(e.message));
    if (taken && /email/i.test(`${fieldOf(taken)} ${taken.message}`)) {
      const winner = await findByEmail(gql, input.email);
      if (winner) return toUnifiedCustomer(ctx, winner);
    } else if (taken && withPhone && /phone/i.test(`${fieldOf(taken)} ${taken.message}`)) {
      // Another customer owns this phone number: keep the email identity, drop the phone.
      withPhone = false;
      continue;
    }
    const first = userErrors[0];
    throw new ConcordError(
      'validation',
      'shopify_customer_rejected',
      `Shopify refused the customer: ${first?.message ?? 'no customer returned'}`,
      {
        field: first ? fieldOf(first) : undefined,
        issues: userErrors.map((e) => ({ field: fieldOf(e) ?? 'customer', message: e.message })),
      },
    );
  }
}
