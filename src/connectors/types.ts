/**
 * What every connector offers the rest of Concord. Connectors speak their vendor's wire and hand
 * back unified records (see `src/model/`) whose ids are already Concord ids, computed with
 * `recordId()` from the `SystemContext` — so sync, webhooks and workflows never see vendor types.
 */
import type {
  CreditMemo,
  Customer,
  InventoryLevel,
  Invoice,
  Item,
  Location,
  Money,
  Order,
  Product,
  Refund,
  SalesOrder,
} from '../model/index.js';
import type { Address } from '../model/address.js';

/** Who a connector works for: the merchant and the name of this system in its topology. */
export interface SystemContext {
  merchantId: string;
  /** The merchant's name for this connection, e.g. "shopify"; becomes `record.system`. */
  system: string;
}

export type SyncStream = 'locations' | 'products' | 'inventory_levels' | 'customers' | 'orders';

/** A unified record as a connector hands it to sync, tagged with its stream. */
export type StreamRecord =
  | { stream: 'products'; record: Product }
  | { stream: 'locations'; record: Location }
  | { stream: 'inventory_levels'; record: InventoryLevel }
  | { stream: 'customers'; record: Customer }
  | { stream: 'orders'; record: Order };

export interface ReadOptions {
  /** ISO timestamp: only records updated at or after it (incremental sync). */
  updatedSince?: string;
  signal?: AbortSignal;
}

/** Progress reported by long reads (bulk operations). */
export interface ReadProgress {
  stream: SyncStream | 'bulk';
  objects: number;
  status: string;
}

export interface CustomerInput {
  email: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  address?: Address;
}

export interface PlatformOrderLineInput {
  /** External id (in this system) of the variant ordered. */
  variant_external_id: string;
  quantity: number;
  /** Unit price to charge; when absent the platform's current price applies. */
  unit_price?: Money;
  title?: string;
  sku?: string | null;
}

export interface PlatformOrderInput {
  /** Concord's reference for this order; stored on the vendor record so a retry can find it. */
  reference: string;
  customer: CustomerInput;
  lines: PlatformOrderLineInput[];
  currency: string;
  shipping_address?: Address;
  billing_address?: Address;
  shipping?: { title: string; price: Money };
  /** Tax lines to record on the order (a quote's locked tax); `rate` as a fraction (0.0625). */
  taxes?: { title: string; rate: number; amount: Money }[];
  /** Whether the line prices already include `taxes`. */
  taxes_included?: boolean;
  note?: string;
  tags?: string[];
}

export interface RefundInput {
  /** External id of the order in this system. */
  order_external_id: string;
  amount: Money;
  note?: string;
  /** Idempotency key for vendors that support one. */
  idempotency_key: string;
}

/** A verified, parsed incoming webhook. */
export interface WebhookEvent {
  /** The vendor's delivery id, for dedupe. */
  id: string;
  topic: string;
  /** What to refresh: the stream and the external id of the changed record. */
  stream: SyncStream | null;
  external_id: string | null;
}

/** A commerce platform (Shopify, Medusa, …) as Concord uses it. */
export interface PlatformConnector {
  readonly vendor: string;
  readonly context: SystemContext;
  /** Reads one stream to the end, page by page. */
  read(stream: SyncStream, options?: ReadOptions): AsyncIterable<StreamRecord[]>;
  /**
   * Reads a whole catalog through the vendor's bulk path (when it has one), yielding records in
   * pages; used for initial sync of large catalogs. Undefined when the vendor has none.
   */
  bulkRead?(
    streams: SyncStream[],
    options?: ReadOptions & { onProgress?: (p: ReadProgress) => void },
  ): AsyncIterable<StreamRecord[]>;
  /** Catalog size (variants) from which the initial sync takes the bulk path; sync's default otherwise. */
  readonly bulkThreshold?: number;
  /** Counts what a full read would return, when the vendor can say cheaply (decides bulk vs paged). */
  estimate?(stream: SyncStream): Promise<number | null>;
  /** Fetches one record by external id (after a webhook), or null when it no longer exists. */
  fetchOne(stream: SyncStream, externalId: string): Promise<StreamRecord[] | null>;
  findOrCreateCustomer(input: CustomerInput): Promise<Customer>;
  /** Creates the order; never twice for one `reference`, even when retried after an ambiguous failure. */
  createOrder(input: PlatformOrderInput): Promise<Order>;
  createRefund(input: RefundInput): Promise<Refund>;
  /** Verifies an incoming webhook's signature (timing-safe) and parses it; throws on a bad one. */
  verifyWebhook(headers: Record<string, string | undefined>, rawBody: string): WebhookEvent;
  /** Registers Concord's callback for the topics it consumes; safe to call again. */
  subscribeWebhooks?(callbackUrl: string): Promise<void>;
}

/** Streams an ERP offers to sync. */
export type ErpStream = 'items' | 'locations' | 'inventory_levels' | 'customers';

export type ErpStreamRecord =
  | { stream: 'items'; record: Item }
  | { stream: 'locations'; record: Location }
  | { stream: 'inventory_levels'; record: InventoryLevel }
  | { stream: 'customers'; record: Customer };

export interface SalesOrderLineInput {
  /** External id (in the ERP) of the item. */
  item_external_id: string;
  quantity: number;
  unit_price?: Money;
  /** External id (in the ERP) of the fulfilling location. */
  location_external_id?: string;
}

export interface SalesOrderInput {
  /** Concord's reference; also the idempotency key the ERP is given where it accepts one. */
  reference: string;
  customer_external_id: string;
  currency: string;
  lines: SalesOrderLineInput[];
  memo?: string;
  /** The platform order this sales order mirrors, for cross-reference on the ERP record. */
  platform_order_ref?: string;
}

/** What to credit on an invoice (a refund recorded in the ERP as a credit memo). */
export interface CreditInvoiceInput {
  /** External id (in the ERP) of the invoice credited. */
  invoice_external_id: string;
  /** Concord's reference; the ERP holds one credit memo per reference, even when retried. */
  reference: string;
  /** Items and quantities to credit (each on the invoice); absent = credit the whole invoice. */
  lines?: { item_external_id: string; quantity: number }[];
  memo?: string;
}

/** An ERP / IMS (NetSuite, Business Central, Tryton…) as Concord uses it. */
export interface ErpConnector {
  readonly vendor: string;
  readonly context: SystemContext;
  read(stream: ErpStream, options?: ReadOptions): AsyncIterable<ErpStreamRecord[]>;
  findOrCreateCustomer(input: CustomerInput): Promise<Customer>;
  /** Creates the sales order; never twice for one `reference`, even when retried after an ambiguous failure. */
  createSalesOrder(input: SalesOrderInput): Promise<SalesOrder>;
  getSalesOrder(externalId: string): Promise<SalesOrder | null>;
  /** Invoices a sales order (NetSuite `!transform/invoice`); never twice for one `reference`. */
  invoiceSalesOrder(salesOrderExternalId: string, reference: string): Promise<Invoice>;
  getInvoice(externalId: string): Promise<Invoice | null>;
  /** Credits an invoice (NetSuite `!transform/creditMemo`); never twice for one `reference`. Optional. */
  creditInvoice?(input: CreditInvoiceInput): Promise<CreditMemo>;
  getCreditMemo?(externalId: string): Promise<CreditMemo | null>;
}

/** Documents Concord writes to an ERP and keeps a copy of (not synced as streams yet). */
export type DocumentRecord =
  | { stream: 'sales_orders'; record: SalesOrder }
  | { stream: 'invoices'; record: Invoice }
  | { stream: 'credit_memos'; record: CreditMemo };

/** Any stream a connector syncs, platform or ERP. */
export type AnyStream = SyncStream | ErpStream;
/** A record as sync reads it from any connector. */
export type SyncedRecord = StreamRecord | ErpStreamRecord;
/** Anything the record store takes: synced records and documents Concord wrote. */
export type AnyStreamRecord = SyncedRecord | DocumentRecord;

/** What sync needs of a connector, platform or ERP alike. */
export interface SyncSource {
  readonly context: SystemContext;
  read(stream: AnyStream, options?: ReadOptions): AsyncIterable<SyncedRecord[]>;
  bulkRead?(
    streams: AnyStream[],
    options?: ReadOptions & { onProgress?: (p: ReadProgress) => void },
  ): AsyncIterable<SyncedRecord[]>;
  estimate?(stream: AnyStream): Promise<number | null>;
  readonly bulkThreshold?: number;
}
