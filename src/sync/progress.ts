/**
 * Terminal progress for long syncs: on a TTY one line redrawn in place, elsewhere a line at most
 * every few seconds and at the end of each stream, with records per second.
 */
import type { SyncProgress } from './run.js';

export function terminalProgress(
  out: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  now: () => number = Date.now,
): (p: SyncProgress) => void {
  const started = new Map<string, number>();
  let lastLine = 0;
  return (p) => {
    const key = `${p.system}/${p.stream}`;
    if (!started.has(key)) started.set(key, now());
    const seconds = Math.max((now() - started.get(key)!) / 1000, 0.001);
    const rate = Math.round(p.records / seconds);
    const line = `sync ${key} (${p.mode}): ${p.records.toLocaleString('en')} records, ${rate.toLocaleString('en')}/s${p.done ? ' — done' : ''}`;
    if (out.isTTY) {
      out.write(`\r\x1b[2K${line}${p.done ? '\n' : ''}`);
    } else if (p.done || now() - lastLine >= 5_000) {
      out.write(`${line}\n`);
      lastLine = now();
    }
  };
}
