/**
 * The one way REST writes run under an `Idempotency-Key`: the header's rule (required, 1–255
 * visible ASCII characters) and `idempotentPost`, which runs the write through `runIdempotent` with
 * the route as scope and the canonical body as fingerprint, and returns the (possibly replayed)
 * status, body and headers to send (`Idempotent-Replayed: true` on a replay).
 *
 * @example
 * const out = await idempotentPost(rt, keys, { merchantId, path: '/quotes', body, key }, () => createQuote(…));
 * return c.json(out.body as Quote, out.status, out.headers);
 */
import { z } from 'zod';
import { runIdempotent } from '../../commerce/idempotent.js';
import type { Runtime } from '../../runtime.js';
import { requestFingerprint, type IdempotencyStore } from '../../store/idempotency.js';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem.js';

export const IdempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string({ error: (issue) => (issue.input === undefined ? 'this header is required' : undefined) })
    .regex(/^[\x21-\x7E]{1,255}$/, '1–255 visible ASCII characters')
    .describe('Unique per attempt (e.g. a UUID); a retry with the same key and body is replayed'),
});

/** Runs a POST under its Idempotency-Key: the (possibly replayed) status, body and headers to send. */
export async function idempotentPost(
  rt: Runtime,
  keys: IdempotencyStore,
  request: { merchantId: string; path: string; body: unknown; key: string; scope?: string },
  execute: () => Promise<unknown>,
) {
  const { merchantId, path, body, key } = request;
  const result = await runIdempotent(
    keys,
    {
      merchantId,
      scope: request.scope ?? `POST ${path}`,
      key,
      fingerprint: requestFingerprint('POST', path, body),
    },
    async () => ({ status: 201, body: await execute() }),
    problemOf,
    rt.logger,
  );
  const headers: Record<string, string> =
    result.status >= 400 ? { 'content-type': PROBLEM_CONTENT_TYPE } : {};
  if (result.replayed) headers['idempotent-replayed'] = 'true';
  // The stored response is replayed as it was: its status and body are whatever the first request got.
  return { status: result.status as 201, body: result.body, headers };
}
