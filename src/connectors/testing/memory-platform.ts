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

  addLocation(external: string, name = external): Location {
    const location: Location = {
      id: this.id('location', external),
      system: this.context.system,
      external_id: external,
      updated_at: T0,
      name,
      kind: 'warehouse',
      active: true,
      fulfills_online_orders: true,
      address: null,
    };
    this.locations.set(external, location);
    return location;
  }

  addProduct(spec: MemoryProductSpec): Product {
    const external = `product-${spec.sku}`;
    const productId = this.id('product', external);
    const currency = spec.currency ?? 'USD';
    const updatedAt = spec.updatedAt ?? T0;
    const variantExternal = `variant-${spec.sku}`;
    const product: Product = {
      id: productId,
      system: this.context.system,
      external_id: external,
      updated_at: updatedAt,
      title: spec.title ?? `Product ${spec.sku}`,
      handle: spec.sku.toLowerCase(),
      description: '',
      vendor: null,
      product_type: null,
      status: 'active',
      tags: [],
      options: [],
      created_at: T0,
      variants: [
        {
          id: this.id('variant', variantExternal),
          system: this.context.system,
          external_id: variantExternal,
          updated_at: updatedAt,
          product_id: productId,
          title: 'Default',
          sku: spec.sku,
          barcode: null,
          position: 1,
          options: [],
          price: { amount: spec.price, currency },
          compare_at_price: null,
          taxable: true,
          inventory_item_id: `item-${spec.sku}`,
          inventory_tracked: true,
          inventory_policy: 'deny',
          weight: null,
          dimensions: null,
          attributes: {},
          compatibility: [],
          constraints: {
            hazmat: false,
            min_age: null,
            requires_shipping: true,
            ships_to_countries: null,
            excluded_countries: [],
          },
          country_of_origin: null,
          hs_code: null,
        },
      ],
    };
    this.products.set(external, product);
    for (const [loc, available] of Object.entries(spec.available ?? {})) {
      if (!this.locations.has(loc)) this.addLocation(loc);
      const levelExternal = `level-${spec.sku}-${loc}`;
      this.levels.set(levelExternal, {
        id: this.id('inventory_level', levelExternal),
        system: this.context.system,
        external_id: levelExternal,
        updated_at: updatedAt,
        variant_id: product.variants[0]!.id,
        sku: spec.sku,
        location_id: this.id('location', loc),
        on_hand: available,
        available,
        committed: 0,
        incoming: 0,
      });
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
      id: this.id('customer', external),
      system: this.context.system,
      external_id: external,
      updated_at: new Date().toISOString(),
      email: input.email,
      phone: input.phone ?? null,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      default_address: input.address ?? null,
      tags: [],
      created_at: new Date().toISOString(),
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
