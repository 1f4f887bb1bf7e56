/**
 * NetSuite's wire shapes as this connector reads them: the collection envelope shared by SuiteQL and the
 * record API, SuiteQL rows (lower-case column names, every value a string, absent when null) and record
 * JSON (camelCase fields, references as `{ id, refName }`, sublists as `{ items }` with expandSubResources).
 * Raw vendor types stay inside this folder.
 */

/** `{ links, count, hasMore, items, offset, totalResults }` — SuiteQL and record collections. */
export interface NsCollection<T> {
  links?: { rel: string; href: string }[];
  count?: number;
  hasMore: boolean;
  items: T[];
  offset?: number;
  totalResults?: number;
}

/** governanceLimits answer (field names per the GovernanceLimits Operation page; inferred where absent). */
export interface NsGovernanceLimits {
  accountConcurrencyLimit?: number | null;
  accountUnallocatedConcurrencyLimit?: number | null;
  integrationConcurrencyLimit?: number | null;
  limitType?: string;
}

/** SuiteQL `item` row. */
export interface ItemRow {
  id: string;
  itemid: string;
  displayname?: string;
  description?: string;
  itemtype?: string;
  isinactive?: string;
  upccode?: string;
  lastmodifieddate?: string;
}

/** SuiteQL `pricing` row (price of an item at a price level in a currency). */
export interface PriceRow {
  item: string;
  pricelevel: string;
  unitprice?: string;
  currency?: string;
}

/** SuiteQL `pricelevel` row. */
export interface PriceLevelRow {
  id: string;
  name: string;
}

/** SuiteQL `currency` row. */
export interface CurrencyRow {
  id: string;
  symbol: string;
}

/** SuiteQL `location` row. */
export interface LocationRow {
  id: string;
  name: string;
  isinactive?: string;
  lastmodifieddate?: string;
}

/** SuiteQL `inventoryitemlocations` row: stock of one item at one location. */
export interface StockRow {
  item: string;
  location: string;
  quantityonhand?: string;
  quantityavailable?: string;
  quantitycommitted?: string;
  quantityonorder?: string;
  lastmodifieddate?: string;
  /** Joined in by the reader: the item's `itemid`. */
  itemid?: string;
}

/** SuiteQL `customer` row. */
export interface CustomerRow {
  id: string;
  entityid?: string;
  email?: string;
  phone?: string;
  firstname?: string;
  lastname?: string;
  companyname?: string;
  datecreated?: string;
  lastmodifieddate?: string;
}

/** A reference to another record in record JSON. */
export interface NsRef {
  id: string;
  refName?: string;
  /** `[{ rel: 'self', href: '…/record/v1/<type>/<id>' }]`: says which record type is referenced. */
  links?: { rel: string; href: string }[];
}

/** `customer` record JSON. */
export interface NsCustomerRecord {
  id: string;
  entityId?: string;
  email?: string;
  phone?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  isPerson?: boolean;
  dateCreated?: string;
  lastModifiedDate?: string;
}

/** A line of a transaction's `item` sublist. */
export interface NsLineRecord {
  item?: NsRef;
  quantity?: number;
  rate?: number;
  amount?: number;
  location?: NsRef | null;
}

/** `salesOrder` / `invoice` / `creditMemo` record JSON (with expandSubResources). */
export interface NsTransactionRecord {
  id: string;
  tranId?: string;
  externalId?: string;
  entity?: NsRef;
  currency?: NsRef;
  status?: NsRef | string;
  memo?: string;
  total?: number;
  amountRemaining?: number;
  createdFrom?: NsRef | null;
  tranDate?: string;
  createdDate?: string;
  lastModifiedDate?: string;
  item?: { items?: NsLineRecord[] };
}
