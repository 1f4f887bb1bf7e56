/**
 * The NetSuite connector against the NetSuite simulator over real HTTP (random local port): paging to the
 * end, concurrency pacing, idempotent writes, invoice transform, and bad credentials.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import {
  startNetSuiteSimulator,
  type NetSuiteSimulator,
  type NetSuiteSimulatorOptions,
} from '../../simulators/netsuite/index.js';
import { forgetSharedLimiters } from '../kit/index.js';
import type { ErpStream, ErpStreamRecord } from '../types.js';
import { createNetSuiteConnector, type NetSuiteConnector } from './index.js';

const ctx = { merchantId: 'mer_1', system: 'netsuite' };
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5, maxAttempts: 30 };
let sim: NetSuiteSimulator | undefined;

async function setup(
  opts: NetSuiteSimulatorOptions = {},
  overrides: Record<string, unknown> = {},
): Promise<{ sim: NetSuiteSimulator; ns: NetSuiteConnector }> {
  forgetSharedLimiters();
  sim = await startNetSuiteSimulator(opts);
  const ns = createNetSuiteConnector(
    {
      accountId: sim.accountId,
      ...sim.credentials,
      endpoint: sim.url,
      priceLevels: ['Wholesale'],
      ...overrides,
    },
    ctx,
    { retry: FAST_RETRY },
  );
  return { sim, ns };
}

type RecordOf<S extends ErpStream> = Extract<ErpStreamRecord, { stream: S }>['record'];

async function readAll<S extends ErpStream>(ns: NetSuiteConnector, stream: S, updatedSince?: string) {
  const out: RecordOf<S>[] = [];
  for await (const page of ns.read(stream, { updatedSince })) {
    for (const r of page) out.push(r.record as RecordOf<S>);
  }
  return out;
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('NetSuite connector against the simulator', () => {
  it('given 2 500 items when reading every stream then counts equal the simulator state and ids are unique', async () => {
    const { sim, ns } = await setup({ seed: { items: 2_500, locations: 3, customers: 1_200 } });
    const items = await readAll(ns, 'items');
    expect(items).toHaveLength(sim.state.items.length);
    expect(new Set(items.map((i) => i.external_id)).size).toBe(2_500);
    expect(items.every((i) => i.base_price !== null && i.price_levels.length === 1)).toBe(true);
    expect(await readAll(ns, 'locations')).toHaveLength(sim.state.locations.length);
    const levels = await readAll(ns, 'inventory_levels');
    expect(levels).toHaveLength(sim.state.stock.length);
    const first = sim.state.stock[0]!;
    const level = levels.find((l) => l.external_id === `${first.item}:${first.location}`)!;
    expect(level.on_hand).toBe(first.onHand);
    expect(level.committed).toBe(first.committed);
    expect(level.incoming).toBe(first.onOrder);
    expect(level.sku).toBe(sim.state.itemsById.get(first.item)!.itemId);
    expect(await readAll(ns, 'customers')).toHaveLength(sim.state.customers.length);
  });

  it('given an updatedSince when reading items then only items modified at or after it come back', async () => {
    const { sim, ns } = await setup({ seed: { items: 300 } });
    const since = '2025-06-01T00:00:00.000Z';
    const expected = sim.state.items.filter((i) => i.lastModified >= Date.parse(since)).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(300);
    const items = await readAll(ns, 'items', since);
    expect(items).toHaveLength(expected);
    expect(items.every((i) => i.updated_at >= since)).toBe(true);
  });

  it('given a limit of 3 when reading concurrently then never more than 3 are in flight and 429s are absorbed', async () => {
    const { sim, ns } = await setup({
      seed: { items: 8_000, locations: 1, customers: 0 },
      concurrencyLimit: 3,
      latencyMs: 5,
    });
    const [items, levels] = await Promise.all([readAll(ns, 'items'), readAll(ns, 'inventory_levels')]);
    expect(items).toHaveLength(8_000);
    expect(levels).toHaveLength(sim.state.stock.length);
    expect(sim.stats.maxInFlight).toBeLessThanOrEqual(3);
    expect(ns.client.limiter.stats().maxObserved).toBe(3);
  });

  it('given another integration holding slots when reading then the 429s are retried and the read completes', async () => {
    // The connector believes it has 4 slots; the account grants 2: NetSuite answers 429 to the excess.
    const { sim, ns } = await setup(
      { seed: { items: 5_000, customers: 0 }, concurrencyLimit: 2, latencyMs: 5 },
      { concurrency: 4 },
    );
    const items = await readAll(ns, 'items');
    expect(items).toHaveLength(5_000);
    expect(sim.stats.rejected429).toBeGreaterThan(0);
    expect(ns.client.http.stats.throttled).toBe(sim.stats.rejected429);
  });

  it('given a 500 after commit when creating a sales order then exactly one order exists and it is returned', async () => {
    const { sim, ns } = await setup({ seed: { items: 5, locations: 2, customers: 1 } });
    const customer = sim.state.customers[0]!;
    const [item, location] = [sim.state.items[0]!, sim.state.locations[1]!];
    const input = {
      reference: 'ord_retry_1',
      customer_external_id: String(customer.id),
      currency: 'USD',
      lines: [
        {
          item_external_id: String(item.id),
          quantity: 2,
          unit_price: { amount: 1250, currency: 'USD' },
          location_external_id: String(location.id),
        },
      ],
    };
    // The create itself commits and then answers 500: the retry must find it, not create another.
    sim.failNext(500, 1, { afterCommit: true, method: 'POST' });
    const order = await ns.createSalesOrder(input);
    expect(sim.stats.failuresServed).toBe(1);
    const again = await ns.createSalesOrder(input);
    expect(sim.state.transactionsOf('salesOrder').filter((t) => t.externalId === 'ord_retry_1')).toHaveLength(
      1,
    );
    expect(again.external_id).toBe(order.external_id);
    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]!.quantity).toBe(2);
    expect(order.lines[0]!.unit_price).toEqual({ amount: 1250, currency: 'USD' });
    expect(order.total).toEqual({ amount: 2500, currency: 'USD' });
    expect(await ns.getSalesOrder(order.external_id)).toEqual(order);
  });

  it('given a sales order when invoicing twice with one reference then one invoice exists', async () => {
    const { sim, ns } = await setup({ seed: { items: 5, locations: 1, customers: 1 } });
    const order = await ns.createSalesOrder({
      reference: 'ord_inv_1',
      customer_external_id: String(sim.state.customers[0]!.id),
      currency: 'USD',
      lines: [
        {
          item_external_id: String(sim.state.items[0]!.id),
          quantity: 1,
          unit_price: { amount: 999, currency: 'USD' },
        },
      ],
    });
    const served = sim.stats.failuresServed;
    sim.failNext(500, 1, { afterCommit: true, method: 'POST' });
    const invoice = await ns.invoiceSalesOrder(order.external_id, 'inv_1');
    expect(sim.stats.failuresServed).toBe(served + 1);
    const again = await ns.invoiceSalesOrder(order.external_id, 'inv_1');
    expect(sim.state.transactionsOf('invoice')).toHaveLength(1);
    expect(again.external_id).toBe(invoice.external_id);
    expect(invoice.sales_order_id).toBe(order.id);
    expect(invoice.total).toEqual({ amount: 999, currency: 'USD' });
    expect(await ns.getInvoice(invoice.external_id)).toEqual(invoice);
  });

  it('given an email when finding or creating a customer twice then one customer exists', async () => {
    const { sim, ns } = await setup({ seed: { items: 1, customers: 3 } });
    const existing = sim.state.customers[1]!;
    const found = await ns.findOrCreateCustomer({ email: existing.email });
    expect(found.external_id).toBe(String(existing.id));
    const created = await ns.findOrCreateCustomer({
      email: 'new.buyer@example.com',
      first_name: 'New',
      last_name: 'Buyer',
    });
    const again = await ns.findOrCreateCustomer({ email: 'new.buyer@example.com' });
    expect(again.external_id).toBe(created.external_id);
    expect(created.first_name).toBe('New');
    expect(sim.state.customers.filter((c) => c.email === 'new.buyer@example.com')).toHaveLength(1);
  });

  it('given a wrong token secret when reading then an unauthorized ConcordError names no secret', async () => {
    const { ns } = await setup(
      { seed: { items: 3 } },
      { tokenSecret: 'wrong-token-secret-123', concurrency: 2 },
    );
    const error = await readAll(ns, 'items').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcordError);
    const e = error as ConcordError;
    expect(e.category).toBe('unauthorized');
    const text = `${e.message} ${JSON.stringify(e.detail)} ${String(e.cause)}`;
    for (const secret of [
      'wrong-token-secret-123',
      'sim-consumer-secret',
      'sim-token-id',
      'sim-consumer-key',
    ])
      expect(text).not.toContain(secret);
    expect(e.detail.status).toBe(401);
  });
});
