/**
 * The simulated NetSuite account's data: inventory items, locations (warehouses), stock per (item,
 * location), price levels and unit prices, customers, sales orders, invoices, credit memos, and the
 * idempotency keys seen on POSTs. Plain records with numeric internal ids (NetSuite's ids are
 * integers, sent as strings on the wire); timestamps are epoch milliseconds.
 */

/** An inventory item (record type `inventoryItem`, SuiteQL table `item` with itemtype 'InvtPart'). */
export interface NsItem {
  id: number;
  itemId: string;
  displayName: string;
  description: string;
  upcCode: string;
  isInactive: boolean;
  lastModified: number;
  created: number;
}

/** A location (warehouse). */
export interface NsLocation {
  id: number;
  name: string;
  isInactive: boolean;
  address: { addr1: string; city: string; state: string; zip: string; country: string };
  lastModified: number;
}

/** Stock of one item at one location; available = onHand − committed (never below 0). */
export interface NsStock {
  item: number;
  location: number;
  onHand: number;
  committed: number;
  onOrder: number;
  lastModified: number;
}

/** A price level ("Base Price", "Wholesale", …). */
export interface NsPriceLevel {
  id: number;
  name: string;
  discountPct: number | null;
}

/** The unit price of an item at a price level, in a currency. */
export interface NsPrice {
  item: number;
  priceLevel: number;
  currency: number;
  unitPrice: number;
}

/** A currency of the account. */
export interface NsCurrency {
  id: number;
  symbol: string;
}

/** A customer. */
export interface NsCustomer {
  id: number;
  entityId: string;
  email: string;
  firstName: string;
  lastName: string;
  companyName: string | null;
  isPerson: boolean;
  externalId: string | null;
  lastModified: number;
}

/** One line of a sales order or invoice. */
export interface NsLine {
  line: number;
  item: number;
  quantity: number;
  rate: number;
  amount: number;
  location: number | null;
}

/** A transaction: sales order, invoice or credit memo. */
export interface NsTransaction {
  id: number;
  type: 'salesOrder' | 'invoice' | 'creditMemo';
  tranId: string;
  entity: number;
  externalId: string | null;
  currency: number;
  memo: string | null;
  status: string;
  lines: NsLine[];
  total: number;
  amountRemaining: number;
  createdFrom: number | null;
  tranDate: number;
  lastModified: number;
}

/** A remembered `X-NetSuite-Idempotency-Key`: what was asked and what was answered. */
export interface IdempotencyEntry {
  fingerprint: string;
  location: string;
}

/** All the simulated account's data. */
export class NetSuiteState {
  items: NsItem[] = [];
  itemsById = new Map<number, NsItem>();
  locations: NsLocation[] = [];
  stock: NsStock[] = [];
  stockByKey = new Map<string, NsStock>();
  priceLevels: NsPriceLevel[] = [];
  prices: NsPrice[] = [];
  private priceByKey = new Map<string, NsPrice>();
  currencies: NsCurrency[] = [{ id: 1, symbol: 'USD' }];
  customers: NsCustomer[] = [];
  transactions: NsTransaction[] = [];
  idempotency = new Map<string, IdempotencyEntry>();
  /** Next internal id per id space (entities and transactions share NetSuite's transaction id space). */
  private nextIds = { item: 1, customer: 1, transaction: 1 };
  private nextTranNumbers: Record<NsTransaction['type'], number> = {
    salesOrder: 1,
    invoice: 1,
    creditMemo: 1,
  };

  /** Allocates an internal id. */
  newId(space: 'item' | 'customer' | 'transaction'): number {
    const id = this.nextIds[space];
    this.nextIds[space] += 1;
    return id;
  }

  /** Allocates a document number (tranId) such as "SO1001". */
  newTranId(type: NsTransaction['type']): string {
    const n = this.nextTranNumbers[type];
    this.nextTranNumbers[type] += 1;
    const prefix = { salesOrder: 'SO', invoice: 'INV', creditMemo: 'CM' }[type];
    return `${prefix}${1000 + n}`;
  }

  addItem(item: NsItem): void {
    this.items.push(item);
    this.itemsById.set(item.id, item);
  }

  addStock(row: NsStock): void {
    this.stock.push(row);
    this.stockByKey.set(`${row.item}:${row.location}`, row);
  }

  addPrice(price: NsPrice): void {
    this.prices.push(price);
    this.priceByKey.set(`${price.item}:${price.priceLevel}:${price.currency}`, price);
  }

  stockAt(item: number, location: number): NsStock | undefined {
    return this.stockByKey.get(`${item}:${location}`);
  }

  location(id: number): NsLocation | undefined {
    return this.locations.find((location) => location.id === id);
  }

  customer(id: number): NsCustomer | undefined {
    return this.customers.find((customer) => customer.id === id);
  }

  transactionsOf(type: NsTransaction['type']): NsTransaction[] {
    return this.transactions.filter((t) => t.type === type);
  }

  /** The base price of an item ("Base Price" level, first currency), or null. */
  basePrice(item: number): number | null {
    const base = this.priceLevels[0];
    const currency = this.currencies[0];
    if (!base || !currency) return null;
    return this.priceByKey.get(`${item}:${base.id}:${currency.id}`)?.unitPrice ?? null;
  }
}

/** available = on hand − committed, floored at 0 (inferred: NetSuite does not show negative available). */
export function available(row: NsStock): number {
  return Math.max(0, row.onHand - row.committed);
}
