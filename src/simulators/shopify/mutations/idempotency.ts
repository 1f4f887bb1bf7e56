/**
 * The `@idempotent(key: "…")` directive (https://shopify.dev/docs/api/usage/idempotent-requests,
 * https://shopify.dev/docs/api/usage/implementing-idempotency). From API version 2026-04 the key is
 * mandatory on the mutations whose description says so (refundCreate, inventoryAdjustQuantities,
 * inventorySetQuantities, …): a missing key is a request error (wording inferred). The same key with
 * the same arguments replays the first result without running the mutation again; the same key with
 * different arguments gets IDEMPOTENCY_KEY_PARAMETER_MISMATCH.
 *
 * @example
 * return idempotent(ctx, info, args, () => createRefund(...), () => mismatchPayload);
 */
import { getDirectiveValues, type GraphQLResolveInfo } from 'graphql';
import type { SimContext } from '../context.js';
import { simError } from '../errors.js';
import { mutationsRequiringIdempotencyKey } from '../schema.js';

/** Message of IDEMPOTENCY_KEY_PARAMETER_MISMATCH (from the enum's documented description). */
export const KEY_MISMATCH_MESSAGE =
  'The same idempotency key cannot be used with different operation parameters.';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The key given with `@idempotent` on this field, if any. */
export function idempotencyKeyOf(info: GraphQLResolveInfo): string | undefined {
  const directive = info.schema.getDirective('idempotent');
  const node = info.fieldNodes[0];
  if (!directive || !node) return undefined;
  const values = getDirectiveValues(directive, node, info.variableValues) as { key?: string } | undefined;
  return values?.key;
}

/**
 * Runs `run` at most once per idempotency key: a replay with the same arguments returns the first
 * result, a replay with other arguments returns `mismatch()`.
 */
export function idempotent<T>(
  ctx: SimContext,
  info: GraphQLResolveInfo,
  args: unknown,
  run: () => T,
  mismatch: () => T,
): T {
  const key = idempotencyKeyOf(info);
  if (key === undefined) {
    if (mutationsRequiringIdempotencyKey().has(info.fieldName)) {
      // Inferred wording: Shopify documents that the key is required from 2026-04, not the message.
      throw simError(
        `An idempotency key is required for ${info.fieldName}: add @idempotent(key: "…") to the field.`,
        'BAD_REQUEST',
      );
    }
    return run();
  }
  if (key.trim() === '')
    throw simError('The idempotency key cannot be an empty string or whitespace only.', 'BAD_REQUEST');
  const slot = `${info.fieldName}:${key}`;
  const fingerprint = stable(args);
  const seen = ctx.state.idempotency.get(slot);
  if (seen) return seen.fingerprint === fingerprint ? (seen.result as T) : mismatch();
  const result = run();
  ctx.state.idempotency.set(slot, { fingerprint, result });
  return result;
}
