/**
 * `FakePlatform`: an in-memory `PlatformConnector` for workflow and surface tests. It counts its
 * calls, keeps one order per reference (as every real connector must), can be told to fail the next
 * order creation — before or after "committing" it (a lost reply) — and accepts webhooks signed
 * with the header `x-fake-signature: valid`.
 *
 * @example
 * const platform = new FakePlatform({ merchantId: 'mer_a', system: 'shopify' });
 * rt.connectors.register(platform.context, platform);
 * platform.failNextCreateOrder(new ConcordError('upstream', 'timeout', 'timed out'), { afterCommit: true });
 */
import type {
  CustomerInput,
  PlatformConnector,
  PlatformOrderInput,
  StreamRecord,
  SyncStream,
  SystemContext,
  WebhookEvent,
} from '../connectors/types.js';
import { ConcordError } from '../core/errors.js';
import { recordId } from '../core/ids.js';
import type { Customer, Order, Refund } from '../model/index.js';
import { addMoney, multiplyMoney } from '../model/money.js';
import { makeCustomer, makeOrder } from './testing.js';

/** An in-memory commerce platform that counts calls and never creates two orders for one reference. */
export class FakePlatform implements PlatformConnector {
  readonly vendor = 'fake';
  readonly calls = { findOrCreateCustomer: 0, createOrder: 0 };
  readonly orders = new Map<string, Order>();
  readonly inputs: PlatformOrderInput[] = [];
  /** Raw bodies of the webhooks it was asked to verify, byte for byte. */
  readonly webhookBodies: string[] = [];
  private readonly customers = new Map<string, Customer>();
  private failure: { error: Error; afterCommit: boolean } | null = null;

  constructor(readonly context: SystemContext) {}

  /** The next createOrder throws `error`; with `afterCommit` it creates the order first (a lost reply). */
  failNextCreateOrder(error: Error, options: { afterCommit?: boolean } = {}): void {
    this.failure = { error, afterCommit: options.afterCommit ?? false };
  }

  async findOrCreateCustomer(input: CustomerInput): Promise<Customer> {
    this.calls.findOrCreateCustomer += 1;
    const key = input.email.toLowerCase();
    const existing = this.customers.get(key);
    if (existing) return existing;
    const customer = {
      ...makeCustomer(this.context, 900 + this.customers.size, input.email),
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
    };
    this.customers.set(key, customer);
    return customer;
  }

  async createOrder(input: PlatformOrderInput): Promise<Order> {
    this.calls.createOrder += 1;
    this.inputs.push(input);
    const failure = this.failure;
    this.failure = null;
    if (failure && !failure.afterCommit) throw failure.error;
    const order = this.orders.get(input.reference) ?? this.buildOrder(input);
    this.orders.set(input.reference, order);
    if (failure) throw failure.error;
    return order;
  }

  private buildOrder(input: PlatformOrderInput): Order {
    const customer = this.customers.get(input.customer.email.toLowerCase()) ?? null;
    const base = makeOrder(this.context, 5000 + this.orders.size, customer);
    const zero = { amount: 0, currency: input.currency };
    const lineItems = input.lines.map((line, i) => {
      const unit = line.unit_price ?? zero;
      return {
        id: `li_${this.orders.size}_${i}`,
        external_id: `gid://fake/LineItem/${this.orders.size}/${i}`,
        variant_id: recordId(
          'variant',
          this.context.merchantId,
          this.context.system,
          line.variant_external_id,
        ),
        sku: line.sku ?? null,
        title: line.title ?? '',
        quantity: line.quantity,
        unit_price: unit,
        total: multiplyMoney(unit, line.quantity),
      };
    });
    const subtotal = lineItems.reduce((sum, li) => addMoney(sum, li.total), zero);
    const updated_at = new Date(Date.parse('2026-02-01T00:00:00Z') + this.orders.size * 1000).toISOString();
    return {
      ...base,
      updated_at,
      currency: input.currency,
      line_items: lineItems,
      subtotal,
      total: subtotal,
      raw: { reference: input.reference },
    };
  }

  async *read(_stream: SyncStream): AsyncIterable<StreamRecord[]> {
    // Reads are not exercised through this fake.
  }

  async fetchOne(): Promise<StreamRecord[] | null> {
    return null;
  }

  async createRefund(): Promise<Refund> {
    throw new ConcordError('config', 'not_supported', 'FakePlatform does not refund');
  }

  /** Accepts `x-fake-signature: valid`; the delivery id comes from `x-fake-delivery`. */
  verifyWebhook(headers: Record<string, string | undefined>, rawBody: string): WebhookEvent {
    this.webhookBodies.push(rawBody);
    if (headers['x-fake-signature'] !== 'valid') {
      throw new ConcordError('unauthorized', 'invalid_signature', 'The webhook signature does not match');
    }
    const body = JSON.parse(rawBody) as { id?: string };
    return {
      id: headers['x-fake-delivery'] ?? 'none',
      topic: 'products/update',
      stream: 'products',
      external_id: body.id ?? null,
    };
  }
}
