/**
 * The deterministic data seeded into the live Tryton database, exported so tests assert exact values:
 * 3 warehouses, 30 goods products (SKU CL-001…CL-030, one inactive, five with an EAN), stock per product
 * and warehouse from a fixed formula, one planned supply (incoming), 4 customers with an email, a phone
 * and an address. Tryton ids are assigned when seeding; tests look them up by code, SKU and email.
 */

export const SEED_VERSION = 4;
export const SEED_CURRENCY = 'USD';
export const SEED_COMPANY = 'Concord Live Co';

export interface SeedWarehouse {
  code: string;
  name: string;
}

/** The first one is the warehouse trytond creates (code WH), renamed. */
export const SEED_WAREHOUSES: SeedWarehouse[] = [
  { code: 'WH', name: 'Main Warehouse' },
  { code: 'EAST', name: 'East Warehouse' },
  { code: 'WEST', name: 'West Warehouse' },
];

export interface SeedProduct {
  sku: string;
  name: string;
  /** List price, decimal string in USD. */
  price: string;
  active: boolean;
  ean: string | null;
}

const ADJECTIVES = ['Classic', 'Compact', 'Deluxe', 'Everyday', 'Heavy-Duty', 'Lite'];
const NOUNS = ['Bracket', 'Hinge', 'Lamp', 'Kettle', 'Tent'];

/** An EAN-13 with its check digit, from 12 digits. */
export function ean13(twelve: string): string {
  const sum = [...twelve].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

export const SEED_PRODUCTS: SeedProduct[] = Array.from({ length: 30 }, (_, i) => {
  const n = i + 1;
  const cents = 199 + ((n * 1373) % 9800);
  return {
    sku: `CL-${String(n).padStart(3, '0')}`,
    name: `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[i % NOUNS.length]} ${n}`,
    price: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    active: n !== 30,
    ean: n <= 5 ? ean13(`400638${String(n).padStart(6, '0')}`) : null,
  };
});

/** Units on hand of product `p` (0-based) in warehouse `w` (0-based); some are zero. */
export function seedQuantity(p: number, w: number): number {
  return (p * 7 + w * 11) % 25;
}

/** A supply planned for the last day of the year (a draft move): incoming at that warehouse. */
export const SEED_INCOMING = { sku: 'CL-002', warehouse: 'WEST', quantity: 5 };

export interface SeedCustomer {
  first: string;
  last: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  postal_code: string;
  region: string;
}

export const SEED_CUSTOMERS: SeedCustomer[] = [
  {
    first: 'Ada',
    last: 'Lovelace',
    email: 'ada.lovelace@example.com',
    phone: '+1 212 555 0101',
    street: '12 Engine Row',
    city: 'New York',
    postal_code: '10001',
    region: 'NY',
  },
  {
    first: 'Alan',
    last: 'Turing',
    email: 'alan.turing@example.com',
    phone: '+1 415 555 0102',
    street: '1 Bombe Way',
    city: 'San Francisco',
    postal_code: '94105',
    region: 'CA',
  },
  {
    first: 'Katherine',
    last: 'Johnson',
    email: 'katherine.johnson@example.com',
    phone: '+1 212 555 0103',
    street: '7 Orbit Ave',
    city: 'Albany',
    postal_code: '12207',
    region: 'NY',
  },
  {
    first: 'Edsger',
    last: 'Dijkstra',
    email: 'edsger.dijkstra@example.com',
    phone: '+1 415 555 0104',
    street: '3 Shortest Path',
    city: 'Oakland',
    postal_code: '94607',
    region: 'CA',
  },
];

export const SEED_SUBDIVISIONS = [
  { code: 'US-NY', name: 'New York' },
  { code: 'US-CA', name: 'California' },
];

/** The address of the main warehouse (on the company's party). */
export const SEED_WAREHOUSE_ADDRESS = { street: '100 Depot Rd', city: 'Newark', postal_code: '07105' };
