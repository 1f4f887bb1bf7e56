import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { parseShopifySettings, shopifyEndpoint } from './config.js';

const VALID = { shop: 'Acme-Store.myshopify.com', accessToken: 'shpat_secret_value', apiSecret: 'whsec' };

describe('parseShopifySettings', () => {
  it('given minimal settings then defaults apply and the domain is lower-cased', () => {
    expect(parseShopifySettings(VALID)).toEqual({
      ...VALID,
      shop: 'acme-store.myshopify.com',
      plan: 'standard',
      inventoryBehaviour: 'DECREMENT_OBEYING_POLICY',
      bulkThreshold: 5000,
      orderPayment: 'paid',
      paymentGateway: 'manual',
    });
  });

  it('given a custom domain and no token then a config error names both fields but not the values', () => {
    const error = (() => {
      try {
        parseShopifySettings({ shop: 'shop.acme.com', accessToken: '', apiSecret: 'x' });
      } catch (e) {
        return e;
      }
    })() as ConcordError;
    expect(error).toBeInstanceOf(ConcordError);
    expect(error.category).toBe('config');
    expect(error.issues.map((i) => i.field).sort()).toEqual(['accessToken', 'shop']);
    expect(error.message).not.toContain('shop.acme.com');
  });

  it('given an unknown setting then it is refused (typos fail fast)', () => {
    expect(() => parseShopifySettings({ ...VALID, acessToken: 'x' })).toThrow(/acessToken|Invalid/);
  });

  it('given an endpoint override then it is used, else the 2026-10 URL of the shop', () => {
    expect(shopifyEndpoint(parseShopifySettings(VALID))).toBe(
      'https://acme-store.myshopify.com/admin/api/2026-10/graphql.json',
    );
    expect(
      shopifyEndpoint(
        parseShopifySettings({ ...VALID, endpoint: 'http://127.0.0.1:9999/admin/api/2026-10/graphql.json' }),
      ),
    ).toBe('http://127.0.0.1:9999/admin/api/2026-10/graphql.json');
  });
});
