import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { RecordingClock } from './clock.js';
import { ConcurrencyLimiter } from './concurrency.js';
import { buildUrl, HttpClient, type HttpClientOptions } from './http.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
/** Answers a request; `hit` is how many requests this path has had so far (1 for the first). */
type Handler = (req: Seen, res: ServerResponse, hit: number) => void;

interface TestServer {
  url: string;
  hits: (path: string) => number;
  seen: Seen[];
  maxConcurrent: () => number;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: Handler): Promise<TestServer> {
  const counts = new Map<string, number>();
  const seen: Seen[] = [];
  let active = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const hit = (counts.get(path) ?? 0) + 1;
      counts.set(path, hit);
      const s: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(s);
      peak = Math.max(peak, ++active);
      res.on('close', () => active--);
      handler(s, res, hit);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: (p) => counts.get(p) ?? 0,
    seen,
    maxConcurrent: () => peak,
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Fails the first `failures` hits of every path with `status`, then answers 200 {ok:true, hit}. */
const failThenOk =
  (failures: number, status: number, headers: Record<string, string> = {}): Handler =>
  (_req, res, hit) =>
    hit <= failures
      ? json(res, status, { errors: 'Service Unavailable' }, headers)
      : json(res, 200, { ok: true, hit });

function client(server: TestServer, over: Partial<HttpClientOptions> = {}) {
  const clock = over.clock instanceof RecordingClock ? over.clock : new RecordingClock();
  const http = new HttpClient({
    name: 'shopify',
    baseUrl: `${server.url}/admin/api/2026-10`,
    clock,
    ...over,
  });
  return { http, clock };
}

async function failure(p: Promise<unknown>): Promise<ConcordError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConcordError);
  return error as ConcordError;
}

describe('HttpClient: success paths', () => {
  it('given a JSON answer when requested then the body is parsed and the URL is base + path', async () => {
    const server = await serve((_req, res) => json(res, 200, { products: [{ id: 1 }] }));
    const { http } = client(server);
    const res = await http.request<{ products: { id: number }[] }>({ method: 'GET', path: '/products.json' });
    expect(res.status).toBe(200);
    expect(res.body.products[0]?.id).toBe(1);
    expect(server.seen[0]?.url).toBe('/admin/api/2026-10/products.json');
    expect(http.stats).toEqual({ requests: 1, retries: 0, throttled: 0 });
  });

  it('given query values when requested then they are encoded and undefined ones are left out', async () => {
    const server = await serve((_req, res) => json(res, 200, {}));
    const { http } = client(server);
    await http.request({
      method: 'GET',
      path: 'items?fixed=1',
      query: { q: 'a b&c=d/é', limit: 250, skip: undefined },
    });
    const url = server.seen[0]!.url;
    expect(url).toBe('/admin/api/2026-10/items?fixed=1&q=a+b%26c%3Dd%2F%C3%A9&limit=250');
    expect(new URL(url, 'http://x').searchParams.get('q')).toBe('a b&c=d/é');
  });

  it('given an absolute URL as path when requested then the base URL is ignored', async () => {
    const server = await serve((_req, res) => json(res, 200, { ok: 1 }));
    const http = new HttpClient({
      name: 'shopify',
      baseUrl: 'http://127.0.0.1:9/unused',
      clock: new RecordingClock(),
    });
    await http.request({ method: 'GET', path: `${server.url}/next?page_info=abc` });
    expect(server.seen[0]?.url).toBe('/next?page_info=abc');
  });

  it('given a JSON body and headers when posted then content-type, client and request headers are sent', async () => {
    const server = await serve((req, res) => json(res, 201, { echo: JSON.parse(req.body) as unknown }));
    let calls = 0;
    const { http } = client(server, {
      headers: async () => (calls++, { 'X-Shopify-Access-Token': 'tok_1', 'x-base': 'b' }),
    });
    const res = await http.request({
      method: 'POST',
      path: '/graphql.json',
      json: { query: '{ shop { name } }' },
      headers: { 'x-base': 'override' },
    });
    expect(res.body).toEqual({ echo: { query: '{ shop { name } }' } });
    const h = server.seen[0]!.headers;
    expect([h['content-type'], h['x-shopify-access-token'], h['x-base'], h.accept]).toEqual([
      'application/json',
      'tok_1',
      'override',
      'application/json',
    ]);
    expect(calls).toBe(1);
  });

  it('given a raw body and a non-JSON answer when sent then the text comes back as the body', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`got ${req.body} as ${req.headers['content-type']}`);
    });
    const { http } = client(server);
    const res = await http.request({
      method: 'PUT',
      path: '/raw',
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.body).toBe('got a=1 as application/x-www-form-urlencoded');
  });

  it('given a 204 when requested then the body is undefined', async () => {
    const server = await serve((_req, res) => res.writeHead(204).end());
    const { http } = client(server);
    expect((await http.request({ method: 'DELETE', path: '/x' })).body).toBeUndefined();
  });

  it('given a 2xx that claims JSON but is not when requested then an upstream error', async () => {
    const server = await serve((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{oops'),
    );
    const { http } = client(server);
    expect(await failure(http.request({ method: 'GET', path: '/x' }))).toMatchObject({
      category: 'upstream',
      code: 'shopify_invalid_json',
    });
  });
});

describe('HttpClient: retries', () => {
  it('given a 404 when requested then it is sent exactly once and maps to not_found', async () => {
    const server = await serve((_req, res) => json(res, 404, { errors: 'Not Found' }));
    const { http, clock } = client(server);
    const error = await failure(http.request({ method: 'GET', path: '/products/1.json' }));
    expect(server.hits('/admin/api/2026-10/products/1.json')).toBe(1);
    expect(error).toMatchObject({
      category: 'not_found',
      code: 'shopify_not_found',
      detail: { status: 404, attempts: 1 },
    });
    expect(error.message).toContain('Not Found');
    expect(clock.waits).toEqual([]);
  });

  it('given a 503 twice on a GET when requested then it is retried until success (3 requests, 2 waits)', async () => {
    const server = await serve(failThenOk(2, 503));
    const { http, clock } = client(server);
    const res = await http.request<{ hit: number }>({ method: 'GET', path: '/orders.json' });
    expect(res.body.hit).toBe(3);
    expect(server.hits('/admin/api/2026-10/orders.json')).toBe(3);
    expect(clock.waits).toHaveLength(2);
    expect(http.stats).toEqual({ requests: 3, retries: 2, throttled: 0 });
  });

  it('given a 503 on an unguarded POST when requested then it is not retried (1 request) and may have committed', async () => {
    const server = await serve(failThenOk(1, 503));
    const { http } = client(server);
    const error = await failure(http.request({ method: 'POST', path: '/orders.json', json: {} }));
    expect(server.hits('/admin/api/2026-10/orders.json')).toBe(1);
    expect(error).toMatchObject({
      category: 'upstream',
      code: 'shopify_upstream_error',
      detail: { status: 503, attempts: 1, mayHaveCommitted: true },
    });
  });

  it('given a 503 on a guarded POST when requested then it is retried', async () => {
    const server = await serve(failThenOk(1, 503));
    const { http } = client(server);
    await http.request({ method: 'POST', path: '/graphql.json', json: { query: '{}' }, guarded: true });
    expect(server.hits('/admin/api/2026-10/graphql.json')).toBe(2);
  });

  it('given a 503 that never ends when requested then it gives up after maxAttempts', async () => {
    const server = await serve((_req, res) => json(res, 503, {}));
    const { http, clock } = client(server, { retry: { maxAttempts: 3 } });
    const error = await failure(http.request({ method: 'GET', path: '/x' }));
    expect(server.hits('/admin/api/2026-10/x')).toBe(3);
    expect(clock.waits).toHaveLength(2);
    expect(error.detail).toMatchObject({ status: 503, attempts: 3, reason: 'attempts_exhausted' });
  });

  it('given a server that hangs on an unguarded POST when it times out then it is not retried', async () => {
    const server = await serve(() => undefined);
    const { http } = client(server);
    const error = await failure(
      http.request({ method: 'POST', path: '/orders.json', json: {}, timeoutMs: 150 }),
    );
    expect(error).toMatchObject({
      category: 'transient',
      code: 'timeout',
      detail: { attempts: 1, mayHaveCommitted: true },
    });
    expect(server.hits('/admin/api/2026-10/orders.json')).toBe(1);
  });

  it('given a server that hangs once on a GET when it times out then the retry succeeds', async () => {
    const server = await serve((_req, res, hit) => (hit === 1 ? undefined : json(res, 200, { hit })));
    const { http } = client(server, { timeoutMs: 150 });
    expect((await http.request<{ hit: number }>({ method: 'GET', path: '/slow' })).body.hit).toBe(2);
  });

  it.each([
    ['Retry-After seconds', { 'retry-after': '3' }, 0, 3_000],
    [
      'Retry-After HTTP-date',
      { 'retry-after': 'Wed, 21 Oct 2026 07:28:10 GMT' },
      Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'),
      10_000,
    ],
    ['x-retry-after', { 'x-retry-after': '2' }, 0, 2_000],
  ])(
    'given a 429 with %s when requested then the recorded wait is the vendor wait',
    async (_n, headers, start, wait) => {
      const server = await serve(failThenOk(1, 429, headers));
      const { http, clock } = client(server, { clock: new RecordingClock(start) });
      await http.request({ method: 'POST', path: '/orders.json', json: {} });
      expect(clock.waits).toEqual([wait]);
      expect(server.hits('/admin/api/2026-10/orders.json')).toBe(2);
      expect(http.stats.throttled).toBe(1);
    },
  );

  it('given 429s that never end when requested then a rate_limited error with the attempts', async () => {
    const server = await serve((_req, res) =>
      json(res, 429, { errors: 'Exceeded 2 calls per second' }, { 'retry-after': '1' }),
    );
    const { http, clock } = client(server, { retry: { maxAttempts: 2 } });
    const error = await failure(http.request({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({
      category: 'rate_limited',
      code: 'shopify_rate_limited',
      detail: { status: 429, attempts: 2 },
    });
    expect(clock.waits).toEqual([1_000]);
  });

  it('given a 2xx GraphQL THROTTLED body when inspect flags it then it is retried after the inspected wait', async () => {
    const server = await serve((_req, res, hit) =>
      hit === 1
        ? json(res, 200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] })
        : json(res, 200, { data: { shop: { name: 'Acme' } } }),
    );
    const inspect = (res: { body: unknown }) => {
      const code = (res.body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions
        ?.code;
      return code === 'THROTTLED' ? { throttled: true, waitMs: 1_500 } : undefined;
    };
    const { http, clock } = client(server, { inspect });
    const res = await http.request({ method: 'POST', path: '/graphql.json', json: {}, guarded: false });
    expect(res.body).toEqual({ data: { shop: { name: 'Acme' } } });
    expect(clock.waits).toEqual([1_500]);
    expect(http.stats).toEqual({ requests: 2, retries: 1, throttled: 1 });
  });

  it('given a 429 without Retry-After whose body carries the wait when inspected then that wait is used', async () => {
    const server = await serve((_req, res, hit) =>
      hit === 1
        ? json(res, 429, { errors: [{ message: 'Throttled' }], extensions: { cost: { wait: 2_250 } } })
        : json(res, 200, { data: { ok: true } }),
    );
    const seen: number[] = [];
    const inspect = (res: { status: number; body: unknown }) => {
      seen.push(res.status);
      const wait = (res.body as { extensions?: { cost?: { wait?: number } } }).extensions?.cost?.wait;
      return wait ? { throttled: true, waitMs: wait } : undefined;
    };
    const { http, clock } = client(server, { inspect });
    const res = await http.request({ method: 'POST', path: '/graphql.json', json: {}, guarded: true });
    expect(res.body).toEqual({ data: { ok: true } });
    expect(seen).toEqual([429, 200]);
    expect(clock.waits).toEqual([2_250]);
  });

  it('given a throttled 2xx that never ends when requested then rate_limited with the vendor code', async () => {
    const server = await serve((_req, res) =>
      json(res, 200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] }),
    );
    const { http } = client(server, { inspect: () => ({ throttled: true }), retry: { maxAttempts: 2 } });
    const error = await failure(http.request({ method: 'POST', path: '/graphql.json', json: {} }));
    expect(error).toMatchObject({
      category: 'rate_limited',
      detail: { status: 200, vendorCode: 'THROTTLED', attempts: 2 },
    });
  });

  it('given a pace hook when a request is retried then every attempt runs inside it', async () => {
    const server = await serve(failThenOk(2, 503));
    let paced = 0;
    const { http } = client(server, { pace: (attempt) => (paced++, attempt()) });
    await http.request({ method: 'GET', path: '/x' });
    expect(paced).toBe(3);
  });

  it('given a ConcurrencyLimiter as pace when 6 requests race then the server never sees more than 2 at once', async () => {
    const server = await serve((_req, res) => setTimeout(() => json(res, 200, {}), 20));
    const limiter = new ConcurrencyLimiter(2);
    const { http } = client(server, { pace: (attempt) => limiter.run(attempt) });
    await Promise.all(Array.from({ length: 6 }, () => http.request({ method: 'GET', path: '/x' })));
    expect(server.hits('/admin/api/2026-10/x')).toBe(6);
    expect(server.maxConcurrent()).toBe(2);
  });

  it('given a header function when a request is retried then headers are resolved for each attempt', async () => {
    const server = await serve(failThenOk(1, 503));
    let token = 0;
    const { http } = client(server, { headers: () => ({ authorization: `Bearer token-${++token}` }) });
    await http.request({ method: 'GET', path: '/x' });
    expect(server.seen.map((s) => s.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('given a caller abort while waiting for an answer when aborted then it rejects with the abort, unretried', async () => {
    const server = await serve(() => undefined);
    const { http } = client(server);
    const ctl = new AbortController();
    const p = http.request({ method: 'GET', path: '/hang', signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(http.stats.retries).toBe(0);
  });
});

describe('HttpClient: errors', () => {
  it.each([
    [400, 'validation', 'shopify_bad_request'],
    [401, 'unauthorized', 'shopify_unauthorized'],
    [403, 'forbidden', 'shopify_forbidden'],
    [404, 'not_found', 'shopify_not_found'],
    [409, 'conflict', 'shopify_conflict'],
    [422, 'validation', 'shopify_bad_request'],
    [500, 'upstream', 'shopify_upstream_error'],
  ])('given a %i when requested then category %s, code %s', async (status, category, code) => {
    const server = await serve((_req, res) =>
      json(res, status, { errors: [{ message: 'nope', extensions: { code: 'X_CODE' } }] }),
    );
    const { http } = client(server, { retry: { maxAttempts: 1 } });
    const error = await failure(http.request({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ category, code, detail: { status, vendorCode: 'X_CODE', attempts: 1 } });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('given a closed port when a GET is requested then a transient network error after all attempts', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    servers.splice(0).forEach((s) => (s.closeAllConnections(), s.close()));
    const http = new HttpClient({
      name: 'shopify',
      baseUrl: url,
      clock: new RecordingClock(),
      retry: { maxAttempts: 3 },
    });
    const error = await failure(http.request({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ category: 'transient', code: 'network_error', detail: { attempts: 3 } });
    expect(http.stats.requests).toBe(3);
  });

  /** Everything an error exposes: message, stack, detail, issues, and the same for every cause. */
  function exposed(error: unknown, depth = 0): string {
    if (!(error instanceof Error) || depth > 10) return JSON.stringify(error ?? null);
    const own = JSON.stringify({ ...error, message: error.message, stack: error.stack, name: error.name });
    return own + exposed(error.cause, depth + 1);
  }

  it('given a secret header when the vendor fails and even echoes it then no error text holds the secret', async () => {
    const secret = 'shpat_secret';
    const server = await serve((req, res) =>
      json(res, 401, {
        errors: `[API] Invalid API key or access token ${String(req.headers['x-shopify-access-token'])}`,
      }),
    );
    const { http } = client(server, { headers: { 'X-Shopify-Access-Token': secret } });
    const error = await failure(http.request({ method: 'GET', path: '/shop.json' }));
    expect(error.category).toBe('unauthorized');
    expect(error.message).toContain('[redacted]');
    expect(exposed(error)).not.toContain(secret);
  });

  it('given a secret header when the network fails then no error text holds the secret', async () => {
    const secret = 'shpat_secret';
    const http = new HttpClient({
      name: 'shopify',
      baseUrl: 'http://127.0.0.1:1',
      clock: new RecordingClock(),
      retry: { maxAttempts: 1 },
    });
    const error = await failure(
      http.request({ method: 'POST', path: '/x', headers: { 'X-Shopify-Access-Token': secret } }),
    );
    expect(error.code).toBe('network_error');
    expect(exposed(error)).not.toContain(secret);
  });

  it('given a header value that fetch refuses when requested then the error names the header, not the value', async () => {
    const secret = 'shpat_sec\nret_value';
    const http = new HttpClient({
      name: 'shopify',
      baseUrl: 'http://127.0.0.1:1',
      clock: new RecordingClock(),
    });
    const error = await failure(
      http.request({ method: 'GET', path: '/x', headers: { 'X-Shopify-Access-Token': secret } }),
    );
    expect(error).toMatchObject({ category: 'config', code: 'shopify_invalid_header' });
    expect(exposed(error)).not.toContain('shpat_sec');
  });
});

describe('buildUrl', () => {
  it.each([
    [
      'https://s.myshopify.com/admin/api/2026-10/',
      '/graphql.json',
      'https://s.myshopify.com/admin/api/2026-10/graphql.json',
    ],
    [
      'https://s.myshopify.com/admin/api/2026-10',
      'graphql.json',
      'https://s.myshopify.com/admin/api/2026-10/graphql.json',
    ],
    ['https://a.example/base', 'https://b.example/x?y=1', 'https://b.example/x?y=1'],
  ])('given base %s and path %s when built then %s', (base, path, expected) => {
    expect(buildUrl(base, path).toString()).toBe(expected);
  });
});
