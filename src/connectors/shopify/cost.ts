/**
 * A small static estimator of a document's *requested* query cost, following the rules Shopify
 * documents (https://shopify.dev/docs/api/usage/rate-limits#cost-calculation): scalars and enums
 * cost 0, objects 1, connections 2 plus `first` times the cost of one node, mutations 10. It reads
 * the document only (no schema): a field with a `first`/`last` argument is a connection (lists such
 * as `fulfillments(first:)` are priced the same way, an overestimate), a field with a selection set
 * is an object, `nodes`/`edges`/`node` are transparent wrappers and `pageInfo` is free.
 *
 * The estimate is what the pacer reserves before a request; once Shopify has answered, the
 * client prefers the `requestedQueryCost` it learned for the same document and page sizes.
 *
 * @example
 * estimateQueryCost('{ products(first: 10) { nodes { id } } }') // 12
 */
import {
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { SHOPIFY_MANIFEST } from './manifest.js';

const WRAPPERS = new Set(['nodes', 'edges', 'node']);
const parsed = new Map<string, DocumentNode>();

function parseCached(document: string): DocumentNode {
  let node = parsed.get(document);
  if (!node) {
    node = parse(document);
    parsed.set(document, node);
  }
  return node;
}

interface Scope {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function intArgument(field: FieldNode, names: string[], scope: Scope): number | undefined {
  const arg = field.arguments?.find((a) => names.includes(a.name.value));
  if (!arg) return undefined;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = scope.variables[value.name.value];
    return typeof v === 'number' ? v : SHOPIFY_MANIFEST.limits.maxPageSize;
  }
  return SHOPIFY_MANIFEST.limits.maxPageSize;
}

/** Cost of the objects selected inside a selection set (the set's own object not included). */
function selectionCost(set: SelectionSetNode | undefined, scope: Scope): number {
  if (!set) return 0;
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) total += fieldCost(selection, scope);
    else if (selection.kind === Kind.INLINE_FRAGMENT) total += selectionCost(selection.selectionSet, scope);
    else {
      const fragment = scope.fragments.get(selection.name.value);
      total += fragment ? selectionCost(fragment.selectionSet, scope) : 0;
    }
  }
  return total;
}

function fieldCost(field: FieldNode, scope: Scope): number {
  if (!field.selectionSet || field.name.value === 'pageInfo') return 0;
  if (WRAPPERS.has(field.name.value)) return selectionCost(field.selectionSet, scope);
  const size = intArgument(field, ['first', 'last'], scope);
  if (size !== undefined) return 2 + size * (1 + selectionCost(field.selectionSet, scope));
  return 1 + selectionCost(field.selectionSet, scope);
}

/** Estimated requested cost of `document` with `variables` (first operation in the document). */
export function estimateQueryCost(document: string, variables: Record<string, unknown> = {}): number {
  const ast = parseCached(document);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of ast.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const operation = ast.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 1;
  const scope = { fragments, variables };
  if (operation.operation === 'mutation') {
    return operation.selectionSet.selections.length * SHOPIFY_MANIFEST.limits.mutationCost;
  }
  return Math.max(1, selectionCost(operation.selectionSet, scope));
}

/** True when the document is a mutation (decides retry guarding and cost). */
export function isMutation(document: string): boolean {
  const ast = parseCached(document);
  return ast.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
}

/**
 * Shrinks page-size variables until the estimated cost fits `budget` (the bucket may be smaller than
 * Shopify's 1000-point query cap, e.g. on a throttled sandbox): halves the first key in `order`
 * down to 1, then the next. Returns the variables unchanged when they already fit.
 *
 * @example
 * fitPageSizes(PRODUCTS_QUERY, { first: 5, variantsFirst: 10 }, 100, ['first', 'variantsFirst'])
 */
export function fitPageSizes(
  document: string,
  variables: Record<string, unknown>,
  budget: number,
  order: string[],
  cost: (vars: Record<string, unknown>) => number = (vars) => estimateQueryCost(document, vars),
): Record<string, unknown> {
  const vars = { ...variables };
  for (const key of order) {
    while (cost(vars) > budget && typeof vars[key] === 'number' && (vars[key] as number) > 1) {
      vars[key] = Math.max(1, Math.floor((vars[key] as number) / 2));
    }
  }
  return vars;
}
