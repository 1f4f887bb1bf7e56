import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { parseMedusaSettings } from './config.js';

describe('Medusa settings', () => {
  it('given a URL and a secret key when parsed then defaults fill the rest and the trailing slash goes', () => {
    expect(parseMedusaSettings({ url: 'https://shop.example.com/', apiKey: 'sk_abc' })).toEqual({
      url: 'https://shop.example.com',
      apiKey: 'sk_abc',
      orderPayment: 'paid',
      pageSize: 100,
      concurrency: 4,
      weightUnit: 'g',
      dimensionUnit: 'cm',
    });
  });

  it('given optional ids when parsed then they are kept when they look like Medusa ids', () => {
    const settings = parseMedusaSettings({
      url: 'http://127.0.0.1:9000',
      apiKey: 'sk_abc',
      publishableKey: 'pk_123',
      salesChannelId: 'sc_01ABC',
      regionId: 'reg_01ABC',
      shippingOptionId: 'so_01ABC',
      orderPayment: 'pending',
    });
    expect([
      settings.salesChannelId,
      settings.regionId,
      settings.shippingOptionId,
      settings.orderPayment,
    ]).toEqual(['sc_01ABC', 'reg_01ABC', 'so_01ABC', 'pending']);
  });

  it('given bad settings when parsed then a config error names every bad field and never echoes the key', () => {
    const error = (() => {
      try {
        parseMedusaSettings({
          url: 'ftp://shop',
          apiKey: '',
          regionId: 'region-1',
          pageSize: 5000,
          extra: 1,
        });
      } catch (e) {
        return e as ConcordError;
      }
    })()!;
    expect([error.category, error.code]).toEqual(['config', 'medusa_invalid_settings']);
    expect(error.issues.map((i) => i.field).sort()).toEqual([
      '(settings)',
      'apiKey',
      'pageSize',
      'regionId',
      'url',
    ]);
    const secret = 'sk_live_do_not_leak';
    const leak = (() => {
      try {
        parseMedusaSettings({ url: 'not a url', apiKey: secret });
      } catch (e) {
        return JSON.stringify({ message: (e as Error).message, issues: (e as ConcordError).issues });
      }
    })();
    expect(leak).not.toContain(secret);
  });
});
