/**
 * The SuiteQL tables the simulator exposes, over its state, with lower-case column names as
 * SuiteQL returns them. Names follow NetSuite's Records Catalog as far as known: `item`,
 * `location`, `inventoryitemlocations`, `pricing`, `pricelevel`, `currency`, `customer`,
 * `transaction`. Booleans are 'T'/'F'. Column sets are trimmed to what Concord reads; the
 * `lastmodifieddate` column of `inventoryitemlocations` is a simulator convenience (inferred; real
 * accounts expose `lastquantityavailablechange`, which is also offered).
 */
import {
  available,
  type NetSuiteState,
  type NsCurrency,
  type NsCustomer,
  type NsItem,
  type NsLocation,
  type NsPrice,
  type NsPriceLevel,
  type NsStock,
  type NsTransaction,
} from './state.js';

/** A column's type: how literals compare with it and how it prints. */
export type ColumnType = 'int' | 'float' | 'text' | 'bool' | 'date';

/** A column: type and value getter (null = SQL NULL). */
export interface Column<R> {
  type: ColumnType;
  get(row: R): string | number | boolean | null;
}

/** A table: its columns, its rows, and the columns its rows are already sorted by (ascending). */
export interface Table<R = unknown> {
  columns: Record<string, Column<R>>;
  rows(state: NetSuiteState): readonly R[];
  naturalOrder: string[];
}

function table<R>(
  rows: (state: NetSuiteState) => readonly R[],
  columns: Record<string, Column<R>>,
  naturalOrder: string[] = ['id'],
): Table {
  return { rows, columns, naturalOrder } as unknown as Table;
}

const col = <R>(type: ColumnType, get: (row: R) => string | number | boolean | null): Column<R> => ({
  type,
  get,
});

/** Every table, by lower-case name. */
export const TABLES: Record<string, Table> = {
  item: table<NsItem>((s) => s.items, {
    id: col('int', (r) => r.id),
    itemid: col('text', (r) => r.itemId),
    displayname: col('text', (r) => r.displayName),
    description: col('text', (r) => r.description),
    itemtype: col('text', () => 'InvtPart'),
    isinactive: col('bool', (r) => r.isInactive),
    upccode: col('text', (r) => r.upcCode),
    createddate: col('date', (r) => r.created),
    lastmodifieddate: col('date', (r) => r.lastModified),
  }),
  location: table<NsLocation>((s) => s.locations, {
    id: col('int', (r) => r.id),
    name: col('text', (r) => r.name),
    fullname: col('text', (r) => r.name),
    isinactive: col('bool', (r) => r.isInactive),
    mainaddress_addr1: col('text', (r) => r.address.addr1),
    mainaddress_city: col('text', (r) => r.address.city),
    mainaddress_state: col('text', (r) => r.address.state),
    mainaddress_zip: col('text', (r) => r.address.zip),
    mainaddress_country: col('text', (r) => r.address.country),
    lastmodifieddate: col('date', (r) => r.lastModified),
  }),
  inventoryitemlocations: table<NsStock>(
    (s) => s.stock,
    {
      item: col('int', (r) => r.item),
      location: col('int', (r) => r.location),
      quantityonhand: col('float', (r) => r.onHand),
      quantityavailable: col('float', (r) => available(r)),
      quantitycommitted: col('float', (r) => r.committed),
      quantityonorder: col('float', (r) => r.onOrder),
      lastquantityavailablechange: col('date', (r) => r.lastModified),
      lastmodifieddate: col('date', (r) => r.lastModified),
    },
    ['item', 'location'],
  ),
  pricing: table<NsPrice>(
    (s) => s.prices,
    {
      item: col('int', (r) => r.item),
      pricelevel: col('int', (r) => r.priceLevel),
      currency: col('int', (r) => r.currency),
      unitprice: col('float', (r) => r.unitPrice),
    },
    ['item', 'pricelevel', 'currency'],
  ),
  pricelevel: table<NsPriceLevel>((s) => s.priceLevels, {
    id: col('int', (r) => r.id),
    name: col('text', (r) => r.name),
    discountpct: col('float', (r) => r.discountPct),
    isinactive: col('bool', () => false),
  }),
  currency: table<NsCurrency>((s) => s.currencies, {
    id: col('int', (r) => r.id),
    symbol: col('text', (r) => r.symbol),
    name: col('text', (r) => r.symbol),
  }),
  customer: table<NsCustomer>((s) => s.customers, {
    id: col('int', (r) => r.id),
    entityid: col('text', (r) => r.entityId),
    email: col('text', (r) => r.email),
    firstname: col('text', (r) => r.firstName),
    lastname: col('text', (r) => r.lastName),
    companyname: col('text', (r) => r.companyName),
    isperson: col('bool', (r) => r.isPerson),
    externalid: col('text', (r) => r.externalId),
    lastmodifieddate: col('date', (r) => r.lastModified),
  }),
  transaction: table<NsTransaction>((s) => s.transactions, {
    id: col('int', (r) => r.id),
    tranid: col('text', (r) => r.tranId),
    type: col(
      'text',
      (r) => ({ salesOrder: 'SalesOrd', invoice: 'CustInvc', creditMemo: 'CustCred' })[r.type],
    ),
    entity: col('int', (r) => r.entity),
    externalid: col('text', (r) => r.externalId),
    status: col('text', (r) => r.status),
    foreigntotal: col('float', (r) => r.total),
    createdfrom: col('int', (r) => r.createdFrom),
    trandate: col('date', (r) => r.tranDate),
    lastmodifieddate: col('date', (r) => r.lastModified),
  }),
};
