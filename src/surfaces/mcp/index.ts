/**
 * The MCP surface: Concord's commerce tools for agents over Streamable HTTP (`/mcp`, mounted on the
 * REST app) and stdio (`concord mcp`), with the same API keys and per-key agent limits as REST.
 *
 * @example
 * mcpRoutes(app, rt, auth, keys, { publicUrl: env.CONCORD_PUBLIC_URL });
 * await runMcpStdio(rt, process.env.CONCORD_API_KEY ?? '');
 */
export { allowedHostnames, MCP_PATH, mcpRoutes, type McpHttpOptions } from './http.js';
export { agentLimitsMiddleware, TOOL_NAMES, type ToolName } from './limits.js';
export { createMcpServer, INSTRUCTIONS, TOOLS } from './server.js';
export { runMcpStdio, type StdioSession } from './stdio.js';
