/**
 * The Shopify connector: Concord's `PlatformConnector` over Shopify's Admin GraphQL API 2026-10.
 * Reads page through every stream (or run bulk operations for a large initial sync), writes create
 * customers, orders (at most once per reference) and refunds (idempotency key), and webhooks are
 * verified with the app secret. Everything leaving this folder is a unified record.
 *
 * @example
 * const shopify = createShopifyConnector(
 *   { shop: 'acme.myshopify.com', accessToken: 'shpat_…', apiSecret: '…' },
 *   { merchantId: 'mer_1', system: 'shopify' },
 * );
 * for await (const page of shopify.read('products')) console.log(page.length);
 */
import type { Logger } from 'pino';
import { logger as rootLogger } from '../../core/logger.js';
import type { Customer, Order, Refund } from '../../model/index.js';
import { systemClock, type Clock, type RetryPolicy } from '../kit/index.js';
import type {
  CustomerInput,
  PlatformConnector,
  PlatformOrderInput,
  ReadOptions,
  ReadProgress,
  RefundInput,
  StreamRecord,
  SyncStream,
  SystemContext,
  WebhookEvent,
} from '../types.js';
import { bulkRead } from './bulk.js';
import { ShopifyGraphQLClient } from './client.js';
import { parseShopifySettings, shopifyEndpoint, type ShopifySettings } from './config.js';
import { findOrCreateCustomer } from './customers.js';
import { estimate, fetchOne } from './fetch-one.js';
import { SHOPIFY_MANIFEST } from './manifest.js';
import { ShopifyReader } from './read.js';
import { shopInfoLoader, type ShopInfo } from './shop.js';
import { parseShopifyWebhook, subscribeShopifyWebhooks } from './webhooks.js';
import { createOrder, createRefund, type WriteDeps } from './write.js';

export interface ShopifyConnectorOptions {
  clock?: Clock;
  logger?: Logger;
  /** Overrides of the retry policy (tests make jitter deterministic). */
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Bulk operation polling (default: from 1 s, growing to 15 s). */
  bulkPoll?: { initialMs: number; maxMs: number };
}

const BULK_STREAMS: SyncStream[] = ['products', 'inventory_levels'];

export class ShopifyConnector implements PlatformConnector {
  readonly vendor = SHOPIFY_MANIFEST.vendor;
  readonly settings: ShopifySettings;
  readonly gql: ShopifyGraphQLClient;
  readonly #reader: ShopifyReader;
  readonly #shop: () => Promise<ShopInfo>;
  readonly #clock: Clock;
  readonly #endpoint: string;
  readonly #bulkPoll: ShopifyConnectorOptions['bulkPoll'];

  constructor(
    settings: unknown,
    readonly context: SystemContext,
    opts: ShopifyConnectorOptions = {},
  ) {
    this.settings = parseShopifySettings(settings);
    this.#clock = opts.clock ?? systemClock;
    this.#endpoint = shopifyEndpoint(this.settings);
    this.#bulkPoll = opts.bulkPoll;
    const logger = (opts.logger ?? rootLogger).child({
      component: 'shopify',
      shop: this.settings.shop,
      system: context.system,
    });
    this.gql = new ShopifyGraphQLClient({
      shop: this.settings.shop,
      endpoint: this.#endpoint,
      accessToken: this.settings.accessToken,
      plan: this.settings.plan,
      clock: this.#clock,
      logger,
      retry: opts.retry,
      timeoutMs: opts.timeoutMs,
    });
    this.#shop = shopInfoLoader(this.gql);
    this.#reader = new ShopifyReader(this.gql, context, this.#shop);
  }

  read(stream: SyncStream, options?: ReadOptions): AsyncIterable<StreamRecord[]> {
    return this.#reader.read(stream, options);
  }

  async *bulkRead(
    streams: SyncStream[],
    options: ReadOptions & { onProgress?: (p: ReadProgress) => void } = {},
  ): AsyncIterable<StreamRecord[]> {
    const deps = {
      gql: this.gql,
      ctx: this.context,
      clock: this.#clock,
      shop: this.#shop,
      endpoint: this.#endpoint,
      accessToken: this.settings.accessToken,
      onProgress: options.onProgress,
      signal: options.signal,
      poll: this.#bulkPoll,
    };
    yield* bulkRead(
      deps,
      streams.filter((s) => BULK_STREAMS.includes(s)),
    );
    // Streams without a bulk query here are small: page them.
    for (const stream of streams.filter((s) => !BULK_STREAMS.includes(s)))
      yield* this.#reader.read(stream, options);
  }

  get bulkThreshold(): number {
    return this.settings.bulkThreshold;
  }

  estimate(stream: SyncStream): Promise<number | null> {
    return estimate(this.gql, stream);
  }

  fetchOne(stream: SyncStream, externalId: string): Promise<StreamRecord[] | null> {
    return fetchOne(this.gql, this.#reader, this.#shop, stream, externalId);
  }

  findOrCreateCustomer(input: CustomerInput): Promise<Customer> {
    return findOrCreateCustomer(this.gql, this.context, input);
  }

  createOrder(input: PlatformOrderInput): Promise<Order> {
    return createOrder(this.#writeDeps(), input);
  }

  createRefund(input: RefundInput): Promise<Refund> {
    return createRefund(this.#writeDeps(), input);
  }

  verifyWebhook(headers: Record<string, string | undefined>, rawBody: string): WebhookEvent {
    return parseShopifyWebhook(this.settings.apiSecret, headers, rawBody);
  }

  async subscribeWebhooks(callbackUrl: string): Promise<void> {
    await subscribeShopifyWebhooks(this.gql, callbackUrl);
  }

  #writeDeps(): WriteDeps {
    return {
      gql: this.gql,
      ctx: this.context,
      reader: this.#reader,
      settings: this.settings,
      clock: this.#clock,
      findOrCreateCustomerGid: async (customer) => (await this.findOrCreateCustomer(customer)).external_id,
    };
  }
}

/** A Shopify connector for one shop; `settings` are parsed (and rejected with the bad field names). */
export function createShopifyConnector(
  settings: unknown,
  context: SystemContext,
  opts?: ShopifyConnectorOptions,
): ShopifyConnector {
  return new ShopifyConnector(settings, context, opts);
}

export { SHOPIFY_MANIFEST, type ShopifyPlan } from './manifest.js';
export {
  ShopifySettings,
  parseShopifySettings,
  shopifyEndpoint,
  type ShopifySettingsInput,
} from './config.js';
export { ShopifyGraphQLClient, type ThrottleStatus } from './client.js';
export { parseShopifyWebhook, streamForTopic } from './webhooks.js';
export * from './map.js';
