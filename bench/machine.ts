/**
 * Benchmark bookkeeping: what machine a figure was measured on, and where figures are recorded
 * (`bench/results/<name>.json`, newest run first, plus a line in `bench/results/README.md`).
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';

export function machine() {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    /* not a checkout */
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gib: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    commit,
  };
}

/** Prints the figures and records them with the machine and date. */
export function record(name: string, figures: Record<string, unknown>): void {
  const entry = { name, date: new Date().toISOString(), machine: machine(), figures };
  console.log(JSON.stringify(entry, null, 2));
  const file = new URL(`./results/${name}.json`, import.meta.url);
  const history: unknown[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]) : [];
  writeFileSync(file, `${JSON.stringify([entry, ...history].slice(0, 50), null, 2)}\n`);
}
