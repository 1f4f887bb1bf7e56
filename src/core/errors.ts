/**
 * One error base for all of Concord. Every error carries a stable machine `code`, a `category`
 * that decides how it is retried and how each surface shows it, and the `cause` it came from.
 * Surfaces map categories to their own shape in one place each (REST: `surfaces/rest/problem.ts`).
 *
 * @example
 * throw new ConcordError('validation', 'unknown_sku', 'No variant has SKU "X-1"', { field: 'lines[0].sku' });
 */

export type ErrorCategory =
  | 'config'
  | 'transient'
  | 'rate_limited'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'upstream';

/** A single problem with one input field, named by a JSON-pointer-like path (`lines[0].quantity`). */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface ConcordErrorOptions {
  cause?: unknown;
  /** The input field the error is about, when there is exactly one. */
  field?: string;
  /** Several field problems at once (validation). */
  issues?: FieldIssue[];
  /** Extra machine-readable detail safe to show to the caller (never credentials). */
  detail?: Record<string, unknown>;
}

export class ConcordError extends Error {
  readonly category: ErrorCategory;
  readonly code: string;
  readonly issues: FieldIssue[];
  readonly detail: Record<string, unknown>;

  constructor(category: ErrorCategory, code: string, message: string, options: ConcordErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ConcordError';
    this.category = category;
    this.code = code;
    this.issues = options.issues ?? (options.field ? [{ field: options.field, message }] : []);
    this.detail = options.detail ?? {};
  }
}

/** True when retrying the same call later may succeed. */
export function isRetryableCategory(category: ErrorCategory): boolean {
  switch (category) {
    case 'transient':
    case 'rate_limited':
    case 'upstream':
      return true;
    case 'config':
    case 'not_found':
    case 'conflict':
    case 'validation':
    case 'unauthorized':
    case 'forbidden':
      return false;
    default: {
      const never: never = category;
      return never;
    }
  }
}

export const notFound = (what: string, id: string) =>
  new ConcordError('not_found', `${what}_not_found`, `No ${what.replace(/_/g, ' ')} with id "${id}"`, {
    detail: { id },
  });
