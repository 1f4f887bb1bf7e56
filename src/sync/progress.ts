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
    const seconds = (now() - started.get(key)!) / 1000;
    // A rate over less than half a second says nothing; show it once there is enough to go on.
    const rate = seconds >= 0.5 ? `, ${Math.round(p.records / seconds).toLocaleString('en')}/s` : '';
    const line = `sync ${key} (${p.mode}): ${p.records.toLocaleString('en')} records${rate}${p.done ? ' — done' : ''}`;
    if (out.isTTY) {
      out.write(`\r\x1b[2K${line}${p.done ? '\n' : ''}`);
    } else if (p.done || now() - lastLine >= 5_000) {
      out.write(`${line}\n`);
      lastLine = now();
    }
  };
}
