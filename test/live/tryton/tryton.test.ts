/**
 * The ERP contract against a real Tryton 6.0 (installed, initialised, seeded and started by `setup.ts`),
 * then what only Tryton shows: the sale confirmed and processing with its party, reference, shipment and
 * invoice; the invoice posted with a number; incremental reads of a repriced template and of stock moved
 * by an order; a revoked session replaced by one new login; a wrong password refused without ever
 * showing it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeErpContract, readStream } from '../../../src/connectors/contract/erp.js';
import { encodeDecimal } from '../../../src/connectors/tryton/codec.js';
import { ConcordError } from '../../../src/core/errors.js';
import type { TrytonClient } from '../../../src/connectors/tryton/client.js';
import { liveConnector, seedIds, trytonExpectations, trytonHarness } from './harness.js';
import { trytonClient } from './seed.js';
import { startTryton, type TrytonLive } from './setup.js';

let started: Promise<TrytonLive> | undefined;
const live = () => (started ??= startTryton());

beforeAll(async () => {
  const t = await live();
  console.info(`tryton live setup (${t.fromCache ? 'from cache' : 'fresh'}), ms:`, t.timings);
});
afterAll(async () => {
  await (await live()).stop();
});

describeErpContract('Tryton 6.0 (live)', async () => trytonHarness(await live()));

describe('Tryton specifics (live)', () => {
  let probe: TrytonClient;
  beforeAll(async () => {
    probe = trytonClient(await live());
  });
  afterAll(async () => {
    await probe?.logout();
  });

  it('given a sales order and its invoice when read in Tryton then the sale is processing with its party, reference, one shipment, and the invoice is posted', async () => {
    const tryton = await live();
    const connector = liveConnector(tryton);
    const expected = trytonExpectations(await seedIds(probe));
    const reference = `live-${Date.now().toString(36)}`;
    const order = await connector.createSalesOrder({
      reference,
      customer_external_id: expected.order.customer_external_id,
      currency: 'USD',
      lines: [
        {
          item_external_id: expected.order.item_external_id,
          quantity: 1,
          location_external_id: expected.order.location_external_id,
        },
      ],
      platform_order_ref: 'ord_platform_1',
      memo: 'from the live suite',
    });
    const [sale] = (await probe.read(
      'sale.sale',
      [Number(order.external_id)],
      ['state', 'party', 'reference', 'description', 'shipments', 'invoices', 'warehouse'],
    )) as Record<string, unknown>[];
    expect(sale).toMatchObject({
      state: 'processing',
      party: Number(expected.order.customer_external_id),
      reference,
      description: 'from the live suite',
      warehouse: Number(expected.order.location_external_id),
    });
    expect(sale!.shipments).toHaveLength(1);
    expect(sale!.invoices).toHaveLength(1);
    expect(order.order_id).toBe('ord_platform_1');
    expect((await connector.getSalesOrder(order.external_id))?.order_id).toBe('ord_platform_1');
    expect(order.lines[0]!.unit_price).toEqual(
      expected.items.find((i) => i.external_id === expected.order.item_external_id)!.base_price,
    );

    const invoice = await connector.invoiceSalesOrder(order.external_id, `${reference}-inv`);
    const [row] = (await probe.read(
      'account.invoice',
      [Number(invoice.external_id)],
      ['state', 'number', 'reference', 'party'],
    )) as Record<string, unknown>[];
    expect(row).toMatchObject({
      state: 'posted',
      reference: `${reference}-inv`,
      party: Number(expected.order.customer_external_id),
    });
    expect(invoice.number).toBe(row!.number);
    expect(invoice.number).not.toBeNull();
    await connector.close();
  });

  it('given a price change and an order after a point in time when reading incrementally then only the changed item and the levels of the ordered product come back', async () => {
    const tryton = await live();
    const connector = liveConnector(tryton);
    const expected = trytonExpectations(await seedIds(probe));
    const [repriced, ordered] = [expected.items[3]!, expected.order.item_external_id];
    const since = new Date(Date.now() - 1).toISOString();
    const [template] = (await probe.read(
      'product.product',
      [Number(repriced.external_id)],
      ['template'],
    )) as { template: number }[];
    await probe.write('product.template', [template!.template], { list_price: encodeDecimal('42.42') });
    await connector.createSalesOrder({
      reference: `live-inc-${Date.now().toString(36)}`,
      customer_external_id: expected.order.customer_external_id,
      currency: 'USD',
      lines: [
        { item_external_id: ordered, quantity: 1, location_external_id: expected.order.location_external_id },
      ],
    });
    const items = await readStream(connector, 'items', since);
    expect(items.records.map((i) => [i.external_id, i.base_price])).toEqual([
      [repriced.external_id, { amount: 4242, currency: 'USD' }],
    ]);
    const levels = await readStream(connector, 'inventory_levels', since);
    expect(levels.records.map((l) => l.external_id).sort()).toEqual(
      expected.locations.map((w) => `${ordered}:${w.external_id}`).sort(),
    );
    await connector.close();
  });

  it('given every session of the user revoked when reading again then the connector logs in once more and the read completes', async () => {
    const tryton = await live();
    const connector = liveConnector(tryton);
    let first = 0;
    for await (const page of connector.read('locations')) first += page.length;
    expect(connector.client.stats.logins).toBe(1);
    const [admin] = await probe.search('res.user', [['login', '=', tryton.username]]);
    await probe.write('res.user', [admin!], { password: tryton.password }); // clears the user's sessions
    let again = 0;
    for await (const page of connector.read('locations')) again += page.length;
    expect(again).toBe(first);
    expect(connector.client.stats.relogins).toBe(1);
    expect(connector.client.stats.logins).toBe(2);
    await connector.close();
  });

  it('given a wrong password when reading then an unauthorized ConcordError comes back that shows no password', async () => {
    const tryton = await live();
    const wrong = 'not-the-password-4711';
    const connector = liveConnector({ ...tryton, password: wrong });
    const error = await (async () => {
      for await (const _ of connector.read('items')) return null;
      return null;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcordError);
    const e = error as ConcordError;
    expect([e.category, e.code]).toEqual(['unauthorized', 'tryton_login_failed']);
    const text = `${e.message} ${JSON.stringify(e.detail)} ${String(e.cause)}`;
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(tryton.password);
  });
});
