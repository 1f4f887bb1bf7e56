/**
 * One GraphQL request, end to end, the way Shopify answers it: parse + validate (cached), coerce
 * variables, compute the requested cost, refuse single queries over 1000 points
 * (MAX_COST_EXCEEDED, wording as recorded by public clients), take the cost from the leaky bucket
 * or answer THROTTLED (HTTP 200, `actualQueryCost: null`), execute, charge the actual cost (the
 * rest is refunded) and report `extensions.cost` with the throttle status.
 * https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits
 */
import { getVariableValues, Kind, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { LeakyBucket } from './bucket.js';
import type { SimServices } from './context.js';
import { actualCost, requestedCost } from './cost.js';
import { formatExecutionError, formatValidationErrors, type ShopifyErrorJson } from './errors.js';
import { runOperation } from './execute.js';
import { prepareDocument, shopifySchema } from './schema.js';
import type { ShopifyState } from './state.js';

/** Shopify's single-query cost cap. */
export const MAX_QUERY_COST = 1000;

/** The store, bucket, services and counters a request uses. */
export interface GraphqlDeps {
  state: ShopifyState;
  bucket: LeakyBucket;
  services: SimServices;
  now: () => number;
  stats: { throttled: number; costSpent: number };
}

/** A GraphQL POST body. */
export interface GraphqlRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** HTTP status and JSON body to send back. */
export interface GraphqlReply {
  status: number;
  body: unknown;
}

const RATE_LIMIT_DOCS = 'https://shopify.dev/api/usage/rate-limits';

function costExtension(requested: number, actual: number | null, deps: GraphqlDeps) {
  return {
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: deps.bucket.status() },
  };
}

function pickOperation(
  definitions: readonly unknown[],
  name: unknown,
): OperationDefinitionNode | ShopifyErrorJson {
  const operations = definitions.filter(
    (d): d is OperationDefinitionNode => (d as { kind?: string }).kind === Kind.OPERATION_DEFINITION,
  );
  if (typeof name === 'string' && name) {
    return (
      operations.find((op) => op.name?.value === name) ?? {
        message: `No operation named "${name}"`,
        extensions: { code: 'operationNotFound' },
      }
    );
  }
  if (operations.length === 1) return operations[0] as OperationDefinitionNode;
  return { message: 'An operation name is required', extensions: { code: 'operationNameRequired' } };
}

function variableErrors(errors: readonly GraphQLError[]): ShopifyErrorJson[] {
  return errors.map((error) => {
    const match = /^Variable "\$([^"]+)" (?:of (?:required |non-null )?type "([^"]+)")?/.exec(error.message);
    const name = match?.[1];
    return {
      message: name
        ? `Variable $${name} of type ${match?.[2] ?? 'unknown'} was provided invalid value`
        : error.message,
      locations: error.locations?.map(({ line, column }) => ({ line, column })),
      extensions: {
        code: 'INVALID_VARIABLE',
        value: null,
        problems: [{ path: [], explanation: error.message }],
      },
    };
  });
}

/** Handles one GraphQL POST body. */
export function handleGraphql(request: GraphqlRequest, deps: GraphqlDeps): GraphqlReply {
  if (typeof request.query !== 'string' || !request.query.trim()) {
    return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
  }
  const prepared = prepareDocument(request.query);
  if (!prepared.document || prepared.errors.length > 0) {
    return { status: 200, body: { errors: formatValidationErrors(prepared.errors, prepared.document) } };
  }
  const document = prepared.document;
  const operation = pickOperation(document.definitions, request.operationName);
  if (!('kind' in operation)) return { status: 200, body: { errors: [operation] } };
  const rawVariables = (
    request.variables && typeof request.variables === 'object' ? request.variables : {}
  ) as Record<string, unknown>;
  const coerced = getVariableValues(shopifySchema(), operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return { status: 200, body: { errors: variableErrors(coerced.errors) } };
  const requested = requestedCost(shopifySchema(), document, operation, coerced.coerced);
  if (requested > MAX_QUERY_COST) return maxCostExceeded(requested, deps);
  if (!deps.bucket.tryTake(requested)) {
    deps.stats.throttled += 1;
    const errors = [
      { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: RATE_LIMIT_DOCS } },
    ];
    return { status: 200, body: { errors, extensions: costExtension(requested, null, deps) } };
  }
  const result = runOperation(document, operation, rawVariables, {
    state: deps.state,
    now: deps.now(),
    services: deps.services,
  });
  const actual = actualCost(shopifySchema(), document, operation, coerced.coerced, result.data, requested);
  deps.bucket.refund(requested - actual);
  deps.stats.costSpent += actual;
  const body: Record<string, unknown> = {};
  if (result.errors?.length) body.errors = result.errors.map(formatExecutionError);
  body.data = result.data ?? null;
  body.extensions = costExtension(requested, actual, deps);
  return { status: 200, body };
}

function maxCostExceeded(requested: number, deps: GraphqlDeps): GraphqlReply {
  const message =
    `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
    'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
    'cost of a query is calculated.\n\n' +
    'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
    'See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n';
  const errors = [
    {
      message,
      extensions: {
        code: 'MAX_COST_EXCEEDED',
        cost: requested,
        maxCost: MAX_QUERY_COST,
        documentation: RATE_LIMIT_DOCS,
      },
    },
  ];
  return { status: 200, body: { errors, extensions: costExtension(requested, null, deps) } };
}
