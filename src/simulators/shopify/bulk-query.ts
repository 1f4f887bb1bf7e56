/**
 * Checking bulk query documents (https://shopify.dev/docs/api/usage/bulk-operations/queries): a
 * valid query with one top-level field, at least one connection, at most five connections and at
 * most two levels of nested connections below the top one (userError wording inferred).
 *
 * @example
 * checkBulkQuery(schema, '{ products { edges { node { id } } } }') // { document, errors: [] }
 */
import {
  getNamedType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { connectionNodeType } from './fields.js';
import { prepareDocument } from './schema.js';

const MAX_CONNECTIONS = 5;
const MAX_NESTED_LEVELS = 2;

/** A `BulkOperationUserError` as returned by bulkOperationRunQuery. */
export interface BulkUserError {
  field: string[] | null;
  message: string;
  code: 'INVALID' | 'OPERATION_IN_PROGRESS' | 'LIMIT_REACHED';
}

function invalid(message: string): BulkUserError {
  return { field: ['query'], message, code: 'INVALID' };
}

/** Counts connection fields and the deepest chain of nested connections in an operation. */
function connectionShape(schema: GraphQLSchema, document: DocumentNode): { count: number; depth: number } {
  const typeInfo = new TypeInfo(schema);
  let count = 0;
  let depth = 0;
  let current = 0;
  const stack: boolean[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter() {
          const type = typeInfo.getType();
          const isConnection = !!type && !!connectionNodeType(getNamedType(type));
          stack.push(isConnection);
          if (isConnection) {
            count += 1;
            current += 1;
            depth = Math.max(depth, current);
          }
        },
        leave() {
          if (stack.pop()) current -= 1;
        },
      },
    }),
  );
  return { count, depth };
}

/** Validates a bulk query; returns the prepared document or the userErrors Shopify would give. */
export function checkBulkQuery(
  schema: GraphQLSchema,
  query: string,
): { document?: DocumentNode; errors: BulkUserError[] } {
  const prepared = prepareDocument(query);
  if (!prepared.document || prepared.errors.length > 0) {
    return { errors: [invalid(`Invalid bulk query: ${prepared.errors.map((e) => e.message).join('; ')}`)] };
  }
  const operations = prepared.document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1 || operations[0]?.operation !== 'query') {
    return { errors: [invalid('Bulk queries must contain exactly one query operation.')] };
  }
  if ((operations[0] as OperationDefinitionNode).selectionSet.selections.length !== 1) {
    return { errors: [invalid('Bulk queries must select exactly one top-level field.')] };
  }
  const { count, depth } = connectionShape(schema, prepared.document);
  if (count === 0) return { errors: [invalid('Bulk queries must contain at least one connection.')] };
  if (count > MAX_CONNECTIONS)
    return { errors: [invalid(`Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`)] };
  if (depth > MAX_NESTED_LEVELS + 1) {
    return {
      errors: [
        invalid(`Bulk queries cannot contain connections nested more than ${MAX_NESTED_LEVELS} levels deep.`),
      ],
    };
  }
  return { document: prepared.document, errors: [] };
}
