/**
 * Customers in Tryton are parties: found by an email contact mechanism (case-insensitive, `ilike` with the
 * pattern escaped, then compared exactly), else created with that email, the phone, and one address (the
 * one given, or an empty one — a sale needs an address to be quoted). The country is looked up by ISO code
 * and the region as the subdivision `<country>-<region>`; one Tryton does not know is left empty rather
 * than created.
 */
import type { Address, Customer } from '../../model/index.js';
import type { CustomerInput } from '../types.js';
import { toUnifiedCustomer } from './map.js';
import { parseRows } from './read.js';
import { PARTY_FIELDS, PartyRow } from './schemas.js';
import { CustomerInputSchema, parseInput } from './inputs.js';
import { likeEscape, mayHaveHappened, singleFlight, type WriteDeps } from './write-kit.js';

const ALL = { active_test: false };

/** Reads one party as a Customer, or null when it does not exist. */
export async function readCustomer(deps: WriteDeps, id: number): Promise<Customer | null> {
  const raw = await deps.client.searchRead('party.party', [['id', '=', id]], {
    fields: PARTY_FIELDS,
    context: ALL,
  });
  const [row] = parseRows(PartyRow, raw, 'party.party');
  if (!row) return null;
  const addresses = await deps.reader.addresses([row.addresses[0] ?? null]);
  return toUnifiedCustomer(row, addresses.get(row.addresses[0] ?? -1) ?? null, deps.ctx);
}

/** The lowest-id party with this email (any case), or null. */
export async function findPartyByEmail(deps: WriteDeps, email: string): Promise<number | null> {
  const raw = await deps.client.searchRead(
    'party.contact_mechanism',
    [
      ['type', '=', 'email'],
      ['value', 'ilike', likeEscape(email)],
    ],
    { fields: ['party', 'value'], context: ALL },
  );
  const wanted = email.toLowerCase();
  const parties = (raw as { party?: unknown; value?: unknown }[])
    .filter((row) => typeof row.value === 'string' && row.value.trim().toLowerCase() === wanted)
    .map((row) => row.party)
    .filter((party): party is number => typeof party === 'number');
  return parties.length > 0 ? Math.min(...parties) : null;
}

/** `party.address` values for a unified address (country and subdivision looked up, never created). */
export async function addressValues(
  deps: WriteDeps,
  address: Address | undefined,
): Promise<Record<string, unknown>> {
  if (!address) return {};
  const values: Record<string, unknown> = {
    street: [address.line1, address.line2].filter(Boolean).join('\n'),
    city: address.city,
  };
  if (address.name || address.company) values.name = address.company ?? address.name;
  if (address.postal_code) values.postal_code = address.postal_code;
  const [country] = await deps.client.search('country.country', [['code', '=', address.country]], {
    limit: 1,
  });
  if (country !== undefined) {
    values.country = country;
    if (address.region) {
      const code = `${address.country}-${address.region}`;
      const [subdivision] = await deps.client.search('country.subdivision', [['code', '=', code]], {
        limit: 1,
      });
      if (subdivision !== undefined) values.subdivision = subdivision;
    }
  }
  return values;
}

/** Finds the party by email, else creates it (once per email in this process). */
export async function findOrCreateCustomer(deps: WriteDeps, raw: CustomerInput): Promise<Customer> {
  const input = parseInput(CustomerInputSchema, raw, 'tryton_invalid_customer');
  const email = input.email;
  return singleFlight(deps, `customer:${email.toLowerCase()}`, async () => {
    const found = await findPartyByEmail(deps, email);
    if (found !== null) return (await readCustomer(deps, found))!;
    const name = [input.first_name, input.last_name].filter(Boolean).join(' ') || email;
    const mechanisms: Record<string, unknown>[] = [{ type: 'email', value: email }];
    if (input.phone) mechanisms.push({ type: 'phone', value: input.phone });
    const values = {
      name,
      contact_mechanisms: [['create', mechanisms]],
      addresses: [['create', [await addressValues(deps, input.address)]]],
    };
    let id: number | undefined;
    try {
      [id] = await deps.client.create('party.party', [values]);
    } catch (error) {
      const again = mayHaveHappened(error) ? await findPartyByEmail(deps, email) : null;
      if (again === null) throw error;
      id = again;
    }
    return (await readCustomer(deps, id!))!;
  });
}
