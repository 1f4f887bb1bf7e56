/**
 * Runs a SuiteQL query (the parsed subset) over the simulator's tables and answers one page:
 * rows with lower-case keys, every value a string, NULLs left out, each row with `"links": []`.
 * Dates print as the default user preference `M/D/YYYY` (inferred) unless selected through
 * `TO_CHAR(col, 'YYYY-MM-DD HH24:MI:SS')`. Results stop at 100 000 rows: a page reaching past
 * that is a 400 (VENDORS.md); page larger sets by key (`WHERE id > last ORDER BY id`). Unknown tables or columns are 400 INVALID_PARAMETER with a
 * "Search error occurred" detail (wording inferred).
 */
import { NsError } from './errors.js';
import type { PageRequest } from './paging.js';
import {
  parseSuiteQl,
  SuiteQlSyntaxError,
  type Condition,
  type Literal,
  type SuiteQlQuery,
} from './suiteql-parse.js';
import { TABLES, type Column, type Table } from './suiteql-tables.js';
import type { NetSuiteState } from './state.js';

/** Most rows a SuiteQL query can page through. */
export const MAX_SUITEQL_ROWS = 100_000;

type Value = string | number | boolean | null;

function invalid(detail: string): NsError {
  return new NsError(
    400,
    'INVALID_PARAMETER',
    `Invalid search query. Detailed unprocessed description follows. ${detail}`,
    { 'o:errorPath': 'q' },
  );
}

function columnOf(table: Table, name: string, tableName: string): Column<unknown> {
  const found = table.columns[name];
  if (!found)
    throw invalid(`Search error occurred: Field '${name}' for record '${tableName}' was not found.`);
  return found;
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Brings a literal to the column's domain (number for int/float/date, string otherwise). */
function literalFor(column: Column<unknown>, literal: Literal): number | string {
  if (column.type === 'date') {
    if (literal.kind === 'time') return literal.ms;
    throw invalid('Search error occurred: a date column must be compared with TO_TIMESTAMP or TO_DATE.');
  }
  if (column.type === 'int' || column.type === 'float') {
    const n =
      literal.kind === 'number' ? literal.value : Number(literal.kind === 'string' ? literal.value : NaN);
    if (Number.isNaN(n)) throw invalid('Search error occurred: invalid number.');
    return n;
  }
  if (literal.kind === 'time') throw invalid('Search error occurred: a date compared with a text column.');
  return String(literal.value);
}

function cellValue(column: Column<unknown>, row: unknown): number | string | null {
  const v: Value = column.get(row);
  if (v === null) return null;
  if (column.type === 'bool') return v ? 'T' : 'F';
  return v as number | string;
}

function predicate(table: Table, name: string, cond: Condition): (row: unknown) => boolean {
  const column = columnOf(table, cond.column, name);
  if (!('value' in cond)) {
    const wantNull = cond.op === 'null';
    return (row) => (column.get(row) === null) === wantNull;
  }
  const target = literalFor(column, cond.value);
  const op = cond.op;
  return (row) => {
    const v = cellValue(column, row);
    if (v === null) return false;
    const c = compare(v, target);
    return op === '='
      ? c === 0
      : op === '!='
        ? c !== 0
        : op === '>'
          ? c > 0
          : op === '>='
            ? c >= 0
            : op === '<'
              ? c < 0
              : c <= 0;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats epoch ms with an Oracle-style format (YYYY MM DD HH24 MI SS, "quoted" text). */
export function toChar(ms: number, format: string): string {
  const d = new Date(ms);
  const parts: Record<string, string> = {
    YYYY: String(d.getUTCFullYear()),
    MM: pad(d.getUTCMonth() + 1),
    DD: pad(d.getUTCDate()),
    HH24: pad(d.getUTCHours()),
    MI: pad(d.getUTCMinutes()),
    SS: pad(d.getUTCSeconds()),
  };
  return format.replace(/"([^"]*)"|YYYY|HH24|MM|DD|MI|SS/g, (token, quoted: string | undefined) =>
    quoted !== undefined ? quoted : (parts[token] ?? token),
  );
}

function printed(column: Column<unknown>, row: unknown, format?: string): string | null {
  const v = cellValue(column, row);
  if (v === null) return null;
  if (column.type === 'date') {
    if (format) return toChar(v as number, format);
    const d = new Date(v as number);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  }
  return String(v);
}

function projector(query: SuiteQlQuery, table: Table) {
  const outputs = query.select.flatMap((item, index) =>
    item.column === '*'
      ? Object.entries(table.columns).map(([name, column]) => ({ key: name, column, format: undefined }))
      : [
          {
            key: item.alias ?? (item.toChar ? `expr${index + 1}` : item.column),
            column: columnOf(table, item.column, query.table),
            format: item.toChar,
          },
        ],
  );
  return (row: unknown) => {
    const out: Record<string, unknown> = { links: [] };
    for (const { key, column, format } of outputs) {
      const value = printed(column, row, format);
      if (value !== null) out[key] = value;
    }
    return out;
  };
}

function parse(q: unknown): SuiteQlQuery {
  if (typeof q !== 'string' || q.trim() === '') throw invalid('The request body must have a "q" string.');
  try {
    return parseSuiteQl(q);
  } catch (error) {
    if (error instanceof SuiteQlSyntaxError) throw invalid(`Search error occurred: ${error.message}.`);
    throw error;
  }
}

/** True when ORDER BY asks for (a prefix of) the order the rows are kept in, so no sort is needed. */
function alreadySorted(query: SuiteQlQuery, table: Table): boolean {
  return query.orderBy.every((o, i) => !o.desc && table.naturalOrder[i] === o.column);
}

/** Runs `q` and returns the total and one page of rows. */
export function runSuiteQl(state: NetSuiteState, q: unknown, page: PageRequest) {
  const query = parse(q);
  const table = TABLES[query.table];
  if (!table) throw invalid(`Search error occurred: Record '${query.table}' was not found.`);
  if (page.offset + page.limit > MAX_SUITEQL_ROWS)
    throw new NsError(400, 'INVALID_PARAMETER', `SuiteQL results are limited to ${MAX_SUITEQL_ROWS} rows.`, {
      'o:errorQueryParam': 'offset',
    });
  const project = projector(query, table);
  const tests = query.where.map((cond) => predicate(table, query.table, cond));
  let rows = table.rows(state).filter((row) => tests.every((test) => test(row)));
  if (query.orderBy.length > 0 && !alreadySorted(query, table)) {
    const keys = query.orderBy.map((o) => ({ column: columnOf(table, o.column, query.table), desc: o.desc }));
    rows = rows.slice().sort((a, b) => {
      for (const { column, desc } of keys) {
        const c = compare(cellValue(column, a) ?? '', cellValue(column, b) ?? '');
        if (c !== 0) return desc ? -c : c;
      }
      return 0;
    });
  }
  // totalResults is the true count, so a client sees hasMore at 100 000 and gets the 400 on the next
  // page rather than a silently short result (inferred: how NetSuite reports the total then is unknown).
  return { total: rows.length, items: rows.slice(page.offset, page.offset + page.limit).map(project) };
}
