import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { hmacSignature } from '../kit/index.js';
import { parseShopifyWebhook, streamForTopic } from './webhooks.js';

const SECRET = 'app-secret-123';

function delivery(topic: string, body: Record<string, unknown>, secret = SECRET) {
  const raw = JSON.stringify(body);
  return {
    raw,
    headers: {
      'X-Shopify-Topic': topic,
      'X-Shopify-Hmac-Sha256': hmacSignature(secret, raw, 'base64'),
      'X-Shopify-Shop-Domain': 'acme.myshopify.com',
      'X-Shopify-Webhook-Id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      'X-Shopify-Event-Id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
      'X-Shopify-API-Version': '2026-10',
    } as Record<string, string | undefined>,
  };
}

describe('parseShopifyWebhook', () => {
  it('given a signed products/update then it names the product gid and the delivery id', () => {
    const { raw, headers } = delivery('products/update', {
      id: 788032119674292900,
      admin_graphql_api_id: 'gid://shopify/Product/788032119674292922',
      updated_at: '2026-02-01T10:00:00-05:00',
    });
    expect(parseShopifyWebhook(SECRET, headers, raw)).toEqual({
      id: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      topic: 'products/update',
      stream: 'products',
      external_id: 'gid://shopify/Product/788032119674292922',
    });
  });

  it('given inventory_levels/update then the inventory item is what to refetch', () => {
    const { raw, headers } = delivery('inventory_levels/update', {
      inventory_item_id: 271878346596884000,
      location_id: 24826418,
      available: 6,
      updated_at: '2026-02-01T10:00:00-05:00',
      admin_graphql_api_id: 'gid://shopify/InventoryLevel/24826418?inventory_item_id=271878346596884000',
    });
    const event = parseShopifyWebhook(SECRET, headers, raw);
    expect(event.stream).toBe('inventory_levels');
    expect(event.external_id).toBe('gid://shopify/InventoryItem/271878346596884000');
  });

  it.each([
    ['orders/create', { admin_graphql_api_id: 'gid://shopify/Order/1' }, 'orders', 'gid://shopify/Order/1'],
    ['orders/updated', { id: 2 }, 'orders', 'gid://shopify/Order/2'],
    [
      'customers/update',
      { admin_graphql_api_id: 'gid://shopify/Customer/3' },
      'customers',
      'gid://shopify/Customer/3',
    ],
    ['products/create', { id: 4 }, 'products', 'gid://shopify/Product/4'],
    ['bulk_operations/finish', { admin_graphql_api_id: 'gid://shopify/BulkOperation/5' }, null, null],
  ])('given topic %s then stream and id are derived', (topic, body, stream, external) => {
    const { raw, headers } = delivery(topic, body);
    expect(parseShopifyWebhook(SECRET, headers, raw)).toMatchObject({ topic, stream, external_id: external });
  });

  it('given a tampered body then it is rejected as unauthorized / invalid_webhook_signature', () => {
    const { raw, headers } = delivery('products/update', { id: 1 });
    const error = (() => {
      try {
        parseShopifyWebhook(SECRET, headers, raw.replace('1', '2'));
      } catch (e) {
        return e;
      }
    })() as ConcordError;
    expect(error).toBeInstanceOf(ConcordError);
    expect([error.category, error.code]).toEqual(['unauthorized', 'invalid_webhook_signature']);
  });

  it('given a signature made with another secret or none then it is rejected', () => {
    const wrong = delivery('products/update', { id: 1 }, 'other-secret');
    expect(() => parseShopifyWebhook(SECRET, wrong.headers, wrong.raw)).toThrow(/signature/);
    const { raw, headers } = delivery('products/update', { id: 1 });
    expect(() =>
      parseShopifyWebhook(SECRET, { ...headers, 'X-Shopify-Hmac-Sha256': undefined }, raw),
    ).toThrow(/signature/);
  });

  it('given lower-case header names (as Node gives them) then they are found', () => {
    const { raw, headers } = delivery('orders/create', { id: 9 });
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(parseShopifyWebhook(SECRET, lower, raw).external_id).toBe('gid://shopify/Order/9');
  });

  it('given an unknown resource then no stream is refreshed', () => {
    expect(streamForTopic('app/uninstalled')).toBeNull();
  });
});
