/**
 * MCP writes under an idempotency key, with exactly the semantics of REST (`commerce/idempotent.ts`):
 * the first call with a key executes; the same call again replays the stored result (marked
 * `replayed`); the same key with other arguments is `idempotency_key_reused`; a repeat while the first
 * still runs is `idempotency_key_in_flight`. Each tool has its own scope (`mcp:place_order`…), and the
 * fingerprint is the tool name and its arguments without the key. Deterministic errors are stored and
 * replayed as the same tool error.
 *
 * @example
 * const { body, replayed } = await idempotentTool(ctx, 'place_order', args, () => placeOrder(…));
 */
import { z } from 'zod';
import { IDEMPOTENCY_FIELD, runIdempotent } from '../../commerce/idempotent.js';
import { ConcordError } from '../../core/errors.js';
import { requestFingerprint } from '../../store/idempotency.js';
import { toolErrorOf, type ToolContext, type ToolError } from './tool.js';

export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7E]{1,255}$/, '1–255 visible ASCII characters')
  .describe(
    'Unique per intended action (e.g. a UUID you generate once). Send the same key to retry safely: ' +
      'the same call returns the first result instead of acting twice',
  );

/** A deterministic error stored under the key, replayed as it was. */
export class StoredToolError extends Error {
  constructor(readonly error: ToolError) {
    super(error.message);
    this.name = 'StoredToolError';
  }
}

/** Status the idempotency store keeps a deterministic tool error under (any 4xx is replayed). */
const STORED_ERROR_STATUS = 422;

/** Key problems name the tool argument, not the REST header. */
function asArgumentError(error: unknown): unknown {
  if (!(error instanceof ConcordError) || !error.issues.some((i) => i.field === IDEMPOTENCY_FIELD))
    return error;
  return new ConcordError(
    error.category,
    error.code,
    error.message.replace(IDEMPOTENCY_FIELD, 'idempotency_key'),
    {
      cause: error,
      field: 'idempotency_key',
    },
  );
}

export async function idempotentTool<T>(
  ctx: ToolContext,
  tool: string,
  args: { idempotency_key: string },
  execute: () => Promise<T>,
): Promise<{ body: T; replayed: boolean }> {
  const { idempotency_key: key, ...request } = args;
  const result = await runIdempotent(
    ctx.keys,
    {
      merchantId: ctx.merchantId,
      scope: `mcp:${tool}`,
      key,
      fingerprint: requestFingerprint('MCP', tool, request),
    },
    async () => ({ status: 200, body: await execute() }),
    (error) => ({ status: STORED_ERROR_STATUS, body: toolErrorOf(error) }),
    ctx.rt.logger,
  ).catch((error: unknown) => {
    throw asArgumentError(error);
  });
  if (result.status >= 400) throw new StoredToolError(result.body as ToolError);
  return { body: result.body as T, replayed: result.replayed };
}
