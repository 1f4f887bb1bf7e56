/**
 * Request and response schemas shared by the REST routes: paging query parameters, list envelopes
 * (`{ data, next_cursor }`), id path parameters and the problem responses each route documents.
 * Built once at module load; query schemas are strict, so a misspelt filter is a 400, not a silently
 * unfiltered list.
 *
 * @example
 * const ProductList = listOf(Product, 'ProductList');
 */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../commerce/catalog.js';
import { Problem, PROBLEM_CONTENT_TYPE } from './problem.js';

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Page size, 1–${MAX_PAGE_SIZE}`),
  cursor: z.string().min(1).max(512).optional().describe('`next_cursor` of the previous page'),
  expand: z.enum(['raw']).optional().describe('`raw` adds each record’s vendor payload'),
});

export const Timestamp = z.iso.datetime({ offset: true });

export const IdParam = z
  .object({ id: z.string().min(1).max(128).describe("Concord id, e.g. 'prod_…'") })
  .strict();

export const ExpandQuery = PageQuery.pick({ expand: true }).strict();

/** `{ data: T[], next_cursor }`, registered as a component named `id`. */
export function listOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z
        .string()
        .nullable()
        .describe('Pass as `cursor` for the next page; null on the last page'),
    })
    .meta({ id });
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed: each field at fault is named in `errors`',
  401: 'Missing or invalid API key',
  404: 'Not found for this merchant',
  409: 'Conflicts with the current state (e.g. insufficient stock, request still in flight)',
  413: 'Body larger than 1 MB',
  415: 'Body is not application/json',
  422: 'Well-formed but cannot be processed (e.g. unknown SKU, idempotency key reused)',
  429: 'Rate limited',
  500: 'Unexpected error',
  502: 'The merchant system failed',
  503: 'Temporarily unavailable; retry',
};

/** Documented problem responses for the given statuses. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: DESCRIPTIONS[s] ?? 'Problem', content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } } },
    ]),
  );
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
