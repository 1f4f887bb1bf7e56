import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoMerchants, type Seed } from '../../commerce/testing.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import { IdempotencyStore } from '../../store/idempotency.js';
import { openTestDatabase } from '../../store/testing.js';
import { bearerAuth, type AppEnv } from '../rest/auth.js';
import { allowedHostnames, mcpRoutes, rebindingViolation } from './http.js';
import { ensureAgentLimitsTable } from './testing.js';

let rt: Runtime;
let seed: Seed;
let app: Hono<AppEnv>;

beforeAll(async () => {
  rt = createRuntime({ db: await openTestDatabase() });
  await ensureAgentLimitsTable(rt.db);
  seed = await seedTwoMerchants(rt);
  app = new Hono<AppEnv>();
  mcpRoutes(app, rt, bearerAuth(rt.merchants), new IdempotencyStore(rt.db), {
    publicUrl: 'https://concord.example.com',
    maxBodyBytes: 4096,
  });
});
afterAll(() => rt?.db.close());

const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};
const LIST = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };

function send(body: unknown, headers: Record<string, string> = {}, method = 'POST') {
  return app.request('http://localhost/mcp', {
    method,
    headers: {
      authorization: `Bearer ${seed.keyA}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

describe('given the Host/Origin allow-list', () => {
  const allowed = allowedHostnames({ publicUrl: 'https://concord.example.com:8443/base' });
  it.each([
    ['localhost:4000', undefined, null],
    ['127.0.0.1', 'http://127.0.0.1:5173', null],
    ['[::1]:4000', undefined, null],
    ['concord.example.com', 'https://concord.example.com', null],
    ['evil.example.com', undefined, 'Host'],
    ['localhost:4000', 'http://evil.example.com', 'Origin'],
    ['localhost.evil.example.com', undefined, 'Host'],
    ['localhost', 'null', 'Origin'],
  ])('when Host is %s and Origin %s then the violation is %s', (host, origin, expected) => {
    expect(rebindingViolation(host, origin, allowed)).toBe(expected);
  });
});

describe('given /mcp mounted with the REST auth', () => {
  it('when initializing from localhost with a key then the server answers with JSON, no session', async () => {
    const res = await send(INIT, { host: 'localhost:4000' });
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).toBeNull();
    const body = (await res.json()) as { result: { serverInfo: { name: string } } };
    expect(body.result.serverInfo.name).toBe('concord');
  });

  it('when the Host or Origin is foreign then it is 403 before the key is even looked at', async () => {
    const cases: Record<string, string>[] = [
      { host: 'evil.example.com' },
      { host: 'localhost', origin: 'http://evil.example.com' },
      { host: 'evil.example.com', authorization: 'Bearer nope' },
    ];
    for (const headers of cases) {
      const res = await send(INIT, headers);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^Forbidden/);
    }
  });

  it("when the public URL's host is used then it is accepted", async () => {
    const res = await send(INIT, { host: 'concord.example.com', origin: 'https://concord.example.com' });
    expect(res.status).toBe(200);
  });

  it('when the key is missing or unknown then it is 401 with a Bearer challenge, as JSON-RPC', async () => {
    for (const authorization of ['', 'Bearer ck_unknown_key', 'Basic abc']) {
      const res = await send(INIT, { authorization });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await res.json()) as { jsonrpc: string }).jsonrpc).toBe('2.0');
    }
  });

  it('when GET or DELETE /mcp then it is 405 (stateless, no stream)', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await send(undefined, { accept: 'text/event-stream' }, method);
      expect([res.status, res.headers.get('allow')]).toEqual([405, 'POST']);
    }
  });

  it('when MCP-Protocol-Version is unsupported then it is 400, and a supported one works', async () => {
    const bad = await send(LIST, { 'mcp-protocol-version': '1999-01-01' });
    expect(bad.status).toBe(400);
    const good = await send(LIST, { 'mcp-protocol-version': '2025-11-25' });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(8);
  });

  it('when the body is over the limit or not JSON then it is 413 or 400 in JSON-RPC form', async () => {
    const big = await send({ ...LIST, params: { padding: 'x'.repeat(5000) } });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: number } }).error.code).toBe(-32000);
    const garbled = await send('{"jsonrpc": "2.0", ');
    expect(garbled.status).toBe(400);
    expect(((await garbled.json()) as { error: { code: number } }).error.code).toBe(-32700);
  });
});
