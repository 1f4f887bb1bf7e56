/**
 * Test support for the Shopify connector's integration tests: a connector wired to a simulator over
 * real HTTP, a collector for async pages, a local webhook receiver, and a small HTTP proxy that can
 * make one chosen request fail ambiguously (the vendor committed, the client saw a 5xx) — the case
 * `createOrder`'s read-before-write guard exists for. Used by `*.sim.test.ts` only.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ShopifySimulator } from '../../simulators/shopify/index.js';
import type { Clock } from '../kit/index.js';
import type { StreamRecord } from '../types.js';
import { createShopifyConnector, type ShopifyConnector } from './index.js';

export const SIM_CTX = { merchantId: 'mer_sim', system: 'shopify' } as const;

/** A connector for `sim` (or for `endpoint`, e.g. a proxy in front of it). */
export function simConnector(
  sim: ShopifySimulator,
  endpoint = sim.graphqlUrl,
  opts: { settings?: Record<string, unknown>; clock?: Clock } = {},
): ShopifyConnector {
  return createShopifyConnector(
    { shop: sim.shop, accessToken: sim.accessToken, apiSecret: sim.apiSecret, endpoint, ...opts.settings },
    SIM_CTX,
    { retry: { random: () => 0.5 }, bulkPoll: { initialMs: 5, maxMs: 50 }, clock: opts.clock },
  );
}

/** Every record of every page. */
export async function collect(pages: AsyncIterable<StreamRecord[]>): Promise<StreamRecord[]> {
  const out: StreamRecord[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(req: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => resolve(raw));
  });
}

export interface Delivery {
  headers: Record<string, string | undefined>;
  body: string;
}

/** A local endpoint that records webhook deliveries (raw body and headers). */
export async function webhookReceiver(): Promise<{
  url: string;
  deliveries: Delivery[];
  close(): Promise<void>;
}> {
  const deliveries: Delivery[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
    );
    deliveries.push({ headers, body });
    res.writeHead(200).end();
  });
  const url = `${await listen(server)}/webhooks/shopify`;
  return { url, deliveries, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What the proxy does with a request whose body matches: fail before or after the vendor saw it. */
export type Sabotage = 'fail-before' | 'fail-after';

/**
 * A proxy to `target` (the simulator's GraphQL URL). `arm(match, how)` makes the next request whose
 * body contains `match` fail with a 503: `fail-before` asks the simulator to fail it (`failNext`),
 * `fail-after` forwards it and then answers 503 instead of the real (committed) reply.
 */
export async function sabotagingProxy(sim: ShopifySimulator) {
  let armed: { match: string; how: Sabotage } | undefined;
  const target = new URL(sim.graphqlUrl);
  const forward = (body: string, headers: IncomingHttpHeaders) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        target,
        { method: 'POST', headers: { ...headers, host: target.host } },
        async (res) => {
          resolve({ status: res.statusCode ?? 502, body: await readBody(res) });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const hit = armed && body.includes(armed.match) ? armed : undefined;
    if (hit) armed = undefined;
    if (hit?.how === 'fail-before') sim.failNext(503);
    const reply = await forward(body, req.headers);
    const status = hit?.how === 'fail-after' ? 503 : reply.status;
    const text = hit?.how === 'fail-after' ? JSON.stringify({ errors: 'Service Unavailable' }) : reply.body;
    res.writeHead(status, { 'content-type': 'application/json' }).end(text);
  });
  const url = `${await listen(server)}${target.pathname}`;
  return {
    url,
    arm(match: string, how: Sabotage) {
      armed = { match, how };
    },
    get armed() {
      return armed !== undefined;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A scripted GraphQL endpoint on a random local port: answers each request with the next reply. */
export interface ScriptedReply {
  status?: number;
  body: unknown;
  /** Send `body` (a string) as it is, not JSON-encoded. */
  raw?: boolean;
}
export interface ScriptedGraphql {
  url: string;
  /** `http://127.0.0.1:PORT`, where `files` are served on GET. */
  base: string;
  requests: {
    headers: IncomingHttpHeaders;
    body: { query: string; variables: Record<string, unknown> };
  }[];
  close(): Promise<void>;
}

export async function scriptedGraphql(
  replies: ScriptedReply[],
  files: Record<string, string> = {},
): Promise<ScriptedGraphql> {
  const requests: ScriptedGraphql['requests'] = [];
  const server = createServer(async (req, res) => {
    if (req.method === 'GET') {
      const file = files[req.url ?? ''];
      res.writeHead(file === undefined ? 404 : 200, { 'content-type': 'application/jsonl' }).end(file ?? '');
      return;
    }
    requests.push({ headers: req.headers, body: JSON.parse(await readBody(req)) });
    const reply = replies.shift() ?? { status: 500, body: { errors: 'script exhausted' } };
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
    res.end(typeof reply.body === 'string' && reply.raw ? reply.body : JSON.stringify(reply.body));
  });
  const base = await listen(server);
  return {
    url: `${base}/admin/api/2026-10/graphql.json`,
    base,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
