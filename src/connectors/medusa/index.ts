/**
 * The Medusa v2 connector: Concord's `PlatformConnector` over Medusa's Admin API with a secret API
 * key. Reads page every stream to the end with limit/offset (incrementally by `updated_at` where
 * Medusa filters on it), prices come back from Medusa's major units as minor units, writes find or
 * create the customer by email, place orders through the draft-order flow at most once per reference
 * and refund captured payments at most once per idempotency key (see `write.ts`). Medusa sends no
 * signed webhooks, so `verifyWebhook` refuses and there is no `subscribeWebhooks` or bulk path.
 *
 * @example
 * const medusa = createMedusaConnector(
 *   { url: 'https://shop.example.com', apiKey: 'sk_…' },
 *   { merchantId: 'mer_1', system: 'medusa' },
 * );
 * for await (const page of medusa.read('products')) console.log(page.length);
 */
import type { Logger } from 'pino';
import { logger as rootLogger } from '../../core/logger.js';
import type { Customer, Order, Refund } from '../../model/index.js';
import type { Clock, RetryPolicy } from '../kit/index.js';
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
import { MedusaClient } from './client.js';
import { parseMedusaSettings, type MedusaSettings } from './config.js';
import { findOrCreateCustomer } from './customers.js';
import { MEDUSA_MANIFEST } from './manifest.js';
import { MedusaReader } from './read.js';
import { storeInfoLoader, type MedusaStoreInfo } from './store.js';
import { verifyMedusaWebhook } from './webhooks.js';
import { createOrder, createRefund, type WriteDeps } from './write.js';

export interface MedusaConnectorOptions {
  clock?: Clock;
  logger?: Logger;
  /** Overrides of the retry policy (tests make jitter deterministic). */
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

export class MedusaConnector implements PlatformConnector {
  readonly vendor = MEDUSA_MANIFEST.vendor;
  readonly settings: MedusaSettings;
  readonly client: MedusaClient;
  readonly #reader: MedusaReader;
  readonly #store: () => Promise<MedusaStoreInfo>;

  constructor(
    settings: unknown,
    readonly context: SystemContext,
    opts: MedusaConnectorOptions = {},
  ) {
    this.settings = parseMedusaSettings(settings);
    const logger = (opts.logger ?? rootLogger).child({ component: 'medusa', system: context.system });
    this.client = new MedusaClient({
      settings: this.settings,
      clock: opts.clock,
      logger,
      retry: opts.retry,
      timeoutMs: opts.timeoutMs,
    });
    this.#store = storeInfoLoader(this.client, this.settings);
    this.#reader = new MedusaReader(this.client, context, this.settings, this.#store);
  }

  read(stream: SyncStream, options?: ReadOptions): AsyncIterable<StreamRecord[]> {
    return this.#reader.read(stream, options);
  }

  estimate(stream: SyncStream): Promise<number | null> {
    return this.#reader.estimate(stream);
  }

  fetchOne(stream: SyncStream, externalId: string): Promise<StreamRecord[] | null> {
    return this.#reader.fetchOne(stream, externalId);
  }

  findOrCreateCustomer(input: CustomerInput): Promise<Customer> {
    return findOrCreateCustomer(this.client, this.context, input);
  }

  createOrder(input: PlatformOrderInput): Promise<Order> {
    return createOrder(this.#writeDeps(), input);
  }

  createRefund(input: RefundInput): Promise<Refund> {
    return createRefund(this.#writeDeps(), input);
  }

  verifyWebhook(_headers: Record<string, string | undefined>, _rawBody: string): WebhookEvent {
    return verifyMedusaWebhook();
  }

  /** The region, currency and sales channel this connector reads prices in and places orders in. */
  storeInfo(): Promise<MedusaStoreInfo> {
    return this.#store();
  }

  #writeDeps(): WriteDeps {
    return { client: this.client, ctx: this.context, settings: this.settings, store: this.#store };
  }
}

/** A Medusa connector for one Medusa server; `settings` are parsed (and rejected with the bad field names). */
export function createMedusaConnector(
  settings: unknown,
  context: SystemContext,
  opts?: MedusaConnectorOptions,
): MedusaConnector {
  return new MedusaConnector(settings, context, opts);
}

export { MEDUSA_MANIFEST } from './manifest.js';
export { MedusaSettings, parseMedusaSettings, type MedusaSettingsInput } from './config.js';
export { MedusaClient, encodeQuery } from './client.js';
export { verifyMedusaWebhook } from './webhooks.js';
export * from './map.js';
