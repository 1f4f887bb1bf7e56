/**
 * Executes a prepared operation against Shopify's client schema with graphql-js. A client schema
 * has no resolvers, so execution supplies them: the root value holds one function per supported
 * root field, a field resolver reads record properties or calls record methods with
 * `(args, ctx, info)`, and abstract types resolve through each record's `__typename`.
 */
import {
  execute,
  isNonNullType,
  type DocumentNode,
  type ExecutionResult,
  type OperationDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from 'graphql';
import type { SimContext } from './context.js';
import { simError } from './errors.js';
import { mutationRoot } from './mutations/index.js';
import { queryRoot } from './query-root.js';
import { shopifySchema } from './schema.js';

/** Reads a property, or calls it as a method with (args, ctx, info). */
export const fieldResolver: GraphQLFieldResolver<unknown, SimContext> = (source, args, ctx, info) => {
  if (source === null || typeof source !== 'object') return undefined;
  const value = (source as Record<string, unknown>)[info.fieldName];
  if (typeof value === 'function')
    return (value as (...a: unknown[]) => unknown).call(source, args, ctx, info);
  if (value === undefined && (isNonNullType(info.returnType) || info.path.prev === undefined)) {
    throw simError(
      `${info.parentType.name}.${info.fieldName} is not supported by the Concord Shopify simulator`,
      'NOT_SUPPORTED',
    );
  }
  return value;
};

/** Abstract types (Node, HasMetafields, …) resolve through `__typename` on the record. */
export const typeResolver: GraphQLTypeResolver<unknown, SimContext> = (value) =>
  value && typeof value === 'object'
    ? ((value as { __typename?: string }).__typename ?? undefined)
    : undefined;

/** Runs one operation of `document` synchronously (the simulator's resolvers never return promises). */
export function runOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  ctx: SimContext,
): ExecutionResult {
  const result = execute({
    schema: shopifySchema(),
    document,
    operationName: operation.name?.value,
    variableValues: variables,
    contextValue: ctx,
    rootValue: operation.operation === 'mutation' ? mutationRoot : queryRoot,
    fieldResolver,
    typeResolver,
  });
  if (result instanceof Promise) throw new Error('The Shopify simulator resolvers must be synchronous');
  return result;
}
