/**
 * What the Tryton writers share: their dependencies, an in-process single flight per key (two calls for
 * one reference in this process wait for one another instead of racing to create twice), and the rule for
 * a failed write whose outcome is unknown. Tryton has no idempotency key, so a write is made at most once
 * by reading before (and after an ambiguous failure, again before) creating; two processes racing on one
 * reference within milliseconds could still both create — Tryton offers nothing to prevent that.
 *
 * @example
 * return singleFlight(deps, `sale:${reference}`, () => create());
 */
import { ConcordError } from '../../core/errors.js';
import type { SystemContext } from '../types.js';
import type { TrytonClient } from './client.js';
import type { TrytonReader } from './read.js';

export interface WriteDeps {
  client: TrytonClient;
  reader: TrytonReader;
  ctx: SystemContext;
  /** Writes in progress in this process, by key. */
  inflight: Map<string, Promise<unknown>>;
}

/** Runs `fn` unless a call with the same key is running, in which case it waits for that one first. */
export async function singleFlight<T>(deps: WriteDeps, key: string, fn: () => Promise<T>): Promise<T> {
  const previous = deps.inflight.get(key);
  const run = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(fn);
  deps.inflight.set(key, run);
  try {
    return await run;
  } finally {
    if (deps.inflight.get(key) === run) deps.inflight.delete(key);
  }
}

/** True when a failed write may have been carried out anyway (timeout, network, 5xx). */
export function mayHaveHappened(error: unknown): boolean {
  return error instanceof ConcordError && ['transient', 'upstream', 'rate_limited'].includes(error.category);
}

/** Escapes `%`, `_` and `\` for an `ilike` pattern (Tryton's escape character is the backslash). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
