/**
 * The platform connector contract run against the Shopify connector over the Shopify simulator (real
 * HTTP, random port). The seed expectations are read from the simulator's state when the suite starts;
 * Shopify's webhook capability is `signed`, with a delivery signed by the simulator's app secret.
 */
import { startShopifySimulator, type ShopifySimulator } from '../../simulators/shopify/index.js';
import { forgetSharedLimiters, hmacSignature } from '../kit/index.js';
import { SHOPIFY_MANIFEST } from '../shopify/manifest.js';
import { simConnector } from '../shopify/testing.js';
import { describePlatformContract, type PlatformSeed, type PlatformSubject } from './platform.js';

let sim: ShopifySimulator;

function seedOf(s: ShopifySimulator): PlatformSeed {
  const { state } = s;
  return {
    currency: state.currency,
    products: state.products.map((p) => ({
      external_id: p.id,
      title: p.title,
      handle: p.handle,
      variants: p.variantList.map((v) => ({
        external_id: v.id,
        sku: v.sku || null,
        title: v.title,
        price: { amount: v.priceMinor, currency: state.currency },
        options: v.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
        inventory_tracked: v.inventoryItem.tracked,
      })),
    })),
    locations: state.locations.map((l) => ({ external_id: l.id, name: l.name })),
    levels: state.inventoryItems.flatMap((item) =>
      item.levels.map((level) => ({
        variant_external_id: item.variant.id,
        location_external_id: level.location.id,
        on_hand: level.onHand,
        available: level.available,
        committed: level.committed,
        incoming: level.incoming,
      })),
    ),
    customers: state.customers
      .filter((c) => c.email)
      .map((c) => ({
        external_id: c.id,
        email: c.email!,
        first_name: c.firstName || null,
        last_name: c.lastName || null,
      })),
    orders: state.orders.map((o) => o.id),
  };
}

/** A tracked variant with the most units available at active locations (the order tests take a few). */
function orderVariant(s: ShopifySimulator): string {
  const tracked = s.state.variants.filter((v) => v.inventoryItem.tracked);
  const best = tracked.sort((a, b) => b.inventoryQuantity - a.inventoryQuantity)[0];
  if (!best || best.inventoryQuantity < 10)
    throw new Error('the simulator seed has no well-stocked tracked variant');
  return best.id;
}

describePlatformContract('shopify (simulator)', {
  async setup(): Promise<PlatformSubject> {
    forgetSharedLimiters();
    sim = await startShopifySimulator({
      seed: { products: 12, variantsPerProduct: [1, 4], locations: 3, customers: 5, orders: 4, seed: 31 },
      plan: 'enterprise',
    });
    const body = JSON.stringify({ admin_graphql_api_id: sim.state.products[0]!.id, title: 'changed' });
    return {
      connector: simConnector(sim),
      seed: seedOf(sim),
      fixtures: {
        orderVariant: orderVariant(sim),
        absent: { product: 'gid://shopify/Product/1', variant: 'gid://shopify/ProductVariant/1' },
      },
      capabilities: {
        orderStock: 'reserve',
        productPageSize: SHOPIFY_MANIFEST.pages.products,
        webhooks: {
          kind: 'signed',
          delivery: () => ({
            headers: {
              'x-shopify-topic': 'products/update',
              'x-shopify-webhook-id': 'contract-delivery-1',
              'x-shopify-shop-domain': sim.shop,
              'x-shopify-hmac-sha256': hmacSignature(sim.apiSecret, body, 'base64'),
            },
            body,
            expected: {
              topic: 'products/update',
              stream: 'products',
              external_id: sim.state.products[0]!.id,
            },
          }),
        },
      },
    };
  },
  async teardown() {
    await sim?.close();
  },
});
