/**
 * Seeded locations (warehouses, a retail store, a 3PL, and one inactive location) and customers
 * with names, unique emails and phone numbers, tags and postal addresses. Deterministic for a seed.
 */
import { MailingAddressRecord, type AddressFields } from './model/address.js';
import { CustomerRecord } from './model/customer.js';
import { LocationRecord, type LocationAddressFields } from './model/location.js';
import type { Rng } from './prng.js';
import type { ShopifyState } from './state.js';

interface LocationTemplate {
  name: string;
  fulfillsOnlineOrders: boolean;
  shipsInventory: boolean;
  isFulfillmentService: boolean;
  address: LocationAddressFields;
}

const LOCATIONS: LocationTemplate[] = [
  loc('Main Warehouse', true, false, ['400 Meadowlands Pkwy', 'Secaucus', 'NJ', '07094', 'US']),
  loc('West Coast Warehouse', true, false, ['2600 E Greg St', 'Sparks', 'NV', '89431', 'US']),
  loc('Brooklyn Flagship Store', false, false, ['210 Wythe Ave', 'Brooklyn', 'NY', '11249', 'US']),
  loc('ShipBob Fulfillment Chicago', true, true, ['1200 W Fulton Market', 'Chicago', 'IL', '60607', 'US']),
  loc('Toronto Warehouse', true, false, ['55 Eglinton Ave E', 'Toronto', 'ON', 'M4P 1G8', 'CA']),
  loc('Denver Overflow Storage', true, false, ['4800 Dahlia St', 'Denver', 'CO', '80216', 'US']),
];

function loc(
  name: string,
  online: boolean,
  thirdParty: boolean,
  a: [string, string, string, string, string],
) {
  return {
    name,
    fulfillsOnlineOrders: online,
    shipsInventory: !name.includes('Store'),
    isFulfillmentService: thirdParty,
    address: {
      address1: a[0],
      address2: null,
      city: a[1],
      provinceCode: a[2],
      zip: a[3],
      countryCode: a[4],
      phone: '+12125550100',
    },
  };
}

/** Adds `count` active locations plus one inactive location (when count ≥ 2). */
export function seedLocations(state: ShopifyState, count: number, createdMs: number): void {
  for (let i = 0; i < count; i++) {
    const template = LOCATIONS[i] ?? { ...LOCATIONS[5]!, name: `Overflow Storage ${i - 4}` };
    const t = template as LocationTemplate;
    state.addLocation(
      new LocationRecord(
        state.nextId('Location'),
        t.name,
        true,
        t.fulfillsOnlineOrders,
        t.shipsInventory,
        t.isFulfillmentService,
        t.address,
        createdMs + i * 86_400_000,
        createdMs + i * 86_400_000,
      ),
    );
  }
  if (count >= 2) {
    const closed = new LocationRecord(
      state.nextId('Location'),
      'Portland Pop-up (closed)',
      false,
      false,
      false,
      false,
      {
        address1: '1020 SW Taylor St',
        address2: null,
        city: 'Portland',
        provinceCode: 'OR',
        zip: '97205',
        countryCode: 'US',
        phone: null,
      },
      createdMs,
      createdMs + 200 * 86_400_000,
    );
    closed.deactivatedMs = closed.updatedMs;
    state.addLocation(closed);
  }
}

const FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'Mateo',
  'Isabella',
  'Lucas',
  'Mia',
  'Levi',
  'Amelia',
  'Ezra',
  'Harper',
  'Asher',
  'Evelyn',
  'Leo',
  'Luna',
  'Kai',
  'Chloe',
  'Hiro',
  'Priya',
  'Omar',
  'Fatima',
  'Yuki',
  'Lena',
  'Jonas',
  'Chiara',
  'Diego',
];
const LAST = [
  'Smith',
  'Johnson',
  'Garcia',
  'Miller',
  'Davis',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Nguyen',
  'Patel',
  'Kim',
  'Schmidt',
  'Müller',
  'Rossi',
  'Dubois',
  "O'Brien",
  'Tanaka',
  'Haddad',
  'Novak',
  'Larsen',
  'Cohen',
];
const TAGS = ['vip', 'newsletter', 'wholesale', 'repeat-buyer', 'outdoor-club'];

type Place = [city: string, province: string | null, zip: string, country: string];
const PLACES: Place[] = [
  ['New York', 'NY', '10001', 'US'],
  ['Brooklyn', 'NY', '11211', 'US'],
  ['Jersey City', 'NJ', '07302', 'US'],
  ['Los Angeles', 'CA', '90012', 'US'],
  ['San Francisco', 'CA', '94110', 'US'],
  ['Austin', 'TX', '78701', 'US'],
  ['Seattle', 'WA', '98101', 'US'],
  ['Chicago', 'IL', '60614', 'US'],
  ['Denver', 'CO', '80202', 'US'],
  ['Portland', 'OR', '97209', 'US'],
  ['Philadelphia', 'PA', '19103', 'US'],
  ['Toronto', 'ON', 'M5V 2T6', 'CA'],
  ['Vancouver', 'BC', 'V6B 1A1', 'CA'],
  ['London', null, 'EC1A 1BB', 'GB'],
  ['Berlin', null, '10115', 'DE'],
  ['Sydney', 'NSW', '2000', 'AU'],
  ['Melbourne', 'VIC', '3000', 'AU'],
];
const STREETS = [
  'Main St',
  'Oak Ave',
  'Maple Dr',
  'Cedar Ln',
  'Park Rd',
  'High St',
  'Elm St',
  'Lake Shore Dr',
];

/** A random postal address for a person. */
export function randomAddress(rng: Rng, first: string, last: string, phone: string | null): AddressFields {
  const [city, provinceCode, zip, countryCode] = rng.pick(PLACES);
  return {
    firstName: first,
    lastName: last,
    address1: `${rng.int(1, 9800)} ${rng.pick(STREETS)}`,
    address2: rng.chance(0.2) ? `Apt ${rng.int(1, 40)}` : null,
    city,
    provinceCode,
    zip,
    countryCode,
    company: rng.chance(0.1) ? `${last} Design Studio` : null,
    phone,
  };
}

/** Adds `count` customers with unique emails and phone numbers, created between start and end. */
export function seedCustomers(
  state: ShopifyState,
  rng: Rng,
  count: number,
  startMs: number,
  endMs: number,
): void {
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const local = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z.]/g, '');
    let email = `${local}@example.com`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@example.${n % 2 ? 'org' : 'net'}`;
    emails.add(email);
    let phone: string | null = null;
    if (rng.chance(0.7)) {
      do
        phone = `+1${rng.pick(['212', '646', '415', '312', '512', '206', '303'])}${rng.int(200, 999)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
      while (phones.has(phone));
      phones.add(phone);
    }
    const createdMs = startMs + Math.floor(((endMs - startMs) * i) / Math.max(1, count));
    const updatedMs = createdMs + rng.int(0, 120) * 86_400_000;
    const customer = new CustomerRecord(
      state.nextId('Customer'),
      email,
      phone,
      first,
      last,
      rng.sample(TAGS, rng.int(0, 2)).sort(),
      createdMs,
      Math.min(updatedMs, endMs),
    );
    customer.state = rng.chance(0.6) ? 'ENABLED' : 'DISABLED';
    const addressCount = rng.chance(0.8) ? rng.int(1, 2) : 0;
    for (let a = 0; a < addressCount; a++) {
      customer.addressList.push(
        new MailingAddressRecord(state.nextId('MailingAddress'), randomAddress(rng, first, last, phone)),
      );
    }
    customer.defaultAddress = customer.addressList[0] ?? null;
    state.addCustomer(customer);
  }
}
