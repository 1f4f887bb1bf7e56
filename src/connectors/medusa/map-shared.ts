/**
 * Helpers shared by the Medusa mappers: the mapping context (who we work for, the region's currency
 * for prices, the merchant's weight and size units), Concord ids for Medusa ids, and addresses in
 * both directions. Pure functions, no I/O.
 *
 * @example
 * fromMedusaAddress({ address_1: '1 Main St', city: 'Boston', country_code: 'us' })
 * // { line1: '1 Main St', city: 'Boston', country: 'US' }
 */
import type { Address } from '../../model/address.js';
import { recordId, type RecordKind } from '../../core/ids.js';
import type { SystemContext } from '../types.js';
import type { MedusaAddress } from './types.js';

/** Who we map for, the currency prices are read in, and the units Medusa's bare numbers are in. */
export interface MedusaMapContext extends SystemContext {
  currency: string;
  weightUnit: string;
  dimensionUnit: string;
}

/** Concord id of the Medusa record with id `medusaId`. */
export function idFor(ctx: SystemContext, kind: RecordKind, medusaId: string): string {
  return recordId(kind, ctx.merchantId, ctx.system, medusaId);
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Drops empty fields; null when nothing is left. */
function compact(address: Partial<Address>): Partial<Address> | null {
  const entries = Object.entries(address).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as Partial<Address>) : null;
}

/** A Medusa address (customer, order, stock location) as a unified partial address. */
export function fromMedusaAddress(a: MedusaAddress | null | undefined): Partial<Address> | null {
  if (!a) return null;
  const name = [text(a.first_name), text(a.last_name)].filter(Boolean).join(' ');
  const country = text(a.country_code)?.toUpperCase();
  return compact({
    name: name || undefined,
    company: text(a.company),
    line1: text(a.address_1),
    line2: text(a.address_2),
    city: text(a.city),
    region: text(a.province),
    postal_code: text(a.postal_code),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    phone: text(a.phone),
  });
}

/** A unified address as Medusa's `AddressPayload` (country lower-case, name split at the first space). */
export function toMedusaAddress(a: Address): MedusaAddress {
  const [first, ...rest] = (a.name ?? '').trim().split(/\s+/);
  return {
    first_name: first || null,
    last_name: rest.join(' ') || null,
    company: a.company ?? null,
    address_1: a.line1,
    address_2: a.line2 ?? null,
    city: a.city,
    province: a.region ?? null,
    postal_code: a.postal_code ?? null,
    country_code: a.country.toLowerCase(),
    phone: a.phone ?? null,
  };
}
