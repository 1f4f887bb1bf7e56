import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Customer, InventoryLevel, Location, Order, Product, moneyToDecimal } from '../../model/index.js';
import {
  CTX,
  customerNode,
  inventoryItemNode,
  locationNode,
  orderNode,
  productNode,
  variantNode,
} from './fixtures.js';
import {
  toUnifiedCustomer,
  toUnifiedInventoryLevel,
  toUnifiedLocation,
  toUnifiedOrder,
  toUnifiedProduct,
  toUnifiedVariant,
} from './map.js';
import type { ShopifyMetafield } from './types.js';

const CURRENCIES = [
  ['USD', 2],
  ['EUR', 2],
  ['JPY', 0],
  ['KWD', 3],
] as const;

/** A decimal string as Shopify prints it: minor units with the currency's digits (trailing zeros optional). */
const moneyString = fc
  .tuple(fc.constantFrom(...CURRENCIES), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.boolean())
  .map(([[currency, digits], minor, trimZeros]) => {
    const text = minor.toString().padStart(digits + 1, '0');
    const canonical = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
    const decimal = trimZeros && digits > 0 ? canonical.replace(/0+$/, '').replace(/\.$/, '') : canonical;
    return { currency, decimal, canonical, minor: Number(minor) };
  });

const text = fc.string({ maxLength: 40 });
const iso = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const metafield: fc.Arbitrary<ShopifyMetafield> = fc.record({
  key: fc.constantFrom(
    'material',
    'compatibility',
    'hazmat',
    'min_age',
    'excluded_countries',
    'dimensions',
    'care',
    'other',
  ),
  type: fc.constantFrom(
    'single_line_text_field',
    'list.single_line_text_field',
    'boolean',
    'number_integer',
    'json',
    'file_reference',
  ),
  value: fc.oneof(
    text,
    fc.json(),
    fc.constantFrom('true', '18', '["US","de"]', '{"length":1,"width":2,"height":3,"unit":"cm"}'),
  ),
});

describe('Shopify mappers (properties)', () => {
  it('given any price string Shopify prints then the unified money round-trips to the same amount', () => {
    fc.assert(
      fc.property(moneyString, ({ currency, decimal, canonical, minor }) => {
        const v = toUnifiedVariant(
          { ...CTX, currency },
          variantNode({ price: decimal, compareAtPrice: canonical }),
        );
        expect(v.price).toEqual({ amount: minor, currency });
        expect(v.compare_at_price).toEqual(v.price);
        expect(moneyToDecimal(v.price)).toBe(canonical);
      }),
    );
  });

  it('given arbitrary product, variant and metafield data then the output parses with the Product schema', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: text,
          description: text,
          descriptionHtml: text,
          tags: fc.array(text, { maxLength: 4 }),
          status: fc.constantFrom('ACTIVE', 'ARCHIVED', 'DRAFT', 'UNLISTED' as const),
          updatedAt: iso,
        }),
        fc.array(
          fc.record({
            sku: fc.option(text),
            position: fc.nat({ max: 300 }),
            price: moneyString.filter((m) => m.currency === 'USD').map((m) => m.decimal),
            weight: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true })),
            metafields: fc.array(metafield, { maxLength: 8 }),
          }),
          { maxLength: 5 },
        ),
        (product, variants) => {
          const nodes = variants.map((v, i) =>
            variantNode({
              id: `gid://shopify/ProductVariant/${i + 1}`,
              sku: v.sku,
              position: v.position,
              price: v.price,
              inventoryItem: {
                ...variantNode().inventoryItem,
                measurement: { weight: v.weight === null ? null : { value: v.weight, unit: 'POUNDS' } },
              },
              metafields: { nodes: v.metafields },
            }),
          );
          const unified = toUnifiedProduct(
            CTX,
            productNode({
              ...product,
              variants: { nodes, pageInfo: { hasNextPage: false, endCursor: null } },
            }),
          );
          expect(() => Product.parse(unified)).not.toThrow();
          expect(unified.variants).toHaveLength(variants.length);
        },
      ),
    );
  });

  it('given arbitrary addresses, statuses and amounts then locations, levels, customers and orders parse', () => {
    const address = fc.record({
      address1: fc.option(text),
      city: fc.option(text),
      provinceCode: fc.option(text),
      zip: fc.option(text),
      countryCode: fc.option(fc.constantFrom('US', 'de', 'XYZ', '')),
      address2: fc.option(text),
      phone: fc.option(text),
    });
    fc.assert(
      fc.property(
        address,
        fc.record({
          quantity: fc.integer({ min: -1000, max: 100000 }),
          name: fc.constantFrom('available', 'on_hand', 'committed', 'incoming', 'reserved'),
        }),
        fc.constantFrom(
          'AUTHORIZED',
          'EXPIRED',
          'PAID',
          'PARTIALLY_PAID',
          'PARTIALLY_REFUNDED',
          'PENDING',
          'REFUNDED',
          'VOIDED',
          null,
        ),
        moneyString.filter((m) => m.currency === 'USD'),
        fc.integer({ min: 1, max: 1000 }),
        (addr, qty, financial, amount, quantity) => {
          expect(() =>
            Location.parse(
              toUnifiedLocation(CTX, locationNode({ address: { ...addr, countryCode: addr.countryCode } })),
            ),
          ).not.toThrow();
          const item = inventoryItemNode();
          const level = { ...item.inventoryLevels.nodes[0]!, quantities: [qty] };
          expect(() => InventoryLevel.parse(toUnifiedInventoryLevel(CTX, item, level))).not.toThrow();
          const mailing = {
            address1: addr.address1,
            city: addr.city,
            provinceCode: addr.provinceCode,
            zip: addr.zip,
            countryCodeV2: addr.countryCode,
          };
          expect(() =>
            Customer.parse(toUnifiedCustomer(CTX, customerNode({ defaultAddress: mailing }))),
          ).not.toThrow();
          const bag = { shopMoney: { amount: amount.decimal, currencyCode: 'USD' } };
          const base = orderNode();
          const line = { ...base.lineItems.nodes[0]!, quantity, originalUnitPriceSet: bag };
          const order = orderNode({
            displayFinancialStatus: financial,
            totalPriceSet: bag,
            shippingAddress: mailing,
            lineItems: { nodes: [line], pageInfo: base.lineItems.pageInfo },
          });
          const unified = toUnifiedOrder(CTX, order);
          expect(() => Order.parse(unified)).not.toThrow();
          expect(unified.line_items[0]!.total.amount).toBe(amount.minor * quantity);
        },
      ),
    );
  });
});
