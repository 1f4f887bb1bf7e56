/**
 * A real Tryton 6.0 for the live suite, set up idempotently: the Debian packages are installed with apt-get
 * when `trytond` is missing (a failed install fails the suite — never a skip); a config and a SQLite
 * database live under `$CONCORD_LIVE_DIR/tryton` (default /tmp/concord-live/tryton); a fresh database is
 * initialised with `trytond-admin` and seeded over JSON-RPC (`seed.ts`), then copied to a cache file so the
 * next run only copies it back (the cache name carries the seed version and the year: the fiscal year is
 * the current one). `trytond` runs on a free port with TZ=UTC and is stopped by `stop()`.
 *
 * @example
 * const tryton = await startTryton();
 * // … connect to tryton.url / tryton.database as tryton.username with tryton.password
 * await tryton.stop();
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SEED_VERSION } from './seed-data.js';
import { seedTryton, type TrytonConnection } from './seed.js';

export const TRYTON_PACKAGES = [
  'tryton-server',
  'tryton-modules-sale',
  'tryton-modules-stock',
  'tryton-modules-product',
  'tryton-modules-account-invoice',
  'tryton-modules-party',
  'tryton-modules-company',
  'tryton-modules-currency',
  'tryton-modules-country',
];

const DATABASE = 'concord';
const USERNAME = 'admin';

export interface TrytonLive extends TrytonConnection {
  /** Milliseconds spent per step of this setup (install, init, seed, cache, start). */
  timings: Record<string, number>;
  /** Whether the seeded database came from the cache. */
  fromCache: boolean;
  stop(): Promise<void>;
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const res = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) {
    const tail = `${res.stdout ?? ''}\n${res.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${res.status ?? res.signal}):\n${tail}`);
  }
}

/** Installs the Tryton packages unless `trytond` is already there; throws when that fails. */
export function ensureTrytonInstalled(): void {
  if (has('trytond') && has('trytond-admin')) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = ['install', '-y', '--no-install-recommends', ...TRYTON_PACKAGES];
  try {
    run('apt-get', install, env);
  } catch {
    run('apt-get', ['update'], env);
    run('apt-get', install, env);
  }
  if (!has('trytond')) throw new Error('apt-get finished but trytond is still missing');
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function liveDir(): string {
  return join(process.env.CONCORD_LIVE_DIR ?? '/tmp/concord-live', 'tryton');
}

/** The admin password of this live directory (made once, kept with the cached database). */
function adminPassword(dir: string): string {
  const file = join(dir, 'admin-password');
  if (!existsSync(file)) {
    rmSync(join(dir, 'cache'), { recursive: true, force: true });
    writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

async function waitReady(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`trytond exited with ${child.exitCode}; see ${log}`);
    try {
      const res = await fetch(`${url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 0, method: 'common.server.version', params: [] }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`trytond did not answer within 30 s; see ${log}`);
}

/** Starts trytond on `conf`; resolves once it answers JSON-RPC. */
async function startServer(conf: string, url: string, log: string): Promise<() => Promise<void>> {
  const out = createWriteStream(log, { flags: 'a' });
  const child = spawn('trytond', ['-c', conf], {
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  await waitReady(url, child, log).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return async () => {
    process.off('exit', kill);
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    out.end();
  };
}

/** Installs, initialises or restores, seeds when needed and starts Tryton; see the module comment. */
export async function startTryton(): Promise<TrytonLive> {
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await fn();
    timings[name] = Math.round(performance.now() - t0);
    return result;
  };
  await step('install', ensureTrytonInstalled);
  const dir = liveDir();
  const dbDir = join(dir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const password = adminPassword(dir);
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const conf = join(dir, 'trytond.conf');
  writeFileSync(conf, `[database]\nuri = sqlite://\npath = ${dbDir}\n\n[web]\nlisten = 127.0.0.1:${port}\n`);
  const dbFile = join(dbDir, `${DATABASE}.sqlite`);
  const cache = join(dir, 'cache', `concord-seed-v${SEED_VERSION}-${new Date().getUTCFullYear()}.sqlite`);
  const log = join(dir, 'trytond.log');
  const conn = { url, database: DATABASE, username: USERNAME, password };
  const fromCache = existsSync(cache);
  if (fromCache) {
    await step('restore', () => copyFileSync(cache, dbFile));
  } else {
    await step('init', () => {
      rmSync(dbFile, { force: true });
      writeFileSync(dbFile, '');
      const passFile = join(dir, 'admin-password');
      run(
        'trytond-admin',
        [
          '-c',
          conf,
          '-d',
          DATABASE,
          '--all',
          '--activate-dependencies',
          '--email',
          'admin@example.com',
          '-u',
          'sale',
        ],
        {
          ...process.env,
          TZ: 'UTC',
          TRYTONPASSFILE: passFile,
        },
      );
    });
    const stopSeeding = await step('start', () => startServer(conf, url, log));
    try {
      await step('seed', () => seedTryton(conn));
    } finally {
      await stopSeeding();
    }
    await step('cache', () => {
      copyFileSync(dbFile, `${cache}.tmp`);
      renameSync(`${cache}.tmp`, cache);
    });
  }
  const stop = await step(fromCache ? 'start' : 'restart', () => startServer(conf, url, log));
  return { ...conn, timings, fromCache, stop };
}
