/**
 * The `concord` command line.
 *
 *   concord start              serve (embedded PGlite + sandbox merchant unless configured otherwise)
 *   concord migrate            apply database migrations and exit
 *   concord keys create <mer>  create an API key for a merchant and print it once
 *   concord mcp                serve MCP on stdio (CONCORD_API_KEY; the sandbox's own key when
 *                              the sandbox runs and CONCORD_API_KEY is unset)
 *
 * Settings come from the environment (see README "Configuration").
 */
import { join } from 'node:path';
import { loadEnv } from '../core/config.js';
import { ConcordError } from '../core/errors.js';
import { openDatabase } from '../store/db.js';
import { MerchantStore } from '../store/merchants.js';
import { migrate } from '../store/migrations.js';
import { startConcord } from '../server.js';
import { runMcpStdio } from '../surfaces/mcp/index.js';
import { terminalProgress } from '../sync/progress.js';
import { printWelcome } from './welcome.js';

async function main(argv: string[]): Promise<void> {
  const env = loadEnv(process.env);
  const [command = 'start', ...args] = argv;
  switch (command) {
    case 'start': {
      const node = await startConcord(env, { onProgress: terminalProgress() });
      await printWelcome(node);
      const shutdown = () => void node.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'mcp': {
      const node = await startConcord({ ...env, PORT: 0 });
      const key = process.env.CONCORD_API_KEY ?? node.sandbox?.apiKey;
      if (!key) {
        await node.stop();
        throw new ConcordError(
          'config',
          'missing_api_key',
          'Set CONCORD_API_KEY to an API key of the merchant',
        );
      }
      const session = await runMcpStdio(node.rt, key);
      const stop = () => void session.close().finally(() => node.stop().finally(() => process.exit(0)));
      process.stdin.once('end', stop);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'migrate': {
      const db = await openDatabase({ url: env.DATABASE_URL, dataDir: join(env.CONCORD_DATA_DIR, 'db') });
      console.log(`applied: ${(await migrate(db)).join(', ') || 'nothing (up to date)'}`);
      await db.close();
      return;
    }
    case 'keys': {
      const merchant = args[1];
      if (args[0] !== 'create' || !merchant)
        throw new ConcordError('validation', 'usage', 'usage: concord keys create <merchant id>');
      const db = await openDatabase({ url: env.DATABASE_URL, dataDir: join(env.CONCORD_DATA_DIR, 'db') });
      await migrate(db);
      const store = new MerchantStore(db);
      if (!(await store.listMerchants()).some((m) => m.id === merchant)) {
        throw new ConcordError('not_found', 'merchant_not_found', `No merchant "${merchant}"`);
      }
      console.log((await store.createApiKey(merchant, 'cli')).secret);
      await db.close();
      return;
    }
    default:
      throw new ConcordError(
        'validation',
        'usage',
        `unknown command "${command}" (start, mcp, migrate, keys create)`,
      );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof ConcordError ? `${error.code}: ${error.message}` : String(error);
  console.error(`concord: ${message}`);
  process.exit(1);
});
