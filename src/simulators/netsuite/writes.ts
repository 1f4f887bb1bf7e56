/**
 * Record writes: create a customer or a sales order (`POST /record/v1/{type}`), and bill a sales
 * order (`POST /record/v1/salesOrder/{id}/!transform/invoice`). Every write is validated fully
 * before anything changes, so a 400 writes nothing. `externalId` is unique per record type
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156334828635.html); a
 * duplicate answers 400 DUP_RCRD (code and wording inferred). Sales orders commit stock at the line's
 * location (committed += quantity, so available drops), take the item's base price as rate when none
 * is given, and start "Pending Fulfillment". Unknown references answer 400 INVALID_FLD_VALUE naming
 * the field and key ("Invalid … reference key …", inferred wording).
 */
import { NsError } from './errors.js';
import type { NetSuiteState, NsLine, NsTransaction } from './state.js';

export type Json = Record<string, unknown>;

export function object(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function refId(value: unknown): string | undefined {
  const id = object(value)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export function badRef(field: string, key: string | undefined, path: string): NsError {
  return new NsError(400, 'INVALID_FLD_VALUE', `Invalid ${field} reference key ${key ?? '(none)'}.`, {
    'o:errorPath': path,
  });
}

export function userError(detail: string, path?: string): NsError {
  return new NsError(400, 'USER_ERROR', detail, path ? { 'o:errorPath': path } : {});
}

export function externalIdOf(body: Json): string | null {
  const value = body.externalId;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value))
    throw userError('Invalid externalId: use letters, numbers, underscore and hyphen.', 'externalId');
  return value;
}

export function duplicate(type: string, externalId: string): NsError {
  return new NsError(
    400,
    'DUP_RCRD',
    `This record already exists. A ${type} with external ID ${externalId} exists.`,
    {
      'o:errorPath': 'externalId',
    },
  );
}

/** Creates a customer; returns its internal id. */
export function createCustomer(state: NetSuiteState, body: Json, now: number): number {
  const externalId = externalIdOf(body);
  if (externalId && state.customers.some((c) => c.externalId === externalId))
    throw duplicate('customer', externalId);
  const str = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  const isPerson = body.isPerson !== false;
  if (!isPerson && !str('companyName'))
    throw userError('Please enter a value for Company Name.', 'companyName');
  if (isPerson && !str('lastName')) throw userError('Please enter a value for Last Name.', 'lastName');
  const id = state.newId('customer');
  state.customers.push({
    id,
    entityId: str('entityId') || `CUST${String(id).padStart(5, '0')}`,
    email: str('email'),
    firstName: str('firstName'),
    lastName: str('lastName'),
    companyName: str('companyName') || null,
    isPerson,
    externalId,
    lastModified: now,
  });
  return id;
}

function parseLines(state: NetSuiteState, body: Json): NsLine[] {
  const items = object(body.item)?.items;
  if (!Array.isArray(items) || items.length === 0)
    throw userError('You must enter at least one line item for this transaction.', 'item');
  return items.map((raw, index) => {
    const path = `item.items[${index}]`;
    const line = object(raw) ?? {};
    const itemKey = refId(line.item);
    const item = itemKey && /^\d+$/.test(itemKey) ? state.itemsById.get(Number(itemKey)) : undefined;
    if (!item) throw badRef('item', itemKey, `${path}.item`);
    const quantity = Number(line.quantity);
    if (!Number.isFinite(quantity) || quantity <= 0)
      throw userError(`Invalid quantity on line ${index + 1}.`, `${path}.quantity`);
    const locationKey = refId(line.location);
    if (locationKey !== undefined && !state.location(Number(locationKey)))
      throw badRef('location', locationKey, `${path}.location`);
    const rate = line.rate === undefined ? (state.basePrice(item.id) ?? 0) : Number(line.rate);
    if (!Number.isFinite(rate)) throw userError(`Invalid rate on line ${index + 1}.`, `${path}.rate`);
    const amount = Math.round(rate * quantity * 100) / 100;
    return {
      line: index + 1,
      item: item.id,
      quantity,
      rate,
      amount,
      location: locationKey ? Number(locationKey) : null,
    };
  });
}

/** Creates a sales order (all checks first, then the writes); returns its internal id. */
export function createSalesOrder(state: NetSuiteState, body: Json, now: number): number {
  const entityKey = refId(body.entity);
  const customer = entityKey ? state.customer(Number(entityKey)) : undefined;
  if (!customer) throw badRef('entity', entityKey, 'entity');
  const externalId = externalIdOf(body);
  if (externalId && state.transactionsOf('salesOrder').some((t) => t.externalId === externalId))
    throw duplicate('salesOrder', externalId);
  const currencyKey = refId(body.currency);
  const currency =
    currencyKey === undefined
      ? state.currencies[0]
      : state.currencies.find((c) => String(c.id) === currencyKey);
  if (!currency) throw badRef('currency', currencyKey, 'currency');
  const lines = parseLines(state, body);
  for (const line of lines) {
    const stock = line.location === null ? undefined : state.stockAt(line.item, line.location);
    if (stock) {
      stock.committed += line.quantity;
      stock.lastModified = now;
    }
  }
  const total = Math.round(lines.reduce((sum, l) => sum + l.amount, 0) * 100) / 100;
  const order: NsTransaction = {
    id: state.newId('transaction'),
    type: 'salesOrder',
    tranId: state.newTranId('salesOrder'),
    entity: customer.id,
    externalId,
    currency: currency.id,
    memo: typeof body.memo === 'string' ? body.memo : null,
    status: 'Pending Fulfillment',
    lines,
    total,
    amountRemaining: total,
    createdFrom: null,
    tranDate: now,
    lastModified: now,
  };
  state.transactions.push(order);
  return order.id;
}

/** Bills a sales order in full: a new invoice created from it; 400 when it is already billed. */
export function transformToInvoice(state: NetSuiteState, orderId: number, body: Json, now: number): number {
  const order = state.transactions.find((t) => t.id === orderId && t.type === 'salesOrder');
  if (!order)
    throw new NsError(
      404,
      'NONEXISTENT_ID',
      `The record instance does not exist. Provide a valid record instance ID.`,
    );
  if (state.transactions.some((t) => t.type === 'invoice' && t.createdFrom === order.id))
    throw userError('The transaction has already been fully billed; there is nothing to invoice.');
  const externalId = externalIdOf(body);
  if (externalId && state.transactionsOf('invoice').some((t) => t.externalId === externalId))
    throw duplicate('invoice', externalId);
  const invoice: NsTransaction = {
    ...order,
    id: state.newId('transaction'),
    type: 'invoice',
    tranId: state.newTranId('invoice'),
    externalId,
    status: 'Open',
    lines: order.lines.map((l) => ({ ...l })),
    amountRemaining: order.total,
    createdFrom: order.id,
    tranDate: now,
    lastModified: now,
  };
  state.transactions.push(invoice);
  order.status = 'Pending Fulfillment'; // billed before fulfilment: stays to be fulfilled (inferred)
  order.lastModified = now;
  return invoice.id;
}
