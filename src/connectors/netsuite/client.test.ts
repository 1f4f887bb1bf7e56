import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { concurrencyFrom, idFromLocation } from './client.js';
import { netSuiteEndpoint, parseNetSuiteSettings } from './config.js';
import { concurrentOffsetPages } from './pages.js';

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

describe('concurrentOffsetPages', () => {
  const table = Array.from({ length: 2_350 }, (_, i) => i);
  const pager =
    (rows: number[], calls: number[], totalKnown = true) =>
    async (offset: number, limit: number) => {
      calls.push(offset);
      const items = rows.slice(offset, offset + limit);
      return {
        items,
        hasMore: offset + limit < rows.length,
        totalResults: totalKnown ? rows.length : undefined,
      };
    };

  it('given a known total when paging then every row comes once, in order, and pages were requested ahead', async () => {
    const calls: number[] = [];
    let maxAhead = 0;
    let inFlight = 0;
    const base = pager(table, calls);
    const fetch = async (o: number, l: number) => {
      inFlight++;
      maxAhead = Math.max(maxAhead, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return base(o, l);
    };
    const out: number[] = [];
    for await (const page of concurrentOffsetPages(fetch, {
      pageSize: 100,
      window: () => 6,
      maxRows: 100_000,
    }))
      out.push(...page);
    expect(out).toEqual(table);
    expect(calls.sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i * 100));
    expect(maxAhead).toBe(6);
  });

  it('given no total when paging then it falls back to sequential offsets and still reads everything', async () => {
    const calls: number[] = [];
    const out: number[] = [];
    for await (const page of concurrentOffsetPages(pager(table, calls, false), {
      pageSize: 1_000,
      window: () => 4,
      maxRows: 100_000,
    }))
      out.push(...page);
    expect(out).toEqual(table);
    expect(calls).toEqual([0, 1_000, 2_000]);
  });

  it('given rows added after the first page when paging then the tail is read sequentially', async () => {
    const rows = table.slice(0, 300);
    const calls: number[] = [];
    const base = pager(rows, calls);
    let first = true;
    const fetch = async (o: number, l: number) => {
      const page = await base(o, l);
      if (first) {
        first = false;
        rows.push(300, 301);
      }
      return page;
    };
    const out: number[] = [];
    for await (const page of concurrentOffsetPages(fetch, {
      pageSize: 100,
      window: () => 2,
      maxRows: 100_000,
    }))
      out.push(...page);
    expect(out).toEqual(rows);
  });
});
