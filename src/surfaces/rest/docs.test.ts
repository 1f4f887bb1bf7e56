import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixNullableRefs } from './openapi-fixes.js';
import { seededApi, type SeededApi } from './testing.js';

type Json = Record<string, unknown>;
interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Json & { responses: Record<string, Json>; operationId?: string }>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
}

const API_PATHS = [
  '/products',
  '/products/{id}',
  '/locations',
  '/inventory',
  '/customers',
  '/orders',
  '/orders/{id}',
  '/healthz',
  '/webhooks/{merchant_id}/{system}',
  '/sync/status',
  '/items',
  '/items/{id}',
  '/sales_orders',
  '/sales_orders/{id}',
  '/invoices',
  '/invoices/{id}',
  '/conflicts',
  '/quotes',
  '/orders/{id}/refunds',
  '/credit_memos',
  '/credit_memos/{id}',
  '/quotes/{id}',
  '/products/{id}/resolved',
];

/** Every `$ref` anywhere in a JSON value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('GET /openapi.json and /docs', () => {
  let api: SeededApi;
  let doc: OpenApiDoc;
  let ajv: Ajv2020;
  beforeAll(async () => {
    api = await seededApi();
    const res = await api.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDoc;
    // OpenAPI 3.1 schema objects are JSON Schema 2020-12 (plus annotations such as `example`).
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc as unknown as Json, 'openapi.json');
  });
  afterAll(() => api.close());

  const validatorFor = (component: string) =>
    ajv.compile({ $ref: `openapi.json#/components/schemas/${component}` });

  it('given the document when read then it is OpenAPI 3.1 with info, every API path and operation ids', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.keys(doc.paths).sort()).toEqual([...API_PATHS].sort());
    expect(Object.keys(doc.paths['/orders']!).sort()).toEqual(['get', 'post']);
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('given every operation when inspected then each declares responses, and authenticated ones the bearer scheme', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(['get', 'post'], `${method} ${path}`).toContain(method);
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        const open = path === '/healthz' || path.startsWith('/webhooks/');
        expect(op['security'], `${method} ${path}`).toEqual(open ? undefined : [{ bearer: [] }]);
      }
    }
    expect(doc.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const post = doc.paths['/orders']!['post']!;
    expect(JSON.stringify(post['parameters'])).toContain('Idempotency-Key');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '413', '422']));
  });

  it('given the components when compiled as JSON Schema 2020-12 then all compile and every $ref resolves', () => {
    for (const name of [
      'Product',
      'Variant',
      'Order',
      'Problem',
      'OrderRequest',
      'PlacedOrder',
      'Quote',
      'QuoteRequest',
      'InventoryLevel',
      'Location',
      'Customer',
    ]) {
      expect(doc.components.schemas, name).toHaveProperty(name);
    }
    for (const name of Object.keys(doc.components.schemas))
      expect(() => validatorFor(name), name).not.toThrow();
    for (const ref of refsIn(doc)) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      expect(name && doc.components.schemas[name], ref).toBeTruthy();
    }
  });

  it('given real responses when validated against their documented schemas then they conform', async () => {
    const product = api.a.products[0]!;
    const checks: [string, string, unknown][] = [
      ['ProductList', '/products?expand=raw', undefined],
      ['Product', `/products/${product.id}`, undefined],
      ['LocationList', '/locations', undefined],
      ['InventoryList', '/inventory?sku=TEE-S', undefined],
      ['CustomerList', '/customers', undefined],
      ['OrderList', '/orders', undefined],
      ['Problem', '/products/prod_missing', undefined],
    ];
    for (const [component, path] of checks) {
      const body = await (await api.call('GET', path, { key: api.keyA })).json();
      const validate = validatorFor(component);
      expect(validate(body), `${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    const placed = await api.call('POST', '/orders', {
      key: api.keyA,
      body: { lines: [{ sku: 'MUG', quantity: 1 }], customer: { email: 'dan@example.com' } },
      headers: { 'Idempotency-Key': 'docs-test' },
    });
    const validateOrder = validatorFor('PlacedOrder');
    expect(validateOrder(await placed.json()), ajv.errorsText(validateOrder.errors)).toBe(true);
  });

  it('given the documented OrderRequest when checked then it rejects unknown fields like the API does', () => {
    const validate = validatorFor('OrderRequest');
    expect(validate({ quote_id: 'quo_1', customer: { first_name: 'Ada' } })).toBe(true);
    expect(validate({ lines: [{ sku: 'A', quantity: 1 }], customer: { email: 'a@example.com' } })).toBe(true);
    expect(
      validate({ lines: [{ sku: 'A', quantity: 1 }], customer: { email: 'a@example.com' }, coupon: 'x' }),
    ).toBe(false);
    expect(validate({ lines: [{ sku: 'A', quantity: 0 }], customer: { email: 'a@example.com' } })).toBe(
      false,
    );
  });

  it('given GET /docs when loaded then it is HTML whose assets are all local and each returns 200', async () => {
    const res = await api.call('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(
      expect.arrayContaining([
        '/docs/assets/swagger-ui.css',
        '/docs/assets/swagger-ui-bundle.js',
        '/docs/init.js',
      ]),
    );
    for (const asset of assets) {
      expect(asset.startsWith('/'), asset).toBe(true);
      const got = await api.call('GET', asset);
      expect(got.status, asset).toBe(200);
      expect((await got.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
    }
    const init = await (await api.call('GET', '/docs/init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
  });
});

describe('fixNullableRefs', () => {
  it('given a nullable $ref written as allOf when fixed then it becomes anyOf [$ref, null], other members kept', () => {
    const ref = { $ref: '#/components/schemas/Money' };
    expect(
      fixNullableRefs({
        properties: { p: { allOf: [ref, { type: ['object', 'null'] }], description: 'd' } },
      }),
    ).toEqual({
      properties: { p: { anyOf: [ref, { type: 'null' }], description: 'd' } },
    });
  });

  it('given an allOf that is not a nullable $ref when fixed then it is left alone', () => {
    const doc = {
      allOf: [{ $ref: '#/a' }, { type: 'object', properties: {} }],
      items: [{ allOf: [{ $ref: '#/b' }] }],
    };
    expect(fixNullableRefs(doc)).toEqual(doc);
  });
});
