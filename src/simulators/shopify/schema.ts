/**
 * Shopify's published Admin GraphQL schema (version 2026-10), loaded once per process from
 * `vendor/shopify/admin_2026-10.json.gz`, and a small cache of parsed + validated documents keyed
 * by their source text (the connector sends the same few documents thousands of times, and
 * parsing + validating against a 2 MB schema is the expensive part of a request).
 *
 * @example
 * const prepared = prepareDocument('{ shop { name } }');
 * if (prepared.errors.length === 0) execute({ schema: shopifySchema(), document: prepared.document });
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  buildClientSchema,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

const SCHEMA_URL = new URL('../../../vendor/shopify/admin_2026-10.json.gz', import.meta.url);

let cached: GraphQLSchema | undefined;

/** The Admin API 2026-10 schema object (built on first use, then shared). */
export function shopifySchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(gunzipSync(readFileSync(SCHEMA_URL)).toString('utf8')) as {
      data: IntrospectionQuery;
    };
    cached = buildClientSchema(json.data);
  }
  return cached;
}

/** A document parsed and validated once; `errors` holds syntax or validation errors. */
export interface PreparedDocument {
  document: DocumentNode | undefined;
  errors: readonly GraphQLError[];
}

const MAX_CACHED = 512;
const documents = new Map<string, PreparedDocument>();

/** Parses and validates `source` against the schema, remembering the outcome by source text. */
export function prepareDocument(source: string): PreparedDocument {
  const hit = documents.get(source);
  if (hit) return hit;
  let prepared: PreparedDocument;
  try {
    const document = parse(source);
    prepared = { document, errors: validate(shopifySchema(), document) };
  } catch (error) {
    const syntax = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    prepared = { document: undefined, errors: [syntax] };
  }
  if (documents.size >= MAX_CACHED) {
    const oldest = documents.keys().next().value;
    if (oldest !== undefined) documents.delete(oldest);
  }
  documents.set(source, prepared);
  return prepared;
}

/**
 * Mutations whose description says that, as of 2026-04, the `@idempotent` key is required.
 * Read from the schema itself so the list follows Shopify's published text.
 */
export function mutationsRequiringIdempotencyKey(): ReadonlySet<string> {
  if (!requiredIdempotent) {
    const fields = shopifySchema().getMutationType()?.getFields() ?? {};
    requiredIdempotent = new Set(
      Object.values(fields)
        .filter((field) => /idempotency key is required/i.test(field.description ?? ''))
        .map((field) => field.name),
    );
  }
  return requiredIdempotent;
}
let requiredIdempotent: Set<string> | undefined;
