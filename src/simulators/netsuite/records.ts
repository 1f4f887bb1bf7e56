/**
 * The record API's JSON shapes: a record's fields (`GET /record/v1/{type}/{id}`), references as
 * `{ id, refName, links }`, sublists as `{ links, items }` (lines only with `expandSubResources=true`,
 * otherwise just the sublist's self link), dates as ISO 8601 UTC.
 * Shapes inferred from NetSuite's REST record examples; field lists trimmed to what Concord reads.
 */
import { available, type NetSuiteState, type NsLine, type NsTransaction } from './state.js';

/** Record types the simulator serves. */
export const RECORD_TYPES = [
  'inventoryItem',
  'location',
  'customer',
  'salesOrder',
  'invoice',
  'creditMemo',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Serialising context: the API base (`http://127.0.0.1:PORT/services/rest/record/v1`). */
export interface RecordContext {
  state: NetSuiteState;
  recordBase: string;
  expand: boolean;
}

function links(href: string) {
  return [{ rel: 'self', href }];
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A reference field `{ id, refName, links }`. */
export function ref(ctx: RecordContext, type: string, id: number, refName: string) {
  return { links: links(`${ctx.recordBase}/${type}/${id}`), id: String(id), refName };
}

/** Ids of every record of a type, ascending (what a collection lists). */
export function recordIds(state: NetSuiteState, type: RecordType): number[] {
  switch (type) {
    case 'inventoryItem':
      return state.items.map((item) => item.id);
    case 'location':
      return state.locations.map((location) => location.id);
    case 'customer':
      return state.customers.map((customer) => customer.id);
    default:
      return state.transactionsOf(type).map((t) => t.id);
  }
}

/** Resolves `123` or `eid:REF` to an internal id (external ids per "Using External IDs"). */
export function resolveId(state: NetSuiteState, type: RecordType, key: string): number | undefined {
  // https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156334828635.html
  if (key.startsWith('eid:')) {
    const externalId = key.slice(4);
    if (type === 'customer') return state.customers.find((c) => c.externalId === externalId)?.id;
    if (type === 'inventoryItem' || type === 'location') return undefined;
    return state.transactionsOf(type).find((t) => t.externalId === externalId)?.id;
  }
  if (!/^\d+$/.test(key)) return undefined;
  const id = Number(key);
  if (type === 'inventoryItem') return state.itemsById.has(id) ? id : undefined;
  return recordIds(state, type).includes(id) ? id : undefined;
}

function item(ctx: RecordContext, id: number) {
  const it = ctx.state.itemsById.get(id);
  if (!it) return undefined;
  const stock = ctx.state.stock.length > 0 ? ctx.state.locations.map((l) => ctx.state.stockAt(id, l.id)) : [];
  const locations = stock.flatMap((row) =>
    row
      ? [
          {
            location: ref(ctx, 'location', row.location, ctx.state.location(row.location)?.name ?? ''),
            quantityOnHand: row.onHand,
            quantityAvailable: available(row),
            quantityCommitted: row.committed,
            quantityOnOrder: row.onOrder,
          },
        ]
      : [],
  );
  return {
    links: links(`${ctx.recordBase}/inventoryItem/${id}`),
    id: String(id),
    itemId: it.itemId,
    displayName: it.displayName,
    description: it.description,
    upcCode: it.upcCode,
    isInactive: it.isInactive,
    basePrice: ctx.state.basePrice(id),
    createdDate: iso(it.created),
    lastModifiedDate: iso(it.lastModified),
    locations: sublist(ctx, `inventoryItem/${id}/locations`, locations),
  };
}

function location(ctx: RecordContext, id: number) {
  const l = ctx.state.location(id);
  if (!l) return undefined;
  return {
    links: links(`${ctx.recordBase}/location/${id}`),
    id: String(id),
    name: l.name,
    isInactive: l.isInactive,
    mainAddress: {
      addr1: l.address.addr1,
      city: l.address.city,
      state: l.address.state,
      zip: l.address.zip,
      country: { id: l.address.country },
    },
    lastModifiedDate: iso(l.lastModified),
  };
}

function customer(ctx: RecordContext, id: number) {
  const c = ctx.state.customer(id);
  if (!c) return undefined;
  return {
    links: links(`${ctx.recordBase}/customer/${id}`),
    id: String(id),
    entityId: c.entityId,
    email: c.email,
    firstName: c.firstName,
    lastName: c.lastName,
    ...(c.companyName ? { companyName: c.companyName } : {}),
    isPerson: c.isPerson,
    ...(c.externalId ? { externalId: c.externalId } : {}),
    lastModifiedDate: iso(c.lastModified),
  };
}

function sublist(ctx: RecordContext, path: string, items: unknown[]) {
  const self = { links: links(`${ctx.recordBase}/${path}`) };
  return ctx.expand ? { ...self, items, totalResults: items.length } : self;
}

function line(ctx: RecordContext, l: NsLine) {
  const it = ctx.state.itemsById.get(l.item);
  return {
    line: l.line,
    item: ref(ctx, 'inventoryItem', l.item, it?.itemId ?? ''),
    description: it?.displayName ?? '',
    quantity: l.quantity,
    rate: l.rate,
    amount: l.amount,
    ...(l.location !== null
      ? { location: ref(ctx, 'location', l.location, ctx.state.location(l.location)?.name ?? '') }
      : {}),
  };
}

function transaction(ctx: RecordContext, t: NsTransaction) {
  const entity = ctx.state.customer(t.entity);
  const currency = ctx.state.currencies.find((c) => c.id === t.currency);
  const createdFrom = ctx.state.transactions.find((x) => x.id === t.createdFrom);
  return {
    links: links(`${ctx.recordBase}/${t.type}/${t.id}`),
    id: String(t.id),
    tranId: t.tranId,
    tranDate: iso(t.tranDate).slice(0, 10),
    entity: ref(ctx, 'customer', t.entity, entity?.entityId ?? ''),
    currency: ref(ctx, 'currency', t.currency, currency?.symbol ?? ''),
    status: { id: t.status, refName: t.status },
    ...(t.externalId ? { externalId: t.externalId } : {}),
    ...(t.memo ? { memo: t.memo } : {}),
    ...(createdFrom ? { createdFrom: ref(ctx, createdFrom.type, createdFrom.id, createdFrom.tranId) } : {}),
    subtotal: t.total,
    total: t.total,
    ...(t.type !== 'salesOrder' ? { amountRemaining: t.amountRemaining } : {}),
    lastModifiedDate: iso(t.lastModified),
    item: sublist(
      ctx,
      `${t.type}/${t.id}/item`,
      t.lines.map((l) => line(ctx, l)),
    ),
  };
}

/** The JSON of one record, or undefined when it does not exist. */
export function recordJson(ctx: RecordContext, type: RecordType, id: number): unknown {
  switch (type) {
    case 'inventoryItem':
      return item(ctx, id);
    case 'location':
      return location(ctx, id);
    case 'customer':
      return customer(ctx, id);
    default: {
      const t = ctx.state.transactions.find((x) => x.id === id && x.type === type);
      return t ? transaction(ctx, t) : undefined;
    }
  }
}
