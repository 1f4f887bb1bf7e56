/**
 * Test harness of the UCP surface: Concord started as `npm start` starts it (a sandbox merchant,
 * first sync), the UCP routes served over real HTTP on their own port with the same runtime, and a
 * local server of platform (agent) profiles for negotiation — a valid 2026-04-08 profile, an older
 * version, a catalog-only one, one whose only capability is an orphaned extension, and broken ones.
 * The profile URL the UCP spec uses as its example, `https://example.com/.well-known/ucp`, is routed
 * to the valid profile by the profile fetch, so the example header can be sent unchanged.
 *
 * @example
 * const h = await startUcpHarness({ CONCORD_SANDBOX: 'true' }, { products: 12 });
 * const res = await h.rest('POST', '/ucp/catalog/search', { body: { query: 'tee' } });
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadEnv } from '../../core/config.js';
import type { SandboxOptions } from '../../sandbox.js';
import { startConcord, type ConcordNode } from '../../server.js';
import { migrate } from '../../store/migrations.js';
import { openTestDatabase } from '../../store/testing.js';
import { CAP, UCP_VERSION } from './profile.js';
import { SessionStore, UCP_SESSIONS_MIGRATION } from './sessions.js';
import { ucpRoutes, type UcpOptions } from './index.js';

/** The spec's own example profile URL (rest.openapi.json, `ucp_agent` parameter). */
export const SPEC_EXAMPLE_PROFILE = 'https://example.com/.well-known/ucp';

/** A platform profile (`ucp.json` platform_schema) declaring `capabilities` at `version`. */
export function platformProfile(version: string, capabilities: readonly string[]) {
  const spec = (page: string) => `https://ucp.dev/${version}/specification/${page}`;
  const schemaOf: Record<string, string> = {
    [CAP.checkout]: 'shopping/checkout.json',
    [CAP.fulfillment]: 'shopping/fulfillment.json',
    [CAP.search]: 'shopping/catalog_search.json',
    [CAP.lookup]: 'shopping/catalog_lookup.json',
  };
  return {
    ucp: {
      version,
      services: {
        'dev.ucp.shopping': [
          {
            version,
            spec: spec('overview'),
            transport: 'rest',
            schema: 'https://ucp.dev/services/shopping/rest.openapi.json',
          },
        ],
      },
      capabilities: Object.fromEntries(
        capabilities.map((name) => [
          name,
          [
            {
              version,
              spec: spec(name.split('.').slice(3).join('/')),
              schema: `https://ucp.dev/schemas/${schemaOf[name] ?? 'shopping/checkout.json'}`,
              ...(name === CAP.fulfillment ? { extends: CAP.checkout } : {}),
            },
          ],
        ]),
      ),
      payment_handlers: {
        'com.example.wallet': [
          {
            id: 'wallet_1',
            version,
            spec: 'https://example.com/specs/wallet',
            schema: 'https://example.com/schemas/wallet.json',
          },
        ],
      },
    },
  };
}

export const ALL_CAPS = [CAP.checkout, CAP.fulfillment, CAP.search, CAP.lookup] as const;

/** Local server of platform profiles by path; `set` replaces one. */
export interface ProfileServer {
  url(path: string): string;
  set(path: string, body: unknown, status?: number): void;
  close(): Promise<void>;
}

export async function startProfileServer(): Promise<ProfileServer> {
  const routes = new Map<string, { status: number; text: string }>();
  const set = (path: string, body: unknown, status = 200) =>
    routes.set(path, { status, text: typeof body === 'string' ? body : JSON.stringify(body) });
  set('/agent.json', platformProfile(UCP_VERSION, ALL_CAPS));
  set('/old-version.json', platformProfile('2026-01-23', ALL_CAPS));
  set('/catalog-only.json', platformProfile(UCP_VERSION, [CAP.search, CAP.lookup]));
  set('/orphan-extension.json', platformProfile(UCP_VERSION, [CAP.fulfillment]));
  set('/not-json', 'this is not a profile');
  set('/no-version.json', { ucp: { capabilities: {} } });
  const server: Server = createServer((req, res) => {
    const route = routes.get(req.url ?? '') ?? { status: 404, text: '{"error":"not found"}' };
    res.writeHead(route.status, { 'content-type': 'application/json' }).end(route.text);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface RestCall {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** Profile URL for UCP-Agent (default: the valid agent profile); null sends no UCP-Agent. */
  profile?: string | null;
  /** Idempotency-Key (default: a fresh UUID on POST and PUT). */
  key?: string;
  apiKey?: string | null;
}

export interface RestResult {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export interface UcpHarness {
  node: ConcordNode;
  /** Origin the UCP routes are served at. */
  url: string;
  apiKey: string;
  merchantId: string;
  profiles: ProfileServer;
  sessions: SessionStore;
  /** Moves the UCP surface's clock (sessions and quotes expire by it). */
  advance(ms: number): void;
  rest(method: string, path: string, call?: RestCall): Promise<RestResult>;
  close(): Promise<void>;
}

export async function startUcpHarness(
  env: Record<string, string>,
  sandbox: Partial<SandboxOptions>,
  options: UcpOptions = {},
): Promise<UcpHarness> {
  const node = await startConcord(
    loadEnv({ PORT: '0', CONCORD_SYNC_INTERVAL_SECONDS: '0', CONCORD_DATA_DIR: 'memory://', ...env }),
    { db: await openTestDatabase(), sandbox },
  );
  await migrate(node.rt.db, [UCP_SESSIONS_MIGRATION]);
  const profiles = await startProfileServer();
  let offsetMs = 0;
  const local: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return fetch(url === SPEC_EXAMPLE_PROFILE ? profiles.url('/agent.json') : url, init);
  };
  const app = new Hono();
  ucpRoutes(app, node.rt, {
    profiles: { fetch: local, allowHttp: true },
    now: () => new Date(Date.now() + offsetMs),
    ...options,
  });
  const server = await new Promise<{ url: string; close(): Promise<void> }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => s.close(() => done())),
      }),
    );
  });
  const apiKey = node.sandbox!.apiKey;
  const rest = async (method: string, path: string, call: RestCall = {}): Promise<RestResult> => {
    const headers: Record<string, string> = { 'request-id': randomUUID(), ...call.headers };
    const profile = call.profile === undefined ? profiles.url('/agent.json') : call.profile;
    if (profile !== null) headers['ucp-agent'] = `profile="${profile}"`;
    const apiKeyHeader = call.apiKey === undefined ? apiKey : call.apiKey;
    if (apiKeyHeader !== null) headers['x-api-key'] = apiKeyHeader;
    if (method === 'POST' || method === 'PUT') headers['idempotency-key'] = call.key ?? randomUUID();
    const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      headers: res.headers,
    };
  };
  return {
    node,
    url: server.url,
    apiKey,
    merchantId: node.sandbox!.merchantId,
    profiles,
    sessions: new SessionStore(node.rt.db),
    advance: (ms) => {
      offsetMs += ms;
    },
    rest,
    async close() {
      await server.close();
      await profiles.close();
      await node.stop();
    },
  };
}
