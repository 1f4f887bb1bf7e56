/**
 * Reading Shopify input objects into the simulator's records: money inputs (`MoneyBagInput`,
 * `MoneyInput`, plain `Money` strings) into minor units, `MailingAddressInput` into addresses, and
 * tag lists into trimmed, de-duplicated tags.
 */
import { toMinor } from '../format.js';
import { MailingAddressRecord, type AddressFields } from '../model/address.js';
import type { ShopifyState } from '../state.js';

/** A `MoneyInput`. */
export interface MoneyInput {
  amount: string | number;
  currencyCode?: string;
}

/** A `MoneyBagInput`. */
export interface MoneyBagInput {
  shopMoney: MoneyInput;
  presentmentMoney?: MoneyInput | null;
}

/** Minor units of a MoneyBagInput's shop money (undefined when absent or malformed). */
export function bagMinor(bag: MoneyBagInput | null | undefined, currency: string): number | undefined {
  return bag ? toMinor(bag.shopMoney.amount, bag.shopMoney.currencyCode ?? currency) : undefined;
}

/** A MailingAddressRecord from a MailingAddressInput (null when absent). */
export function addressFrom(
  state: ShopifyState,
  input: AddressFields | null | undefined,
  model: 'CustomerAddress' | 'Address',
) {
  return input ? new MailingAddressRecord(state.nextId('MailingAddress'), input, model) : null;
}

/** Trimmed, de-duplicated tags (Shopify also splits a single comma-separated string). */
export function cleanTags(tags: readonly string[] | null | undefined): string[] {
  const out: string[] = [];
  for (const tag of (tags ?? []).flatMap((t) => t.split(','))) {
    const trimmed = tag.trim();
    if (trimmed && !out.includes(trimmed)) out.push(trimmed);
  }
  return out;
}
