/**
 * The NetSuite connector: Concord's `ErpConnector` over SuiteTalk REST with Token-Based Authentication.
 * Reads go through SuiteQL with pages fetched concurrently up to the account's concurrency limit;
 * writes create customers, sales orders, invoices and credit memos at most once per reference. Everything leaving this
 * folder is a unified record.
 *
 * @example
 * const ns = createNetSuiteConnector(
 *   { accountId: '1234567_SB1', consumerKey: '…', consumerSecret: '…', tokenId: '…', tokenSecret: '…' },
 *   { merchantId: 'mer_1', system: 'netsuite' },
 * );
 * for await (const page of ns.read('inventory_levels')) console.log(page.length);
 */
import type { Logger } from 'pino';
import { logger as rootLogger } from '../../core/logger.js';
import type { CreditMemo, Customer, Invoice, SalesOrder } from '../../model/index.js';
import type { Clock, RetryPolicy } from '../kit/index.js';
import type {
  CreditInvoiceInput,
  CustomerInput,
  ErpConnector,
  ErpStream,
  ErpStreamRecord,
  ReadOptions,
  SalesOrderInput,
  SystemContext,
} from '../types.js';
import { NetSuiteClient } from './client.js';
import { parseNetSuiteSettings, type NetSuiteSettings } from './config.js';
import { NETSUITE_MANIFEST } from './manifest.js';
import { NetSuiteReader } from './read.js';
import * as write from './write.js';

export interface NetSuiteConnectorOptions {
  clock?: Clock;
  logger?: Logger;
  /** Overrides of the retry policy (tests make jitter deterministic). */
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

export class NetSuiteConnector implements ErpConnector {
  readonly vendor = NETSUITE_MANIFEST.vendor;
  readonly settings: NetSuiteSettings;
  readonly client: NetSuiteClient;
  readonly #reader: NetSuiteReader;

  constructor(
    settings: unknown,
    readonly context: SystemContext,
    opts: NetSuiteConnectorOptions = {},
  ) {
    this.settings = parseNetSuiteSettings(settings);
    const logger = (opts.logger ?? rootLogger).child({
      component: 'netsuite',
      account: this.settings.accountId,
      system: context.system,
    });
    this.client = new NetSuiteClient({ ...opts, settings: this.settings, logger });
    this.#reader = new NetSuiteReader(this.client, this.settings, context);
  }

  read(stream: ErpStream, options?: ReadOptions): AsyncIterable<ErpStreamRecord[]> {
    return this.#reader.read(stream, options);
  }

  findOrCreateCustomer(input: CustomerInput): Promise<Customer> {
    return write.findOrCreateCustomer(this.#deps(), input);
  }

  createSalesOrder(input: SalesOrderInput): Promise<SalesOrder> {
    return write.createSalesOrder(this.#deps(), input);
  }

  getSalesOrder(externalId: string): Promise<SalesOrder | null> {
    return write.getSalesOrder(this.#deps(), externalId);
  }

  invoiceSalesOrder(salesOrderExternalId: string, reference: string): Promise<Invoice> {
    return write.invoiceSalesOrder(this.#deps(), salesOrderExternalId, reference);
  }

  getInvoice(externalId: string): Promise<Invoice | null> {
    return write.getInvoice(this.#deps(), externalId);
  }

  creditInvoice(input: CreditInvoiceInput): Promise<CreditMemo> {
    return write.creditInvoice(this.#deps(), input);
  }

  getCreditMemo(externalId: string): Promise<CreditMemo | null> {
    return write.getCreditMemo(this.#deps(), externalId);
  }

  #deps(): write.WriteDeps {
    return { ns: this.client, reader: this.#reader, settings: this.settings, ctx: this.context };
  }
}

/** A NetSuite connector for one account; `settings` are parsed (and rejected with the bad field names). */
export function createNetSuiteConnector(
  settings: unknown,
  context: SystemContext,
  opts?: NetSuiteConnectorOptions,
): NetSuiteConnector {
  return new NetSuiteConnector(settings, context, opts);
}

export { NETSUITE_MANIFEST } from './manifest.js';
export {
  NetSuiteSettings,
  parseNetSuiteSettings,
  netSuiteEndpoint,
  type NetSuiteSettingsInput,
} from './config.js';
export { NetSuiteClient } from './client.js';
export { idempotencyKey } from './write.js';
export * from './map.js';
export * from './map-credit-memo.js';
