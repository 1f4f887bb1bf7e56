/**
 * A tiny in-memory stand-in for the Medusa v2 Admin routes the write path uses (stores, regions,
 * customers, product variants, draft orders and their conversion, orders, payment collections,
 * payment refunds), over real HTTP on a random local port, with Medusa's answer shapes and refusals as
 * observed on Medusa 2.21 (a second convert: 400 "is not a draft order"; paying a paid collection: 400
 * "Can only mark 'not_paid' payment collection as paid"; short stock: 400 `insufficient_inventory`).
 * `sabotage()` makes the next matching request fail with a 503 before or after it takes effect. For
 * the unit tests of `write.ts` only; the live suite tests against real Medusa.
 *
 * @example
 * const fake = await fakeMedusa({ stock: { variant_1: 5 } });
 * fake.sabotage('POST', /^\/admin\/draft-orders$/, 'after');
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;
interface FakeOrder extends Json {
  id: string;
  status: string;
  customer_id: string;
  metadata: Json;
  items: Json[];
  payment_collections: Json[];
  payment_status: string;
}

export interface FakeMedusa {
  url: string;
  customers: Json[];
  orders: FakeOrder[];
  /** Every POST, as "POST /path". */
  posts: string[];
  /** The next `times` requests matching fail with a 503, before or after taking effect. */
  sabotage(method: string, path: RegExp, when: 'before' | 'after', times?: number): void;
  close(): Promise<void>;
}

function query(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    if (k.endsWith('[]')) out[k.slice(0, -2)] = [...((out[k.slice(0, -2)] as string[]) ?? []), v];
    else out[k] = v;
  }
  return out;
}

function readJson(req: IncomingMessage): Promise<Json> {
  return new Promise((resolve) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => resolve(raw ? (JSON.parse(raw) as Json) : {}));
  });
}

const bad = (message: string, code?: string) => ({
  status: 400,
  body: { type: 'invalid_data', code, message },
});

export async function fakeMedusa(opts: { stock: Record<string, number> }): Promise<FakeMedusa> {
  let seq = 0;
  const next = (prefix: string) => `${prefix}_${String(++seq).padStart(4, '0')}`;
  const now = () => new Date().toISOString();
  const customers: Json[] = [];
  const orders: FakeOrder[] = [];
  const posts: string[] = [];
  let trap: { method: string; path: RegExp; when: 'before' | 'after'; times: number } | undefined;
  const find = (id: string) => orders.find((o) => o.id === id);
  const list = (key: string, rows: Json[]) => ({
    body: { [key]: rows, count: rows.length, offset: 0, limit: 50 },
  });

  function route(
    method: string,
    path: string,
    q: Record<string, string | string[]>,
    body: Json,
  ): { status?: number; body: unknown } {
    if (method === 'GET' && path === '/admin/stores')
      return {
        body: { stores: [{ id: 'store_1', default_sales_channel_id: 'sc_1', default_region_id: 'reg_1' }] },
      };
    if (method === 'GET' && path === '/admin/regions')
      return { body: { regions: [{ id: 'reg_1', name: 'US', currency_code: 'usd' }] } };
    if (method === 'GET' && path === '/admin/customers')
      return list(
        'customers',
        customers.filter((c) => [q.email].flat().includes(c.email as string)),
      );
    if (method === 'POST' && path === '/admin/customers') {
      const customer = { id: next('cus'), ...body, created_at: now(), updated_at: now() };
      customers.push(customer);
      return { body: { customer } };
    }
    if (method === 'GET' && path === '/admin/product-variants') {
      const ids = [q.id].flat().filter((id): id is string => !!id && id in opts.stock);
      return list(
        'variants',
        ids.map((id) => ({ id, product: { status: 'published' } })),
      );
    }
    if (method === 'GET' && (path === '/admin/draft-orders' || path === '/admin/orders')) {
      const drafts = path === '/admin/draft-orders';
      return list(
        drafts ? 'draft_orders' : 'orders',
        orders.filter((o) => o.customer_id === q.customer_id && (o.status === 'draft') === drafts),
      );
    }
    if (method === 'POST' && path === '/admin/draft-orders') {
      const items = (body.items as { variant_id: string; quantity: number; unit_price?: number }[]) ?? [];
      if (items.some((i) => (opts.stock[i.variant_id] ?? 0) < i.quantity))
        return bad('Some variant does not have the required inventory', 'insufficient_inventory');
      const order: FakeOrder = {
        id: next('order'),
        display_id: seq,
        status: 'draft',
        email: body.email,
        currency_code: 'usd',
        customer_id: body.customer_id as string,
        metadata: body.metadata as Json,
        created_at: now(),
        updated_at: now(),
        payment_status: 'not_paid',
        fulfillment_status: 'not_fulfilled',
        items: items.map((i) => ({
          id: next('ordli'),
          title: 'Item',
          variant_id: i.variant_id,
          quantity: i.quantity,
          unit_price: i.unit_price ?? 10,
        })),
        payment_collections: [],
      };
      const total = order.items.reduce((s, i) => s + (i.unit_price as number) * (i.quantity as number), 0);
      Object.assign(order, {
        item_total: total,
        item_tax_total: 0,
        shipping_total: 0,
        shipping_tax_total: 0,
        tax_total: 0,
      });
      orders.push(order);
      return { body: { draft_order: { id: order.id } } };
    }
    const convert = /^\/admin\/draft-orders\/([^/]+)\/convert-to-order$/.exec(path);
    if (method === 'POST' && convert) {
      const order = find(convert[1]!);
      if (!order || order.status !== 'draft') return bad(`Order ${convert[1]} is not a draft order`);
      for (const i of order.items) opts.stock[i.variant_id as string]! -= i.quantity as number;
      order.status = 'pending';
      return { body: { order: { id: order.id } } };
    }
    const one = /^\/admin\/orders\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) {
      const order = find(one[1]!);
      return order
        ? { body: { order } }
        : { status: 404, body: { type: 'not_found', message: 'Order id not found' } };
    }
    if (method === 'POST' && path === '/admin/payment-collections') {
      const collection = {
        id: next('pay_col'),
        status: 'not_paid',
        amount: body.amount,
        payments: [] as Json[],
      };
      find(body.order_id as string)!.payment_collections.push(collection);
      return { body: { payment_collection: collection } };
    }
    const paid = /^\/admin\/payment-collections\/([^/]+)\/mark-as-paid$/.exec(path);
    if (method === 'POST' && paid) {
      const order = find(body.order_id as string)!;
      const collection = order.payment_collections.find((c) => c.id === paid[1])!;
      if (collection.status !== 'not_paid') return bad("Can only mark 'not_paid' payment collection as paid");
      const amount = collection.amount as number;
      collection.status = 'completed';
      collection.payments = [
        {
          id: next('pay'),
          amount,
          currency_code: 'usd',
          captured_at: now(),
          captures: [{ id: next('capt'), amount }],
          refunds: [],
        },
      ];
      order.payment_status = 'captured';
      return { body: { payment_collection: collection } };
    }
    const refund = /^\/admin\/payments\/([^/]+)\/refund$/.exec(path);
    if (method === 'POST' && refund) {
      const payment = orders
        .flatMap((o) => o.payment_collections.flatMap((c) => c.payments as Json[]))
        .find((p) => p.id === refund[1])!;
      (payment.refunds as Json[]).push({
        id: next('ref'),
        amount: body.amount,
        note: body.note,
        created_at: now(),
      });
      return { body: { payment: { id: payment.id } } };
    }
    return { status: 404, body: { type: 'not_found', message: `no fake route ${method} ${path}` } };
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readJson(req);
    if (req.method === 'POST') posts.push(`POST ${url.pathname}`);
    const hit = trap && req.method === trap.method && trap.path.test(url.pathname) ? trap : undefined;
    if (hit && --hit.times === 0) trap = undefined;
    const reply =
      hit?.when === 'before' ? undefined : route(req.method ?? 'GET', url.pathname, query(url), body);
    const status = hit ? 503 : (reply?.status ?? 200);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(hit ? { type: 'unexpected_state', message: 'unavailable' } : reply!.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    customers,
    orders,
    posts,
    sabotage(method, path, when, times = 1) {
      trap = { method, path, when, times };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
