/**
 * The subset of Shopify's search syntax (https://shopify.dev/docs/api/usage/search-syntax) that the
 * simulator understands in `query:` arguments: space-separated terms (implicit AND), `AND`, `OR`,
 * `NOT` / `-term`, parentheses, `field:value`, range comparators `field:>=v`, `:>`, `:<`, `:<=`,
 * quoted values ('…' or "…") and a trailing `*` for prefix matches. A free-text term matches a
 * resource's default fields. Unknown fields are ignored, as Shopify ignores them (it only adds a
 * search warning to `extensions`, which the simulator does not produce).
 *
 * @example
 * const q = parseSearch("updated_at:>='2026-01-01T00:00:00Z' tag:vip");
 * matchesSearch(q, customer, CUSTOMER_SEARCH) // true when both terms hold
 */

/** How a term compares (`field:value`, `field:>=value`, …). */
export type Comparator = ':' | '<' | '>' | '<=' | '>=';

/** A parsed search string. */
export type SearchNode =
  | { kind: 'and'; items: SearchNode[] }
  | { kind: 'or'; items: SearchNode[] }
  | { kind: 'not'; item: SearchNode }
  | { kind: 'term'; field: string | undefined; op: Comparator; value: string };

/** How one searchable field of a resource is read and compared. */
export type FieldSpec<T> =
  | { type: 'date'; get(item: T): number | null | undefined }
  | { type: 'number'; get(item: T): number | null | undefined }
  | { type: 'exact' | 'contains'; get(item: T): string | null | undefined }
  | { type: 'list'; get(item: T): readonly string[] };

/** The searchable fields of one resource, plus the fields free text looks at. */
export interface SearchFields<T> {
  fields: Record<string, FieldSpec<T>>;
  text(item: T): readonly (string | null | undefined)[];
}

type Token = { t: 'word'; v: string; quoted: boolean } | { t: '(' } | { t: ')' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ t: ch });
      i++;
    } else {
      let word = '';
      // A word that starts with a quote is a phrase (free text); quotes later on only delimit a value.
      const quoted = ch === '"' || ch === "'";
      while (i < input.length && !/[\s()]/.test(input[i] as string)) {
        const c = input[i] as string;
        if (c === '"' || c === "'") {
          const close = input.indexOf(c, i + 1);
          const end = close === -1 ? input.length : close;
          word += input.slice(i + 1, end);
          i = end + 1;
        } else {
          word += c;
          i++;
        }
      }
      tokens.push({ t: 'word', v: word, quoted });
    }
  }
  return tokens;
}

function parseTerm(word: string): SearchNode {
  const match = /^([A-Za-z_][A-Za-z0-9_.]*):(<=|>=|<|>)?(.*)$/s.exec(word);
  if (!match) return { kind: 'term', field: undefined, op: ':', value: word };
  const op = (match[2] ?? ':') as Comparator;
  return { kind: 'term', field: (match[1] as string).toLowerCase(), op, value: match[3] as string };
}

/** Parses a search string into a tree (an empty string gives an empty AND, which matches all). */
export function parseSearch(input: string): SearchNode {
  const tokens = tokenize(input);
  let pos = 0;
  const peekWord = (word: string) => {
    const token = tokens[pos];
    return token?.t === 'word' && !token.quoted && token.v === word;
  };
  const parseOr = (): SearchNode => {
    const items = [parseAnd()];
    while (peekWord('OR')) {
      pos++;
      items.push(parseAnd());
    }
    return items.length === 1 ? (items[0] as SearchNode) : { kind: 'or', items };
  };
  const parseAnd = (): SearchNode => {
    const items: SearchNode[] = [];
    while (pos < tokens.length && tokens[pos]?.t !== ')' && !peekWord('OR')) {
      if (peekWord('AND')) {
        pos++;
        continue;
      }
      items.push(parseUnary());
    }
    return items.length === 1 ? (items[0] as SearchNode) : { kind: 'and', items };
  };
  const parseUnary = (): SearchNode => {
    const token = tokens[pos++] as Token;
    if (token.t === '(') {
      const inner = parseOr();
      if (tokens[pos]?.t === ')') pos++;
      return inner;
    }
    if (token.t === 'word' && !token.quoted && token.v === 'NOT') return { kind: 'not', item: parseUnary() };
    if (token.t === 'word') {
      if (!token.quoted && token.v.startsWith('-') && token.v.length > 1) {
        return { kind: 'not', item: parseTerm(token.v.slice(1)) };
      }
      return token.quoted ? { kind: 'term', field: undefined, op: ':', value: token.v } : parseTerm(token.v);
    }
    return { kind: 'and', items: [] };
  };
  const tree = parseOr();
  return tree;
}

function compareOrdered(actual: number, op: Comparator, expected: number): boolean {
  switch (op) {
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    default:
      return actual === expected;
  }
}

function textMatches(actual: string, expected: string, contains: boolean): boolean {
  const a = actual.toLowerCase();
  const e = expected.toLowerCase();
  if (e.endsWith('*')) return a.startsWith(e.slice(0, -1));
  return contains ? a.includes(e) : a === e;
}

function termMatches<T>(
  node: Extract<SearchNode, { kind: 'term' }>,
  item: T,
  spec: SearchFields<T>,
): boolean {
  if (node.field === undefined) {
    return node.value === '' || spec.text(item).some((text) => !!text && textMatches(text, node.value, true));
  }
  const field = spec.fields[node.field];
  if (!field) return true; // unknown fields are ignored, like Shopify does
  switch (field.type) {
    case 'date': {
      const actual = field.get(item);
      const expected = Date.parse(node.value);
      if (actual === null || actual === undefined || Number.isNaN(expected)) return false;
      return compareOrdered(actual, node.op, expected);
    }
    case 'number': {
      const actual = field.get(item);
      const expected = Number(node.value);
      if (actual === null || actual === undefined || Number.isNaN(expected)) return false;
      return compareOrdered(actual, node.op, expected);
    }
    case 'list':
      return field.get(item).some((value) => textMatches(value, node.value, false));
    default: {
      const actual = field.get(item);
      if (actual === null || actual === undefined) return false;
      if (node.op !== ':') return compareText(actual, node.op, node.value);
      return textMatches(actual, node.value, field.type === 'contains');
    }
  }
}

function compareText(actual: string, op: Comparator, expected: string): boolean {
  const c = actual.localeCompare(expected);
  return compareOrdered(c, op, 0);
}

/** True when `item` satisfies the parsed search. */
export function matchesSearch<T>(node: SearchNode, item: T, spec: SearchFields<T>): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((child) => matchesSearch(child, item, spec));
    case 'or':
      return node.items.some((child) => matchesSearch(child, item, spec));
    case 'not':
      return !matchesSearch(node.item, item, spec);
    default:
      return termMatches(node, item, spec);
  }
}

/** Filters `items` by a search string; the same array is returned when the search is empty. */
export function filterBySearch<T>(
  items: readonly T[],
  query: string | null | undefined,
  spec: SearchFields<T>,
) {
  if (!query || !query.trim()) return items;
  const tree = parseSearch(query);
  return items.filter((item) => matchesSearch(tree, item, spec));
}
