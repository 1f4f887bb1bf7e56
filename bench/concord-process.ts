/**
 * Starts Concord as `npm start` does, in a child process on a free port with a fresh data directory,
 * and reads the base URL and API key from what it prints — so a benchmark measures the real server
 * without sharing its CPU with the load generator's event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConcordProcess {
  url: string;
  apiKey: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startConcordProcess(env: Record<string, string> = {}): Promise<ConcordProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    env: {
      ...process.env,
      PORT: '0',
      CONCORD_DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Concord is serving at (\S+)/.exec(output)?.[1];
      const apiKey = /API key: (ck_\S+)/.exec(output)?.[1];
      if (url && apiKey) resolve({ url, apiKey });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`concord exited with ${code}:\n${output}`)));
  });
  const { url, apiKey } = await ready;
  return {
    url,
    apiKey,
    child,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
