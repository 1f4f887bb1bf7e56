/**
 * Brings up a real Medusa v2 for the live suite, idempotently, and takes it down again:
 * 1. installs @medusajs/medusa, @medusajs/framework and @medusajs/cli (one pinned version) plus the dev
 *    dependencies `medusa` needs into `$CONCORD_LIVE_DIR/medusa` (default /tmp/concord-live/medusa)
 *    when they are missing — outside the repository; an install failure fails the suite;
 * 2. writes `medusa-config.ts` (admin dashboard off, no Redis, telemetry off);
 * 3. creates a fresh PostgreSQL database `concord_live_medusa_suite` on 127.0.0.1:5432 — cloned from a
 *    migrated template (`concord_live_medusa_tpl_<version>`, built once with `medusa db:migrate` and
 *    `medusa user`), so only the first run pays for migrations;
 * 4. starts `medusa start` on a free port and waits for `/health`;
 * 5. logs the admin in, creates a secret API key and a publishable key linked to the default sales
 *    channel, and seeds `seed-data.ts` (see `seed.ts`).
 * Every step is timed; `rssMb()` reads the server's resident memory; `stop()` ends the server and
 * drops the database (kept when CONCORD_LIVE_KEEP is set). `create-medusa-app` is not used:
 * it clones from GitHub (see /work/shared/LIVE-SYSTEMS.md).
 *
 * @example
 * const medusa = await startLiveMedusa();
 * console.log(medusa.url, medusa.timings);
 * await medusa.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { adminToken, medusaAdmin, type MedusaAdmin } from './admin.js';
import { seedMedusa, type SeededIds } from './seed.js';
import { processTreeRssMb } from './rss.js';

export const MEDUSA_VERSION = '2.21.2';
const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
const DATABASE = 'concord_live_medusa_suite';
const TEMPLATE = `concord_live_medusa_tpl_${MEDUSA_VERSION.replace(/\./g, '_')}`;
export const ADMIN = { email: 'admin@concord.test', password: 'concord-live-admin-pass' };

export const LIVE_DIR = process.env.CONCORD_LIVE_DIR ?? '/tmp/concord-live';
export const MEDUSA_DIR = join(LIVE_DIR, 'medusa');

const PACKAGE_JSON = {
  name: 'concord-live-medusa',
  private: true,
  version: '0.0.0',
  dependencies: {
    '@medusajs/medusa': MEDUSA_VERSION,
    '@medusajs/framework': MEDUSA_VERSION,
    '@medusajs/cli': MEDUSA_VERSION,
  },
  devDependencies: {
    '@swc/core': '^1.7.28',
    typescript: '^5.6.2',
    'ts-node': '^10.9.2',
    '@types/node': '^20.19.0',
    vite: '^5.4.14',
  },
};

const MEDUSA_CONFIG = `import { defineConfig } from '@medusajs/framework/utils'

// Written by Concord's live suite (test/live/medusa/setup.ts).
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: '*',
      adminCors: '*',
      authCors: '*',
      jwtSecret: process.env.JWT_SECRET || 'concord-live-jwt-secret',
      cookieSecret: process.env.COOKIE_SECRET || 'concord-live-cookie-secret',
    },
  },
  admin: { disable: true },
})
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2021',
    module: 'Node16',
    moduleResolution: 'Node16',
    esModuleInterop: true,
    skipLibCheck: true,
    strict: false,
  },
  include: ['medusa-config.ts'],
};

export interface LiveMedusa {
  url: string;
  secretKey: string;
  publishableKey: string;
  admin: MedusaAdmin;
  ids: SeededIds;
  databaseUrl: string;
  /** Milliseconds per step (install is 0 when already installed). */
  timings: Record<string, number>;
  /** Resident memory of the Medusa server and its children, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

function writeIfChanged(path: string, content: string): void {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== content) writeFileSync(path, content);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, log: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(log, { flags: 'a' });
    const child = spawn(cmd, args, { cwd: MEDUSA_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}; see ${log}`)),
    );
  });
}

function installedVersion(pkg: string): string | null {
  const file = join(MEDUSA_DIR, 'node_modules', pkg, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : null;
}

/** Installs Medusa into MEDUSA_DIR unless the pinned version is there already. Fails loudly. */
export async function ensureMedusaInstalled(): Promise<number> {
  mkdirSync(MEDUSA_DIR, { recursive: true });
  writeIfChanged(join(MEDUSA_DIR, 'package.json'), `${JSON.stringify(PACKAGE_JSON, null, 2)}\n`);
  writeIfChanged(join(MEDUSA_DIR, 'medusa-config.ts'), MEDUSA_CONFIG);
  writeIfChanged(join(MEDUSA_DIR, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  const pkgs = ['@medusajs/medusa', '@medusajs/framework', '@medusajs/cli', '@swc/core'];
  if (pkgs.slice(0, 3).every((p) => installedVersion(p) === MEDUSA_VERSION) && installedVersion(pkgs[3]!))
    return 0;
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(npm, ['install', '--no-audit', '--no-fund'], process.env, join(LIVE_DIR, 'medusa-install.log'));
  for (const p of pkgs.slice(0, 3)) {
    if (installedVersion(p) !== MEDUSA_VERSION)
      throw new Error(`npm install left ${p} at ${installedVersion(p)}`);
  }
  return Date.now() - started;
}

function databaseUrl(name: string): string {
  return `postgres://${PG.user}@${PG.host}:${PG.port}/${name}`;
}

async function withPostgres<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...PG, database: 'postgres' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function medusaEnv(database: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl(database),
    MEDUSA_DISABLE_TELEMETRY: 'true',
    NODE_ENV: 'development',
    ...extra,
  };
}

const cli = () => join(MEDUSA_DIR, 'node_modules', '@medusajs', 'cli', 'cli.js');

/** A migrated database with the admin user, built once per Medusa version. */
async function ensureTemplate(timings: Record<string, number>): Promise<void> {
  const exists = await withPostgres(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE])).rowCount === 1,
  );
  if (exists) return;
  const building = `${TEMPLATE}_building`;
  await withPostgres(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${building}`);
  });
  const log = join(LIVE_DIR, 'medusa-migrate.log');
  let t = Date.now();
  await run(process.execPath, [cli(), 'db:migrate'], medusaEnv(building), log);
  timings.migrate = Date.now() - t;
  t = Date.now();
  await run(
    process.execPath,
    [cli(), 'user', '-e', ADMIN.email, '-p', ADMIN.password],
    medusaEnv(building),
    log,
  );
  timings.adminUser = Date.now() - t;
  await withPostgres((c) => c.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE}`));
}

async function freshDatabase(): Promise<void> {
  await withPostgres(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DATABASE} TEMPLATE ${TEMPLATE}`);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`medusa start exited with ${child.exitCode}; see ${log}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Medusa did not answer /health within 180 s; see ${log}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Logs the admin in; creates the secret key and a publishable key linked to the default sales channel. */
async function keys(url: string) {
  const token = await adminToken(url, ADMIN.email, ADMIN.password);
  const bearer = medusaAdmin(url, { kind: 'bearer', token });
  const { api_key: secret } = await bearer.post<{ api_key: { token: string } }>('/admin/api-keys', {
    title: 'concord-live-secret',
    type: 'secret',
  });
  const admin = medusaAdmin(url, { kind: 'basic', secretKey: secret.token });
  const { stores } = await admin.get<{ stores: { default_sales_channel_id: string }[] }>('/admin/stores');
  const { api_key: publishable } = await admin.post<{ api_key: { id: string; token: string } }>(
    '/admin/api-keys',
    { title: 'concord-live-storefront', type: 'publishable' },
  );
  await admin.post(`/admin/api-keys/${publishable.id}/sales-channels`, {
    add: [stores[0]!.default_sales_channel_id],
  });
  return { admin, secretKey: secret.token, publishableKey: publishable.token };
}

/** Installs (if needed), creates a fresh database, starts and seeds Medusa. */
export async function startLiveMedusa(): Promise<LiveMedusa> {
  const timings: Record<string, number> = {};
  const begun = Date.now();
  mkdirSync(LIVE_DIR, { recursive: true });
  timings.install = await ensureMedusaInstalled();
  let t = Date.now();
  await ensureTemplate(timings);
  await freshDatabase();
  timings.database = Date.now() - t - (timings.migrate ?? 0) - (timings.adminUser ?? 0);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = join(LIVE_DIR, 'medusa-server.log');
  const out = createWriteStream(log, { flags: 'w' });
  t = Date.now();
  const child = spawn(process.execPath, [cli(), 'start'], {
    cwd: MEDUSA_DIR,
    env: medusaEnv(DATABASE, { PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const stop = async () => {
    await stopProcess(child);
    out.end();
    // Keep the database for a post-mortem only when asked to.
    if (!process.env.CONCORD_LIVE_KEEP)
      await withPostgres((c) => c.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
  };
  try {
    await waitForHealth(url, child, log);
    timings.start = Date.now() - t;
    t = Date.now();
    const made = await keys(url);
    timings.keys = Date.now() - t;
    t = Date.now();
    const ids = await seedMedusa(made.admin);
    timings.seed = Date.now() - t;
    timings.total = Date.now() - begun;
    return {
      url,
      secretKey: made.secretKey,
      publishableKey: made.publishableKey,
      admin: made.admin,
      ids,
      databaseUrl: databaseUrl(DATABASE),
      timings,
      rssMb: () => processTreeRssMb(child.pid!),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
