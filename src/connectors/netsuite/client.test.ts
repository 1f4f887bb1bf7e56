import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { concurrencyFrom, idFromLocation } from './client.js';
import { netSuiteEndpoint, parseNetSuiteSettings } from './config.js';

const SETTINGS = {
  accountId: '1234567_SB1',
  consumerKey: 'ck',
  consumerSecret: 'cs-very-secret',
  tokenId: 'tk',
  tokenSecret: 'ts-very-secret',
};

describe('config', () => {
  it('given an account id when no endpoint is set then the host is lower-case with _ as -', () => {
    expect(netSuiteEndpoint(parseNetSuiteSettings(SETTINGS))).toBe(
      'https://1234567-sb1.suitetalk.api.netsuite.com',
    );
    expect(netSuiteEndpoint(parseNetSuiteSettings({ ...SETTINGS, endpoint: 'http://127.0.0.1:9/' }))).toBe(
      'http://127.0.0.1:9',
    );
  });

  it('given a bad setting when parsed then a config error names the field and not the secret', () => {
    const error = (() => {
      try {
        parseNetSuiteSettings({ ...SETTINGS, accountId: 'bad id!', tokenSecret: '' });
      } catch (e) {
        return e as ConcordError;
      }
    })();
    expect(error?.category).toBe('config');
    expect(error?.issues.map((i) => i.field).sort()).toEqual(['accountId', 'tokenSecret']);
    expect(error?.message).not.toContain('cs-very-secret');
  });
});

describe('client helpers', () => {
  it('given governanceLimits answers when read then the integration, unallocated, then account limit wins', () => {
    expect(
      concurrencyFrom({
        accountConcurrencyLimit: 15,
        accountUnallocatedConcurrencyLimit: 10,
        integrationConcurrencyLimit: 4,
      }),
    ).toBe(4);
    expect(
      concurrencyFrom({
        accountConcurrencyLimit: 15,
        accountUnallocatedConcurrencyLimit: 10,
        integrationConcurrencyLimit: null,
      }),
    ).toBe(10);
    expect(concurrencyFrom({ accountConcurrencyLimit: 5 })).toBe(5);
    expect(concurrencyFrom(undefined)).toBeUndefined();
  });

  it('given Location headers when parsed then the trailing id is returned, a missing one is an upstream error', () => {
    expect(idFromLocation('https://x/services/rest/record/v1/salesOrder/123')).toBe('123');
    expect(idFromLocation('http://127.0.0.1:1/services/rest/record/v1/invoice/77/')).toBe('77');
    expect(() => idFromLocation(null)).toThrow(ConcordError);
  });
});
