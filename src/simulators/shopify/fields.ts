/**
 * Field collection over a document, as graphql-js does it during execution: fragments expanded
 * for a runtime type, `@skip` / `@include` honoured, fields merged by response key. Shared by the
 * cost calculator and the bulk-operation JSONL writer, which both walk documents beside their data.
 *
 * @example
 * collectFields(walker, selections, productType) // Map { 'id' => [FieldNode], 'variants' => [...] }
 */
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionNode,
  type ValueNode,
} from 'graphql';

/** Document context for field collection. */
export interface Walker {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Expand every fragment whatever its type condition (used when the runtime type is unknown). */
  anyFragment?: boolean;
}

/** A walker over `document` with coerced `variables`. */
export function walkerOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): Walker {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return { schema, fragments, variables };
}

/** A literal or variable value (ints, booleans and strings; others undefined). */
export function valueOf(node: ValueNode | undefined, w: Walker): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.VARIABLE) return w.variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.BOOLEAN || node.kind === Kind.STRING) return node.value;
  return undefined;
}

function included(node: SelectionNode, w: Walker): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const value = valueOf(directive.arguments?.find((a) => a.name.value === 'if')?.value, w);
    if (name === 'skip' && value === true) return false;
    if (name === 'include' && value === false) return false;
  }
  return true;
}

/** True when a fragment with type condition `condition` applies to an object of `runtime`. */
export function applies(condition: string | undefined, runtime: GraphQLCompositeType, w: Walker): boolean {
  if (!condition || condition === runtime.name || w.anyFragment) return true;
  const type = w.schema.getType(condition);
  if (!type || !isAbstractType(type) || !isObjectType(runtime)) return false;
  return w.schema.isSubType(type, runtime);
}

/** Response key → field nodes selected on an object of `runtime`. */
export function collectFields(
  w: Walker,
  selections: readonly SelectionNode[],
  runtime: GraphQLCompositeType,
  out = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const selection of selections) {
    if (!included(selection, w)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const list = out.get(key);
      if (list) list.push(selection);
      else out.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value, runtime, w))
        collectFields(w, selection.selectionSet.selections, runtime, out);
    } else {
      const fragment = w.fragments.get(selection.name.value);
      if (fragment && applies(fragment.typeCondition.name.value, runtime, w)) {
        collectFields(w, fragment.selectionSet.selections, runtime, out);
      }
    }
  }
  return out;
}

/** The sub-selections of fields merged under one response key. */
export function subSelections(nodes: readonly FieldNode[]): SelectionNode[] {
  return nodes.flatMap((node) => node.selectionSet?.selections ?? []);
}

/** The node type of a Relay connection type (`ProductConnection` → `Product`), or undefined. */
export function connectionNodeType(type: GraphQLNamedType): GraphQLCompositeType | undefined {
  if (!isObjectType(type) || !type.name.endsWith('Connection')) return undefined;
  const fields = type.getFields();
  if (!fields.pageInfo) return undefined;
  if (fields.nodes) return getNamedType(fields.nodes.type) as GraphQLCompositeType;
  const edge = fields.edges ? getNamedType(fields.edges.type) : undefined;
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  return node ? (getNamedType(node.type) as GraphQLCompositeType) : undefined;
}

/** Selections made on the nodes of a connection field (`nodes { … }` and `edges { node { … } }`). */
export function nodeSelections(nodes: readonly FieldNode[]): SelectionNode[] {
  const out: SelectionNode[] = [];
  for (const selection of subSelections(nodes)) {
    if (selection.kind !== Kind.FIELD) continue;
    if (selection.name.value === 'nodes') out.push(...(selection.selectionSet?.selections ?? []));
    if (selection.name.value === 'edges') {
      for (const edgeField of selection.selectionSet?.selections ?? []) {
        if (edgeField.kind === Kind.FIELD && edgeField.name.value === 'node')
          out.push(...(edgeField.selectionSet?.selections ?? []));
      }
    }
  }
  return out;
}
