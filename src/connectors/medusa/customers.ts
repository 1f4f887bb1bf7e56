/**
 * Find-or-create of the merchant's customer by email, so orders placed by agents belong to a real
 * Medusa customer. Emails are compared lower-cased (Medusa's own storefront flow lower-cases them,
 * `validateEmail` in @medusajs/utils; the Admin API stores what it is given), so both spellings are
 * searched. A create that loses a race (Medusa refuses a second customer with the same email) or that
 * failed ambiguously is followed by another search; the address becomes the default shipping and
 * billing address. https://docs.medusajs.com/api/admin#customers_postcustomers
 *
 * @example
 * const customer = await findOrCreateCustomer(client, ctx, { email: 'ada@example.com', first_name: 'Ada' });
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { Address } from '../../model/address.js';
import type { Customer } from '../../model/index.js';
import type { CustomerInput, SystemContext } from '../types.js';
import type { MedusaClient } from './client.js';
import { CUSTOMER_FIELDS } from './fields.js';
import { MEDUSA_MANIFEST } from './manifest.js';
import { toUnifiedCustomer } from './map-orders.js';
import { toMedusaAddress } from './map-shared.js';
import type { MedusaCustomer } from './types.js';

const { paths } = MEDUSA_MANIFEST;

/** The email as Concord compares it. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The customer whose email is `email` (case-insensitive), or null; registered accounts first. */
export async function findCustomerByEmail(
  client: MedusaClient,
  email: string,
): Promise<MedusaCustomer | null> {
  const wanted = normalEmail(email);
  const spellings = [...new Set([wanted, email.trim()])];
  const { customers } = await client.get<{ customers: MedusaCustomer[] }>(paths.customers, {
    email: spellings,
    fields: CUSTOMER_FIELDS,
    order: 'id',
    limit: MEDUSA_MANIFEST.paging.lookupPageSize,
  });
  const matches = customers.filter((c) => normalEmail(c.email ?? '') === wanted);
  return matches.find((c) => c.has_account) ?? matches[0] ?? null;
}

function mayExist(error: unknown): boolean {
  if (!(error instanceof ConcordError)) return false;
  if (error.category === 'transient' || error.category === 'upstream' || error.category === 'conflict')
    return true;
  return error.category === 'validation' && /exist|duplicate|already/i.test(error.message);
}

async function createCustomer(client: MedusaClient, input: CustomerInput): Promise<MedusaCustomer> {
  const { customer } = await client.post<{ customer: MedusaCustomer }>(
    paths.customers,
    {
      email: normalEmail(input.email),
      ...(input.first_name ? { first_name: input.first_name } : {}),
      ...(input.last_name ? { last_name: input.last_name } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      metadata: { created_by: 'concord' },
    },
    { query: { fields: CUSTOMER_FIELDS } },
  );
  return customer;
}

async function addAddress(client: MedusaClient, customer: MedusaCustomer, input: CustomerInput) {
  if (!input.address) return customer;
  const { customer: updated } = await client.post<{ customer: MedusaCustomer }>(
    `${paths.customers}/${customer.id}/addresses`,
    { ...toMedusaAddress(input.address), is_default_shipping: true, is_default_billing: true },
    { query: { fields: CUSTOMER_FIELDS } },
  );
  return updated;
}

const CustomerInputSchema = z.object({
  email: z.email(),
  first_name: z.string().max(255).optional(),
  last_name: z.string().max(255).optional(),
  phone: z.string().max(64).optional(),
  address: Address.optional(),
});

/** Finds the customer with `input.email`, or creates one (with its address). */
export async function findOrCreateCustomer(
  client: MedusaClient,
  ctx: SystemContext,
  input: CustomerInput,
): Promise<Customer> {
  const checked = CustomerInputSchema.safeParse(input);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => ({
      field: i.path.join('.') || 'customer',
      message: i.message,
    }));
    throw new ConcordError(
      'validation',
      'medusa_invalid_customer',
      `Invalid customer: ${issues.map((i) => i.field).join(', ')}`,
      {
        issues,
      },
    );
  }
  const existing = await findCustomerByEmail(client, input.email);
  if (existing) return toUnifiedCustomer(ctx, existing);
  let created: MedusaCustomer;
  try {
    created = await createCustomer(client, input);
  } catch (error) {
    if (!mayExist(error)) throw error;
    const winner = await findCustomerByEmail(client, input.email);
    if (!winner) throw error;
    return toUnifiedCustomer(ctx, winner);
  }
  return toUnifiedCustomer(ctx, await addAddress(client, created, input));
}
