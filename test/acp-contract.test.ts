/**
 * ACP contract suite: every request Concord's ACP surface is sent here and every response and
 * webhook it produces is validated against the published ACP 2026-04-17 schemas
 * (../shared/specs/acp/2026-04-17: the JSON Schema bundles, and the webhook and feed OpenAPI files
 * for the two shapes that only they define) with ajv in draft 2020-12 mode plus ajv-formats. The
 * spec's own examples are validated against their schemas and sent to Concord's endpoints.
 *
 * Adapted when sent (they name things that cannot exist in the sandbox): item ids `item_123` /
 * `item_456` → sandbox variant ids; fulfillment option ids → an option Concord offers; payment
 * `handler_id` `card_tokenized` → `concord.sandbox` and token `spt_…` → the sandbox approve token.
 * Everything else is sent as published. Examples that do not match their own schema are listed in
 * SPEC_INCONSISTENT (the README says: follow the schema and note it) and Concord answers them as
 * the schema says — with a 400.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SANDBOX_TOKENS } from '../src/commerce/payments/handler.js';
import type { Product, Variant } from '../src/model/index.js';
import { startAcpHarness, type AcpHarness, type AcpResponse } from '../src/surfaces/acp/testing.js';

const SPEC = join(import.meta.dirname, '../vendor/specs/acp/2026-04-17');
const read = (path: string): unknown => {
  const text = readFileSync(join(SPEC, path), 'utf8');
  return path.endsWith('.yaml') ? parse(text) : JSON.parse(text);
};
type Json = Record<string, unknown>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const checkoutBundle = read('json-schema/schema.agentic_checkout.json') as { $id: string };
const feedBundle = read('json-schema/schema.feed.json') as { $id: string };
ajv.addSchema(checkoutBundle);
ajv.addSchema(feedBundle);
// The OpenAPI files are added under their own file names so the webhook file's relative
// `./openapi.agentic_checkout.yaml#/components/schemas/Order` resolves to the checkout file.
const OPENAPI = 'https://acp.spec.local/openapi/';
for (const file of [
  'openapi.agentic_checkout.yaml',
  'openapi.agentic_checkout_webhook.yaml',
  'openapi.feed.yaml',
]) {
  ajv.addSchema({ ...(read(`openapi/${file}`) as Json), $id: `${OPENAPI}${file}` });
}

const C = (def: string) => `${checkoutBundle.$id}#/$defs/${def}`;
const F = (def: string) => `${feedBundle.$id}#/$defs/${def}`;
const WEBHOOK_EVENT = `${OPENAPI}openapi.agentic_checkout_webhook.yaml#/components/schemas/WebhookEvent`;
const UPSERT_RESPONSE = `${OPENAPI}openapi.feed.yaml#/components/schemas/UpsertProductsResponse`;

/** ajv's errors for `data` against `ref`, as short strings (empty when valid). */
function problems(ref: string, data: unknown): string[] {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`no schema ${ref}`);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
const expectValid = (ref: string, data: unknown) => expect(problems(ref, data), ref).toEqual([]);

const examples = read('examples/examples.agentic_checkout.json') as Record<string, Json>;
const multi = read('examples/examples.multi_item_checkout.json') as Record<string, Json>;
const feedExamples = read('examples/examples.feed.json') as Record<string, Json>;

/** The schema each published example claims to follow. */
function schemaOfExample(key: string): string {
  if (key.startsWith('create_') && key.includes('_request')) return C('CheckoutSessionCreateRequest');
  if (key === 'complete_checkout_session_response') return C('CheckoutSessionWithOrder');
  if (key.startsWith('discovery_')) return C('DiscoveryResponse');
  if (key.endsWith('_response') || key.startsWith('checkout_session_')) return C('CheckoutSession');
  if (key === 'update_checkout_session_request') return C('CheckoutSessionUpdateRequest');
  if (key.startsWith('complete_')) return C('CheckoutSessionCompleteRequest');
  if (key.startsWith('cancel_')) return C('CancelSessionRequest');
  if (key.startsWith('webhook_')) return WEBHOOK_EVENT;
  if (key.startsWith('authentication_result')) return C('AuthenticationResult');
  if (key.startsWith('error_')) return C('Error');
  throw new Error(`unmapped example ${key}`);
}

const FEED_SCHEMAS: Record<string, string> = {
  create_feed_request_minimal: F('CreateFeedRequest'),
  create_feed_response: F('FeedMetadata'),
  get_feed_response: F('FeedMetadata'),
  get_products_response: F('ProductsResponse'),
  upsert_products_request_single_product: F('UpsertProductsRequest'),
  feed_error_not_found: F('Error'),
  feed_error_invalid_request: F('Error'),
};

/**
 * Published examples that fail their own schema: the webhook examples still carry the removed
 * `refunds[]` and lack `data.id`; the denied 3DS example has partial `outcome_details`; the
 * multi-item examples lack the required `capabilities` (and use total type `base_amount`); the
 * OpenAPI file's inline request examples use the pre-2026 shapes (`items`, `payment_data.token`).
 */
const SPEC_INCONSISTENT = [
  'authentication_result_denied_example',
  'create_multi_item_checkout_request',
  'create_multi_item_checkout_response',
  'webhook_order_create_event',
  'webhook_order_update_event',
  'yaml POST /checkout_sessions minimal',
  'yaml POST /checkout_sessions with_address',
  'yaml POST /checkout_sessions with_first_touch_attribution',
  'yaml POST /checkout_sessions/{checkout_session_id} set_fulfillment_option',
  'yaml POST /checkout_sessions/{checkout_session_id}/complete basic',
  'yaml POST /checkout_sessions/{checkout_session_id}/complete with_affiliate_attribution',
];

interface InlineExample {
  name: string;
  path: string;
  schema: string;
  value: Json;
}

/** The request examples written inline in openapi.agentic_checkout.yaml. */
function inlineExamples(): InlineExample[] {
  const doc = read('openapi/openapi.agentic_checkout.yaml') as {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: {
            content: Record<string, { schema: { $ref: string }; examples?: Record<string, { value: Json }> }>;
          };
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) => {
      const content = op?.requestBody?.content['application/json'];
      return Object.entries(content?.examples ?? {}).map(([name, e]) => ({
        name: `yaml ${method.toUpperCase()} ${path} ${name}`,
        path,
        schema: C(content!.schema.$ref.replace('#/components/schemas/', '')),
        value: e.value,
      }));
    }),
  );
}

let h: AcpHarness;
let items: Variant[];

/** A published request with sandbox ids put in (see the module comment). */
function adapt<T>(value: T, replacements: Record<string, string>): T {
  let text = JSON.stringify(value);
  for (const [from, to] of Object.entries(replacements)) text = text.split(`"${from}"`).join(`"${to}"`);
  return JSON.parse(text) as T;
}
const paymentIds = {
  card_tokenized: 'concord.sandbox',
  spt_123: SANDBOX_TOKENS.approve,
  spt_3ds_token_001: SANDBOX_TOKENS.approve,
};

/** Sends a request that must be valid against `schema`, and checks that it is before sending it. */
async function send(path: string, body: unknown, key: string, schema: string): Promise<AcpResponse<Json>> {
  expectValid(schema, body);
  return h.post<Json>(path, body, key);
}

/** Every response body checked against what its status promises. */
function expectResponse(res: AcpResponse<Json>, success: string, status = 200) {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  if (res.status >= 400) {
    expectValid(C('Error'), res.body);
    throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(res.status).toBe(status);
  expectValid(success, res.body);
}
function expectError(res: AcpResponse<Json>, status: number, code?: string) {
  expect(res.status).toBe(status);
  expectValid(C('Error'), res.body);
  if (code) expect(res.body['code']).toBe(code);
}

beforeAll(async () => {
  h = await startAcpHarness({ sandbox: 'smb', products: 12 });
  const page = await h.node.rt.search.list<Variant>(h.merchantId, 'variant', { limit: 500 });
  items = page.items.filter(
    (v) =>
      v.sku !== null &&
      !v.constraints.hazmat &&
      v.constraints.min_age === null &&
      !v.constraints.excluded_countries.includes('US') &&
      (v.constraints.ships_to_countries === null || v.constraints.ships_to_countries.includes('US')) &&
      (h.node.sandbox!.simulator.state.findVariantBySku(v.sku)?.inventoryQuantity ?? 0) >= 5,
  );
  expect(items.length).toBeGreaterThanOrEqual(2);
}, 180_000);
afterAll(() => h?.close());

describe('given the published ACP 2026-04-17 examples', () => {
  it('when each is validated against the schema it illustrates then all pass except the listed inconsistencies', () => {
    const failing: string[] = [];
    for (const [key, value] of Object.entries(examples))
      if (problems(schemaOfExample(key), value).length) failing.push(key);
    for (const [key, value] of Object.entries(multi))
      if (problems(schemaOfExample(key), value).length) failing.push(key);
    for (const [key, value] of Object.entries(feedExamples))
      if (problems(FEED_SCHEMAS[key]!, value).length) failing.push(key);
    for (const example of inlineExamples())
      if (problems(example.schema, example.value).length) failing.push(example.name);
    expect(failing.sort()).toEqual([...SPEC_INCONSISTENT].sort());
    expect(Object.keys(examples)).toHaveLength(30);
  });

  it('when the order examples are validated as Order (without their $schema/_description annotations) then all pass', () => {
    for (const file of [
      'simple-order',
      'digital-fulfillment',
      'partial-fulfillment',
      'refunded-order',
      'shipped-order',
    ]) {
      const { $schema: _s, _description: _d, ...order } = read(`examples/orders/${file}.json`) as Json;
      expectValid(C('Order'), order);
    }
  });
});

describe('given the spec examples sent to Concord over ACP', () => {
  let sessionId: string;

  it('when GET /.well-known/acp.json then it is a valid discovery document naming the ACP base URL', async () => {
    const res = await fetch(`${h.origin}/.well-known/acp.json`);
    const body = (await res.json()) as Json;
    expectValid(C('DiscoveryResponse'), body);
    expect(body['api_base_url']).toBe(h.url);
  });

  it('when create_checkout_session_request is sent then a valid CheckoutSession comes back, ready for payment', async () => {
    const body = adapt(examples['create_checkout_session_request'], { item_123: items[0]!.id });
    const res = await send('/checkout_sessions', body, 'contract-create', C('CheckoutSessionCreateRequest'));
    expectResponse(res, C('CheckoutSession'), 201);
    expect(res.body['status']).toBe('ready_for_payment');
    sessionId = res.body['id'] as string;
  });

  it('when update_checkout_session_request selects another offered option then a valid CheckoutSession comes back with it', async () => {
    const current = await h.request<Json>('GET', `/checkout_sessions/${sessionId}`);
    expectResponse(current, C('CheckoutSession'));
    const options = current.body['fulfillment_options'] as { id: string }[];
    const selected = (current.body['selected_fulfillment_options'] as { option_id: string }[])[0]!.option_id;
    const other = options.find((o) => o.id !== selected)!;
    const body = adapt(examples['update_checkout_session_request'], {
      fulfillment_option_456: other.id,
      item_123: items[0]!.id,
    });
    const res = await send(
      `/checkout_sessions/${sessionId}`,
      body,
      'contract-update',
      C('CheckoutSessionUpdateRequest'),
    );
    expectResponse(res, C('CheckoutSession'));
    expect((res.body['selected_fulfillment_options'] as { option_id: string }[])[0]!.option_id).toBe(
      other.id,
    );
  });

  it('when complete_checkout_session_request is sent then a valid CheckoutSessionWithOrder comes back, and its replay too', async () => {
    const body = adapt(examples['complete_checkout_session_request'], paymentIds);
    const res = await send(
      `/checkout_sessions/${sessionId}/complete`,
      body,
      'contract-complete',
      C('CheckoutSessionCompleteRequest'),
    );
    expectResponse(res, C('CheckoutSessionWithOrder'));
    expect(res.body['status']).toBe('completed');
    const replay = await h.post<Json>(`/checkout_sessions/${sessionId}/complete`, body, 'contract-complete');
    expectResponse(replay, C('CheckoutSessionWithOrder'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(res.body);
  });

  it('when the order webhook goes out then every event Concord sent is a valid WebhookEvent and the receiver verified it', async () => {
    await h.surface.webhooks.idle();
    expect(h.receiver.received.length).toBeGreaterThan(0);
    for (const event of h.receiver.received) {
      expectValid(WEBHOOK_EVENT, event.json);
      expect(event.signatureValid).toBe(true);
    }
  });

  it('when the attribution examples are sent (first touch at create, last touch at complete) then both answers are valid', async () => {
    const created = await send(
      '/checkout_sessions',
      adapt(examples['create_checkout_session_request_with_first_touch_attribution'], {
        item_123: items[1]!.id,
      }),
      'contract-attr-create',
      C('CheckoutSessionCreateRequest'),
    );
    expectResponse(created, C('CheckoutSession'), 201);
    expect(created.body['status']).toBe('not_ready_for_payment');
    const id = created.body['id'] as string;
    const fulfillment = {
      fulfillment_details: examples['create_checkout_session_request']!['fulfillment_details'] as Json,
    };
    expectResponse(
      await send(
        `/checkout_sessions/${id}`,
        fulfillment,
        'contract-attr-update',
        C('CheckoutSessionUpdateRequest'),
      ),
      C('CheckoutSession'),
    );
    const done = await send(
      `/checkout_sessions/${id}/complete`,
      adapt(examples['complete_checkout_session_request_with_last_touch_attribution'], paymentIds),
      'contract-attr-complete',
      C('CheckoutSessionCompleteRequest'),
    );
    expectResponse(done, C('CheckoutSessionWithOrder'));
  });

  it('when complete_session_with_authentication_result_request is sent then it completes (no 3DS is required here) with a valid answer', async () => {
    const created = await send(
      '/checkout_sessions',
      adapt(examples['create_checkout_session_request'], { item_123: items[1]!.id }),
      'contract-3ds-create',
      C('CheckoutSessionCreateRequest'),
    );
    expectResponse(created, C('CheckoutSession'), 201);
    const done = await send(
      `/checkout_sessions/${created.body['id'] as string}/complete`,
      adapt(examples['complete_session_with_authentication_result_request'], paymentIds),
      'contract-3ds-complete',
      C('CheckoutSessionCompleteRequest'),
    );
    expectResponse(done, C('CheckoutSessionWithOrder'));
  });

  it('when complete_checkout_session_request_seller_backed is sent as published then it is a valid 400 naming the handler', async () => {
    const created = await h.post<Json>(
      '/checkout_sessions',
      adapt(examples['create_checkout_session_request'], { item_123: items[0]!.id }),
      'contract-seller-create',
    );
    expectResponse(created, C('CheckoutSession'), 201);
    const res = await send(
      `/checkout_sessions/${created.body['id'] as string}/complete`,
      examples['complete_checkout_session_request_seller_backed'],
      'contract-seller-complete',
      C('CheckoutSessionCompleteRequest'),
    );
    expectError(res, 400, 'invalid_payment_handler');
    expect(res.body['param']).toBe('$.payment_data.handler_id');
  });

  it('when the cancel examples are sent then each session comes back canceled and valid; a second cancel is a valid 405', async () => {
    for (const [i, key] of [
      'cancel_checkout_session_request',
      'cancel_checkout_session_request_timing_deferred',
    ].entries()) {
      const created = await h.post<Json>(
        '/checkout_sessions',
        adapt(examples['create_checkout_session_request'], { item_123: items[i]!.id }),
        `contract-cancel-create-${i}`,
      );
      expectResponse(created, C('CheckoutSession'), 201);
      const path = `/checkout_sessions/${created.body['id'] as string}/cancel`;
      const res = await send(path, examples[key], `contract-cancel-${i}`, C('CancelSessionRequest'));
      expectResponse(res, C('CheckoutSession'));
      expect(res.body['status']).toBe('canceled');
      expectError(
        await h.post<Json>(path, {}, `contract-cancel-again-${i}`),
        405,
        'checkout_session_not_cancelable',
      );
    }
  });

  it('when the multi-item example is sent as published then it is a valid 400 for the missing capabilities; with them it is a valid two-line session', async () => {
    const body = adapt(multi['create_multi_item_checkout_request'], {
      item_123: items[0]!.id,
      item_456: items[1]!.id,
    });
    const rejected = await h.post<Json>('/checkout_sessions', body, 'contract-multi-1');
    expectError(rejected, 400, 'missing_required_field');
    expect(rejected.body['param']).toBe('$.capabilities');
    const res = await send(
      '/checkout_sessions',
      { ...body, capabilities: {} },
      'contract-multi-2',
      C('CheckoutSessionCreateRequest'),
    );
    expectResponse(res, C('CheckoutSession'), 201);
    expect((res.body['line_items'] as unknown[]).length).toBe(2);
  });

  it("when the OpenAPI file's inline request examples (pre-2026 shapes) are sent then each is a valid 400", async () => {
    const created = await h.post<Json>(
      '/checkout_sessions',
      adapt(examples['create_checkout_session_request'], { item_123: items[0]!.id }),
      'contract-inline-create',
    );
    const id = created.body['id'] as string;
    for (const [i, example] of inlineExamples().entries()) {
      const path = example.path.replace('{checkout_session_id}', id);
      expectError(await h.post<Json>(path, example.value, `contract-inline-${i}`), 400);
    }
  });
});

describe("given the spec's error examples when Concord meets the same situation", () => {
  it('then the idempotency errors are the examples themselves and invalid items carry the same type and code', async () => {
    const noKey = await h.request<Json>('POST', '/checkout_sessions', {
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expectError(noKey, 400);
    expect(noKey.body).toEqual(examples['error_400_idempotency_key_required']);
    const body = adapt(examples['create_checkout_session_request'], { item_123: items[0]!.id });
    expectResponse(
      await h.post<Json>('/checkout_sessions', body, 'contract-conflict'),
      C('CheckoutSession'),
      201,
    );
    const conflict = await h.post<Json>(
      '/checkout_sessions',
      { ...body, currency: 'USD' },
      'contract-conflict',
    );
    expectError(conflict, 422);
    expect(conflict.body).toEqual(examples['error_422_idempotency_conflict']);
    const unknown = await h.post<Json>(
      '/checkout_sessions',
      { ...body, line_items: [{ id: 'invalid_item' }] },
      'contract-invalid-item',
    );
    expectError(unknown, 400);
    const example = examples['error_400_invalid_item']!;
    expect(unknown.body).toMatchObject({
      type: example['type'],
      code: example['code'],
      message: example['message'],
    });
    expect(unknown.body['param']).toBe('$.line_items[0].id');
  });

  it('then every other error Concord answers is a valid Error: version, auth, not found, unknown field, media type', async () => {
    expectError(
      await h.request<Json>('GET', '/checkout_sessions/cs_x', { headers: { 'api-version': '2020-01-01' } }),
      400,
      'unsupported_api_version',
    );
    const anonymous = await fetch(`${h.url}/checkout_sessions/cs_x`, {
      headers: { 'api-version': '2026-04-17' },
    });
    expect(anonymous.status).toBe(401);
    expectValid(C('Error'), await anonymous.json());
    expectError(
      await h.request<Json>('GET', '/checkout_sessions/cs_nope'),
      404,
      'checkout_session_not_found',
    );
    expectError(
      await h.post<Json>(
        '/checkout_sessions',
        { line_items: [], currency: 'usd', capabilities: {}, extra: 1 },
        'contract-extra',
      ),
      400,
    );
    expectError(
      await h.request<Json>('POST', '/checkout_sessions', {
        body: 'x=1',
        headers: { 'content-type': 'text/plain', 'idempotency-key': 'contract-media' },
      }),
      415,
      'unsupported_media_type',
    );
    expectError(await h.request<Json>('GET', '/no_such_route'), 404, 'route_not_found');
  });
});

describe('given the feed examples sent to Concord', () => {
  let feedId: string;

  it('when create_feed_request_minimal is sent then a valid FeedMetadata comes back and reads back the same', async () => {
    const body = feedExamples['create_feed_request_minimal']!;
    expectValid(F('CreateFeedRequest'), body);
    const res = await h.request<Json>('POST', '/feeds', {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
    expectValid(F('FeedMetadata'), res.body);
    expect(res.body['target_country']).toBe('US');
    feedId = res.body['id'] as string;
    const got = await h.request<Json>('GET', `/feeds/${feedId}`);
    expectValid(F('FeedMetadata'), got.body);
    expect(got.body).toEqual(res.body);
  });

  it("when the feed's products are read then they are a valid ProductsResponse with every active catalog product, and a feed variant id checks out", async () => {
    const res = await h.request<{
      products: { id: string; variants: { id: string; price?: { currency: string } }[] }[];
    }>('GET', `/feeds/${feedId}/products`);
    expect(res.status).toBe(200);
    expectValid(F('ProductsResponse'), res.body);
    const catalog = await h.node.rt.search.list<Product>(h.merchantId, 'product', { limit: 500 });
    const active = catalog.items.filter((p) => p.status === 'active');
    expect(res.body.products.map((p) => p.id).sort()).toEqual(active.map((p) => p.id).sort());
    expect(res.body.products.flatMap((p) => p.variants).every((v) => v.price?.currency === 'USD')).toBe(true);
    const variantId = res.body.products
      .flatMap((p) => p.variants)
      .find((v) => items.some((i) => i.id === v.id))!.id;
    const created = await h.post<Json>(
      '/checkout_sessions',
      {
        currency: 'usd',
        line_items: [{ id: variantId }],
        capabilities: {},
        fulfillment_details: examples['create_checkout_session_request']!['fulfillment_details'],
      },
      'contract-feed-checkout',
    );
    expectResponse(created, C('CheckoutSession'), 201);
  });

  it('when upsert_products_request_single_product is PATCHed then it is accepted and the feed serves that product as sent', async () => {
    const body = feedExamples['upsert_products_request_single_product']!;
    const res = await h.request<Json>('PATCH', `/feeds/${feedId}/products`, {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expectValid(UPSERT_RESPONSE, res.body);
    expect(res.body).toEqual({ id: feedId, accepted: true });
    const products = await h.request<{ products: Json[] }>('GET', `/feeds/${feedId}/products`);
    expectValid(F('ProductsResponse'), products.body);
    expect(products.body.products.find((p) => p['id'] === 'prod_classic_tee')).toEqual(
      (body['products'] as Json[])[0],
    );
  });

  it('when a feed is unknown or an upsert is empty then the answers are the feed error examples', async () => {
    const missing = await h.request<Json>('GET', '/feeds/feed_8f3K2x');
    expect(missing.status).toBe(404);
    expectValid(F('Error'), missing.body);
    expect(missing.body).toEqual(feedExamples['feed_error_not_found']);
    const empty = await h.request<Json>('PATCH', `/feeds/${feedId}/products`, {
      body: JSON.stringify({ products: [] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    expectValid(F('Error'), empty.body);
    expect(empty.body).toEqual(feedExamples['feed_error_invalid_request']);
  });
});
