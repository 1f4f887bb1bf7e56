/**
 * The Medusa connector against a real Medusa v2 (installed, migrated, started and seeded by
 * `setup.ts`): the shared platform contract first, then what is particular to Medusa — major/minor
 * units on real prices both ways, the order as Medusa's admin sees it (customer, reference, reserved
 * stock), lost answers resumed without a second order or refund, incremental reads, and validation
 * before any write. Run: `npx vitest run --config vitest.live.config.ts test/live/medusa`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePlatformContract, recordsOf } from '../../../src/connectors/contract/platform.js';
import { forgetSharedLimiters } from '../../../src/connectors/kit/index.js';
import { createMedusaConnector, type MedusaConnector } from '../../../src/connectors/medusa/index.js';
import type { PlatformOrderInput } from '../../../src/connectors/types.js';
import { ConcordError } from '../../../src/core/errors.js';
import type { InventoryLevel, Product } from '../../../src/model/index.js';
import { medusaContractSeed, wellStockedSku } from './expectations.js';
import { sabotagingProxy } from './proxy.js';
import { SEED_CUSTOMERS, SEED_VARIANTS } from './seed-data.js';
import { startLiveMedusa, type LiveMedusa } from './setup.js';

const CONTEXT = { merchantId: 'mer_live', system: 'medusa' };
const PAGE_SIZE = 4;

let live: Promise<LiveMedusa> | undefined;
const medusa = () => (live ??= startLiveMedusa());

function connector(m: LiveMedusa, url = m.url): MedusaConnector {
  return createMedusaConnector({ url, apiKey: m.secretKey, pageSize: PAGE_SIZE }, CONTEXT, {
    retry: { random: () => 0.5 },
  });
}

afterAll(async () => {
  if (!live) return;
  const m = await live;
  console.info(`[medusa live] setup timings (ms) ${JSON.stringify(m.timings)}; server RSS ${m.rssMb()} MB`);
  await m.stop();
});

describePlatformContract('medusa (live)', {
  async setup() {
    forgetSharedLimiters();
    const m = await medusa();
    return {
      connector: connector(m),
      seed: medusaContractSeed(m.ids),
      fixtures: {
        orderVariant: m.ids.variants.get(wellStockedSku())!,
        absent: { product: 'prod_01CONTRACTABSENT0000000000', variant: 'variant_01CONTRACTABSENT00000000' },
      },
      capabilities: { orderStock: 'reserve', webhooks: { kind: 'none' }, productPageSize: PAGE_SIZE },
    };
  },
});

let n = 0;
function order(m: LiveMedusa, sku: string, extra: Partial<PlatformOrderInput> = {}): PlatformOrderInput {
  n += 1;
  return {
    reference: `live-${Date.now().toString(36)}-${n}`,
    customer: { email: SEED_CUSTOMERS[2]!.email },
    currency: 'USD',
    lines: [{ variant_external_id: m.ids.variants.get(sku)!, quantity: 1 }],
    ...extra,
  };
}

interface AdminOrder {
  id: string;
  customer_id: string;
  metadata: Record<string, unknown> | null;
  customer: { email: string };
  items: { variant_sku: string; unit_price: number; quantity: number }[];
  shipping_methods: { amount: number }[];
}

describe('medusa (live): what is particular to Medusa', () => {
  let m: LiveMedusa;
  beforeAll(async () => {
    m = await medusa();
  });

  it('given seeded prices when read then Medusa major units equal Concord minor units / 100 for every variant', async () => {
    const { variants } = await m.admin.get<{ variants: { sku: string; prices: { amount: number }[] }[] }>(
      '/admin/product-variants',
      { fields: 'sku,*prices', limit: 100 },
    );
    const products = (await recordsOf(connector(m).read('products'))).map((r) => r.record as Product);
    const read = new Map(products.flatMap((p) => p.variants).map((v) => [v.sku, v.price.amount]));
    expect(variants).toHaveLength(SEED_VARIANTS.length);
    for (const v of variants) expect(read.get(v.sku)).toBe(Math.round(v.prices[0]!.amount * 100));
    expect(read.get('LTRN-SOLAR')).toBe(125_000);
    expect(read.get('MAP-EAST')).toBe(99);
  });

  it('given an order at quoted minor-unit prices when created then Medusa holds them in major units with the customer, the reference and reserved stock', async () => {
    const c = connector(m);
    const input = order(m, 'BOOT-43', {
      lines: [
        {
          variant_external_id: m.ids.variants.get('BOOT-43')!,
          quantity: 2,
          unit_price: { amount: 14_995, currency: 'USD' },
        },
      ],
      shipping: { title: 'Express', price: { amount: 725, currency: 'USD' } },
    });
    const placed = await c.createOrder(input);
    const { order: seen } = await m.admin.get<{ order: AdminOrder }>(`/admin/orders/${placed.external_id}`, {
      fields: 'id,customer_id,metadata,customer.email,*items,*shipping_methods',
    });
    expect(seen.customer_id).toBe(m.ids.customers.get(SEED_CUSTOMERS[2]!.email));
    expect(seen.customer.email).toBe(SEED_CUSTOMERS[2]!.email);
    expect(seen.metadata?.concord_reference).toBe(input.reference);
    expect(seen.items.map((i) => [i.variant_sku, i.unit_price, i.quantity])).toEqual([
      ['BOOT-43', 149.95, 2],
    ]);
    expect(seen.shipping_methods.map((s) => s.amount)).toEqual([7.25]);
    expect(placed.line_items[0]!.unit_price).toEqual({ amount: 14_995, currency: 'USD' });
    expect([placed.subtotal.amount, placed.shipping.amount, placed.total.amount]).toEqual([
      29_990, 725, 30_715,
    ]);
    expect(placed.financial_status).toBe('paid');
    const { inventory_items } = await m.admin.get<{
      inventory_items: { location_levels: { reserved_quantity: number }[] }[];
    }>('/admin/inventory-items', { sku: 'BOOT-43', fields: 'id,*location_levels' });
    const reserved = inventory_items[0]!.location_levels.reduce((s, l) => s + l.reserved_quantity, 0);
    expect(reserved).toBe(2);
  });

  it('given the draft-order answer is lost after Medusa committed when createOrder then it resumes that draft and one order exists', async () => {
    const proxy = await sabotagingProxy(m.url);
    try {
      const input = order(m, 'SOCK-M');
      proxy.arm('POST', /^\/admin\/draft-orders(\?|$)/, 'fail-after');
      const placed = await connector(m, proxy.url).createOrder(input);
      expect(proxy.hits).toHaveLength(1);
      expect(placed.status).toBe('open');
      const again = await connector(m).createOrder(input);
      expect(again.external_id).toBe(placed.external_id);
      const { orders } = await m.admin.get<{ orders: AdminOrder[] }>('/admin/orders', {
        customer_id: m.ids.customers.get(SEED_CUSTOMERS[2]!.email)!,
        fields: 'id,metadata',
        limit: 200,
      });
      expect(orders.filter((o) => o.metadata?.concord_reference === input.reference)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('given the draft-order request failed before Medusa saw it when createOrder then it fails, and the retry creates exactly one order', async () => {
    const proxy = await sabotagingProxy(m.url);
    try {
      const input = order(m, 'SOCK-L');
      proxy.arm('POST', /^\/admin\/draft-orders(\?|$)/, 'fail-before');
      const error = await connector(m, proxy.url)
        .createOrder(input)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcordError);
      expect((error as ConcordError).category).toBe('upstream');
      const placed = await connector(m, proxy.url).createOrder(input);
      const { orders } = await m.admin.get<{ orders: AdminOrder[] }>('/admin/orders', {
        customer_id: m.ids.customers.get(SEED_CUSTOMERS[2]!.email)!,
        fields: 'id,metadata',
        limit: 200,
      });
      expect(
        orders.filter((o) => o.metadata?.concord_reference === input.reference).map((o) => o.id),
      ).toEqual([placed.external_id]);
    } finally {
      await proxy.close();
    }
  });

  it('given the refund answer is lost after Medusa committed when createRefund then the refund is found by its key, not made twice', async () => {
    const placed = await connector(m).createOrder(order(m, 'MUG-750'));
    const proxy = await sabotagingProxy(m.url);
    try {
      proxy.arm('POST', /^\/admin\/payments\/[^/]+\/refund/, 'fail-after');
      const input = {
        order_external_id: placed.external_id,
        amount: { amount: 250, currency: 'USD' },
        idempotency_key: `lost-${placed.external_id}`,
      };
      const refund = await connector(m, proxy.url).createRefund(input);
      expect(proxy.hits).toHaveLength(1);
      expect(refund.amount).toEqual({ amount: 250, currency: 'USD' });
      await connector(m).createRefund(input);
      const [read] = (await connector(m).fetchOne('orders', placed.external_id))!;
      expect((read!.record as { refunds: unknown[] }).refunds).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('given a new email and an unknown variant when createOrder then Medusa gets neither customer nor order', async () => {
    const c = connector(m);
    const email = `nobody.${Date.now().toString(36)}@example.com`;
    const input = order(m, 'MUG-450', {
      customer: { email },
      lines: [{ variant_external_id: 'variant_01LIVEABSENT000000000000', quantity: 1 }],
    });
    const error = (await c.createOrder(input).catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code, error.issues[0]?.field]).toEqual([
      'validation',
      'unknown_variant',
      'lines[0].variant_external_id',
    ]);
    const { customers } = await m.admin.get<{ customers: unknown[] }>('/admin/customers', { email });
    expect(customers).toEqual([]);
  });

  it('given stock moved after a point in time when inventory levels are read from it then only the moved level comes', async () => {
    const c = connector(m);
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const placed = await c.createOrder(order(m, 'CHAIR-BLU'));
    const changed = (await recordsOf(c.read('inventory_levels', { updatedSince: since }))).map(
      (r) => r.record as InventoryLevel,
    );
    expect(changed.map((l) => l.sku)).toEqual(['CHAIR-BLU']);
    expect(changed[0]!.committed).toBe(1);
    expect(placed.line_items[0]!.sku).toBe('CHAIR-BLU');
  });

  it('given a variant price changed after a point in time when products are read from it then only that product comes, at the new price', async () => {
    const c = connector(m);
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const productId = m.ids.products.get('compass')!;
    const variantId = m.ids.variants.get('CMPS-BASEPLATE')!;
    await m.admin.post(`/admin/products/${productId}/variants/${variantId}`, {
      prices: [{ currency_code: 'usd', amount: 23.45 }],
    });
    const changed = (await recordsOf(c.read('products', { updatedSince: since }))).map(
      (r) => r.record as Product,
    );
    expect(changed.map((p) => p.handle)).toEqual(['compass']);
    expect(changed[0]!.variants[0]!.price).toEqual({ amount: 2345, currency: 'USD' });
  });
});
