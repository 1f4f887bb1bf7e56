/**
 * The Tryton connector: Concord's `ErpConnector` over Tryton's JSON-RPC (tested with Tryton 6.0). Reads
 * page through `search_read` by id (products, warehouses, stock per warehouse, parties with an email);
 * writes find or create parties by email and create each sale at most once per reference (read before
 * retry: Tryton has no idempotency key), quote and confirm it, and post the invoice Tryton made for it.
 * Everything leaving this folder is a unified record.
 *
 * @example
 * const tryton = createTrytonConnector(
 *   { url: 'http://127.0.0.1:8000', database: 'concord', username: 'admin', password: process.env.TRYTON_PASSWORD },
 *   { merchantId: 'mer_1', system: 'tryton' },
 * );
 * for await (const page of tryton.read('inventory_levels')) console.log(page.length);
 */
import type { Logger } from 'pino';
import { logger as rootLogger } from '../../core/logger.js';
import type { Customer, Invoice, SalesOrder } from '../../model/index.js';
import type { Clock, RetryPolicy } from '../kit/index.js';
import type {
  CustomerInput,
  ErpConnector,
  ErpStream,
  ErpStreamRecord,
  ReadOptions,
  SalesOrderInput,
  SystemContext,
} from '../types.js';
import { TrytonClient } from './client.js';
import { parseTrytonSettings, type TrytonSettings } from './config.js';
import { findOrCreateCustomer } from './customers.js';
import { getInvoice, invoiceSalesOrder } from './invoices.js';
import { TRYTON_MANIFEST } from './manifest.js';
import { TrytonReader } from './read.js';
import { createSalesOrder, getSalesOrder } from './sales.js';
import type { WriteDeps } from './write-kit.js';

export interface TrytonConnectorOptions {
  clock?: Clock;
  logger?: Logger;
  /** Overrides of the retry policy (tests make jitter deterministic). */
  retry?: Partial<RetryPolicy>;
}

export class TrytonConnector implements ErpConnector {
  readonly vendor = TRYTON_MANIFEST.vendor;
  readonly settings: TrytonSettings;
  readonly client: TrytonClient;
  readonly #reader: TrytonReader;
  readonly #deps: WriteDeps;

  constructor(
    settings: unknown,
    readonly context: SystemContext,
    opts: TrytonConnectorOptions = {},
  ) {
    this.settings = parseTrytonSettings(settings);
    const logger = (opts.logger ?? rootLogger).child({
      component: 'tryton',
      database: this.settings.database,
      system: context.system,
    });
    this.client = new TrytonClient({ settings: this.settings, logger, clock: opts.clock, retry: opts.retry });
    this.#reader = new TrytonReader(this.client, this.settings, context, opts.clock);
    this.#deps = { client: this.client, reader: this.#reader, ctx: context, inflight: new Map() };
  }

  read(stream: ErpStream, options?: ReadOptions): AsyncIterable<ErpStreamRecord[]> {
    return this.#reader.read(stream, options);
  }

  findOrCreateCustomer(input: CustomerInput): Promise<Customer> {
    return findOrCreateCustomer(this.#deps, input);
  }

  createSalesOrder(input: SalesOrderInput): Promise<SalesOrder> {
    return createSalesOrder(this.#deps, input);
  }

  getSalesOrder(externalId: string): Promise<SalesOrder | null> {
    return getSalesOrder(this.#deps, externalId);
  }

  invoiceSalesOrder(salesOrderExternalId: string, reference: string): Promise<Invoice> {
    return invoiceSalesOrder(this.#deps, salesOrderExternalId, reference);
  }

  getInvoice(externalId: string): Promise<Invoice | null> {
    return getInvoice(this.#deps, externalId);
  }

  /** Ends the Tryton session. */
  close(): Promise<void> {
    return this.client.logout();
  }
}

/** A Tryton connector for one database; `settings` are parsed (and rejected with the bad field names). */
export function createTrytonConnector(
  settings: unknown,
  context: SystemContext,
  opts?: TrytonConnectorOptions,
): TrytonConnector {
  return new TrytonConnector(settings, context, opts);
}

export { TRYTON_MANIFEST } from './manifest.js';
export { parseTrytonSettings, trytonEndpoint, TrytonSettings, type TrytonSettingsInput } from './config.js';
export { TrytonClient } from './client.js';
export * from './map.js';
export * from './codec.js';
