/**
 * Contract suite of the UCP surface against the published schemas (UCP 2026-04-08, Apache-2.0,
 * `../shared/specs/ucp/2026-04-08`), validated with ajv in draft 2020-12 mode with ajv-formats and
 * the spec's own `$ref`s between files. Every request Concord is sent here and every response it
 * gives is validated: requests against the schema resolved for their operation (the `ucp_request`
 * annotations applied as the UCP `ucp-schema` tool defines them: omit / required / optional),
 * responses against the schema their own `ucp.capabilities` name (composed with the fulfillment
 * extension) and against the REST OpenAPI and MCP OpenRPC result schemas; the business profile and
 * the platform profiles Concord accepts against `ucp.json`.
 *
 * The spec's own example payloads are sent to Concord's endpoints: the UCP-Agent header of the
 * OpenAPI `ucp_agent` parameter, unchanged (its host is routed to a local profile), and a card
 * payment instrument built from `card_credential.json`'s examples (only the checkout id and SKU are
 * the sandbox's). The spec's example error codes and match values are checked against what Concord
 * emits, and its placeholder endpoints against the profile Concord builds.
 *
 * Protocol-error bodies (`{ code, content }`, checkout-rest "Error Handling") have no schema in the
 * spec files; they are checked against a two-field schema written from that text.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_TOKENS } from '../src/commerce/payments/handler.js';
import type { ShopifySimulator } from '../src/simulators/shopify/index.js';
import { businessProfile, CAP } from '../src/surfaces/ucp/profile.js';
import { SandboxPaymentHandler } from '../src/commerce/payments/handler.js';
import { SPEC_EXAMPLE_PROFILE, startUcpHarness, type UcpHarness } from '../src/surfaces/ucp/testing.js';

type Json = Record<string, unknown>;
const SPEC_DIR = fileURLToPath(new URL('../vendor/specs/ucp/2026-04-08/', import.meta.url));
const REST_ID = 'https://ucp.dev/services/shopping/rest.openapi.json';
const RPC_ID = 'https://ucp.dev/services/shopping/mcp.openrpc.json';
const S = 'https://ucp.dev/schemas';

const readJson = (path: string) => JSON.parse(readFileSync(join(SPEC_DIR, path), 'utf8')) as Json;

function schemaFiles(dir = 'schemas'): string[] {
  return readdirSync(join(SPEC_DIR, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? schemaFiles(`${dir}/${e.name}`) : e.name.endsWith('.json') ? [`${dir}/${e.name}`] : [],
  );
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

/**
 * Applies `ucp_request` / `ucp_response` visibility for a direction and operation, as the UCP
 * `ucp-schema` resolver documents it: `omit` removes the property (and from `required`), `required`
 * adds it to `required`, `optional` removes it from `required`; annotations are stripped.
 */
function resolveVisibility(node: unknown, direction: 'request' | 'response', op: string): unknown {
  if (Array.isArray(node)) return node.map((n) => resolveVisibility(n, direction, op));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('ucp_')) continue;
    out[k] = DATA_KEYWORDS.has(k) ? v : resolveVisibility(v, direction, op);
  }
  if (isObject(node.properties)) {
    let required = Array.isArray(node.required) ? [...(node.required as string[])] : undefined;
    const kept: Json = {};
    for (const [name, sub] of Object.entries(node.properties)) {
      const ann = isObject(sub) ? sub[direction === 'request' ? 'ucp_request' : 'ucp_response'] : undefined;
      const visibility = typeof ann === 'string' ? ann : isObject(ann) ? ann[op] : undefined;
      if (visibility === 'omit') {
        required = required?.filter((r) => r !== name);
        continue;
      }
      kept[name] = resolveVisibility(sub, direction, op);
      if (visibility === 'required') required = [...new Set([...(required ?? []), name])];
      if (visibility === 'optional') required = required?.filter((r) => r !== name);
    }
    out.properties = kept;
    if (required) out.required = required;
  }
  return out;
}

/** An ajv over every spec file, resolved for one direction and operation. */
function specAjv(direction: 'request' | 'response', op: string): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const file of schemaFiles()) ajv.addSchema(resolveVisibility(readJson(file), direction, op) as Json);
  ajv.addSchema({
    ...(resolveVisibility(readJson('services/shopping/rest.openapi.json'), direction, op) as Json),
    $id: REST_ID,
  });
  ajv.addSchema({
    ...(resolveVisibility(readJson('services/shopping/mcp.openrpc.json'), direction, op) as Json),
    $id: RPC_ID,
  });
  return ajv;
}

const ajvs = {
  response: specAjv('response', 'read'),
  create: specAjv('request', 'create'),
  update: specAjv('request', 'update'),
  complete: specAjv('request', 'complete'),
};

function validator(ajv: Ajv2020, ref: string): ValidateFunction {
  const v = ajv.getSchema(ref);
  if (!v) throw new Error(`no schema ${ref}`);
  return v;
}

/** Asserts `data` is valid, printing ajv's errors when it is not. */
function expectValid(v: ValidateFunction, data: unknown, what: string): void {
  const ok = v(data);
  expect(
    ok
      ? []
      : (v.errors ?? []).map((e) => `${what}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
  ).toEqual([]);
}

/** Asserts `data` is NOT valid (the validators reject what they should). */
function expectInvalid(v: ValidateFunction, data: unknown): void {
  expect(v(data)).toBe(false);
}

const PROTOCOL_ERROR = new Ajv2020().compile({
  type: 'object',
  required: ['code', 'content'],
  properties: { code: { type: 'string', minLength: 1 }, content: { type: 'string', minLength: 1 } },
  additionalProperties: false,
});

const R = ajvs.response;
const composedCheckout = validator(R, `${S}/shopping/fulfillment.json#/$defs/dev.ucp.shopping.checkout`);
const restCheckoutResponse = validator(R, `${REST_ID}#/components/schemas/checkout_response`);
const errorResponse = validator(R, `${S}/shopping/types/error_response.json`);
const requestOf = (op: 'create' | 'update' | 'complete') =>
  validator(ajvs[op], `${S}/shopping/fulfillment.json#/$defs/dev.ucp.shopping.checkout`);

/** The response as its own `ucp.capabilities` describe it: root schema plus extensions' $defs. */
function selfDescribed(body: Json): ValidateFunction {
  const caps = (body.ucp as { capabilities: Record<string, { schema: string; extends?: string }[]> })
    .capabilities;
  const root = Object.entries(caps).find(([, [e]]) => !e!.extends)!;
  const parts = [{ $ref: root[1][0]!.schema }];
  for (const [, [e]] of Object.entries(caps))
    if (e!.extends) parts.push({ $ref: `${e!.schema}#/$defs/${root[0]}` });
  return R.compile({ allOf: parts });
}

function expectCheckoutResponse(body: Json, what: string): void {
  expectValid(composedCheckout, body, what);
  expectValid(restCheckoutResponse, body, `${what} (OpenAPI checkout_response)`);
  if ((body.ucp as Json).status === 'success')
    expectValid(selfDescribed(body), body, `${what} (self-described)`);
}

let h: UcpHarness;
let sim: ShopifySimulator;
const emitted = { errorCodes: new Set<string>(), matches: new Set<string>() };

function record(body: Json): Json {
  for (const m of (body.messages ?? []) as { type: string; code?: string }[])
    if (m.type === 'error' && m.code) emitted.errorCodes.add(m.code);
  for (const p of (body.products ?? []) as { variants: { inputs?: { match?: string }[] }[] }[])
    for (const v of p.variants) for (const i of v.inputs ?? []) if (i.match) emitted.matches.add(i.match);
  return body;
}

const destination = {
  street_address: '1 Main St',
  address_locality: 'Springfield',
  address_region: 'IL',
  postal_code: '62701',
  address_country: 'US',
};
const buyer = { email: 'grace.ucp@example.com', first_name: 'Grace', last_name: 'Hopper' };
const sandboxPayment = {
  payment: {
    instruments: [
      {
        id: 'instr_1',
        handler_id: 'concord.sandbox',
        type: 'sandbox',
        selected: true,
        credential: { type: 'sandbox_token', token: SANDBOX_TOKENS.approve },
      },
    ],
  },
};

/** Units at active locations that fulfil online orders (the only ones a quote ships from). */
const shippable = (v: ShopifySimulator['state']['variants'][number]) =>
  v.inventoryItem.levels
    .filter((l) => l.location.active && l.location.fulfillsOnlineOrders)
    .reduce((n, l) => n + l.available, 0);

/** SKUs already handed to a step: each gets its own, so other steps' holds never count. */
const used = new Set<string>();

function stockedSku(min: number): string {
  const v = sim.state.variants.find(
    (x) =>
      x.sku !== null &&
      x.product.status === 'ACTIVE' &&
      ['Apparel', 'Kitchen'].includes(x.product.productType) &&
      !used.has(x.sku) &&
      shippable(x) >= min,
  );
  used.add(v!.sku!);
  return v!.sku!;
}

/** Sends a checkout write after validating it against the request schema of its operation. */
async function send(
  op: 'create' | 'update' | 'complete',
  method: string,
  path: string,
  body: Json,
  profile?: string,
) {
  expectValid(requestOf(op), body, `${op} request`);
  const res = await h.rest(method, path, { body, ...(profile ? { profile } : {}) });
  record(res.body);
  return res;
}

beforeAll(async () => {
  h = await startUcpHarness({ CONCORD_SANDBOX: 'true' }, { products: 16, customers: 2, orders: 1 });
  sim = h.node.sandbox!.simulator;
}, 120_000);
afterAll(() => h?.close());

describe('given the UCP 2026-04-08 schemas loaded with their $refs', () => {
  it('when a checkout response lacks a total or a request carries a zero quantity then the validators reject it', () => {
    const bad = {
      ucp: { version: '2026-04-08', status: 'success', payment_handlers: {} },
      id: 'x',
      line_items: [],
      status: 'incomplete',
      currency: 'USD',
      totals: [{ type: 'subtotal', amount: 1 }],
      links: [],
    };
    expectInvalid(composedCheckout, bad);
    expectInvalid(requestOf('create'), { line_items: [{ item: { id: 'A' }, quantity: 0 }] });
    expectInvalid(requestOf('complete'), {});
  });
});

describe('given the business profile at /.well-known/ucp', () => {
  it('when fetched then it is a business_schema profile whose services, capabilities and handler validate, cacheable', async () => {
    const res = await fetch(`${h.url}/.well-known/ucp`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const profile = (await res.json()) as {
      ucp: Json & { services: Json; capabilities: Json; payment_handlers: Json };
    };
    expectValid(validator(R, `${S}/ucp.json#/$defs/business_schema`), profile.ucp, 'profile');
    for (const service of profile.ucp.services['dev.ucp.shopping'] as Json[])
      expectValid(validator(R, `${S}/service.json#/$defs/business_schema`), service, 'service');
    for (const [name, entries] of Object.entries(profile.ucp.capabilities as Record<string, Json[]>)) {
      const schema =
        name === CAP.fulfillment
          ? `${S}/shopping/fulfillment.json#/$defs/dev.ucp.shopping.fulfillment/business_schema`
          : `${S}/capability.json#/$defs/business_schema`;
      for (const entry of entries) {
        expectValid(validator(R, schema), entry, name);
        // The schema URL each capability names is the spec file that defines that capability.
        expect((R.getSchema(entry.schema as string)?.schema as Json | undefined)?.name).toBe(name);
      }
    }
    for (const entries of Object.values(profile.ucp.payment_handlers as Record<string, Json[]>))
      for (const entry of entries)
        expectValid(validator(R, `${S}/payment_handler.json#/$defs/business_schema`), entry, 'handler');
  });

  it("when built for the spec's placeholder host then its endpoints are the spec's server defaults", () => {
    const rest = readJson('services/shopping/rest.openapi.json') as {
      servers: { variables: { endpoint: { default: string } } }[];
    };
    const rpc = readJson('services/shopping/mcp.openrpc.json') as {
      servers: { variables: { endpoint: { default: string } } }[];
    };
    const profile = businessProfile({
      baseUrl: 'https://merchant.example.com',
      payments: new SandboxPaymentHandler(),
    });
    const endpoints = profile.ucp.services['dev.ucp.shopping'].map((s) => [s.transport, s.endpoint]);
    expect(endpoints).toEqual([
      ['rest', rest.servers[0]!.variables.endpoint.default],
      ['mcp', rpc.servers[0]!.variables.endpoint.default],
    ]);
  });

  it('when Concord accepts the platform profiles of this suite then they are platform_schema profiles', async () => {
    const platform = validator(R, `${S}/ucp.json#/$defs/platform_schema`);
    for (const path of ['/agent.json', '/old-version.json', '/catalog-only.json']) {
      const profile = (await (await fetch(h.profiles.url(path))).json()) as { ucp: Json };
      expectValid(platform, profile.ucp, path);
    }
  });
});

describe('given a checkout over REST', () => {
  it('when created, updated, read and completed then every request and response validates', async () => {
    const sku = stockedSku(4);
    const create = { line_items: [{ item: { id: sku }, quantity: 1 }] };
    const created = await send('create', 'POST', '/ucp/checkout-sessions', create);
    expect(created.status).toBe(201);
    expectCheckoutResponse(created.body, 'create');
    const id = created.body.id as string;
    const lines = created.body.line_items as { id: string }[];
    const update = {
      line_items: [{ id: lines[0]!.id, item: { id: sku }, quantity: 2 }],
      buyer,
      fulfillment: {
        methods: [
          {
            type: 'shipping',
            line_item_ids: [lines[0]!.id],
            destinations: [{ id: 'dest_1', ...destination }],
          },
        ],
      },
    };
    const updated = await send('update', 'PUT', `/ucp/checkout-sessions/${id}`, update);
    expect(updated.body.status).toBe('ready_for_complete');
    expectCheckoutResponse(updated.body, 'update');
    const got = await h.rest('GET', `/ucp/checkout-sessions/${id}`);
    expectCheckoutResponse(got.body, 'get');
    const done = await send('complete', 'POST', `/ucp/checkout-sessions/${id}/complete`, sandboxPayment);
    expect(done.body.status).toBe('completed');
    expectCheckoutResponse(done.body, 'complete');
  });

  it('when canceled then the request has no body and the response validates', async () => {
    const created = await send('create', 'POST', '/ucp/checkout-sessions', {
      line_items: [{ item: { id: stockedSku(2) }, quantity: 1 }],
      buyer,
      fulfillment: { methods: [{ type: 'shipping', destinations: [destination] }] },
    });
    const res = await h.rest('POST', `/ucp/checkout-sessions/${created.body.id as string}/cancel`);
    expect(res.body.status).toBe('canceled');
    expectCheckoutResponse(res.body, 'cancel');
  });

  it('when the outcome is an error (unknown item, over stock, unknown session) then it is an error_response', async () => {
    const outcomes = [
      (
        await send('create', 'POST', '/ucp/checkout-sessions', {
          line_items: [{ item: { id: 'NO-SUCH-SKU' }, quantity: 1 }],
        })
      ).body,
      (
        await send('create', 'POST', '/ucp/checkout-sessions', {
          line_items: [{ item: { id: stockedSku(1) }, quantity: 9_999 }],
          buyer,
          fulfillment: { methods: [{ type: 'shipping', destinations: [destination] }] },
        })
      ).body,
      record((await h.rest('GET', '/ucp/checkout-sessions/chk_unknown')).body),
    ];
    for (const body of outcomes) {
      expectValid(errorResponse, body, 'outcome');
      expectValid(restCheckoutResponse, body, 'outcome (OpenAPI checkout_response)');
    }
  });

  it('when negotiation fails or capabilities do not intersect then the body is an error_response', async () => {
    const body = { line_items: [{ item: { id: stockedSku(1) }, quantity: 1 }] };
    const failed = await send(
      'create',
      'POST',
      '/ucp/checkout-sessions',
      body,
      h.profiles.url('/old-version.json'),
    );
    expect(failed.status).toBe(422);
    expectValid(errorResponse, failed.body, 'version_unsupported');
    const none = await send(
      'create',
      'POST',
      '/ucp/checkout-sessions',
      body,
      h.profiles.url('/catalog-only.json'),
    );
    expectValid(errorResponse, none.body, 'capabilities_incompatible');
  });

  it('when a protocol error is answered then its body is { code, content }', async () => {
    const bodies = [
      (await h.rest('POST', '/ucp/checkout-sessions', { body: {}, apiKey: null })).body,
      (await h.rest('POST', '/ucp/checkout-sessions', { rawBody: '{' })).body,
      (await h.rest('POST', '/ucp/checkout-sessions', { rawBody: `{"x":"${'y'.repeat(300 * 1024)}"}` })).body,
      (await h.rest('GET', '/ucp/orders/ord_1')).body,
    ];
    for (const body of bodies) expectValid(PROTOCOL_ERROR, body, 'protocol error');
  });
});

describe('given the catalog over REST', () => {
  it('when searching, looking up and getting a product then requests and responses validate', async () => {
    const sku = stockedSku(1);
    const search = {
      query: 'e',
      filters: { price: { min: 0 } },
      pagination: { limit: 3 },
      context: { address_country: 'US', currency: 'USD' },
    };
    expectValid(
      validator(R, `${S}/shopping/catalog_search.json#/$defs/search_request`),
      search,
      'search request',
    );
    const found = await h.rest('POST', '/ucp/catalog/search', { body: search });
    expectValid(
      validator(R, `${REST_ID}#/components/schemas/catalog_search_response`),
      record(found.body),
      'search',
    );
    const lookup = { ids: [sku, 'NO-SUCH-SKU'] };
    expectValid(
      validator(R, `${REST_ID}#/components/schemas/catalog_lookup_request`),
      lookup,
      'lookup request',
    );
    const looked = await h.rest('POST', '/ucp/catalog/lookup', { body: lookup });
    expectValid(
      validator(R, `${REST_ID}#/components/schemas/catalog_lookup_response`),
      record(looked.body),
      'lookup',
    );
    const productId = (looked.body.products as { id: string }[])[0]!.id;
    const byProduct = await h.rest('POST', '/ucp/catalog/lookup', { body: { ids: [productId] } });
    expectValid(
      validator(R, `${REST_ID}#/components/schemas/catalog_lookup_response`),
      record(byProduct.body),
      'lookup by product',
    );
    for (const req of [{ id: productId }, { id: 'prod_unknown' }]) {
      expectValid(
        validator(R, `${REST_ID}#/components/schemas/catalog_get_product_request`),
        req,
        'product request',
      );
      const got = await h.rest('POST', '/ucp/catalog/product', { body: req });
      expectValid(
        validator(R, `${REST_ID}#/components/schemas/catalog_get_product_response`),
        record(got.body),
        'product',
      );
    }
  });
});

describe('given the MCP binding (mcp.openrpc.json)', () => {
  let client: Client;
  const rpc = readJson('services/shopping/mcp.openrpc.json') as { methods: { name: string }[] };
  const method = (name: string) => rpc.methods.findIndex((m) => m.name === name);
  const param = (name: string, i: number, ajv = R) =>
    validator(ajv, `${RPC_ID}#/methods/${method(name)}/params/${i}/schema`);
  const result = (name: string) => validator(R, `${RPC_ID}#/methods/${method(name)}/result/schema`);

  /** Validates the arguments against the method's params, calls, validates the result. */
  async function call(name: string, args: Json, ajv: Ajv2020 = R): Promise<Json> {
    const names = ['meta', 'id', 'checkout', 'catalog'].filter((k) => k in args);
    names.forEach((k, i) => expectValid(param(name, i, ajv), args[k], `${name} ${k}`));
    const res = await client.callTool({ name, arguments: args });
    const out = record(res.structuredContent as Json);
    expectValid(result(name), out, `${name} result`);
    return out;
  }

  beforeAll(async () => {
    client = new Client({ name: 'ucp-contract-agent', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${h.url}/ucp/mcp`), {
        requestInit: { headers: { 'x-api-key': h.apiKey } },
      }),
    );
  });
  afterAll(() => client?.close());

  it('when listing tools then every input schema compiles and names the method params', async () => {
    const { tools } = await client.listTools();
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    for (const tool of tools) {
      expect(() => ajv.compile(tool.inputSchema)).not.toThrow();
      expect(Object.keys(tool.inputSchema.properties ?? {})[0]).toBe('meta');
      expect(method(tool.name)).toBeGreaterThanOrEqual(0);
    }
  });

  it('when an agent checks out and browses over MCP then every argument and result validates', async () => {
    const meta = (key?: string) => ({
      'ucp-agent': { profile: SPEC_EXAMPLE_PROFILE },
      ...(key ? { 'idempotency-key': key } : {}),
    });
    const sku = stockedSku(3);
    const checkout = {
      line_items: [{ item: { id: sku }, quantity: 1 }],
      buyer,
      fulfillment: { methods: [{ type: 'shipping', destinations: [destination] }] },
    };
    const created = await call('create_checkout', { meta: meta(randomUUID()), checkout }, ajvs.create);
    const id = created.id as string;
    await call('get_checkout', { meta: meta(), id });
    await call('update_checkout', { meta: meta(randomUUID()), id, checkout }, ajvs.update);
    const done = await call(
      'complete_checkout',
      { meta: meta(randomUUID()), id, checkout: sandboxPayment },
      ajvs.complete,
    );
    expect(done.status).toBe('completed');
    const other = await call('create_checkout', { meta: meta(randomUUID()), checkout }, ajvs.create);
    await call('cancel_checkout', { meta: meta(randomUUID()), id: other.id as string });
    await call('search_catalog', { meta: meta(), catalog: { query: 'e' } });
    await call('lookup_catalog', { meta: meta(), catalog: { ids: [sku] } });
    await call('get_product', { meta: meta(), catalog: { id: 'prod_unknown' } });
  });
});

describe("given the spec's own examples sent to Concord", () => {
  it('when a request carries the UCP-Agent header exactly as the OpenAPI example gives it then Concord negotiates with that profile', async () => {
    const description = (
      readJson('services/shopping/rest.openapi.json') as {
        components: { parameters: { ucp_agent: { description: string } } };
      }
    ).components.parameters.ucp_agent.description;
    const header = /Format: (profile="[^"]+")/.exec(description)![1]!;
    const res = await h.rest('POST', '/ucp/catalog/search', {
      body: { query: 'e' },
      profile: null,
      headers: { 'ucp-agent': header },
    });
    expect(res.status).toBe(200);
    expectValid(
      validator(R, `${REST_ID}#/components/schemas/catalog_search_response`),
      res.body,
      'search (spec header)',
    );
  });

  it("when completing with a card instrument built from card_credential.json's examples then it is a valid request Concord refuses, no order", async () => {
    const card = readJson('schemas/shopping/types/card_credential.json') as {
      allOf: { properties?: Record<string, { examples?: unknown[] }> }[];
    };
    const ex = (field: string) => card.allOf[1]!.properties![field]!.examples![0];
    const credential = {
      type: 'card',
      card_number_type: 'fpan',
      number: ex('number'),
      name: ex('name'),
      cvc: ex('cvc'),
      expiry_month: 12,
      expiry_year: 2030,
    };
    const instrument = {
      id: 'instr_card',
      handler_id: 'concord.sandbox',
      type: 'card',
      selected: true,
      credential,
      display: { brand: 'visa', last_digits: String(ex('number')).slice(-4) },
    };
    expectValid(
      validator(ajvs.complete, `${S}/shopping/types/card_payment_instrument.json`),
      instrument,
      'card instrument',
    );
    expectValid(
      validator(ajvs.complete, `${S}/shopping/types/card_credential.json`),
      credential,
      'card credential',
    );
    const created = await send('create', 'POST', '/ucp/checkout-sessions', {
      line_items: [{ item: { id: stockedSku(2) }, quantity: 1 }],
      buyer,
      fulfillment: { methods: [{ type: 'shipping', destinations: [destination] }] },
    });
    const before = sim.state.orderCount;
    const res = await send(
      'complete',
      'POST',
      `/ucp/checkout-sessions/${created.body.id as string}/complete`,
      { payment: { instruments: [instrument] } },
    );
    expect(res.status).toBe(200);
    expect(res.body.status).not.toBe('completed');
    expect(res.body.messages).toEqual([expect.objectContaining({ code: 'payment_failed' })]);
    expectCheckoutResponse(res.body, 'card complete');
    expect(sim.state.orderCount).toBe(before);
  });

  it("when Concord names standard failures then it uses error_code.json's and input_correlation.json's example values", () => {
    const codes = (readJson('schemas/shopping/types/error_code.json') as { examples: string[] }).examples;
    for (const code of ['not_found', 'out_of_stock', 'payment_failed']) {
      expect(emitted.errorCodes.has(code)).toBe(true);
      expect(codes).toContain(code);
    }
    const matches = (
      readJson('schemas/shopping/types/input_correlation.json') as {
        properties: { match: { examples: string[] } };
      }
    ).properties.match.examples;
    expect([...emitted.matches].sort()).toEqual([...matches].sort());
  });
});
