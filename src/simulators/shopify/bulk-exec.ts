/**
 * Executes a (validated) bulk query straight into JSONL lines. The document is compiled once into
 * a plan — per field: response key, arguments (bulk documents have no variables), whether it is a
 * leaf, an object or a connection — and the plan is run over the store's records with the same
 * field resolver graphql-js uses, without building an intermediate result tree. Output follows
 * Shopify's JSONL format (https://shopify.dev/docs/api/usage/bulk-operations/queries#download-result-data):
 * one line per object, nodes of nested connections on their own lines with `__parentId` = the
 * enclosing object's id, `edges`/`node` wrappers dropped, connections read unbounded.
 *
 * @example
 * const plan = compileBulk(schema, document); runBulk(plan, ctx, lines); // lines: string[]
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isLeafType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLLeafType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { SimContext } from './context.js';
import { fieldResolver } from './execute.js';
import {
  collectFields,
  connectionNodeType,
  nodeSelections,
  subSelections,
  walkerOf,
  type Walker,
} from './fields.js';
import { queryRoot } from './query-root.js';

interface PlanField {
  key: string;
  kind: 'typename' | 'leaf' | 'object' | 'connection';
  args: Record<string, unknown>;
  info: GraphQLResolveInfo;
  leafType?: GraphQLLeafType;
  list: boolean;
  plan: PlanField[];
}

/** A compiled bulk document. */
export interface BulkPlan {
  roots: PlanField[];
}

const NESTED_PATH = { prev: undefined, key: 'bulk', typename: undefined };

function compile(
  w: Walker,
  selections: readonly SelectionNode[],
  type: GraphQLCompositeType,
  root: boolean,
): PlanField[] {
  const defs = 'getFields' in type && !isAbstractType(type) ? type.getFields() : {};
  const plan: PlanField[] = [];
  for (const [key, nodes] of collectFields(w, selections, type)) {
    const node = nodes[0] as FieldNode;
    const name = node.name.value;
    const def = defs[name];
    if (name === '__typename' || !def) {
      plan.push({ key, kind: 'typename', args: {}, info: {} as GraphQLResolveInfo, list: false, plan: [] });
      continue;
    }
    const info = {
      fieldName: name,
      returnType: def.type,
      parentType: type,
      path: root
        ? { prev: undefined, key, typename: type.name }
        : { prev: NESTED_PATH, key, typename: type.name },
      fieldNodes: nodes,
      schema: w.schema,
      variableValues: {},
    } as unknown as GraphQLResolveInfo;
    const named = getNamedType(def.type);
    const args = getArgumentValues(def, node, {});
    const list = isListType(getNullableType(def.type));
    if (isLeafType(named)) {
      plan.push({ key, kind: 'leaf', args, info, leafType: named, list, plan: [] });
      continue;
    }
    const nodeType = connectionNodeType(named);
    if (nodeType)
      plan.push({
        key,
        kind: 'connection',
        args,
        info,
        list,
        plan: compile(w, nodeSelections(nodes), nodeType, false),
      });
    else
      plan.push({
        key,
        kind: 'object',
        args,
        info,
        list,
        plan: compile(w, subSelections(nodes), named as GraphQLCompositeType, false),
      });
  }
  return plan;
}

/** Compiles a checked bulk document. */
export function compileBulk(schema: GraphQLSchema, document: DocumentNode): BulkPlan {
  const w: Walker = { ...walkerOf(schema, document, {}), anyFragment: true };
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const root = schema.getQueryType();
  return { roots: operation && root ? compile(w, operation.selectionSet.selections, root, true) : [] };
}

type Json = Record<string, unknown>;
type Deferred = [plan: PlanField[], nodes: readonly object[], parentId: unknown];

function resolve(source: object, field: PlanField, ctx: SimContext): unknown {
  return fieldResolver(source, field.args, ctx, field.info);
}

function serialize(field: PlanField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const type = field.leafType as GraphQLLeafType;
  return field.list && Array.isArray(value)
    ? value.map((item) => type.serialize(item))
    : type.serialize(value);
}

function fill(plan: PlanField[], record: object, ctx: SimContext, deferred: Deferred[]): Json {
  const line: Json = {};
  for (const field of plan) {
    if (field.kind === 'typename') {
      line[field.key] = (record as { __typename?: string }).__typename ?? null;
      continue;
    }
    const value = resolve(record, field, ctx);
    if (field.kind === 'leaf') line[field.key] = serialize(field, value);
    else if (value === null || value === undefined) line[field.key] = null;
    else if (field.kind === 'connection')
      deferred.push([field.plan, (value as { nodes: object[] }).nodes, (record as { id?: unknown }).id]);
    else if (field.list)
      line[field.key] = (value as object[]).map((item) =>
        item === null ? null : fill(field.plan, item, ctx, deferred),
      );
    else line[field.key] = fill(field.plan, value as object, ctx, deferred);
  }
  return line;
}

function emit(plan: PlanField[], record: object, parentId: unknown, ctx: SimContext, out: string[]): void {
  const deferred: Deferred[] = [];
  const line = fill(plan, record, ctx, deferred);
  if (parentId !== undefined) line.__parentId = parentId;
  out.push(JSON.stringify(line));
  for (const [childPlan, nodes, id] of deferred)
    for (const node of nodes) emit(childPlan, node, id, ctx, out);
}

/** Runs the plan for the window in `ctx.bulk`, appending JSONL lines; returns how many root objects it read. */
export function runBulk(plan: BulkPlan, ctx: SimContext, out: string[]): number {
  let roots = 0;
  for (const field of plan.roots) {
    const value = resolve(queryRoot, field, ctx);
    if (value === null || value === undefined) continue;
    if (field.kind === 'connection') {
      const nodes = (value as { nodes: object[] }).nodes;
      for (const node of nodes) emit(field.plan, node, undefined, ctx, out);
      roots += nodes.length;
    } else if (field.kind === 'object') {
      emit(field.plan, value as object, undefined, ctx, out);
      roots += 1;
    }
  }
  return roots;
}
