/**
 * Test helpers for the ACP surface: Concord started as `npm start` starts it (a sandbox, first sync)
 * with the ACP tables migrated, the ACP routes served over real HTTP on a random port with a
 * movable clock, a client that sends ACP headers, and a webhook receiver standing in for the agent
 * platform — it checks every `Merchant-Signature` itself (HMAC-SHA256 of `t.body`, recomputed here,
 * not with the code under test) and can be told to fail the next deliveries.
 *
 * @example
 * const h = await startAcpHarness({ sandbox: 'smb' });
 * const res = await h.post('/checkout_sessions', body, 'key-1'); // { status, body, headers }
 * await h.close();
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadEnv } from '../../core/config.js';
import { startConcord, type ConcordNode } from '../../server.js';
import { migrate, MIGRATIONS } from '../../store/migrations.js';
import { openTestDatabase } from '../../store/testing.js';
import type { AppEnv } from '../rest/auth.js';
import { acpRoutes, type AcpOptions, type AcpSurface } from './index.js';
import { ACP_VERSION } from './types.js';

export interface Received {
  headers: Record<string, string>;
  body: string;
  json: unknown;
  /** The receiver's own check of Merchant-Signature (format, 300 s window, HMAC). */
  signatureValid: boolean;
}

export interface WebhookReceiver {
  url: string;
  secret: string;
  received: Received[];
  /** Answers the next `times` deliveries with `status` instead of 200. */
  failNext(status: number, times: number): void;
  close(): Promise<void>;
}

/** A receiver that verifies signatures as the ACP webhook spec tells platforms to. */
export async function startWebhookReceiver(secret = 'whsec_test_0123456789'): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const failures: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = String(req.headers['merchant-signature'] ?? '');
      const match = /^t=(\d+),v1=([a-f0-9]{64})$/.exec(header);
      const fresh = match !== null && Math.abs(Date.now() / 1000 - Number(match[1])) <= 300;
      const mac = match ? createHmac('sha256', secret).update(`${match[1]}.${body}`).digest() : null;
      const signatureValid = fresh && mac !== null && timingSafeEqual(mac, Buffer.from(match![2]!, 'hex'));
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ headers, body, json: JSON.parse(body) as unknown, signatureValid });
      const status = failures.shift() ?? (signatureValid ? 200 : 401);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { received: true, request_id: headers['request-id'] } : {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/agentic_checkout/webhooks/order_events`,
    secret,
    received,
    failNext: (status, times) => failures.push(...Array.from({ length: times }, () => status)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface AcpResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface AcpHarness {
  node: ConcordNode;
  surface: AcpSurface;
  /** Base URL of the ACP API (with its prefix). */
  url: string;
  /** Origin of the server (for `/.well-known/acp.json`). */
  origin: string;
  apiKey: string;
  merchantId: string;
  receiver: WebhookReceiver;
  /** Moves the surface's clock (quotes and sessions); `0` puts it back. */
  setClockOffset(ms: number): void;
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    init?: RequestOptions,
  ): Promise<AcpResponse<T>>;
  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    key: string,
    headers?: Record<string, string>,
  ): Promise<AcpResponse<T>>;
  close(): Promise<void>;
}

export interface RequestOptions {
  body?: string;
  headers?: Record<string, string>;
}

export async function startAcpHarness(
  options: { sandbox?: 'smb' | 'mid_market'; products?: number; acp?: AcpOptions } = {},
): Promise<AcpHarness> {
  const db = await openTestDatabase();
  await migrate(db, MIGRATIONS);
  const env = loadEnv({
    PORT: '0',
    CONCORD_SYNC_INTERVAL_SECONDS: '0',
    CONCORD_DATA_DIR: 'memory://',
    ...(options.sandbox === 'mid_market' ? { CONCORD_SANDBOX: 'mid_market' } : {}),
  });
  const node = await startConcord(env, {
    db,
    sandbox: { products: options.products ?? 12, customers: 3, orders: 2 },
  });
  let offset = 0;
  const app = new Hono<AppEnv>();
  const surface = acpRoutes(app, node.rt, {
    now: () => new Date(Date.now() + offset),
    webhooks: { retryDelaysMs: [20, 20, 20] },
    ...options.acp,
  });
  const receiver = await startWebhookReceiver();
  surface.webhooks.setTarget(node.sandbox!.merchantId, { url: receiver.url, secret: receiver.secret });
  const server = await new Promise<{ origin: string; close: () => Promise<void> }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        origin: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => s.close(() => done())),
      }),
    );
  });
  const apiKey = node.sandbox!.apiKey;
  const url = `${server.origin}${options.acp?.prefix ?? '/acp'}`;
  const request = async <T>(
    method: string,
    path: string,
    init: RequestOptions = {},
  ): Promise<AcpResponse<T>> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'api-version': ACP_VERSION, ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  };
  return {
    node,
    surface,
    url,
    origin: server.origin,
    apiKey,
    merchantId: node.sandbox!.merchantId,
    receiver,
    setClockOffset: (ms) => {
      offset = ms;
    },
    request,
    post: (path, body, key, headers = {}) =>
      request('POST', path, {
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
      }),
    async close() {
      await surface.webhooks.idle();
      await server.close();
      await receiver.close();
      await node.stop();
    },
  };
}
