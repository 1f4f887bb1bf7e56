import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoMerchants, type Seed } from '../../commerce/testing.js';
import { ConcordError } from '../../core/errors.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import { AgentLimitStore, UNLIMITED } from '../../store/agent-limits.js';
import { openTestDatabase } from '../../store/testing.js';
import { runMcpStdio } from './stdio.js';
import { ensureAgentLimitsTable } from './testing.js';

let rt: Runtime;
let seed: Seed;

beforeAll(async () => {
  rt = createRuntime({ db: await openTestDatabase() });
  await ensureAgentLimitsTable(rt.db);
  seed = await seedTwoMerchants(rt);
});
afterAll(() => rt?.db.close());

/** Sends JSON-RPC lines on a fake stdin and collects the lines written to a fake stdout. */
function pipes() {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const lines: unknown[] = [];
  let buffer = '';
  stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buffer.slice(0, at)));
      buffer = buffer.slice(at + 1);
    }
  });
  const send = (message: unknown) => stdin.write(`${JSON.stringify(message)}\n`);
  const reply = async (id: number) => {
    for (let i = 0; i < 200; i++) {
      const found = lines.find((l) => (l as { id?: number }).id === id);
      if (found) return found as { result?: Record<string, unknown>; error?: unknown };
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no reply to ${id}`);
  };
  return { stdin, stdout, send, reply };
}

const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};

describe('given runMcpStdio', () => {
  it('when the key is unknown or empty then it refuses to start', async () => {
    for (const key of ['', 'ck_not_a_key']) {
      const error = await runMcpStdio(rt, key, pipes()).catch((e: unknown) => e);
      expect((error as ConcordError).code).toBe('unauthorized');
    }
  });

  it("when a valid key's host speaks JSON-RPC on stdin then the merchant's tools answer on stdout", async () => {
    const io = pipes();
    const session = await runMcpStdio(rt, seed.keyA, io);
    expect(session.merchantId).toBe('mer_a');
    io.send(INIT);
    expect((await io.reply(1)).result?.serverInfo).toMatchObject({ name: 'concord' });
    io.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    io.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'search_products', arguments: { sku: 'HOOD-M', status: 'draft' } },
    });
    const found = (await io.reply(2)).result?.structuredContent as { products: { title: string }[] };
    expect(found.products.map((p) => p.title)).toEqual(['Hoodie']);
    await session.close();
    await session.closed;
  });

  it('when the key has limits then they apply over stdio too', async () => {
    const key = await rt.merchants.createApiKey('mer_a', 'stdio-limited');
    await new AgentLimitStore(rt.db).set(key.id, { ...UNLIMITED, allowed_tools: ['get_order_status'] });
    const io = pipes();
    const session = await runMcpStdio(rt, key.secret, io);
    io.send(INIT);
    await io.reply(1);
    io.send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
    const tools = (await io.reply(2)).result?.tools as { name: string }[];
    expect(tools.map((t) => t.name)).toEqual(['get_order_status']);
    await session.close();
  });
});
