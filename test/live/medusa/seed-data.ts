/**
 * The deterministic merchant the live Medusa suite seeds: one USD region for the United States, two
 * stock locations, 20 products (43 variants; the two gift-wrap variants are not inventory-managed)
 * with SKUs, option values and prices, 62 stock levels over the two locations, and three customers. Prices are written here in minor units
 * (what Concord reads back) and converted to Medusa's major units by the seeder, so the tests assert
 * the conversion both ways. Quantities are pure functions of the variant's position, so every run of
 * the suite seeds the same numbers.
 *
 * @example
 * SEED_VARIANTS.find((v) => v.sku === 'TENT-2P-GRN')?.price_minor // 24_999
 */

export const SEED_CURRENCY = 'USD';

export const SEED_REGION = { name: 'United States', currency_code: 'usd', countries: ['us'] } as const;

export interface SeedLocation {
  key: 'east' | 'west';
  name: string;
  address: { address_1: string; city: string; province: string; postal_code: string; country_code: string };
}

export const SEED_LOCATIONS: readonly SeedLocation[] = [
  {
    key: 'east',
    name: 'East Coast Warehouse',
    address: {
      address_1: '100 Harbor Road',
      city: 'Newark',
      province: 'NJ',
      postal_code: '07105',
      country_code: 'us',
    },
  },
  {
    key: 'west',
    name: 'West Coast Warehouse',
    address: {
      address_1: '2500 Bay Street',
      city: 'Oakland',
      province: 'CA',
      postal_code: '94607',
      country_code: 'us',
    },
  },
];

/** Flat shipping per location's option, in minor units. */
export const SEED_SHIPPING_PRICE_MINOR = 1000;

export interface SeedVariant {
  sku: string;
  title: string;
  options: Record<string, string>;
  price_minor: number;
  manage_inventory: boolean;
  /** Stocked units per location key; absent = not stocked there. Empty when not inventory-managed. */
  stock: Partial<Record<SeedLocation['key'], { stocked: number; incoming: number }>>;
}

export interface SeedProduct {
  handle: string;
  title: string;
  description: string;
  options: { title: string; values: string[] }[];
  variants: SeedVariant[];
}

interface ProductSpec {
  handle: string;
  title: string;
  sku: string;
  /** Base price in minor units; each further variant adds `step`. */
  price: number;
  step?: number;
  option: string;
  values: string[];
  /** A second option (colour), combined with every value of the first. */
  second?: { option: string; values: string[] };
  manage_inventory?: boolean;
}

const SPECS: ProductSpec[] = [
  {
    handle: 'trail-tent',
    title: 'Trail Tent',
    sku: 'TENT',
    price: 24_999,
    step: 5_000,
    option: 'Capacity',
    values: ['2P', '3P'],
    second: { option: 'Colour', values: ['GRN', 'ORG'] },
  },
  {
    handle: 'down-sleeping-bag',
    title: 'Down Sleeping Bag',
    sku: 'BAG',
    price: 18_950,
    option: 'Length',
    values: ['REG', 'LONG'],
  },
  { handle: 'camp-stove', title: 'Camp Stove', sku: 'STOVE', price: 4_995, option: 'Fuel', values: ['GAS'] },
  {
    handle: 'titanium-mug',
    title: 'Titanium Mug',
    sku: 'MUG',
    price: 2_450,
    option: 'Volume',
    values: ['450', '750'],
  },
  {
    handle: 'headlamp',
    title: 'Headlamp',
    sku: 'LAMP',
    price: 3_999,
    option: 'Colour',
    values: ['BLK', 'RED', 'YEL'],
  },
  {
    handle: 'trekking-poles',
    title: 'Trekking Poles',
    sku: 'POLE',
    price: 8_900,
    option: 'Material',
    values: ['ALU', 'CARB'],
    step: 4_000,
  },
  {
    handle: 'rain-jacket',
    title: 'Rain Jacket',
    sku: 'JKT',
    price: 12_900,
    option: 'Size',
    values: ['S', 'M', 'L'],
  },
  {
    handle: 'merino-socks',
    title: 'Merino Socks',
    sku: 'SOCK',
    price: 1_899,
    option: 'Size',
    values: ['S', 'M', 'L'],
  },
  {
    handle: 'water-filter',
    title: 'Water Filter',
    sku: 'FLTR',
    price: 3_475,
    option: 'Type',
    values: ['SQUEEZE'],
  },
  {
    handle: 'dry-bag',
    title: 'Dry Bag',
    sku: 'DRY',
    price: 1_500,
    step: 500,
    option: 'Volume',
    values: ['10L', '20L', '35L'],
  },
  {
    handle: 'camp-chair',
    title: 'Camp Chair',
    sku: 'CHAIR',
    price: 7_900,
    option: 'Colour',
    values: ['GRY', 'BLU'],
  },
  {
    handle: 'first-aid-kit',
    title: 'First Aid Kit',
    sku: 'AID',
    price: 2_999,
    option: 'Size',
    values: ['SOLO', 'GROUP'],
    step: 2_000,
  },
  {
    handle: 'hiking-boots',
    title: 'Hiking Boots',
    sku: 'BOOT',
    price: 15_999,
    option: 'Size',
    values: ['42', '43', '44'],
  },
  {
    handle: 'sleeping-pad',
    title: 'Sleeping Pad',
    sku: 'PAD',
    price: 9_950,
    option: 'Width',
    values: ['REG', 'WIDE'],
  },
  { handle: 'compass', title: 'Compass', sku: 'CMPS', price: 2_200, option: 'Type', values: ['BASEPLATE'] },
  {
    handle: 'bear-canister',
    title: 'Bear Canister',
    sku: 'BEAR',
    price: 8_495,
    option: 'Volume',
    values: ['7L', '11L'],
  },
  {
    handle: 'trail-map',
    title: 'Trail Map',
    sku: 'MAP',
    price: 99,
    option: 'Region',
    values: ['EAST', 'WEST'],
  },
  {
    handle: 'daypack',
    title: 'Daypack',
    sku: 'PACK',
    price: 6_450,
    option: 'Volume',
    values: ['18L', '24L'],
  },
  {
    handle: 'camp-lantern',
    title: 'Camp Lantern',
    sku: 'LTRN',
    price: 125_000,
    option: 'Power',
    values: ['SOLAR'],
  },
  {
    handle: 'gift-wrap',
    title: 'Gift Wrap',
    sku: 'WRAP',
    price: 500,
    option: 'Style',
    values: ['PAPER', 'CLOTH'],
    manage_inventory: false,
  },
];

function combos(spec: ProductSpec): Record<string, string>[] {
  const first = spec.values.map((value) => ({ [spec.option]: value }));
  if (!spec.second) return first;
  const second = spec.second;
  return first.flatMap((a) => second.values.map((value) => ({ ...a, [second.option]: value })));
}

/** Stock of the n-th inventory-managed variant: always at east, every other one also at west. */
function stockFor(n: number): SeedVariant['stock'] {
  const east = { stocked: 10 + ((n * 7) % 31), incoming: n % 3 === 0 ? 5 : 0 };
  return n % 2 === 0 ? { east, west: { stocked: 4 + ((n * 5) % 17), incoming: 0 } } : { east };
}

function build(): SeedProduct[] {
  let managed = 0;
  return SPECS.map((spec) => {
    const options = [{ title: spec.option, values: spec.values }];
    if (spec.second) options.push({ title: spec.second.option, values: spec.second.values });
    const variants = combos(spec).map((options, i): SeedVariant => {
      const values = Object.values(options);
      const manage = spec.manage_inventory ?? true;
      return {
        sku: [spec.sku, ...values].join('-'),
        title: values.join(' / '),
        options,
        price_minor: spec.price + i * (spec.step ?? 0),
        manage_inventory: manage,
        stock: manage ? stockFor(managed++) : {},
      };
    });
    return {
      handle: spec.handle,
      title: spec.title,
      description: `${spec.title} for the Concord live suite.`,
      options,
      variants,
    };
  });
}

export const SEED_PRODUCTS: readonly SeedProduct[] = build();

export const SEED_VARIANTS: readonly SeedVariant[] = SEED_PRODUCTS.flatMap((p) => p.variants);

export interface SeedCustomer {
  email: string;
  first_name: string;
  last_name: string;
  phone: string;
  address: { address_1: string; city: string; province: string; postal_code: string; country_code: string };
}

export const SEED_CUSTOMERS: readonly SeedCustomer[] = [
  {
    email: 'ada.lovelace@example.com',
    first_name: 'Ada',
    last_name: 'Lovelace',
    phone: '+12025550101',
    address: {
      address_1: '12 Analytical Way',
      city: 'Boston',
      province: 'MA',
      postal_code: '02110',
      country_code: 'us',
    },
  },
  {
    email: 'grace.hopper@example.com',
    first_name: 'Grace',
    last_name: 'Hopper',
    phone: '+12025550102',
    address: {
      address_1: '1 Navy Way',
      city: 'Arlington',
      province: 'VA',
      postal_code: '22202',
      country_code: 'us',
    },
  },
  {
    email: 'katherine.johnson@example.com',
    first_name: 'Katherine',
    last_name: 'Johnson',
    phone: '+12025550103',
    address: {
      address_1: '4 Langley Blvd',
      city: 'Hampton',
      province: 'VA',
      postal_code: '23666',
      country_code: 'us',
    },
  },
];
