/**
 * Conflict routes: `GET /conflicts` lists the disagreements the topology resolver found between the
 * merchant's systems (price, stock, a record on one side only, a match key held twice), each with
 * both sides' values and the provenance of every record behind them (system, external id, field,
 * as of), the winner under the ownership map and the rule that chose it. Cursor list ordered by id.
 *
 * @example
 * GET /conflicts?kind=price_mismatch&limit=20
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { listConflicts } from '../../../sync/resolution.js';
import type { Runtime } from '../../../runtime.js';
import { Conflict, ConflictKind } from '../../../topology/index.js';
import type { AppEnv } from '../auth.js';
import { json, listOf, PageQuery, problems } from '../schemas.js';

const ConflictQuery = PageQuery.pick({ limit: true, cursor: true })
  .extend({
    kind: ConflictKind.optional().describe('Only conflicts of this kind'),
    include_resolved: z
      .enum(['true', 'false'])
      .optional()
      .describe('`true` also lists conflicts marked resolved (default: open ones only)'),
  })
  .strict();

const StoredConflict = Conflict.extend({
  detected_at: z.iso.datetime({ offset: true }).describe('When the resolver last found it'),
  resolved: z.boolean(),
}).meta({ id: 'StoredConflict' });

const listConflictsRoute = createRoute({
  method: 'get',
  path: '/conflicts',
  operationId: 'listConflicts',
  tags: ['topology'],
  summary: "List disagreements between the merchant's systems",
  description:
    'Found by the topology resolver after a sync: both sides with provenance, the winner under the ' +
    'ownership map and the rule that decided. Nothing is dropped silently.',
  security: [{ bearer: [] }],
  request: { query: ConflictQuery },
  responses: {
    200: json(listOf(StoredConflict, 'ConflictList'), 'A page of conflicts'),
    ...problems(400, 401),
  },
});

export function conflictRoutes(app: OpenAPIHono<AppEnv>, rt: Runtime, auth: MiddlewareHandler<AppEnv>): void {
  app.openapi({ ...listConflictsRoute, middleware: [auth] }, async (c) => {
    const query = c.req.valid('query');
    const page = await listConflicts(rt, c.get('merchantId'), {
      limit: query.limit,
      cursor: query.cursor ?? null,
      kind: query.kind,
      includeResolved: query.include_resolved === 'true',
    });
    return c.json({ data: page.items, next_cursor: page.next_cursor }, 200);
  });
}
