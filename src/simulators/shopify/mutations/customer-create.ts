/**
 * `customerCreate(input: CustomerInput!)`: validates contact details (a name, email or phone is
 * required; email and phone must be well formed and unique in the shop — "Email has already been
 * taken", as Shopify words it), creates the customer with its addresses and tags, and fires
 * `customers/create`. Validation wording other than the duplicate-email message is inferred.
 */
import type { SimContext } from '../context.js';
import type { AddressFields } from '../model/address.js';
import { CustomerRecord } from '../model/customer.js';
import { addressFrom, cleanTags } from './inputs.js';

/** The `CustomerInput` fields the simulator reads. */
export interface CustomerInput {
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  note?: string | null;
  tags?: string[] | null;
  addresses?: AddressFields[] | null;
  taxExempt?: boolean | null;
  locale?: string | null;
}

interface UserError {
  field: string[] | null;
  message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

function validate(ctx: SimContext, input: CustomerInput): UserError[] {
  const errors: UserError[] = [];
  const email = input.email?.trim() || null;
  const phone = input.phone?.replace(/[\s()-]/g, '') || null;
  if (!email && !phone && !input.firstName?.trim() && !input.lastName?.trim()) {
    errors.push({ field: null, message: 'Customer must have a name, phone number or email address' });
  }
  if (email && !EMAIL.test(email)) errors.push({ field: ['email'], message: 'Email is invalid' });
  else if (email && ctx.state.findCustomerByEmail(email))
    errors.push({ field: ['email'], message: 'Email has already been taken' });
  if (phone && !PHONE.test(phone)) errors.push({ field: ['phone'], message: 'Phone is invalid' });
  else if (phone && ctx.state.customers.some((c) => c.phone === phone))
    errors.push({ field: ['phone'], message: 'Phone has already been taken' });
  return errors;
}

/** Resolver of `customerCreate`. */
export function customerCreate(args: { input: CustomerInput }, ctx: SimContext) {
  const input = args.input;
  const userErrors = validate(ctx, input);
  if (userErrors.length > 0) return { customer: null, userErrors };
  const customer = createCustomer(ctx, input);
  return { customer, userErrors: [] };
}

/** Creates and stores a customer from validated input, firing `customers/create`. */
export function createCustomer(ctx: SimContext, input: CustomerInput): CustomerRecord {
  const { state } = ctx;
  const customer = new CustomerRecord(
    state.nextId('Customer'),
    input.email?.trim().toLowerCase() || null,
    input.phone?.replace(/[\s()-]/g, '') || null,
    input.firstName?.trim() || null,
    input.lastName?.trim() || null,
    cleanTags(input.tags),
    ctx.now,
    ctx.now,
  );
  customer.note = input.note ?? null;
  customer.taxExempt = !!input.taxExempt;
  if (input.locale) customer.locale = input.locale;
  for (const address of input.addresses ?? []) {
    const record = addressFrom(
      state,
      { firstName: customer.firstName, lastName: customer.lastName, ...address },
      'CustomerAddress',
    );
    if (record) customer.addressList.push(record);
  }
  customer.defaultAddress = customer.addressList[0] ?? null;
  state.addCustomer(customer);
  state.touch();
  ctx.services.emit('CUSTOMERS_CREATE', customer.toRest());
  return customer;
}
