/**
 * Shopify's calculated query cost (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits,
 * https://shopify.engineering/rate-limiting-graphql-apis-calculating-query-complexity):
 * scalars and enums cost 0, objects 1, interfaces and unions the maximum of their possible
 * selections, connections 2 plus `first`/`last` times the cost of one node (so nested connections
 * multiply), mutations 10. The *requested* cost is computed from the document before execution;
 * the *actual* cost walks the returned data the same way, counting the nodes really returned.
 *
 * Inferred (not documented): `pageInfo` and `edges` wrappers are free; a list of objects with a
 * `first` argument (`Order.fulfillments(first:)`) is priced like a connection; an unsized list of
 * objects costs like one object; a mutation costs a flat 10 whatever its payload selects.
 *
 * @example
 * requestedCost(schema, parse('{ products(first: 1) { edges { node { title } } } }'), op, {}) // 3
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import {
  collectFields,
  connectionNodeType,
  nodeSelections,
  subSelections,
  valueOf,
  walkerOf,
  type Walker,
} from './fields.js';

/** Cost of each mutation field (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits). */
export const MUTATION_COST = 10;

interface Walk extends Walker {
  /** Actual-cost mode: count what the data holds instead of what the arguments ask for. */
  actual: boolean;
}

/** Types named by fragments under an abstract type: the candidates to take the maximum over. */
function candidates(
  selections: readonly SelectionNode[],
  parent: GraphQLCompositeType,
  w: Walk,
): GraphQLCompositeType[] {
  const out: GraphQLCompositeType[] = [parent];
  const visit = (list: readonly SelectionNode[]) => {
    for (const s of list) {
      let name: string | undefined;
      if (s.kind === Kind.INLINE_FRAGMENT) {
        name = s.typeCondition?.name.value;
        visit(s.selectionSet.selections);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        name = w.fragments.get(s.name.value)?.typeCondition.name.value;
      }
      const type = name ? w.schema.getType(name) : undefined;
      if (type && (isObjectType(type) || isAbstractType(type)) && !out.includes(type)) out.push(type);
    }
  };
  visit(selections);
  return out;
}

/** Cost of the fields selected on an object of `parent` (the object itself not included). */
function selectionCost(
  selections: readonly SelectionNode[],
  parent: GraphQLCompositeType,
  data: unknown,
  w: Walk,
): number {
  if (!isAbstractType(parent)) return fieldsCost(collectFields(w, selections, parent), parent, data, w);
  let best = 0;
  for (const type of candidates(selections, parent, w)) {
    best = Math.max(best, fieldsCost(collectFields(w, selections, type), type, data, w));
  }
  return best;
}

function fieldsCost(
  fields: Map<string, FieldNode[]>,
  parent: GraphQLCompositeType,
  data: unknown,
  w: Walk,
): number {
  const defs = 'getFields' in parent ? parent.getFields() : {};
  let total = 0;
  for (const [key, nodes] of fields) {
    const def = defs[(nodes[0] as FieldNode).name.value];
    if (!def) continue;
    const value = w.actual ? (data as Record<string, unknown> | null | undefined)?.[key] : undefined;
    total += fieldCost(def, nodes, value, w);
  }
  return total;
}

function sizeArgument(nodes: readonly FieldNode[], w: Walk): number | undefined {
  for (const name of ['first', 'last']) {
    const value = valueOf(nodes[0]?.arguments?.find((a) => a.name.value === name)?.value, w);
    if (typeof value === 'number') return value;
  }
  return undefined;
}

function connectionCost(
  nodes: readonly FieldNode[],
  nodeType: GraphQLCompositeType,
  data: unknown,
  w: Walk,
): number {
  const selections = nodeSelections(nodes);
  if (!w.actual)
    return 2 + (sizeArgument(nodes, w) ?? 0) * (1 + selectionCost(selections, nodeType, undefined, w));
  // A connection that errored still costs its base 2 (as in responses recorded by shopify-api-js tests).
  if (!data) return 2;
  const page = data as { nodes?: unknown[]; edges?: { node?: unknown }[] };
  const count = Math.max(page.nodes?.length ?? 0, page.edges?.length ?? 0);
  let total = 2;
  for (let i = 0; i < count; i++) {
    const merged = {
      ...(page.edges?.[i]?.node as object | undefined),
      ...(page.nodes?.[i] as object | undefined),
    };
    total += 1 + selectionCost(selections, nodeType, merged, w);
  }
  return total;
}

function listCost(nodes: readonly FieldNode[], type: GraphQLCompositeType, data: unknown, w: Walk): number {
  const selections = subSelections(nodes);
  const size = sizeArgument(nodes, w);
  if (!w.actual) {
    const one = 1 + selectionCost(selections, type, undefined, w);
    return size === undefined ? one : 2 + size * one;
  }
  const items = Array.isArray(data) ? data : [];
  if (size === undefined) return items.length > 0 ? 1 + selectionCost(selections, type, items[0], w) : 0;
  return 2 + items.reduce<number>((sum, item) => sum + 1 + selectionCost(selections, type, item, w), 0);
}

function fieldCost(
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  data: unknown,
  w: Walk,
): number {
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  const type = named as GraphQLCompositeType;
  const nodeType = connectionNodeType(named);
  if (nodeType) return connectionCost(nodes, nodeType, data, w);
  if (isListType(getNullableType(def.type))) return listCost(nodes, type, data, w);
  if (w.actual && (data === null || data === undefined)) return 0;
  return 1 + selectionCost(subSelections(nodes), type, data, w);
}

function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data: unknown,
  actual: boolean,
): number {
  const w: Walk = { ...walkerOf(schema, document, variables), actual };
  if (operation.operation === 'mutation') {
    const root = schema.getMutationType();
    return root ? collectFields(w, operation.selectionSet.selections, root).size * MUTATION_COST : 0;
  }
  const root = schema.getQueryType();
  return root ? selectionCost(operation.selectionSet.selections, root, data, w) : 0;
}

/** The requested cost of an operation with its (coerced) variables. */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  return operationCost(schema, document, operation, variables, undefined, false);
}

/** The actual cost of an operation given the data it returned (never above the requested cost). */
export function actualCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  data: unknown,
  requested: number,
): number {
  return Math.min(requested, operationCost(schema, document, operation, variables, data, true));
}
