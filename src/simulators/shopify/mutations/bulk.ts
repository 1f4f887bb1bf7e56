/**
 * `bulkOperationRunQuery(query:, groupObjects:)` and `bulkOperationCancel(id:)`. A valid bulk query
 * creates a BulkOperation in status CREATED and starts it in the background (see `bulk-runner.ts`).
 * Only `bulkConcurrency` query operations may run at once (1 by default, per the Concord contract;
 * Shopify documents up to 5 from API 2026-01); another start gets OPERATION_IN_PROGRESS with the
 * wording Shopify uses ("A bulk query operation for this app and shop is already in progress: …").
 */
import type { SimContext } from '../context.js';
import { idOf } from '../format.js';
import { BulkOperationRecord } from '../model/admin.js';
import { checkBulkQuery } from '../bulk-query.js';
import { shopifySchema } from '../schema.js';

/** Resolver of `bulkOperationRunQuery`. */
export function bulkOperationRunQuery(args: { query: string; groupObjects?: boolean }, ctx: SimContext) {
  const { errors } = checkBulkQuery(shopifySchema(), args.query);
  if (errors.length > 0) return { bulkOperation: null, userErrors: errors };
  const running = ctx.state.bulkOperations.filter((op) => op.type === 'QUERY' && op.running);
  if (running.length >= ctx.services.bulkConcurrency) {
    const current = running[running.length - 1] as BulkOperationRecord;
    return {
      bulkOperation: null,
      userErrors: [
        {
          field: null,
          message: `A bulk query operation for this app and shop is already in progress: ${current.id}.`,
          code: 'OPERATION_IN_PROGRESS',
        },
      ],
    };
  }
  const op = new BulkOperationRecord(ctx.state.nextId('BulkOperation'), 'QUERY', args.query, ctx.now);
  ctx.state.bulkOperations.push(op);
  ctx.state.touch();
  ctx.services.startBulk(op.num);
  return { bulkOperation: op, userErrors: [] };
}

/** Resolver of `bulkOperationCancel`. */
export function bulkOperationCancel(args: { id: string }, ctx: SimContext) {
  const op = ctx.state.bulkOperations.find((candidate) => candidate.num === idOf(args.id, 'BulkOperation'));
  if (!op)
    return { bulkOperation: null, userErrors: [{ field: ['id'], message: 'Bulk operation does not exist' }] };
  if (!op.running) {
    return {
      bulkOperation: op,
      userErrors: [
        {
          field: ['id'],
          message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}`,
        },
      ],
    };
  }
  op.status = 'CANCELING';
  return { bulkOperation: op, userErrors: [] };
}
