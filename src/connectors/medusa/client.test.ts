import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { forgetSharedLimiters } from '../kit/index.js';
import { encodeQuery, MedusaClient } from './client.js';
import { parseMedusaSettings } from './config.js';
import type { PlatformConnector } from '../types.js';
import { createMedusaConnector } from './index.js';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** A local server answering GET /admin/customers from `total` numbered customers, or `status` for all. */
async function server(total: number, status = 200) {
  const seen: Seen[] = [];
  const http = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://x');
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          type: 'not_allowed',
          code: 'insufficient_inventory',
          message: 'Some variant does not have the required inventory',
        }),
      );
      return;
    }
    const offset = Number(url.searchParams.get('offset'));
    const limit = Number(url.searchParams.get('limit'));
    const customers = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      id: `cus_${offset + i}`,
    }));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ customers, count: total, offset, limit }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

const SECRET = 'sk_0123456789abcdef';
let s: Awaited<ReturnType<typeof server>>;
const client = (pageSize = 4) =>
  new MedusaClient({ settings: parseMedusaSettings({ url: s.url, apiKey: SECRET, pageSize }) });

beforeEach(() => forgetSharedLimiters());
afterEach(async () => {
  await s?.close();
});

describe('Medusa client', () => {
  it('given nested filters when encoded then Medusa reads them in qs bracket syntax', () => {
    expect(
      encodeQuery({
        id: ['a', 'b'],
        updated_at: { $gte: '2026-01-01T00:00:00Z' },
        $or: [{ updated_at: { $gte: 'x' } }, { variants: { updated_at: { $gte: 'x' } } }],
        q: 'a&b',
        skip: undefined,
      }),
    ).toBe(
      'id[]=a&id[]=b&updated_at[$gte]=2026-01-01T00%3A00%3A00Z&$or[0][updated_at][$gte]=x&$or[1][variants][updated_at][$gte]=x&q=a%26b',
    );
  });

  it('given 10 customers and pages of 4 when listed then 3 pages come, each record once, sorted by id, with Basic auth', async () => {
    s = await server(10);
    const pages: string[][] = [];
    for await (const page of client().list<{ id: string }>('/admin/customers', 'customers', { fields: 'id' }))
      pages.push(page.map((c) => c.id));
    expect(pages.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(new Set(pages.flat()).size).toBe(10);
    expect(s.seen).toHaveLength(3);
    expect(s.seen.map((r) => new URL(r.url, 'http://x').searchParams.get('offset'))).toEqual(['0', '4', '8']);
    expect(new URL(s.seen[0]!.url, 'http://x').searchParams.get('order')).toBe('id');
    expect(s.seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`);
  });

  it('given an exact multiple of the page size when listed then paging stops at count without an empty page', async () => {
    s = await server(8);
    let records = 0;
    for await (const page of client().list('/admin/customers', 'customers', {})) records += page.length;
    expect([records, s.seen.length]).toEqual([8, 2]);
  });

  it('given Medusa refuses a write when posted then the error carries its code and message but not the key', async () => {
    s = await server(0, 400);
    const error = (await client()
      .post('/admin/draft-orders', {})
      .catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.detail.vendorCode, s.seen.length]).toEqual([
      'validation',
      'insufficient_inventory',
      1,
    ]);
    expect(error.message).toContain('required inventory');
    const dump = JSON.stringify({ m: error.message, d: error.detail, c: String(error.cause) });
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toContain(Buffer.from(`${SECRET}:`).toString('base64'));
  });

  it('given a connector when a webhook arrives then it refuses with unsupported_webhooks: Medusa signs none', () => {
    const connector: PlatformConnector = createMedusaConnector(
      { url: 'http://127.0.0.1:1', apiKey: SECRET },
      { merchantId: 'mer_t', system: 'medusa' },
    );
    const error = (() => {
      try {
        connector.verifyWebhook({ 'x-signature': 'x' }, '{}');
      } catch (e) {
        return e as ConcordError;
      }
    })();
    expect([error?.category, error?.code]).toEqual(['config', 'unsupported_webhooks']);
    expect(connector.subscribeWebhooks).toBeUndefined();
    expect(connector.bulkRead).toBeUndefined();
  });
});
