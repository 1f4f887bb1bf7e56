/**
 * What an ERP connector brings to the shared contract suite (`erp.ts`): the connector under test, what its
 * seeded system holds (exactly), which behaviours the vendor has (declared, never skipped), and a probe
 * that counts documents in the system directly — not through the connector — so "written once" and
 * "nothing written" are checked against the system of record.
 *
 * @example
 * describeErpContract('netsuite simulator', async () => ({ connector, expected, capabilities, probe, stop }));
 */
import type { Money } from '../../model/index.js';
import type { ErpConnector, ErpStream, ErpStreamRecord } from '../types.js';

export interface ExpectedItem {
  external_id: string;
  sku: string;
  name: string;
  base_price: Money | null;
  active: boolean;
}

export interface ExpectedLocation {
  external_id: string;
  name: string;
  active: boolean;
}

export interface ExpectedLevel {
  item_external_id: string;
  location_external_id: string;
  on_hand: number;
  available: number;
  committed: number;
  incoming: number;
}

export interface ExpectedCustomer {
  external_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
}

/** An order the seeded system can take: a customer, and an item with at least 2 × quantity available. */
export interface ExpectedOrder {
  customer_external_id: string;
  item_external_id: string;
  location_external_id: string;
  quantity: number;
  unit_price: Money;
}

export interface ErpSeedExpectations {
  currency: string;
  items: ExpectedItem[];
  locations: ExpectedLocation[];
  levels: ExpectedLevel[];
  customers: ExpectedCustomer[];
  order: ExpectedOrder;
}

export interface ErpContractCapabilities {
  /** Items per page the connector reads with; the seed holds more items than this, so paging is exercised. */
  pageSize: number;
  /** Stock is held for an order as soon as it is created (available drops, committed rises); else untouched. */
  holdsStockOnOrder: boolean;
  /** A second invoice reference for an invoiced order: refused with an error, or answered with the same invoice. */
  secondInvoiceReference: 'refused' | 'same_invoice';
}

/** Counts in the system itself. */
export interface ErpProbe {
  salesOrderCount(): Promise<number>;
  salesOrdersWithReference(reference: string): Promise<number>;
  invoicesOf(salesOrderExternalId: string): Promise<number>;
  customersWithEmail(email: string): Promise<number>;
}

export interface ErpContractHarness {
  connector: ErpConnector;
  expected: ErpSeedExpectations;
  capabilities: ErpContractCapabilities;
  probe: ErpProbe;
  stop(): Promise<void>;
}

/** Starts the system (seeded) and builds the connector; called once per contract run. */
export type ErpContractFactory = () => Promise<ErpContractHarness>;

export type RecordOf<S extends ErpStream> = Extract<ErpStreamRecord, { stream: S }>['record'];

/** Reads a stream to the end: its records, and how many pages they came in. */
export async function readStream<S extends ErpStream>(
  connector: ErpConnector,
  stream: S,
  updatedSince?: string,
): Promise<{ records: RecordOf<S>[]; pages: number }> {
  const records: RecordOf<S>[] = [];
  let pages = 0;
  for await (const page of connector.read(stream, updatedSince ? { updatedSince } : {})) {
    pages += 1;
    for (const entry of page) {
      if (entry.stream !== stream) throw new Error(`read('${stream}') yielded a ${entry.stream} record`);
      records.push(entry.record as RecordOf<S>);
    }
  }
  return { records, pages };
}

/** `value` once per key: a map, and the keys seen more than once. */
export function indexBy<T>(
  values: T[],
  key: (v: T) => string,
): { byKey: Map<string, T>; duplicates: string[] } {
  const byKey = new Map<string, T>();
  const duplicates: string[] = [];
  for (const value of values) {
    const k = key(value);
    if (byKey.has(k)) duplicates.push(k);
    byKey.set(k, value);
  }
  return { byKey, duplicates };
}
