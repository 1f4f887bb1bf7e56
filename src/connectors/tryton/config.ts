/**
 * Settings of one Tryton system (one database on one server), parsed with zod so a bad setting fails fast
 * with the name of the field. The password is a secret, given as a value at runtime (read it from the
 * environment or a secret store before building the connector): never logged, never in an error (zod
 * issues name the field, not the value).
 *
 * @example
 * const settings = parseTrytonSettings({ url: 'http://127.0.0.1:8000', database: 'concord', username: 'admin', password: process.env.TRYTON_PASSWORD });
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { TRYTON_MANIFEST } from './manifest.js';

const { limits } = TRYTON_MANIFEST;

export const TrytonSettings = z
  .object({
    /** The server's base URL, e.g. "http://127.0.0.1:8000" (the database name is appended). */
    url: z.url(),
    /** The database name (the path segment of the JSON-RPC URL). */
    database: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_.-]+$/, 'a database name such as "concord"'),
    username: z.string().trim().min(1),
    /** The user's password (a secret; the value itself, not the name of a variable). */
    password: z.string().min(1),
    /** Rows per search_read page. */
    pageSize: z.number().int().positive().max(limits.maxPageSize).default(limits.defaultPageSize),
    /** Concurrent reads (writes are always one at a time). */
    readConcurrency: z.number().int().positive().max(16).default(limits.readConcurrency),
    /** Per-request timeout in milliseconds. */
    timeoutMs: z.number().int().positive().max(600_000).optional(),
  })
  .strict();
export type TrytonSettings = z.infer<typeof TrytonSettings>;
export type TrytonSettingsInput = z.input<typeof TrytonSettings>;

/** Parses settings or throws a `config` ConcordError naming each bad field (never its value). */
export function parseTrytonSettings(input: unknown): TrytonSettings {
  const result = TrytonSettings.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(settings)',
    message: issue.message,
  }));
  const fields = issues.map((i) => i.field).join(', ');
  throw new ConcordError('config', 'tryton_invalid_settings', `Invalid Tryton settings: ${fields}`, {
    issues,
  });
}

/** The JSON-RPC endpoint of the database: `<url>/<database>/`. */
export function trytonEndpoint(settings: Pick<TrytonSettings, 'url' | 'database'>): string {
  return `${settings.url.replace(/\/+$/, '')}/${encodeURIComponent(settings.database)}/`;
}
