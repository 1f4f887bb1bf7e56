/**
 * `concord mcp` against the sandbox, as a script: starts Concord in memory with the sandbox merchant
 * (CONCORD_SANDBOX=mid_market for the mid-market one; a small catalog unless
 * CONCORD_SANDBOX_PRODUCTS says otherwise), registers CONCORD_API_KEY as an API key of the sandbox
 * merchant (sandbox only: its data lives and dies with this process), and serves MCP on stdio until
 * stdin closes. Logs are silenced unless LOG_LEVEL is set: stdout belongs to the protocol.
 *
 * @example
 * CONCORD_API_KEY=ck_test npx tsx src/surfaces/mcp/stdio-sandbox.ts
 */
process.env.LOG_LEVEL ??= 'silent';

const { loadEnv } = await import('../../core/config.js');
const { startConcord } = await import('../../server.js');
const { runMcpStdio } = await import('./stdio.js');
const { ensureAgentLimitsTable } = await import('./testing.js');
const { openDatabase } = await import('../../store/db.js');

const apiKey = process.env.CONCORD_API_KEY ?? '';
if (!/^[\x21-\x7E]{16,512}$/.test(apiKey)) {
  process.stderr.write('concord mcp: set CONCORD_API_KEY (16+ visible ASCII characters)\n');
  process.exit(1);
}
const env = loadEnv({
  ...process.env,
  PORT: '0',
  CONCORD_SANDBOX: process.env.CONCORD_SANDBOX === 'mid_market' ? 'mid_market' : 'true',
  CONCORD_SANDBOX_PRODUCTS: process.env.CONCORD_SANDBOX_PRODUCTS ?? '20',
  CONCORD_SYNC_INTERVAL_SECONDS: '0',
  CONCORD_CONFIG: undefined,
  DATABASE_URL: undefined,
});
// An in-memory database: the sandbox's data lives and dies with this process.
const node = await startConcord(env, { db: await openDatabase({}) });
// Until migration 0005 is registered in store/migrations.ts (then this is a no-op).
await ensureAgentLimitsTable(node.rt.db);
await node.rt.merchants.createApiKey(node.sandbox!.merchantId, 'mcp-stdio', apiKey);
const session = await runMcpStdio(node.rt, apiKey);
const stop = () => void session.close().finally(() => node.stop().finally(() => process.exit(0)));
process.stdin.once('end', stop);
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
