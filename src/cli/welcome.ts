/**
 * What `npm start` prints once Concord serves: the API base URL, the API key, and curl commands built
 * from real ids in the store, so each works exactly as printed (the mid-market sandbox adds its
 * conflicts and ERP items).
 */
import type { Product } from '../model/index.js';
import type { ConcordNode } from '../server.js';

export async function printWelcome(
  node: ConcordNode,
  out: (line: string) => void = console.log,
): Promise<void> {
  const { url, sandbox, rt } = node;
  out('');
  out(`Concord is serving at ${url}`);
  out(`  OpenAPI: ${url}/openapi.json   docs: ${url}/docs   sync status: ${url}/sync/status`);
  if (!sandbox) {
    out('  Create an API key with: npm run concord -- keys create <merchant id>');
    return;
  }
  const key = sandbox.apiKey;
  const page = await rt.search.list<Product>(sandbox.merchantId, 'product', { limit: 1 });
  const product = page.items[0];
  const variant = product?.variants.find((v) => v.sku) ?? product?.variants[0];
  const auth = `-H "Authorization: Bearer ${key}"`;
  const midMarket = rt.topologies.get(sandbox.merchantId)?.config.preset === 'mid_market';
  const systems = midMarket ? 'Shopify and NetSuite simulators, mid_market topology' : 'Shopify simulator';
  out(`Sandbox merchant "${sandbox.merchantId}" (${systems}; Shopify at ${sandbox.simulator.url})`);
  out(`  API key: ${key}`);
  out('');
  out('Try:');
  out(`  curl -s ${auth} "${url}/products?limit=2"`);
  if (product) out(`  curl -s ${auth} ${url}/products/${product.id}`);
  if (product) out(`  curl -s ${auth} ${url}/products/${product.id}/resolved   # each field with provenance`);
  if (midMarket) {
    out(`  curl -s ${auth} "${url}/conflicts"   # where Shopify and NetSuite disagree`);
    out(`  curl -s ${auth} "${url}/items?limit=2"   # NetSuite items`);
  }
  out(`  curl -s ${auth} ${url}/locations`);
  if (variant?.sku) {
    out(`  curl -s ${auth} "${url}/inventory?sku=${encodeURIComponent(variant.sku)}"`);
    const quote = JSON.stringify({
      lines: [{ sku: variant.sku, quantity: 1 }],
      customer: { email: 'ada@example.com' },
      ship_to: {
        line1: '233 S Wacker Dr',
        city: 'Chicago',
        region: 'IL',
        postal_code: '60606',
        country: 'US',
      },
    });
    out(
      '  # stock per location, shipping options, tax and compliance in one call (then order it by quote_id):',
    );
    out(`  curl -s ${auth} -H "Content-Type: application/json" -H "Idempotency-Key: demo-quote-1" \\`);
    out(`       -d '${quote}' ${url}/quotes`);
    const body = JSON.stringify({
      lines: [{ sku: variant.sku, quantity: 1 }],
      customer: { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
      shipping_address: {
        line1: '1 Main St',
        city: 'Springfield',
        region: 'IL',
        postal_code: '62701',
        country: 'US',
      },
    });
    out(`  curl -s ${auth} -H "Content-Type: application/json" -H "Idempotency-Key: demo-order-1" \\`);
    out(`       -d '${body}' ${url}/orders`);
  }
  out('  (send the same order command twice: the second answer replays the first, no second order)');
  if (midMarket)
    out('  (mid_market: the order lands as a NetSuite sales order and a Shopify order; see "routing")');
  out(`  curl -s ${auth} "${url}/orders?limit=5"`);
  out('');
}
