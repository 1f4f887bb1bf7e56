import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { parseTrytonSettings, trytonEndpoint } from './config.js';
import { parseInput, SalesOrderInputSchema } from './inputs.js';
import { parseRows, STREAMS, streamDomain } from './read.js';
import { PartyRow } from './schemas.js';

const SETTINGS = {
  url: 'http://127.0.0.1:8000/',
  database: 'concord',
  username: 'admin',
  password: 'very-secret-pw',
};

describe('settings', () => {
  it('given settings when parsed then defaults apply and the endpoint ends with the database', () => {
    const s = parseTrytonSettings(SETTINGS);
    expect([s.pageSize, s.readConcurrency]).toEqual([500, 4]);
    expect(trytonEndpoint(s)).toBe('http://127.0.0.1:8000/concord/');
  });

  it('given bad settings when parsed then a config error names each field and never the password', () => {
    const error = (() => {
      try {
        parseTrytonSettings({
          ...SETTINGS,
          url: 'nope very-secret-pw',
          database: 'a b',
          pageSize: 0,
          extra: 1,
        });
      } catch (e) {
        return e as ConcordError;
      }
    })();
    expect(error?.category).toBe('config');
    expect(error?.issues.map((i) => i.field).sort()).toEqual(['(settings)', 'database', 'pageSize', 'url']);
    expect(JSON.stringify({ m: error?.message, i: error?.issues })).not.toContain('very-secret-pw');
  });
});

describe('stream domains and rows', () => {
  it('given no since when building a domain then it is the stream domain; with one then an OR over the change dates', () => {
    expect(streamDomain(STREAMS.items)).toEqual([['type', '=', 'goods']]);
    const at = {
      __class__: 'datetime',
      year: 2026,
      month: 11,
      day: 26,
      hour: 1,
      minute: 2,
      second: 3,
      microsecond: 0,
    };
    expect(streamDomain(STREAMS.items, '2026-11-26T01:02:03Z')).toEqual([
      ['type', '=', 'goods'],
      ['OR', ['write_date', '>=', at], ['create_date', '>=', at], ['template.write_date', '>=', at]],
    ]);
  });

  it('given a row in another shape when parsed then an upstream error names the field, not its value', () => {
    const bad = {
      id: 1,
      name: 'X',
      email: 42,
      phone: null,
      addresses: [],
      create_date: null,
      write_date: null,
    };
    const error = (() => {
      try {
        parseRows(PartyRow, [bad], 'party.party');
      } catch (e) {
        return e as ConcordError;
      }
    })();
    expect([error?.category, error?.code]).toEqual(['upstream', 'tryton_unexpected_row']);
    expect(error?.message).toBe('Tryton party.party sent an unexpected email');
  });
});

describe('inputs', () => {
  it('given an order with bad fields when parsed then a validation error lists each field path', () => {
    const error = (() => {
      try {
        parseInput(
          SalesOrderInputSchema,
          {
            reference: '',
            customer_external_id: 'x',
            currency: 'usd',
            lines: [{ item_external_id: '1', quantity: 0 }],
          },
          'tryton_invalid_sales_order',
        );
      } catch (e) {
        return e as ConcordError;
      }
    })();
    expect(error?.category).toBe('validation');
    expect(error?.issues.map((i) => i.field).sort()).toEqual([
      'currency',
      'customer_external_id',
      'lines[0].quantity',
      'reference',
    ]);
  });
});
