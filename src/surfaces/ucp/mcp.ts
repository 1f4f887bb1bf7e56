/**
 * The UCP shopping service over MCP (`services/shopping/mcp.openrpc.json`): the OpenRPC methods of
 * the capabilities Concord offers as MCP tools on a stateless Streamable HTTP endpoint (`/ucp/mcp`,
 * JSON responses). `tools/call` takes the method's params as `arguments` (`meta`, `id`, `checkout` or
 * `catalog`), and answers:
 *
 * - a business result (checkout, catalog response, or `error_response`) as `structuredContent`, with
 *   the same JSON as text content;
 * - a protocol error as a JSON-RPC error: negotiation failures `-32001` with the UCP code in
 *   `error.data.code` (overview, Negotiation Errors), invalid arguments `-32602`, others `-32000`
 *   (`-32603` when Concord failed) with `data: { code, content }`.
 *
 * Built on the SDK's low-level `Server` rather than `McpServer`, because `McpServer` turns every
 * error a tool throws into an `isError` result, and UCP asks for JSON-RPC errors.
 *
 * @example
 * app.all('/ucp/mcp', mcpHandler(deps));
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { Context } from 'hono';
import { originOf, type UcpDeps } from './deps.js';
import { protocolErrorOf, UcpProtocolError } from './errors.js';
import type { UcpContext } from './reply.js';
import { parseInput } from './schemas.js';
import { UCP_TOOLS } from './tools.js';

/** A JSON-RPC error answered before any MCP processing (auth, parse, size), as the SDK shapes its own. */
export const rpcError = (status: number, code: number, message: string, data?: Record<string, unknown>) =>
  new Response(
    JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message, ...(data ? { data } : {}) } }),
    {
      status,
      headers: { 'content-type': 'application/json' },
    },
  );

/** One MCP server for one request (stateless): the UCP tools for this merchant. */
function ucpServer(deps: UcpDeps, merchantId: string, baseUrl: string): Server {
  const server = new Server({ name: 'concord-ucp', version: '0.1.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: UCP_TOOLS.map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: t.inputSchema,
      annotations: t.annotations,
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const tool = UCP_TOOLS.find((t) => t.name === request.params.name);
    if (!tool) throw new McpError(-32602, `Unknown tool "${request.params.name}"`);
    try {
      const args = parseInput(tool.args, request.params.arguments ?? {});
      const negotiated = await deps.profiles.negotiate(args.meta['ucp-agent'].profile);
      const ctx: UcpContext = { merchantId, negotiated, baseUrl };
      const reply = await tool.run(deps, ctx, args);
      if (reply.status >= 400) {
        const body = reply.body as { code?: string; content?: string };
        throw new UcpProtocolError(reply.status, body.code ?? 'error', body.content ?? 'Request failed');
      }
      return {
        structuredContent: reply.body,
        content: [{ type: 'text', text: JSON.stringify(reply.body) }],
      };
    } catch (err) {
      const e = protocolErrorOf(err);
      if (e.status >= 500) deps.rt.logger.error({ err, tool: tool.name }, 'ucp tool failed');
      throw new McpError(e.rpcCode(), e.message, { code: e.code, content: e.message });
    }
  });
  return server;
}

/** The Hono handler of the MCP endpoint (POST JSON-RPC; GET/DELETE are 405 in stateless mode). */
export function mcpHandler(deps: UcpDeps) {
  return async (c: Context): Promise<Response> => {
    let merchantId: string;
    try {
      merchantId = await deps.apiKeys.merchantOf(c.req.raw.headers);
    } catch {
      return rpcError(401, -32000, 'Unauthorized: send your API key as X-API-Key', { code: 'unauthorized' });
    }
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    let parsedBody: unknown;
    if (c.req.method === 'POST') {
      try {
        parsedBody = JSON.parse(await c.req.text());
      } catch {
        return rpcError(400, -32700, 'Parse error: the body is not valid JSON', { code: 'invalid_json' });
      }
    }
    const server = ucpServer(deps, merchantId, originOf(deps, c));
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw, parsedBody === undefined ? {} : { parsedBody });
    } finally {
      await server.close();
    }
  };
}
