/**
 * MCP over stdio, for `concord mcp`: an agent host (Claude Desktop, an IDE, the SDK's
 * `StdioClientTransport`) spawns Concord and speaks JSON-RPC on its stdin/stdout. The API key comes
 * from the environment (CONCORD_API_KEY) and is checked like every REST and HTTP MCP request: it
 * names the merchant, and its agent limits apply.
 *
 * stdout belongs to the protocol: nothing else may write there (logs go to stderr, or are silenced).
 *
 * @example
 * const session = await runMcpStdio(rt, process.env.CONCORD_API_KEY ?? '');
 * await session.closed; // the host closed stdin
 */
import type { Readable, Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ConcordError } from '../../core/errors.js';
import type { Runtime } from '../../runtime.js';
import { AgentLimitStore, UNLIMITED } from '../../store/agent-limits.js';
import { IdempotencyStore } from '../../store/idempotency.js';
import { createMcpServer } from './server.js';

export interface StdioSession {
  merchantId: string;
  /** Resolves when the transport closes (the host ended the session). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export interface StdioOptions {
  stdin?: Readable;
  stdout?: Writable;
}

/** Serves MCP on stdio for the merchant of `apiKey`; `unauthorized` when the key is unknown. */
export async function runMcpStdio(
  rt: Runtime,
  apiKey: string,
  options: StdioOptions = {},
): Promise<StdioSession> {
  const merchantId = apiKey ? await rt.merchants.merchantForKey(apiKey) : null;
  if (!merchantId) {
    throw new ConcordError(
      'unauthorized',
      'unauthorized',
      'Set CONCORD_API_KEY to a valid API key of the merchant',
    );
  }
  const limits = (await new AgentLimitStore(rt.db).forSecret(apiKey))?.limits ?? UNLIMITED;
  const server = createMcpServer(rt, merchantId, limits, { keys: new IdempotencyStore(rt.db) });
  const transport = new StdioServerTransport(options.stdin, options.stdout);
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  await server.connect(transport);
  rt.logger.info({ merchantId }, 'mcp stdio session started');
  return { merchantId, closed, close: () => server.close() };
}
