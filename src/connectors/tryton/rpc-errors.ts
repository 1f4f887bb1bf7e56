/**
 * Tryton's JSON-RPC error bodies as ConcordErrors. trytond answers a failed call with HTTP 200 and
 * `{"id": n, "error": …}` (trytond 6.0 `protocols/jsonrpc.py`, `JSONProtocol.response`):
 * - a Tryton exception: `[name, args]` — `["UserError", [message, description, domain]]`,
 *   `["UserWarning", [name, message, description]]`, `["LoginException", [name, message, type]]`,
 *   `["ConcurrencyException", message]`;
 * - any other server exception: `[str(exception), traceback]` (the traceback is never copied here).
 * Categories: UserError → validation (access errors → forbidden, "don't exist anymore" → not_found),
 * UserWarning / ConcurrencyException → conflict, LoginException → unauthorized, "database is locked" →
 * transient, anything else → upstream. Messages are the vendor's, truncated; detail carries the method and
 * the exception name, never parameters (the login call's parameters hold the password).
 *
 * @example
 * rpcError('model.sale.sale.create', ['UserError', ['Amount must be positive', '', null]]).category // 'validation'
 */
import { ConcordError, type ErrorCategory } from '../../core/errors.js';

const MAX_MESSAGE = 300;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim().slice(0, MAX_MESSAGE) : '';
}

function classify(name: string, message: string): { category: ErrorCategory; code: string } {
  switch (name) {
    case 'UserError':
      if (/not allowed to|access (is )?denied|permission/i.test(message))
        return { category: 'forbidden', code: 'tryton_access_denied' };
      if (/do(n't| not) exist( anymore)?/i.test(message))
        return { category: 'not_found', code: 'tryton_record_missing' };
      return { category: 'validation', code: 'tryton_user_error' };
    case 'UserWarning':
      return { category: 'conflict', code: 'tryton_user_warning' };
    case 'ConcurrencyException':
      return { category: 'conflict', code: 'tryton_concurrent_update' };
    case 'LoginException':
      return { category: 'unauthorized', code: 'tryton_login_required' };
    case 'RateLimitException':
      return { category: 'rate_limited', code: 'tryton_rate_limited' };
    default:
      if (/database is locked|could not serialize|deadlock/i.test(name))
        return { category: 'transient', code: 'tryton_database_busy' };
      return { category: 'upstream', code: 'tryton_server_error' };
  }
}

/** The message of a Tryton exception's args (UserError's first, UserWarning's second, a bare string). */
function messageOf(name: string, args: unknown): string {
  if (typeof args === 'string') return text(args);
  if (!Array.isArray(args)) return '';
  if (name === 'UserWarning' || name === 'LoginException') return text(args[1]);
  const [message, description] = args as unknown[];
  const main = text(message);
  const extra = text(description);
  return extra && extra !== main ? `${main} — ${extra}`.slice(0, MAX_MESSAGE) : main;
}

const KNOWN = new Set([
  'UserError',
  'UserWarning',
  'LoginException',
  'ConcurrencyException',
  'RateLimitException',
]);

/** Maps a JSON-RPC `error` value from the call `method` to a ConcordError. */
export function rpcError(method: string, error: unknown): ConcordError {
  const [first, second] = Array.isArray(error) ? (error as unknown[]) : [error];
  const head = typeof first === 'string' ? first : '';
  const known = KNOWN.has(head);
  const name = known ? head : text(head) || 'ServerError';
  const message = known ? messageOf(head, second) : text(head);
  const { category, code } = classify(name, message);
  const vendorCode = known ? head : 'ServerError';
  const detail: Record<string, unknown> = { method, vendorCode };
  if (head === 'UserWarning' && Array.isArray(second) && typeof second[0] === 'string')
    detail.warning = second[0];
  return new ConcordError(category, code, `Tryton ${method}: ${message || 'failed without a message'}`, {
    detail,
  });
}

/** A login failure as a ConcordError naming the user and database (never the password). */
export function loginError(cause: unknown, username: string, database: string): ConcordError {
  const status = cause instanceof ConcordError ? cause.detail.status : undefined;
  const where = `user "${username}" on database "${database}"`;
  if (status === 404) {
    return new ConcordError('config', 'tryton_database_not_found', `Tryton has no database "${database}"`, {
      cause,
      detail: { status },
    });
  }
  if (status === 429) {
    return new ConcordError(
      'rate_limited',
      'tryton_login_rate_limited',
      `Tryton is refusing logins for ${where} after failed attempts`,
      {
        cause,
        detail: { status },
      },
    );
  }
  if (cause instanceof ConcordError && cause.category !== 'unauthorized' && status !== 401) return cause;
  return new ConcordError('unauthorized', 'tryton_login_failed', `Tryton refused the login of ${where}`, {
    cause,
    detail: { status: status ?? 401 },
  });
}
