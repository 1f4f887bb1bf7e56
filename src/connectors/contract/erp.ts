/**
 * The ERP connector contract: one suite every `ErpConnector` runs against its seeded system (a simulator
 * or the real thing). It checks paging to the end (every seeded item, location, stock level and customer
 * exactly once, over several pages), the mapping of every field to the unified model (validated by the
 * model's zod schemas, ids derived with `recordId`), incremental reads, customers found or created once per
 * email, sales orders created once per reference (also when asked twice at once), stock held by an order
 * where the ERP holds it, invoices made once, and bad input refused with nothing written. Behaviour that
 * differs between vendors is a declared capability of the harness, asserted either way — never skipped.
 * Tests run in order: reads before writes.
 *
 * @example
 * describeErpContract('tryton', async () => startTrytonHarness());
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { recordId } from '../../core/ids.js';
import { Customer, InventoryLevel, Invoice, Item, Location, SalesOrder } from '../../model/index.js';
import type { SalesOrderInput } from '../types.js';
import { indexBy, readStream, type ErpContractFactory, type ErpContractHarness } from './erp-harness.js';

export * from './erp-harness.js';

/** Registers the contract suite for one connector. */
export function describeErpContract(name: string, factory: ErpContractFactory): void {
  describe(`ERP contract: ${name}`, () => {
    let h: ErpContractHarness;
    const run = Date.now().toString(36);
    const ref = (what: string) => `contract-${run}-${what}`;
    const id = (kind: Parameters<typeof recordId>[0], external: string) =>
      recordId(kind, h.connector.context.merchantId, h.connector.context.system, external);
    const orderInput = (reference: string, quantity = h.expected.order.quantity): SalesOrderInput => ({
      reference,
      customer_external_id: h.expected.order.customer_external_id,
      currency: h.expected.currency,
      lines: [
        {
          item_external_id: h.expected.order.item_external_id,
          quantity,
          unit_price: h.expected.order.unit_price,
          location_external_id: h.expected.order.location_external_id,
        },
      ],
    });
    const levelOf = async (item: string, location: string) => {
      const { records } = await readStream(h.connector, 'inventory_levels');
      return records.find(
        (l) => l.item_id === id('item', item) && l.location_id === id('location', location),
      );
    };

    beforeAll(async () => {
      h = await factory();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('given the seeded items when reading with a small page size then each arrives exactly once, over several pages, every field mapped', async () => {
      const { items } = h.expected;
      expect(items.length).toBeGreaterThan(h.capabilities.pageSize);
      const { records, pages } = await readStream(h.connector, 'items');
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(items.length / h.capabilities.pageSize));
      const { byKey, duplicates } = indexBy(records, (r) => r.external_id);
      expect(duplicates).toEqual([]);
      expect([...byKey.keys()].sort()).toEqual(items.map((i) => i.external_id).sort());
      for (const want of items) {
        const got = byKey.get(want.external_id)!;
        expect(Item.parse(got)).toEqual(got);
        expect(got.id).toBe(id('item', want.external_id));
        expect({ sku: got.sku, name: got.name, base_price: got.base_price, active: got.active }).toEqual({
          sku: want.sku,
          name: want.name,
          base_price: want.base_price,
          active: want.active,
        });
      }
    });

    it('given the seeded locations when reading then each arrives exactly once with its name and status', async () => {
      const { records } = await readStream(h.connector, 'locations');
      const { byKey, duplicates } = indexBy(records, (r) => r.external_id);
      expect(duplicates).toEqual([]);
      expect(byKey.size).toBe(h.expected.locations.length);
      for (const want of h.expected.locations) {
        const got = byKey.get(want.external_id)!;
        expect(Location.parse(got)).toEqual(got);
        expect({ id: got.id, name: got.name, active: got.active }).toEqual({
          id: id('location', want.external_id),
          name: want.name,
          active: want.active,
        });
      }
    });

    it('given the seeded stock when reading inventory levels then each (item, location) arrives once with its quantities, SKU and links', async () => {
      const { records } = await readStream(h.connector, 'inventory_levels');
      const { byKey, duplicates } = indexBy(records, (r) => `${r.item_id}|${r.location_id}`);
      expect(duplicates).toEqual([]);
      expect(byKey.size).toBe(h.expected.levels.length);
      const skuOf = new Map(h.expected.items.map((i) => [i.external_id, i.sku]));
      for (const want of h.expected.levels) {
        const got = byKey.get(
          `${id('item', want.item_external_id)}|${id('location', want.location_external_id)}`,
        );
        expect(got, `level ${want.item_external_id}@${want.location_external_id}`).toBeDefined();
        expect(InventoryLevel.parse(got)).toEqual(got);
        expect(got).toMatchObject({
          sku: skuOf.get(want.item_external_id) ?? null,
          on_hand: want.on_hand,
          available: want.available,
          committed: want.committed,
          incoming: want.incoming,
        });
      }
    });

    it('given the seeded customers when reading then each arrives exactly once with email and names', async () => {
      const { records } = await readStream(h.connector, 'customers');
      const { byKey, duplicates } = indexBy(records, (r) => r.external_id);
      expect(duplicates).toEqual([]);
      expect(byKey.size).toBe(h.expected.customers.length);
      for (const want of h.expected.customers) {
        const got = byKey.get(want.external_id)!;
        expect(Customer.parse(got)).toEqual(got);
        expect({
          id: got.id,
          email: got.email,
          first_name: got.first_name,
          last_name: got.last_name,
        }).toEqual({
          id: id('customer', want.external_id),
          email: want.email,
          first_name: want.first_name,
          last_name: want.last_name,
        });
      }
    });

    it('given an existing email when finding or creating a customer then the seeded customer comes back and nothing is created', async () => {
      const seeded = h.expected.customers[0]!;
      const found = await h.connector.findOrCreateCustomer({ email: seeded.email.toUpperCase() });
      expect(found.external_id).toBe(seeded.external_id);
      expect(await h.probe.customersWithEmail(seeded.email)).toBe(1);
    });

    it('given a new email when finding or creating twice then one customer exists and an incremental read returns only it', async () => {
      const since = new Date(Date.now() - 1).toISOString();
      const email = `${ref('buyer')}@example.com`;
      const input = { email, first_name: 'Grace', last_name: 'Hopper' };
      const [created, again] = await Promise.all([
        h.connector.findOrCreateCustomer(input),
        h.connector.findOrCreateCustomer(input),
      ]);
      expect(again.external_id).toBe(created.external_id);
      expect(await h.connector.findOrCreateCustomer({ email })).toMatchObject({
        external_id: created.external_id,
      });
      expect(await h.probe.customersWithEmail(email)).toBe(1);
      expect({ email: created.email, first_name: created.first_name, last_name: created.last_name }).toEqual(
        input,
      );
      const { records } = await readStream(h.connector, 'customers', since);
      expect(records.map((r) => r.external_id)).toEqual([created.external_id]);
    });

    it('given one reference when creating a sales order twice (and twice at once) then one order exists, always the same', async () => {
      const reference = ref('so-once');
      const input = orderInput(reference);
      const first = await h.connector.createSalesOrder(input);
      const [second, third] = await Promise.all([
        h.connector.createSalesOrder(input),
        h.connector.createSalesOrder(input),
      ]);
      expect(await h.probe.salesOrdersWithReference(reference)).toBe(1);
      expect([second.external_id, third.external_id]).toEqual([first.external_id, first.external_id]);
      expect(SalesOrder.parse(first)).toEqual(first);
      const { order } = h.expected;
      const sku = h.expected.items.find((i) => i.external_id === order.item_external_id)!.sku;
      expect(first.customer_id).toBe(id('customer', order.customer_external_id));
      expect(first.lines).toEqual([
        {
          item_id: id('item', order.item_external_id),
          sku,
          quantity: order.quantity,
          unit_price: order.unit_price,
          location_id: id('location', order.location_external_id),
        },
      ]);
      expect(first.total).toEqual({
        amount: order.unit_price.amount * order.quantity,
        currency: h.expected.currency,
      });
      expect(await h.connector.getSalesOrder(first.external_id)).toEqual(first);
    });

    it('given stock at a location when an order takes some then the level moves as the ERP holds stock', async () => {
      const { item_external_id: item, location_external_id: location } = h.expected.order;
      const before = (await levelOf(item, location))!;
      await h.connector.createSalesOrder(orderInput(ref('so-stock'), 2));
      const after = (await levelOf(item, location))!;
      const held = h.capabilities.holdsStockOnOrder ? 2 : 0;
      expect({ on_hand: after.on_hand, available: after.available, committed: after.committed }).toEqual({
        on_hand: before.on_hand,
        available: before.available - held,
        committed: before.committed + held,
      });
    });

    it('given a sales order when invoicing twice with one reference then one invoice exists and it matches the order', async () => {
      const order = await h.connector.createSalesOrder(orderInput(ref('so-invoice')));
      const invoice = await h.connector.invoiceSalesOrder(order.external_id, ref('inv-1'));
      const again = await h.connector.invoiceSalesOrder(order.external_id, ref('inv-1'));
      expect(again.external_id).toBe(invoice.external_id);
      expect(await h.probe.invoicesOf(order.external_id)).toBe(1);
      expect(Invoice.parse(invoice)).toEqual(invoice);
      expect(invoice).toMatchObject({
        status: 'open',
        sales_order_id: order.id,
        customer_id: order.customer_id,
        total: order.total,
        amount_due: order.total,
      });
      expect(await h.connector.getInvoice(invoice.external_id)).toEqual(again);
      const other = h.connector.invoiceSalesOrder(order.external_id, ref('inv-2'));
      if (h.capabilities.secondInvoiceReference === 'refused') {
        await expect(other).rejects.toBeInstanceOf(ConcordError);
      } else {
        expect((await other).external_id).toBe(invoice.external_id);
      }
      expect(await h.probe.invoicesOf(order.external_id)).toBe(1);
    });

    it('given an unknown item when creating a sales order then a validation error names it and nothing is written', async () => {
      const reference = ref('so-bad-item');
      const count = await h.probe.salesOrderCount();
      const input = orderInput(reference);
      input.lines = [
        ...input.lines,
        { item_external_id: '987654', quantity: 1, unit_price: h.expected.order.unit_price },
      ];
      const error = await h.connector.createSalesOrder(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcordError);
      expect((error as ConcordError).category).toBe('validation');
      expect((error as ConcordError).message).toContain('987654');
      expect(await h.probe.salesOrderCount()).toBe(count);
      expect(await h.probe.salesOrdersWithReference(reference)).toBe(0);
    });

    it('given an unknown customer when creating a sales order then a validation error comes back and nothing is written', async () => {
      const count = await h.probe.salesOrderCount();
      const input = { ...orderInput(ref('so-bad-customer')), customer_external_id: '987655' };
      const error = await h.connector.createSalesOrder(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcordError);
      expect((error as ConcordError).category).toBe('validation');
      expect(await h.probe.salesOrderCount()).toBe(count);
    });
  });
}
