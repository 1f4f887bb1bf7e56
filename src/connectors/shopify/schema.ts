/**
 * Shopify's published Admin GraphQL schema, version 2026-10, loaded from the vendored introspection
 * result (`vendor/shopify/admin_2026-10.json.gz`). Tests validate every document the connector sends
 * against it; it is loaded lazily and once.
 *
 * @example
 * const errors = validate(loadShopifySchema(), parse(PRODUCTS_QUERY));
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

const SCHEMA_FILE = fileURLToPath(new URL('../../../vendor/shopify/admin_2026-10.json.gz', import.meta.url));

let cached: GraphQLSchema | undefined;

/** The 2026-10 Admin API schema (built once per process). */
export function loadShopifySchema(): GraphQLSchema {
  if (!cached) {
    const json = JSON.parse(gunzipSync(readFileSync(SCHEMA_FILE)).toString('utf8')) as {
      data: IntrospectionQuery;
    };
    cached = buildClientSchema(json.data);
  }
  return cached;
}
