/**
 * What the platform contract suite (`platform.ts`) needs from a vendor: a connector, the exact seed it
 * was started with (so reads are compared value by value), the vendor's declared capabilities (what
 * differs between vendors is declared here and asserted accordingly, never skipped), and a few ids the
 * write tests use. Plus small helpers the suite shares.
 *
 * @example
 * const factory: PlatformContractFactory = { setup: async () => ({ connector, seed, capabilities, fixtures }) };
 */
import { recordId, type RecordKind } from '../../core/ids.js';
import type { InventoryLevel, Money } from '../../model/index.js';
import type { PlatformConnector, StreamRecord, SyncStream } from '../types.js';

export interface ExpectedVariant {
  external_id: string;
  sku: string | null;
  title: string;
  /** Price in minor units of the seed's currency. */
  price: Money;
  /** Option values in the product's option order. */
  options: { name: string; value: string }[];
  inventory_tracked: boolean;
}

export interface ExpectedProduct {
  external_id: string;
  title: string;
  handle: string | null;
  variants: ExpectedVariant[];
}

export interface ExpectedLocation {
  external_id: string;
  name: string;
}

export interface ExpectedLevel {
  variant_external_id: string;
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

/** The system's state when the suite starts, as the connector must read it. */
export interface PlatformSeed {
  currency: string;
  products: ExpectedProduct[];
  locations: ExpectedLocation[];
  levels: ExpectedLevel[];
  customers: ExpectedCustomer[];
  /** External ids of the orders already in the system. */
  orders: string[];
}

export interface SignedDelivery {
  headers: Record<string, string>;
  body: string;
  /** What the connector must make of it. */
  expected: { topic: string; stream: SyncStream | null; external_id: string | null };
}

/** What differs between vendors, declared by the factory. */
export interface PlatformCapabilities {
  /**
   * How a created order moves stock of a tracked variant: `reserve` — available falls and committed
   * grows by the quantity, on hand unchanged until fulfilment; `decrement` — on hand and available fall.
   */
  orderStock: 'reserve' | 'decrement';
  /** Signed webhooks (with a sample delivery to verify), or none (verifyWebhook must refuse clearly). */
  webhooks: { kind: 'signed'; delivery(): SignedDelivery } | { kind: 'none' };
  /** Products per page the connector asks for (reads of the seed must take several pages). */
  productPageSize: number;
}

/** Ids the write tests use. */
export interface PlatformFixtures {
  /** A tracked variant with at least 10 units available across locations. */
  orderVariant: string;
  /** Ids the system certainly does not have. */
  absent: { product: string; variant: string };
}

export interface PlatformSubject {
  connector: PlatformConnector;
  seed: PlatformSeed;
  capabilities: PlatformCapabilities;
  fixtures: PlatformFixtures;
}

export interface PlatformContractFactory {
  /** Starts (or connects to) the seeded system once for the suite. */
  setup(): Promise<PlatformSubject>;
  teardown?(): Promise<void>;
}

/** Every page of a read, kept as pages. */
export async function pagesOf(pages: AsyncIterable<StreamRecord[]>): Promise<StreamRecord[][]> {
  const out: StreamRecord[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** Every record of a read. */
export async function recordsOf(pages: AsyncIterable<StreamRecord[]>): Promise<StreamRecord[]> {
  return (await pagesOf(pages)).flat();
}

/** The Concord id the connector must give the vendor record `externalId`. */
export function concordId(connector: PlatformConnector, kind: RecordKind, externalId: string): string {
  return recordId(kind, connector.context.merchantId, connector.context.system, externalId);
}

/** Stock of one variant summed over every location it is stocked at. */
export async function stockOf(
  connector: PlatformConnector,
  variantExternalId: string,
): Promise<{ on_hand: number; available: number; committed: number; levels: number }> {
  const variantId = concordId(connector, 'variant', variantExternalId);
  const levels = (await recordsOf(connector.read('inventory_levels')))
    .map((r) => r.record as InventoryLevel)
    .filter((l) => l.variant_id === variantId);
  return {
    on_hand: levels.reduce((s, l) => s + l.on_hand, 0),
    available: levels.reduce((s, l) => s + l.available, 0),
    committed: levels.reduce((s, l) => s + l.committed, 0),
    levels: levels.length,
  };
}

/** The external ids of every order the connector reads now. */
export async function orderIds(connector: PlatformConnector): Promise<string[]> {
  return (await recordsOf(connector.read('orders'))).map((r) => r.record.external_id).sort();
}

/** The external ids of every customer the connector reads now. */
export async function customerIds(connector: PlatformConnector): Promise<string[]> {
  return (await recordsOf(connector.read('customers'))).map((r) => r.record.external_id).sort();
}
