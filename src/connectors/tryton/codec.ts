/**
 * Tryton's JSON-RPC value encodings, both ways. trytond sends and accepts Python types as tagged objects:
 * `{"__class__": "Decimal", "decimal": "19.99"}`, `{"__class__": "date", "year", "month", "day"}`,
 * `{"__class__": "datetime", …, "hour", "minute", "second", "microsecond"}` (trytond 6.0
 * `protocols/jsonrpc.py`, JSONEncoder / JSONDecoder). Datetimes are naive and in UTC: Tryton stores
 * `create_date` / `write_date` as UTC (the SQLite backend uses the server's local clock, so the server
 * must run with TZ=UTC — inferred from `backend/sqlite/database.py`). Booleans come back as 0/1 from
 * SQLite. The zod schemas here decode rows; the `encode…` functions build values to send.
 *
 * @example
 * encodeDecimal('19.99') // { __class__: 'Decimal', decimal: '19.99' }
 * TDateTime.parse({ __class__: 'datetime', year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 6000 })
 * // '2026-01-02T03:04:05.006Z'
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';

export interface TrytonDecimal {
  __class__: 'Decimal';
  decimal: string;
}
export interface TrytonDate {
  __class__: 'date';
  year: number;
  month: number;
  day: number;
}
export interface TrytonDateTime {
  __class__: 'datetime';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** A decimal string as Tryton's Decimal. */
export function encodeDecimal(text: string): TrytonDecimal {
  if (!DECIMAL_TEXT.test(text)) {
    throw new ConcordError('validation', 'tryton_invalid_decimal', `"${text}" is not a decimal number`);
  }
  return { __class__: 'Decimal', decimal: text };
}

/** An ISO date ("2026-11-26") or instant as Tryton's date (UTC calendar day). */
export function encodeDate(iso: string): TrytonDate {
  const d = parseInstant(iso);
  return { __class__: 'date', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** An ISO instant as Tryton's naive UTC datetime. */
export function encodeDateTime(iso: string): TrytonDateTime {
  const d = parseInstant(iso);
  return {
    __class__: 'datetime',
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    microsecond: d.getUTCMilliseconds() * 1000,
  };
}

function parseInstant(iso: string): Date {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) {
    throw new ConcordError('validation', 'tryton_invalid_date', `"${iso}" is not an ISO date or instant`);
  }
  return new Date(ms);
}

const int = z.number().int();

/** Decimal (or a plain number, which some Function fields return) → decimal string. */
export const TDecimal = z
  .union([z.object({ __class__: z.literal('Decimal'), decimal: z.string().regex(DECIMAL_TEXT) }), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.decimal));

/** datetime → ISO instant (UTC, millisecond precision). */
export const TDateTime = z
  .object({
    __class__: z.literal('datetime'),
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    microsecond: int.default(0),
  })
  .transform((v) =>
    new Date(
      Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second, Math.floor(v.microsecond / 1000)),
    ).toISOString(),
  );

/** date → "YYYY-MM-DD". */
export const TDate = z
  .object({ __class__: z.literal('date'), year: int, month: int, day: int })
  .transform(
    (v) =>
      `${String(v.year).padStart(4, '0')}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`,
  );

/** Boolean, or 0/1 from SQLite. */
export const TBool = z.union([z.boolean(), z.number()]).transform((v) => Boolean(v));

/** A Char / Text field: a string, or null/false when empty. */
export const TText = z
  .union([z.string(), z.null(), z.literal(false)])
  .transform((v) => (typeof v === 'string' && v !== '' ? v : null));

/** A Many2One: an id, or null when empty. */
export const TRef = z.union([int, z.null()]);

/** Float quantities (Tryton quantities are floats). */
export const TFloat = z.union([z.number(), z.null()]).transform((v) => v ?? 0);

/** The latest of several optional instants, or the fallback. */
export function latest(fallback: string, ...instants: (string | null | undefined)[]): string {
  const given = instants.filter((i): i is string => typeof i === 'string');
  return given.length === 0 ? fallback : given.reduce((a, b) => (a >= b ? a : b));
}
