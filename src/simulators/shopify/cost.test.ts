import fc from 'fast-check';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { actualCost, requestedCost } from './cost.js';
import { shopifySchema } from './schema.js';

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  return requestedCost(shopifySchema(), document, operation, variables);
}

function actual(query: string, data: unknown): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  return actualCost(shopifySchema(), document, operation, {}, data, cost(query));
}

describe('requested query cost', () => {
  // Worked example of https://shopify.engineering/rate-limiting-graphql-apis-calculating-query-complexity:
  // `shop` is an object (1); id, name, timezoneOffsetMinutes and customerAccounts are scalars/enums (0).
  it('given the engineering-blog shop query when costed then it is 1', () => {
    expect(cost('{ shop { id name timezoneOffsetMinutes customerAccounts } }')).toBe(1);
  });

  // The GraphQL Admin API reference shows requestedQueryCost 3 for this query (2 + 1 node).
  it('given products(first: 1) with a title when costed then it is 3', () => {
    expect(cost('{ products(first: 1) { edges { node { title } } } }')).toBe(3);
  });

  it('given nested connections when costed then the inner cost is multiplied by the outer first', () => {
    // 2 + 10 × (1 product + (2 + 5 × 1 variant))
    expect(cost('{ products(first: 10) { nodes { id variants(first: 5) { nodes { id } } } } }')).toBe(82);
  });

  it('given objects inside nodes when costed then each object counts once per node', () => {
    // 2 + 4 × (1 variant + 1 inventoryItem + 1 measurement + 1 weight)
    expect(
      cost('{ productVariants(first: 4) { nodes { inventoryItem { measurement { weight { value } } } } } }'),
    ).toBe(18);
  });

  it('given pageInfo and edges wrappers when costed then they add nothing', () => {
    expect(
      cost('{ products(first: 3) { pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }'),
    ).toBe(5);
  });

  it('given a variable page size when costed then the variable value is used', () => {
    expect(cost('query($n: Int!) { products(first: $n) { nodes { id } } }', { n: 7 })).toBe(9);
  });

  it('given a mutation when costed then it is a flat 10 whatever the payload selects', () => {
    const doc = `mutation { customerCreate(input: { email: "a@example.com" }) {
      customer { id defaultAddress { city } } userErrors { field message } } }`;
    expect(cost(doc)).toBe(10);
  });

  it('given fragments on an interface when costed then the most expensive possibility counts', () => {
    const doc = `{ node(id: "gid://shopify/Product/1") {
      ... on Product { id variants(first: 3) { nodes { id } } }
      ... on Order { id }
    } }`;
    // node (1) + max(Product: 2 + 3, Order: 0)
    expect(cost(doc)).toBe(6);
  });

  it('given a skipped field when costed then it costs nothing', () => {
    expect(cost('{ shop { id } products(first: 3) @skip(if: true) { nodes { id } } }')).toBe(1);
  });

  it('given a sized list of objects when costed then it is priced like a connection (inferred)', () => {
    expect(cost('{ order(id: "gid://shopify/Order/1") { fulfillments(first: 3) { id } } }')).toBe(1 + 2 + 3);
  });

  it('given any page size when costed then a flat products page costs 2 + first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 250 }), (n) => {
        expect(cost(`{ products(first: ${n}) { nodes { id title } } }`)).toBe(2 + n);
      }),
    );
  });
});

describe('actual query cost', () => {
  it('given fewer nodes returned than asked for when costed then only returned nodes count', () => {
    const query = '{ products(first: 10) { nodes { id } } }';
    expect(actual(query, { products: { nodes: [{ id: 'a' }, { id: 'b' }] } })).toBe(4);
  });

  it('given a null object when costed then it costs nothing', () => {
    expect(actual('{ product(id: "gid://shopify/Product/0") { id } }', { product: null })).toBe(0);
  });

  it('given any returned page when costed then the actual cost never exceeds the requested cost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 60 }), (first, returned) => {
        const query = `{ products(first: ${first}) { nodes { id variants(first: 2) { nodes { id } } } } }`;
        const nodes = Array.from({ length: returned }, () => ({
          id: 'p',
          variants: { nodes: [{ id: 'v' }] },
        }));
        expect(actual(query, { products: { nodes } })).toBeLessThanOrEqual(cost(query));
      }),
    );
  });
});
