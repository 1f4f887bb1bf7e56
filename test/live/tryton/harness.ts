/**
 * The live Tryton as an ERP contract harness: the connector (page size 7, so 30 items take 5 pages), the
 * exact seeded state in contract terms (Tryton ids looked up by SKU, warehouse code and email), and a probe
 * that counts sales, invoices and parties with a client of its own.
 *
 * @example
 * describeErpContract('tryton', () => trytonHarness(live));
 */
import type {
  ErpContractHarness,
  ErpSeedExpectations,
} from '../../../src/connectors/contract/erp-harness.js';
import { forgetSharedLimiters } from '../../../src/connectors/kit/index.js';
import type { TrytonClient } from '../../../src/connectors/tryton/client.js';
import { createTrytonConnector, type TrytonConnector } from '../../../src/connectors/tryton/index.js';
import { moneyFromDecimal } from '../../../src/model/index.js';
import {
  SEED_CURRENCY,
  SEED_CUSTOMERS,
  SEED_INCOMING,
  SEED_PRODUCTS,
  SEED_WAREHOUSES,
  seedQuantity,
} from './seed-data.js';
import { trytonClient, type TrytonConnection } from './seed.js';

export const PAGE_SIZE = 7;
const ALL = { active_test: false };
type Row = Record<string, unknown>;

/** Tryton ids of the seeded records. */
export interface SeedIds {
  products: number[];
  warehouses: number[];
  customers: number[];
}

export async function seedIds(client: TrytonClient): Promise<SeedIds> {
  const byKey = async (model: string, field: string, keys: string[], key: string = field) => {
    const rows = (await client.searchRead(model, [[field, 'in', keys]], {
      fields: [key],
      context: ALL,
    })) as Row[];
    const ids = new Map(rows.map((r) => [r[key] as string, r.id as number]));
    return keys.map((k) => {
      const id = ids.get(k);
      if (id === undefined) throw new Error(`seeded ${model} ${k} not found`);
      return id;
    });
  };
  const mechanisms = (await client.searchRead(
    'party.contact_mechanism',
    [
      ['type', '=', 'email'],
      ['value', 'in', SEED_CUSTOMERS.map((c) => c.email)],
    ],
    { fields: ['value', 'party'] },
  )) as Row[];
  const partyOf = new Map(mechanisms.map((m) => [m.value as string, m.party as number]));
  return {
    products: await byKey(
      'product.product',
      'code',
      SEED_PRODUCTS.map((p) => p.sku),
    ),
    warehouses: await byKey(
      'stock.location',
      'code',
      SEED_WAREHOUSES.map((w) => w.code),
    ),
    customers: SEED_CUSTOMERS.map((c) => partyOf.get(c.email)!),
  };
}

/** The seeded state in contract terms. */
export function trytonExpectations(ids: SeedIds): ErpSeedExpectations {
  const incoming = (p: number, w: number) =>
    SEED_PRODUCTS[p]!.sku === SEED_INCOMING.sku && SEED_WAREHOUSES[w]!.code === SEED_INCOMING.warehouse
      ? SEED_INCOMING.quantity
      : 0;
  const price = (p: number) => moneyFromDecimal(SEED_PRODUCTS[p]!.price, SEED_CURRENCY);
  let pick: { p: number; w: number } | undefined;
  SEED_PRODUCTS.forEach((product, p) =>
    SEED_WAREHOUSES.forEach((_, w) => {
      if (!pick && product.active && seedQuantity(p, w) >= 10 && incoming(p, w) === 0) pick = { p, w };
    }),
  );
  return {
    currency: SEED_CURRENCY,
    items: SEED_PRODUCTS.map((p, i) => ({
      external_id: String(ids.products[i]),
      sku: p.sku,
      name: p.name,
      base_price: price(i),
      active: p.active,
    })),
    locations: SEED_WAREHOUSES.map((w, i) => ({
      external_id: String(ids.warehouses[i]),
      name: w.name,
      active: true,
    })),
    levels: SEED_PRODUCTS.flatMap((_, p) =>
      SEED_WAREHOUSES.map((__, w) => ({
        item_external_id: String(ids.products[p]),
        location_external_id: String(ids.warehouses[w]),
        on_hand: seedQuantity(p, w),
        available: seedQuantity(p, w),
        committed: 0,
        incoming: incoming(p, w),
      })),
    ),
    customers: SEED_CUSTOMERS.map((c, i) => ({
      external_id: String(ids.customers[i]),
      email: c.email,
      first_name: c.first,
      last_name: c.last,
    })),
    order: {
      customer_external_id: String(ids.customers[0]),
      item_external_id: String(ids.products[pick!.p]),
      location_external_id: String(ids.warehouses[pick!.w]),
      quantity: 3,
      unit_price: price(pick!.p),
    },
  };
}

/** A connector on the live database. */
export function liveConnector(conn: TrytonConnection, pageSize = PAGE_SIZE): TrytonConnector {
  return createTrytonConnector(
    { url: conn.url, database: conn.database, username: conn.username, password: conn.password, pageSize },
    { merchantId: 'mer_live', system: 'tryton' },
  );
}

/** The contract harness; `stop` ends the sessions (the server is stopped by the test file). */
export async function trytonHarness(conn: TrytonConnection): Promise<ErpContractHarness> {
  forgetSharedLimiters();
  const probe = trytonClient(conn);
  const connector = liveConnector(conn);
  const count = async (model: string, domain: unknown[]) =>
    (await probe.model(model, 'search_count', [domain], { context: ALL })) as number;
  return {
    connector,
    expected: trytonExpectations(await seedIds(probe)),
    capabilities: { pageSize: PAGE_SIZE, holdsStockOnOrder: true, secondInvoiceReference: 'refused' },
    probe: {
      salesOrderCount: () => count('sale.sale', []),
      salesOrdersWithReference: (reference) => count('sale.sale', [['reference', '=', reference]]),
      invoicesOf: async (id) => {
        const [sale] = (await probe.read('sale.sale', [Number(id)], ['invoices'])) as {
          invoices: number[];
        }[];
        return count('account.invoice', [
          ['id', 'in', sale?.invoices ?? []],
          ['state', '!=', 'cancelled'],
        ]);
      },
      customersWithEmail: async (email) => {
        const rows = (await probe.searchRead(
          'party.contact_mechanism',
          [
            ['type', '=', 'email'],
            ['value', 'ilike', email],
          ],
          { fields: ['party'] },
        )) as Row[];
        return new Set(rows.map((r) => r.party)).size;
      },
    },
    stop: async () => {
      await connector.close();
      await probe.logout();
    },
  };
}
