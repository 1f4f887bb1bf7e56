import { describe, expect, it } from 'vitest';
import { GraphQLEnumType, parse, validate, TypeInfo, visit, visitWithTypeInfo, getNamedType } from 'graphql';
import { loadShopifySchema } from './schema.js';
import { REQUEST_DOCUMENTS, PAGE_VARIABLES } from './queries.js';
import { BULK_DOCUMENTS } from './bulk-queries.js';
import { estimateQueryCost } from './cost.js';
import { SHOPIFY_MANIFEST } from './manifest.js';

const schema = loadShopifySchema();
const all = { ...REQUEST_DOCUMENTS, ...BULK_DOCUMENTS };

/** Deprecated fields we use on purpose (see queries.ts). */
const ALLOWED_DEPRECATED = new Set(['InventoryItem.variant']);

function deprecatedFieldsUsed(document: string): string[] {
  const typeInfo = new TypeInfo(schema);
  const used: string[] = [];
  visit(
    parse(document),
    visitWithTypeInfo(typeInfo, {
      Field() {
        const def = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (def?.deprecationReason && parent) used.push(`${parent.name}.${def.name}`);
      },
    }),
  );
  return used;
}

describe('Shopify GraphQL documents', () => {
  it.each(Object.entries(all))(
    'given %s when validated against the 2026-10 schema then it has no errors',
    (_name, document) => {
      const errors = validate(schema, parse(document));
      expect(errors.map((e) => e.message)).toEqual([]);
    },
  );

  it.each(Object.entries(all))(
    'given %s then it uses no deprecated field other than the allowed ones',
    (_name, document) => {
      expect(deprecatedFieldsUsed(document).filter((f) => !ALLOWED_DEPRECATED.has(f))).toEqual([]);
    },
  );

  it('given a misspelt field when validated then the schema check fails (the test can fail)', () => {
    const broken = REQUEST_DOCUMENTS.CUSTOMERS_QUERY.replace('defaultEmailAddress', 'defaultEmail');
    expect(validate(schema, parse(broken)).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(REQUEST_DOCUMENTS))(
    'given %s with the page sizes the connector uses then its estimated cost stays under the single-query cap',
    (name, document) => {
      const cost = estimateQueryCost(document, PAGE_VARIABLES[name as keyof typeof PAGE_VARIABLES]);
      expect(cost).toBeLessThanOrEqual(SHOPIFY_MANIFEST.limits.maxQueryCost);
    },
  );

  it('given the manifest webhook topics then each is a WebhookSubscriptionTopic value', () => {
    const topics = schema.getType('WebhookSubscriptionTopic') as GraphQLEnumType;
    const values = new Set(topics.getValues().map((v) => v.name));
    for (const topic of SHOPIFY_MANIFEST.capabilities.webhooks) expect(values.has(topic)).toBe(true);
  });

  it('given the bulk queries then each has at most five connections and two levels of nesting', () => {
    for (const document of Object.values(BULK_DOCUMENTS)) {
      const typeInfo = new TypeInfo(schema);
      let connections = 0;
      let depth = 0;
      let maxDepth = 0;
      visit(
        parse(document),
        visitWithTypeInfo(typeInfo, {
          Field: {
            enter() {
              const type = typeInfo.getType();
              if (type && getNamedType(type).name.endsWith('Connection')) {
                connections += 1;
                depth += 1;
                maxDepth = Math.max(maxDepth, depth);
              }
            },
            leave() {
              const type = typeInfo.getType();
              if (type && getNamedType(type).name.endsWith('Connection')) depth -= 1;
            },
          },
        }),
      );
      expect(connections).toBeLessThanOrEqual(SHOPIFY_MANIFEST.bulk.maxConnections);
      expect(maxDepth - 1).toBeLessThanOrEqual(SHOPIFY_MANIFEST.bulk.maxNestingDepth);
    }
  });
});
