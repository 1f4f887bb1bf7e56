/**
 * Seeds a freshly initialised Tryton database over JSON-RPC, the way LIVE-SYSTEMS.md describes (verified
 * against Tryton 6.0): currency → country → company (party, currency, attached to the admin user) →
 * chart of accounts (`account.create_chart` wizard, minimal English template) → fiscal year with move and
 * invoice sequences and its periods → an accounting product category → warehouses → products → stock
 * moves supplier → storage (done) and one planned supply → customers. Uses the connector's own client.
 */
import { TrytonClient } from '../../../src/connectors/tryton/client.js';
import { encodeDate, encodeDecimal } from '../../../src/connectors/tryton/codec.js';
import { parseTrytonSettings } from '../../../src/connectors/tryton/config.js';
import {
  SEED_COMPANY,
  SEED_CURRENCY,
  SEED_CUSTOMERS,
  SEED_INCOMING,
  SEED_PRODUCTS,
  SEED_SUBDIVISIONS,
  SEED_WAREHOUSE_ADDRESS,
  SEED_WAREHOUSES,
  seedQuantity,
} from './seed-data.js';

export interface TrytonConnection {
  url: string;
  database: string;
  username: string;
  password: string;
}

type Row = Record<string, unknown>;

const one = async (p: Promise<number[]>): Promise<number> => {
  const [id] = await p;
  if (id === undefined) throw new Error('Tryton created nothing');
  return id;
};

export function trytonClient(conn: TrytonConnection): TrytonClient {
  const { url, database, username, password } = conn;
  return new TrytonClient({
    settings: parseTrytonSettings({ url, database, username, password, timeoutMs: 120_000 }),
  });
}

/** Runs the whole seed; the database must be fresh (`trytond-admin --all` just ran). */
export async function seedTryton(conn: TrytonConnection, today = new Date()): Promise<void> {
  const boot = trytonClient(conn);
  const usd = await one(
    boot.create('currency.currency', [
      { name: 'U.S. Dollar', code: SEED_CURRENCY, symbol: '$', rounding: encodeDecimal('0.01'), digits: 2 },
    ]),
  );
  const us = await one(boot.create('country.country', [{ name: 'United States', code: 'US' }]));
  const subdivisions = await boot.create(
    'country.subdivision',
    SEED_SUBDIVISIONS.map((s) => ({ ...s, country: us, type: 'state' })),
  );
  const companyParty = await one(
    boot.create('party.party', [
      { name: SEED_COMPANY, addresses: [['create', [{ ...SEED_WAREHOUSE_ADDRESS, country: us }]]] },
    ]),
  );
  const company = await one(boot.create('company.company', [{ party: companyParty, currency: usd }]));
  const [admin] = await boot.search('res.user', [['login', '=', conn.username]]);
  await boot.write('res.user', [admin!], { companies: [['add', [company]]], company });
  await boot.logout();

  const c = trytonClient(conn);
  await chartOfAccounts(c, company);
  await fiscalYear(c, company, today);
  const category = await productCategory(c);
  const warehouses = await seedWarehouses(c, companyParty);
  const products = await seedProducts(c, category);
  await seedStock(c, company, usd, warehouses, products, today);
  await seedCustomers(c, us, new Map(SEED_SUBDIVISIONS.map((s, i) => [s.code, subdivisions[i]!])));
  await c.logout();
}

async function chartOfAccounts(c: TrytonClient, company: number): Promise<void> {
  const { context } = await c.info();
  const [template] = (await c.searchRead(
    'ir.model.data',
    [
      ['module', '=', 'account'],
      ['fs_id', '=', 'account_template_root_en'],
    ],
    { fields: ['db_id'] },
  )) as Row[];
  const wizard = 'wizard.account.create_chart';
  const [session] = (await c.call(`${wizard}.create`, [context], { write: true })) as number[];
  await c.call(`${wizard}.execute`, [session, {}, 'account', context], { write: true });
  const account = { company, account_template: template!.db_id };
  await c.call(`${wizard}.execute`, [session, { account }, 'create_account', context], { write: true });
  const find = async (type: string) =>
    (
      await c.search(
        'account.account',
        [
          [`type.${type}`, '=', true],
          ['party_required', '=', true],
        ],
        { limit: 1 },
      )
    )[0];
  const properties = {
    company,
    account_receivable: await find('receivable'),
    account_payable: await find('payable'),
  };
  await c.call(`${wizard}.execute`, [session, { properties }, 'create_properties', context], { write: true });
  await c.call(`${wizard}.delete`, [session, context], { write: true });
}

async function fiscalYear(c: TrytonClient, company: number, today: Date): Promise<void> {
  const year = today.getUTCFullYear();
  const type = async (name: string) =>
    (await c.search('ir.sequence.type', [['name', '=', name]], { limit: 1 }))[0];
  const moves = await one(
    c.create('ir.sequence', [{ name: `${year}`, sequence_type: await type('Account Move'), company }]),
  );
  const invoices = await one(
    c.create('ir.sequence.strict', [{ name: `${year}`, sequence_type: await type('Invoice'), company }]),
  );
  const sequences = {
    company,
    out_invoice_sequence: invoices,
    in_invoice_sequence: invoices,
    out_credit_note_sequence: invoices,
    in_credit_note_sequence: invoices,
  };
  const fy = await one(
    c.create('account.fiscalyear', [
      {
        name: `${year}`,
        start_date: encodeDate(`${year}-01-01`),
        end_date: encodeDate(`${year}-12-31`),
        company,
        post_move_sequence: moves,
        invoice_sequences: [['create', [sequences]]],
      },
    ]),
  );
  await c.button('account.fiscalyear', 'create_period', [fy]);
}

async function productCategory(c: TrytonClient): Promise<number> {
  const account = async (type: string) =>
    (await c.search('account.account', [[`type.${type}`, '=', true]], { limit: 1 }))[0];
  return one(
    c.create('product.category', [
      {
        name: 'Goods',
        accounting: true,
        account_revenue: await account('revenue'),
        account_expense: await account('expense'),
      },
    ]),
  );
}

/** Warehouse id → its storage location id, in SEED_WAREHOUSES order. */
async function seedWarehouses(
  c: TrytonClient,
  companyParty: number,
): Promise<{ id: number; storage: number }[]> {
  const [main] = (await c.searchRead('stock.location', [['code', '=', 'WH']], {
    fields: ['storage_location'],
  })) as Row[];
  const [address] = await c.search('party.address', [['party', '=', companyParty]], { limit: 1 });
  await c.write('stock.location', [main!.id as number], { name: SEED_WAREHOUSES[0]!.name, address });
  const out = [{ id: main!.id as number, storage: main!.storage_location as number }];
  for (const wh of SEED_WAREHOUSES.slice(1)) {
    const [input, output, storage] = await c.create(
      'stock.location',
      ['Input', 'Output', 'Storage'].map((zone) => ({ name: `${wh.name} ${zone}`, type: 'storage' })),
    );
    const id = await one(
      c.create('stock.location', [
        {
          name: wh.name,
          code: wh.code,
          type: 'warehouse',
          input_location: input,
          output_location: output,
          storage_location: storage,
        },
      ]),
    );
    out.push({ id, storage: storage! });
  }
  return out;
}

/** Product ids in SEED_PRODUCTS order. */
async function seedProducts(c: TrytonClient, category: number): Promise<number[]> {
  const [unit] = await c.search('product.uom', [['name', '=', 'Unit']], { limit: 1 });
  await c.create(
    'product.template',
    SEED_PRODUCTS.map((p) => ({
      name: p.name,
      type: 'goods',
      default_uom: unit,
      sale_uom: unit,
      salable: true,
      list_price: encodeDecimal(p.price),
      account_category: category,
      products: [
        [
          'create',
          [
            {
              suffix_code: p.sku,
              ...(p.ean ? { identifiers: [['create', [{ type: 'ean', code: p.ean }]]] } : {}),
            },
          ],
        ],
      ],
    })),
  );
  const rows = (await c.searchRead('product.product', [['code', 'in', SEED_PRODUCTS.map((p) => p.sku)]], {
    fields: ['code'],
  })) as Row[];
  const bySku = new Map(rows.map((r) => [r.code as string, r.id as number]));
  return SEED_PRODUCTS.map((p) => bySku.get(p.sku)!);
}

async function seedStock(
  c: TrytonClient,
  company: number,
  currency: number,
  warehouses: { id: number; storage: number }[],
  products: number[],
  today: Date,
): Promise<void> {
  const [supplier] = await c.search('stock.location', [['code', '=', 'SUP']], { limit: 1 });
  const [unit] = await c.search('product.uom', [['name', '=', 'Unit']], { limit: 1 });
  const day = encodeDate(today.toISOString().slice(0, 10));
  const move = (product: number, to: number, quantity: number) => ({
    product,
    uom: unit,
    quantity,
    from_location: supplier,
    to_location: to,
    company,
    currency,
    unit_price: encodeDecimal('1.00'),
    planned_date: day,
  });
  const moves = products.flatMap((product, p) =>
    warehouses.flatMap((wh, w) => {
      const qty = seedQuantity(p, w);
      return qty > 0 ? [{ ...move(product, wh.storage, qty), effective_date: day }] : [];
    }),
  );
  await c.button('stock.move', 'do', await c.create('stock.move', moves));
  const incoming = products[SEED_PRODUCTS.findIndex((p) => p.sku === SEED_INCOMING.sku)]!;
  const west = warehouses[SEED_WAREHOUSES.findIndex((w) => w.code === SEED_INCOMING.warehouse)]!;
  // Planned on the last day of the year: still ahead whenever this year's cached database is used.
  const yearEnd = encodeDate(`${today.getUTCFullYear()}-12-31`);
  await c.create('stock.move', [
    { ...move(incoming, west.storage, SEED_INCOMING.quantity), planned_date: yearEnd },
  ]);
  const inactive = SEED_PRODUCTS.flatMap((p, i) => (p.active ? [] : [products[i]!]));
  if (inactive.length) await c.write('product.product', inactive, { active: false });
}

async function seedCustomers(
  c: TrytonClient,
  country: number,
  subdivisions: Map<string, number>,
): Promise<void> {
  await c.create(
    'party.party',
    SEED_CUSTOMERS.map((s) => ({
      name: `${s.first} ${s.last}`,
      contact_mechanisms: [
        [
          'create',
          [
            { type: 'email', value: s.email },
            { type: 'phone', value: s.phone },
          ],
        ],
      ],
      addresses: [
        [
          'create',
          [
            {
              street: s.street,
              city: s.city,
              postal_code: s.postal_code,
              country,
              subdivision: subdivisions.get(`US-${s.region}`),
            },
          ],
        ],
      ],
    })),
  );
}
