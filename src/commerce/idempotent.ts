/**
 * Runs a write under an idempotency key, the same way for every surface (REST today, MCP next):
 * the first request with a key executes; a repeat of the same request replays the stored response;
 * the same key with another request is `idempotency_key_reused` (422); a repeat while the first is
 * still running is `idempotency_key_in_flight` (409).
 *
 * Deterministic outcomes — success and non-retryable errors (validation, conflict, not found…) —
 * are stored and replayed. Retryable errors (transient, rate limited, upstream) and unexpected ones
 * release the key, so a retry executes again; that is safe because the write below is guarded
 * (orders carry a reference derived from the key).
 *
 * @example
 * const out = await runIdempotent(keys, request, async () => ({ status: 201, body: order }), toResponse, log);
 * if (out.replayed) res.headers.set('Idempotent-Replayed', 'true');
 */
import { ConcordError, isRetryableCategory } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { IdempotencyRequest, IdempotencyStore, StoredResponse } from '../store/idempotency.js';

export interface IdempotentResult extends StoredResponse {
  /** True when this is the stored response of an earlier request. */
  replayed: boolean;
}

/** The field a surface should name for key problems. */
export const IDEMPOTENCY_FIELD = 'Idempotency-Key';

export async function runIdempotent(
  store: IdempotencyStore,
  request: IdempotencyRequest,
  execute: () => Promise<StoredResponse>,
  /** How the surface shows a deterministic error (e.g. an RFC 9457 problem). */
  toResponse: (error: ConcordError) => StoredResponse,
  logger: Logger,
): Promise<IdempotentResult> {
  const claim = await store.begin(request);
  switch (claim.status) {
    case 'replay':
      return { ...claim.response, replayed: true };
    case 'in_flight':
      throw new ConcordError(
        'conflict',
        'idempotency_key_in_flight',
        'A request with this Idempotency-Key is still being processed; retry shortly',
        { field: IDEMPOTENCY_FIELD },
      );
    case 'mismatch':
      throw new ConcordError(
        'validation',
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request',
        { field: IDEMPOTENCY_FIELD },
      );
    case 'new':
      break;
    default: {
      const never: never = claim;
      throw new Error(`unknown claim ${JSON.stringify(never)}`);
    }
  }
  let outcome: StoredResponse;
  try {
    outcome = await execute();
  } catch (error) {
    if (!(error instanceof ConcordError) || isRetryableCategory(error.category)) {
      await store
        .release(claim.lease)
        .catch((cause: unknown) => logger.error({ err: cause }, 'idempotency key release failed'));
      throw error;
    }
    outcome = toResponse(error);
  }
  try {
    await store.complete(claim.lease, outcome.status, outcome.body);
  } catch (cause) {
    // The outcome happened; the key stays locked until its lease expires, and a retry then re-executes
    // (finding the same platform order by its reference).
    logger.error({ err: cause }, 'idempotency key completion failed');
  }
  return { ...outcome, replayed: false };
}
