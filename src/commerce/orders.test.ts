import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcordError } from '../core/errors.js';
import { createRuntime, type Runtime } from '../runtime.js';
import type { Database } from '../store/db.js';
import { openTestDatabase, TEST_DATABASE_URL } from '../store/testing.js';
import { orderReference, placeOrder } from './orders.js';
import { A, asStream, makeProduct, seedTwoMerchants, type Seed } from './testing.js';

const customer = { email: 'erin@example.com' };
const ERP = { merchantId: A.merchantId, system: 'erp' };

describe('orderReference', () => {
  it('given the same merchant and key when derived twice then the reference is the same, and differs across merchants or keys', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (merchant, key) => {
        const ref = orderReference(merchant, key);
        expect(ref).toMatch(/^concord-[0-9a-f]{32}$/);
        expect(orderReference(merchant, key)).toBe(ref);
        expect(orderReference(`${merchant}x`, key)).not.toBe(ref);
        expect(orderReference(merchant, `${key}x`)).not.toBe(ref);
      }),
    );
  });
});

describe(`placeOrder on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  let rt: Runtime;
  let seed: Seed;
  beforeAll(async () => {
    db = await openTestDatabase();
    rt = createRuntime({ db });
    seed = await seedTwoMerchants(rt);
    await rt.records.upsertStream(A.merchantId, [
      // A product of a second system of merchant A (no connector registered for it).
      ...asStream.products([
        makeProduct(ERP, 1, { title: 'ERP item', variants: [{ n: 7001, sku: 'ERP-1', tracked: false }] }),
      ]),
      // Two variants sharing a SKU in the platform.
      ...asStream.products([
        makeProduct(A, 60, { variants: [{ n: 6001, sku: 'DUP', tracked: false }] }),
        makeProduct(A, 61, { variants: [{ n: 6101, sku: 'DUP', tracked: false }] }),
      ]),
    ]);
  });
  afterAll(() => db.close());

  const place = (input: unknown, key = `k-${Math.random()}`) => placeOrder(rt, A.merchantId, input, key);
  const orderCount = () => rt.records.count(A.merchantId, 'order');

  async function rejects(input: unknown): Promise<ConcordError> {
    const calls = { ...seed.platformA.calls };
    const orders = await orderCount();
    const error = await place(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConcordError);
    expect(seed.platformA.calls).toEqual(calls);
    expect(await orderCount()).toBe(orders);
    return error as ConcordError;
  }

  it('given lines from two systems when placed then mixed_systems names the other line and nothing is written', async () => {
    const error = await rejects({
      lines: [
        { sku: 'MUG', quantity: 1 },
        { sku: 'ERP-1', quantity: 1 },
      ],
      customer,
    });
    expect(error).toMatchObject({ category: 'validation', code: 'mixed_systems' });
    expect(error.issues.map((i) => i.field)).toEqual(['lines[1].sku']);
  });

  it('given a SKU two variants share when placed then ambiguous_sku asks for variant_id', async () => {
    const error = await rejects({ lines: [{ sku: 'DUP', quantity: 1 }], customer });
    expect(error).toMatchObject({ code: 'ambiguous_sku', issues: [{ field: 'lines[0].sku' }] });
    expect(error.issues[0]?.message).toContain('variant_id');
  });

  it('given several unknown SKUs when placed then every bad line is named in one error', async () => {
    const error = await rejects({
      lines: [
        { sku: 'NOPE-1', quantity: 1 },
        { sku: 'MUG', quantity: 1 },
        { variant_id: 'var_nope', quantity: 1 },
      ],
      customer,
    });
    expect(error.code).toBe('unknown_sku');
    expect(error.issues.map((i) => i.field)).toEqual(['lines[0].sku', 'lines[2].variant_id']);
  });

  it('given one variant on two lines when their sum exceeds stock then both lines are named', async () => {
    const error = await rejects({
      lines: [
        { sku: 'TEE-S', quantity: 3 },
        { sku: 'MUG', quantity: 1 },
        { sku: 'TEE-S', quantity: 3 },
      ],
      customer,
    });
    expect(error).toMatchObject({ category: 'conflict', code: 'insufficient_stock' });
    expect(error.issues.map((i) => i.field)).toEqual(['lines[0].sku', 'lines[2].sku']);
    expect(error.detail['lines']).toEqual([
      expect.objectContaining({ line: 0, requested: 6, available: 5 }),
      expect.objectContaining({ line: 2, requested: 6, available: 5 }),
    ]);
  });

  it('given only the ERP system’s variants when placed then it is a config error: that system is not connected', async () => {
    const error = await rejects({ lines: [{ sku: 'ERP-1', quantity: 1 }], customer });
    expect(error).toMatchObject({ category: 'config', code: 'system_not_connected' });
  });

  it('given an input of the wrong shape when placed then validation names the field before any read', async () => {
    const error = await rejects({ lines: [{ sku: 'MUG', quantity: 0 }], customer: {} });
    expect(error.code).toBe('invalid_request');
    expect(error.issues.map((i) => i.field).sort()).toEqual(['customer.email', 'lines[0].quantity']);
  });

  it('given a valid order when placed then stored prices, addresses and note reach the platform and both records are stored', async () => {
    const shipping = { line1: '1 Main St', city: 'Austin', region: 'TX', country: 'US' };
    const { order, customer: placedCustomer } = await place(
      {
        lines: [{ sku: 'HOOD-M', quantity: 2 }],
        customer: { ...customer, phone: '+15125550100' },
        shipping_address: shipping,
        billing_address: shipping,
        note: 'n',
      },
      'key-valid',
    );
    const sent = seed.platformA.inputs.at(-1)!;
    expect(sent).toMatchObject({
      reference: orderReference(A.merchantId, 'key-valid'),
      currency: 'USD',
      lines: [
        {
          variant_external_id: 'gid://fake/ProductVariant/201',
          quantity: 2,
          unit_price: { amount: 5500, currency: 'USD' },
          sku: 'HOOD-M',
        },
      ],
      customer: { email: customer.email, phone: '+15125550100', address: shipping },
      shipping_address: shipping,
      billing_address: shipping,
      note: 'n',
    });
    expect(await rt.search.get(A.merchantId, 'order', order.id)).toMatchObject({
      id: order.id,
      total: { amount: 11_000 },
    });
    expect(await rt.search.get(A.merchantId, 'customer', placedCustomer.id)).toMatchObject({
      email: customer.email,
    });
  });

  it('given a platform failure after the customer step when placed then the customer is recorded and the error keeps its category', async () => {
    seed.platformA.failNextCreateOrder(new ConcordError('upstream', 'platform_down', 'down'));
    const error = await place({
      lines: [{ sku: 'MUG', quantity: 1 }],
      customer: { email: 'frank@example.com' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'upstream', code: 'platform_down' });
    const found = await rt.search.list(A.merchantId, 'customer', {
      filters: { email: 'frank@example.com' },
    });
    expect(found.items).toHaveLength(1);
  });
});
