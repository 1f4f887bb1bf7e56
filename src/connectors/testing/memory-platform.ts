/**
 * An in-memory commerce platform implementing `PlatformConnector`, for tests of sync, workflows and
 * surfaces that are about Concord's own logic rather than a vendor's wire (those use the simulators).
 * Reads serve what was added (`addProduct`, `addLocation`) or created, in pages; writes keep one
 * order per reference (as every real connector must) and can be told to fail the next order
 * creation, before or after "committing" it (a lost reply). It counts every call, records what it
 * was sent, can fail a stream, and accepts only webhooks signed with `sign()` (HMAC-SHA256, hex, in
 * `x-memory-signature`) whose JSON body is `{ id, topic, stream, external_id }`.
 *
 * @example
 * const platform = new MemoryPlatform({ merchantId: 'mer_a', system: 'shop' });
 * rt.connectors.register(platform.context, platform);
 * platform.addProduct({ sku: 'TEE-1', price: 1999, available: { loc1: 5 } });
 * platform.failNextCreateOrder(new ConcordError('transient', 'timeout', 'timed out'), { afterCommit: true });
 * const headers = { 'x-memory-signature': platform.sign(body) };
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConcordError } from '../../core/errors.js';
import { recordId } from '../../core/ids.js';
import { makeLevel, makeLocation, makeProduct } from '../../model/fixtures.js';
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
import { customerFromInput, orderFromInput } from './memory-writes.js';

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

/** The header carrying a webhook's signature: hex HMAC-SHA256 of the raw body with `webhookSecret`. */
export const MEMORY_SIGNATURE_HEADER = 'x-memory-signature';

/** An in-memory `PlatformConnector` that counts calls and never creates two orders for one reference. */
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
  /** Products by SKU of their one variant. */
  readonly products = new Map<string, Product>();
  /** Inventory levels, locations by external id. */
  readonly levels = new Map<string, InventoryLevel>();
  readonly locations = new Map<string, Location>();
  /** Customers by lower-cased email. */
  readonly customers = new Map<string, Customer>();
  /** Orders by the reference they were created with. */
  readonly orders = new Map<string, Order>();
  /** Every `createOrder` input, in call order (failed calls included). */
  readonly inputs: PlatformOrderInput[] = [];
  /** Raw bodies of the webhooks it was asked to verify, byte for byte (forged ones included). */
  readonly webhookBodies: string[] = [];
  /** Streams whose next read throws. */
  readonly failing = new Set<SyncStream>();
  pageSize = 2;
  bulkEnabled = false;
  private failure: { error: Error; afterCommit: boolean } | null = null;

  constructor(readonly context: SystemContext) {}

  /** A location, by its external id (a plain string here). */
  addLocation(external: string, name = external): Location {
    const location = { ...makeLocation(this.context, this.locations.size + 1, name), external_id: external };
    location.id = recordId('location', this.context.merchantId, this.context.system, external);
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

  /** The next `createOrder` throws `error`; with `afterCommit` it creates the order first (a lost reply). */
  failNextCreateOrder(error: Error, options: { afterCommit?: boolean } = {}): void {
    this.failure = { error, afterCommit: options.afterCommit ?? false };
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

  /** Present only when `bulkEnabled`: yields every record of the streams in one page. */
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
    const key = input.email.toLowerCase();
    const customer = this.customers.get(key) ?? customerFromInput(this.context, this.customers.size, input);
    this.customers.set(key, customer);
    return customer;
  }

  async createOrder(input: PlatformOrderInput): Promise<Order> {
    this.calls.createOrder += 1;
    this.inputs.push(input);
    const failure = this.failure;
    this.failure = null;
    if (failure && !failure.afterCommit) throw failure.error;
    const customer = this.customers.get(input.customer.email.toLowerCase()) ?? null;
    const order =
      this.orders.get(input.reference) ?? orderFromInput(this.context, this.orders.size, input, customer);
    this.orders.set(input.reference, order);
    if (failure) throw failure.error;
    return order;
  }

  async createRefund(input: RefundInput): Promise<Refund> {
    this.calls.createRefund += 1;
    return {
      id: recordId('refund', this.context.merchantId, this.context.system, input.idempotency_key),
      external_id: `refund-${input.idempotency_key}`,
      amount: input.amount,
      note: input.note ?? null,
      created_at: T0,
    };
  }

  /** Signs a body the way this platform's webhooks are signed (hex HMAC-SHA256, for `x-memory-signature`). */
  sign(body: string): string {
    return createHmac('sha256', this.webhookSecret).update(body).digest('hex');
  }

  /** Checks `x-memory-signature` (timing-safe) and parses `{ id, topic, stream, external_id }`. */
  verifyWebhook(headers: Record<string, string | undefined>, rawBody: string): WebhookEvent {
    this.webhookBodies.push(rawBody);
    const given = Buffer.from(headers[MEMORY_SIGNATURE_HEADER] ?? '', 'hex');
    const expected = Buffer.from(this.sign(rawBody), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ConcordError('unauthorized', 'invalid_webhook_signature', 'Webhook signature does not match');
    }
    const body = JSON.parse(rawBody) as Partial<{
      id: string;
      topic: string;
      stream: SyncStream;
      external_id: string;
    }>;
    if (typeof body.id !== 'string' || typeof body.topic !== 'string') {
      throw new ConcordError('validation', 'invalid_webhook_body', 'Webhook body needs an id and a topic');
    }
    return {
      id: body.id,
      topic: body.topic,
      stream: body.stream ?? null,
      external_id: body.external_id ?? null,
    };
  }
}
