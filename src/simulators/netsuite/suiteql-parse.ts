/**
 * A parser for the subset of SuiteQL the Concord connector sends:
 * `SELECT col [AS alias] | TO_CHAR(col, 'fmt') [AS alias] | * , … FROM table
 *  [WHERE cond [AND cond …]] [ORDER BY col [ASC|DESC], …]`, where a condition is
 * `col op value` (op ∈ = != <> > >= < <=) or `col IS [NOT] NULL`, and a value is a number, a
 * 'string' (quotes doubled inside) or `TO_TIMESTAMP('…', 'fmt')` / `TO_DATE('…', 'fmt')`.
 * Identifiers are case-insensitive and may be qualified (`item.id`). Anything else is a syntax error.
 * The subset and its error handling are inferred (SuiteQL itself is a much larger Oracle-like SQL).
 *
 * @example
 * parseSuiteQl("SELECT id, itemid FROM item WHERE lastmodifieddate >= TO_TIMESTAMP('2026-01-01 00:00:00', 'YYYY-MM-DD HH24:MI:SS') ORDER BY id");
 */

/** One selected expression. */
export interface SelectItem {
  column: string; // '*' for all columns
  toChar?: string; // TO_CHAR format
  alias?: string;
}

/** A literal value in a condition. */
export type Literal =
  { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'time'; ms: number };

/** One WHERE condition. */
export type Condition =
  | { column: string; op: '=' | '!=' | '>' | '>=' | '<' | '<='; value: Literal }
  | { column: string; op: 'null' | 'notnull' };

/** A parsed query. */
export interface SuiteQlQuery {
  select: SelectItem[];
  table: string;
  where: Condition[];
  orderBy: Array<{ column: string; desc: boolean }>;
}

/** A syntax error, answered as 400 by the caller. */
export class SuiteQlSyntaxError extends Error {}

type Token = { t: 'word' | 'string' | 'number' | 'op' | 'punct'; v: string };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)|(<=|>=|<>|!=|=|<|>)|([(),*]))/y;
  let at = 0;
  while (at < q.length) {
    if (/^\s*$/.test(q.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(q);
    if (!m) throw new SuiteQlSyntaxError(`Unexpected text near "${q.slice(at, at + 20).trim()}"`);
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ t: 'string', v: m[1].slice(1, -1).replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ t: 'number', v: m[2] });
    else if (m[3] !== undefined) tokens.push({ t: 'word', v: m[3] });
    else if (m[4] !== undefined) tokens.push({ t: 'op', v: m[4] });
    else tokens.push({ t: 'punct', v: m[5] as string });
  }
  return tokens;
}

/** Parses 'YYYY-MM-DD[ HH24:MI:SS]' (or ISO with T) as UTC ms (account time zone = UTC, inferred). */
export function parseTimestamp(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?Z?$/.exec(text.trim());
  if (!m) throw new SuiteQlSyntaxError(`Invalid date literal '${text}'`);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  peekWord(word: string): boolean {
    const token = this.tokens[this.i];
    return token?.t === 'word' && token.v.toUpperCase() === word;
  }
  peekType(t: Token['t']): boolean {
    return this.tokens[this.i]?.t === t;
  }
  word(word?: string): string {
    const token = this.tokens[this.i];
    if (token?.t !== 'word' || (word && token.v.toUpperCase() !== word))
      throw new SuiteQlSyntaxError(
        `Expected ${word ?? 'an identifier'} but found "${token?.v ?? 'end of query'}"`,
      );
    this.i += 1;
    return token.v;
  }
  take(t: Token['t'], v?: string): string {
    const token = this.tokens[this.i];
    if (token?.t !== t || (v !== undefined && token.v !== v))
      throw new SuiteQlSyntaxError(`Expected ${v ?? t} but found "${token?.v ?? 'end of query'}"`);
    this.i += 1;
    return token.v;
  }
  maybe(t: Token['t'], v: string): boolean {
    const token = this.tokens[this.i];
    if (token?.t === t && token.v === v) {
      this.i += 1;
      return true;
    }
    return false;
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
}

const column = (name: string) => (name.split('.').pop() as string).toLowerCase();

function selectItem(p: Parser): SelectItem {
  let item: SelectItem;
  if (p.maybe('punct', '*')) return { column: '*' };
  if (p.peekWord('TO_CHAR')) {
    p.word();
    p.take('punct', '(');
    const col = column(p.word());
    p.take('punct', ',');
    const format = p.take('string');
    p.take('punct', ')');
    item = { column: col, toChar: format };
  } else item = { column: column(p.word()) };
  if (p.peekWord('AS')) {
    p.word();
    item.alias = p.word().toLowerCase();
  }
  return item;
}

function literal(p: Parser): Literal {
  if (p.peekWord('TO_TIMESTAMP') || p.peekWord('TO_DATE')) {
    p.word();
    p.take('punct', '(');
    const text = p.take('string');
    if (p.maybe('punct', ',')) p.take('string');
    p.take('punct', ')');
    return { kind: 'time', ms: parseTimestamp(text) };
  }
  if (p.peekType('number')) return { kind: 'number', value: Number(p.take('number')) };
  return { kind: 'string', value: p.take('string') };
}

function condition(p: Parser): Condition {
  const col = column(p.word());
  if (p.peekWord('IS')) {
    p.word();
    const not = p.peekWord('NOT');
    if (not) p.word();
    p.word('NULL');
    return { column: col, op: not ? 'notnull' : 'null' };
  }
  const raw = p.take('op');
  const op = raw === '<>' ? '!=' : (raw as '=' | '!=' | '>' | '>=' | '<' | '<=');
  return { column: col, op, value: literal(p) };
}

/** Parses a query of the supported subset; throws SuiteQlSyntaxError otherwise. */
export function parseSuiteQl(q: string): SuiteQlQuery {
  const p = new Parser(tokenize(q));
  p.word('SELECT');
  const select = [selectItem(p)];
  while (p.maybe('punct', ',')) select.push(selectItem(p));
  p.word('FROM');
  const table = p.word().toLowerCase();
  const where: Condition[] = [];
  if (p.peekWord('WHERE')) {
    p.word();
    where.push(condition(p));
    while (p.peekWord('AND')) {
      p.word();
      where.push(condition(p));
    }
  }
  const orderBy: SuiteQlQuery['orderBy'] = [];
  if (p.peekWord('ORDER')) {
    p.word();
    p.word('BY');
    do {
      const col = column(p.word());
      const desc = p.peekWord('DESC');
      if (desc || p.peekWord('ASC')) p.word();
      orderBy.push({ column: col, desc });
    } while (p.maybe('punct', ','));
  }
  if (!p.done()) throw new SuiteQlSyntaxError('Unexpected text after the query');
  return { select, table, where, orderBy };
}
