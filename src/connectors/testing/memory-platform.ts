/**
 * An in-memory commerce platform implementing `PlatformConnector`, for tests of sync and workflows
 * that are about Concord's own logic rather than a vendor's wire (those use the simulators).
 * It records every call so tests can assert counts, and can be told to fail a stream.
 *
 * @example
 * const platform = new MemoryPlatform({ merchantId: 'mer_a', system: 'shop' });
 * platform.addProduct({ sku: 'TEE-1', price: 1999, available: { loc1: 5 } });
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConcordError } from '../../core/errors.js';
import { recordId } from '../../core/ids.js';
import { makeCustomer, makeLevel, makeLocation, makeProduct } from '../../model/fixtures.js';
import type { Customer, InventoryLevel, Location, Order, Product, Refund } from '../../model/index.js';
import type {
  CustomerInput,
  PlatformConnector,
  PlatformOrderInput,
  ReadOptions,
  RefundInput,
  StreamRecord,
  SyncStream,
  SystemContext,
  WebhookEvent,
} from '../types.js';

export interface MemoryProductSpec {
  sku: string;
  price: number;
  currency?: string;
  title?: string;
  /** Units available per location external id. */
  available?: Record<string, number>;
  updatedAt?: string;
}

const T0 = '2026-01-01T00:00:00.000Z';

export class MemoryPlatform implements PlatformConnector {
  readonly vendor = 'memory';
  readonly webhookSecret = 'memory-secret';
  readonly calls = {
    read: 0,
    bulkRead: 0,
    fetchOne: 0,
    createOrder: 0,
    findOrCreateCustomer: 0,
    createRefund: 0,
  };
  readonly products = new Map<string, Product>();
  readonly levels = new Map<string, InventoryLevel>();
  readonly locations = new Map<string, Location>();
  readonly customers = new Map<string, Customer>();
  readonly orders = new Map<string, Order>();
  /** Streams whose next read throws. */
  readonly failing = new Set<SyncStream>();
  pageSize = 2;
  bulkEnabled = false;

  constructor(readonly context: SystemContext) {}

  private id(kind: Parameters<typeof recordId>[0], external: string) {
    return recordId(kind, this.context.merchantId, this.context.system, external);
  }

  /** A location, by its external id (a plain string here). */
  addLocation(external: string, name = external): Location {
    const location = { ...makeLocation(this.context, this.locations.size + 1, name), external_id: external };
    location.id = this.id('location', external);
    this.locations.set(external, location);
    return location;
  }

  /** A product with one variant of this SKU, and its stock per location; keyed by SKU. */
  addProduct(spec: MemoryProductSpec): Product {
    const n = this.products.size + 1;
    const updated_at = spec.updatedAt ?? T0;
    const product = makeProduct(this.context, n, {
      updated_at,
      ...(spec.title ? { title: spec.title } : {}),
      variants: [{ n: n * 100, sku: spec.sku, price: spec.price, currency: spec.currency ?? 'USD' }],
    });
    product.variants.forEach((v) => (v.updated_at = updated_at));
    this.products.set(spec.sku, product);
    for (const [loc, available] of Object.entries(spec.available ?? {})) {
      const location = this.locations.get(loc) ?? this.addLocation(loc);
      const level = { ...makeLevel(this.context, product.variants[0]!, location, available), updated_at };
      this.levels.set(level.external_id, level);
    }
    return product;
  }

  private all(stream: SyncStream): StreamRecord[] {
    const tag = <S extends SyncStream>(s: S, records: Iterable<unknown>) =>
      [...records].map((record) => ({ stream: s, record }) as StreamRecord);
    switch (stream) {
      case 'products':
        return tag('products', this.products.values());
      case 'locations':
        return tag('locations', this.locations.values());
      case 'inventory_levels':
        return tag('inventory_levels', this.levels.values());
      case 'customers':
        return tag('customers', this.customers.values());
      case 'orders':
        return tag('orders', this.orders.values());
    }
  }

  async *read(stream: SyncStream, options: ReadOptions = {}): AsyncIterable<StreamRecord[]> {
    this.calls.read += 1;
    if (this.failing.has(stream)) throw new ConcordError('upstream', 'memory_failure', `${stream} failed`);
    const records = this.all(stream)
      .filter((r) => !options.updatedSince || r.record.updated_at >= options.updatedSince)
      .sort((a, b) => a.record.updated_at.localeCompare(b.record.updated_at));
    for (let i = 0; i < records.length; i += this.pageSize) yield records.slice(i, i + this.pageSize);
  }

  get bulkRead() {
    if (!this.bulkEnabled) return undefined;
    return async function* (this: MemoryPlatform, streams: SyncStream[]) {
      this.calls.bulkRead += 1;
      yield streams.flatMap((s) => this.all(s));
    }.bind(this);
  }

  async estimate(stream: SyncStream): Promise<number> {
    return this.all(stream).length;
  }

  async fetchOne(stream: SyncStream, externalId: string): Promise<StreamRecord[] | null> {
    this.calls.fetchOne += 1;
    const found = this.all(stream).filter((r) => r.record.external_id === externalId);
    return found.length > 0 ? found : null;
  }

  async findOrCreateCustomer(input: CustomerInput): Promise<Customer> {
    this.calls.findOrCreateCustomer += 1;
    const external = `customer-${input.email.toLowerCase()}`;
    const existing = this.customers.get(external);
    if (existing) return existing;
    const customer: Customer = {
      ...makeCustomer(this.context, this.customers.size + 1, input.email),
      external_id: external,
      id: this.id('customer', external),
      phone: input.phone ?? null,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      default_address: input.address ?? null,
      updated_at: new Date().toISOString(),
    };
    this.customers.set(external, customer);
    return customer;
  }

  async createOrder(input: PlatformOrderInput): Promise<Order> {
    this.calls.createOrder += 1;
    const external = `order-${input.reference}`;
    const existing = this.orders.get(external);
    if (existing) return existing;
    const customer = await this.findOrCreateCustomer(input.customer);
    const now = new Date().toISOString();
    const lines = input.lines.map((line, i) => {
      const price = line.unit_price ?? { amount: 0, currency: input.currency };
      return {
        id: this.id('line_item', `${external}-${i}`),
        external_id: `${external}-${i}`,
        variant_id: this.id('variant', line.variant_external_id),
        sku: line.sku ?? null,
        title: line.title ?? line.variant_external_id,
        quantity: line.quantity,
        unit_price: price,
        total: { amount: price.amount * line.quantity, currency: price.currency },
      };
    });
    const subtotal = lines.reduce((sum, l) => sum + l.total.amount, 0);
    const money = (amount: number) => ({ amount, currency: input.currency });
    const order: Order = {
      id: this.id('order', external),
      system: this.context.system,
      external_id: external,
      updated_at: now,
      name: `#${1000 + this.orders.size + 1}`,
      status: 'open',
      financial_status: 'pending',
      fulfillment_status: 'unfulfilled',
      customer_id: customer.id,
      email: input.customer.email,
      currency: input.currency,
      line_items: lines,
      subtotal: money(subtotal),
      shipping: money(0),
      tax: money(0),
      total: money(subtotal),
      shipping_address: input.shipping_address ?? null,
      fulfillments: [],
      refunds: [],
      created_at: now,
      cancelled_at: null,
    };
    this.orders.set(external, order);
    return order;
  }

  async createRefund(input: RefundInput): Promise<Refund> {
    this.calls.createRefund += 1;
    return {
      id: this.id('refund', input.idempotency_key),
      external_id: `refund-${input.idempotency_key}`,
      amount: input.amount,
      note: input.note ?? null,
      created_at: new Date().toISOString(),
    };
  }

  /** Signs a body the way this fake's webhooks are signed (hex HMAC-SHA256 in `x-memory-signature`). */
  sign(body: string): string {
    return createHmac('sha256', this.webhookSecret).update(body).digest('hex');
  }

  verifyWebhook(headers: Record<string, string | undefined>, rawBody: string): WebhookEvent {
    const given = Buffer.from(headers['x-memory-signature'] ?? '', 'hex');
    const expected = Buffer.from(this.sign(rawBody), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ConcordError('unauthorized', 'invalid_webhook_signature', 'Webhook signature does not match');
    }
    const body = JSON.parse(rawBody) as {
      id: string;
      topic: string;
      stream: SyncStream;
      external_id: string;
    };
    return { id: body.id, topic: body.topic, stream: body.stream, external_id: body.external_id };
  }
}
