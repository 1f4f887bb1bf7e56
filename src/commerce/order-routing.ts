/**
 * Order routing under a topology whose order record belongs to the ERP (the mid_market preset:
 * `order_record = erp:sales_order + platform:order`). One `POST /orders` becomes a sales order in
 * the ERP (system of record for price and location) and an order with its customer in the commerce
 * platform, linked both ways. Validation first, so nothing is written in any system when the
 * request is wrong:
 *
 *   validate (shape) → resolve (lines → platform variants) → match (each variant → its ERP item by
 *   the topology's match key) → price (from the price owner: the ERP item's base price or the
 *   configured price level) → stock (from the inventory owner: the ERP's levels; one location for
 *   every line when one can serve them all, else per line the location with the most) → customer
 *   (the ERP's rules: a new ERP customer needs a last name)
 *   → ERP customer (found or created) → platform customer (found or created) → ERP sales order
 *   → platform order → record both, linked
 *
 * Exactly once: the sales order carries a reference and the platform order another, both derived
 * only from (merchant, idempotency key), and connectors never create two documents for one
 * reference (NetSuite: externalId + idempotency key; Shopify: tag read-before-retry), so a retry
 * after any failure finds what the first attempt wrote. The link: the sales order's memo names the
 * platform order's reference (the platform order's `concord-ref-…` tag), the platform order is
 * tagged `<erp system>-so-<sales order id>`, and Concord's copy of the sales order has `order_id`.
 * Not yet compensated: a sales order whose platform order fails for good stays in the ERP (the
 * durable order saga will cancel it).
 *
 * @example
 * if (routesToErp(topology)) await placeRoutedOrder(rt, 'mer_mm', topology, body, key);
 */
import type { SalesOrderLineInput } from '../connectors/types.js';
import { ConcordError, type FieldIssue } from '../core/errors.js';
import type { InventoryLevel, Item, Location, Money } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { QuoteStore } from '../store/quotes.js';
import { allPages } from '../store/records.js';
import { erpPrice, matchRecords, type Topology } from '../topology/index.js';
import { erpOf, erpReference, resolveCustomer, storeDocument } from './erp.js';
import { validateOrderInput } from './order-input.js';
import { resolveLines, type ResolvedLine } from './order-lines.js';
import {
  createPlatformOrder,
  ensurePlatformCustomer,
  orderReference,
  platformConnector,
  recordOrder,
  withoutRaw,
  type OrderTerms,
  type PlacedOrder,
} from './order-platform.js';

/** True when the topology's order record belongs to an ERP (orders are routed here). */
export function routesToErp(topology: Topology): boolean {
  return topology.ownership.order_record.owner.category === 'erp';
}

interface RoutedLine extends ResolvedLine {
  item: Item;
  unit_price: Money;
  location: Location | null;
}

const invalid = (code: string, message: string, issues: FieldIssue[]) =>
  new ConcordError('validation', code, message, { issues });

/** Candidate ERP items: by SKU when SKU is the key (indexed), else every item of the ERP. */
function candidateItems(rt: Runtime, merchantId: string, topology: Topology, erp: string, skus: string[]) {
  const bySku = topology.config.match_key === 'sku';
  return allPages((cursor) =>
    rt.search.list<Item>(merchantId, 'item', {
      filters: { system: erp, ...(bySku ? { skus } : {}) },
      cursor,
      limit: 500,
    }),
  );
}

/** Each line's ERP item and price; every line without one is named in one 422. */
export async function matchLines(
  rt: Runtime,
  merchantId: string,
  topology: Topology,
  erp: string,
  lines: ResolvedLine[],
): Promise<{ line: ResolvedLine; item: Item; unit_price: Money }[]> {
  const skus = [...new Set(lines.flatMap((l) => (l.variant.sku ? [l.variant.sku] : [])))];
  const items = await candidateItems(rt, merchantId, topology, erp, skus);
  const variants = [...new Map(lines.map((l) => [l.variant.id, l.variant])).values()];
  const pairs = new Map(
    matchRecords(topology.config.match_key, variants, items).pairs.map((p) => [p.variant.id, p.item]),
  );
  const issues: FieldIssue[] = [];
  const matched = lines.flatMap((line) => {
    const item = pairs.get(line.variant.id);
    const price = item ? erpPrice(item, topology.config.pricing.price_level) : null;
    if (!item) issues.push({ field: line.field, message: `no single item of the ERP "${erp}" matches it` });
    else if (!item.active)
      issues.push({ field: line.field, message: `the ERP item ${item.sku} is inactive` });
    else if (!price) issues.push({ field: line.field, message: `the ERP item ${item.sku} has no price` });
    return item && price ? [{ line, item, unit_price: price.value }] : [];
  });
  if (issues.length > 0) {
    throw invalid('not_in_erp', `Order line ${issues[0]!.field}: ${issues[0]!.message}`, issues);
  }
  return matched;
}

/** The ERP's stock levels of each item, by item id. */
async function levelsByItem(rt: Runtime, merchantId: string, erp: string, itemIds: string[]) {
  const out = new Map<string, InventoryLevel[]>();
  for (const id of new Set(itemIds)) {
    const levels = await allPages((cursor) =>
      rt.search.list<InventoryLevel>(merchantId, 'inventory_level', {
        filters: { system: erp, parent_id: id },
        cursor,
        limit: 500,
      }),
    );
    out.set(id, levels);
  }
  return out;
}

const availableAt = (levels: InventoryLevel[] | undefined, locationId: string) =>
  levels?.find((l) => l.location_id === locationId)?.available ?? 0;

/** Stock from the ERP and a fulfilling location per line (see the module comment); 409 when short. */
async function allocate(
  rt: Runtime,
  merchantId: string,
  erp: string,
  matched: { line: ResolvedLine; item: Item; unit_price: Money }[],
): Promise<RoutedLine[]> {
  const levels = await levelsByItem(
    rt,
    merchantId,
    erp,
    matched.map((m) => m.item.id),
  );
  // Units open quotes hold are promised to them: an order without a quote cannot take them.
  const held = await new QuoteStore(rt.db).heldByOthers(merchantId, [...levels.keys()], new Date());
  for (const [item, itemLevels] of levels) {
    levels.set(
      item,
      itemLevels.map((l) => ({ ...l, available: l.available - (held.get(`${item}|${l.location_id}`) ?? 0) })),
    );
  }
  const wanted = new Map<string, number>();
  for (const m of matched) wanted.set(m.item.id, (wanted.get(m.item.id) ?? 0) + m.line.quantity);
  const total = (id: string) => (levels.get(id) ?? []).reduce((sum, l) => sum + Math.max(0, l.available), 0);
  const short = matched.filter(
    (m) =>
      m.line.variant.inventory_tracked &&
      m.line.variant.inventory_policy === 'deny' &&
      total(m.item.id) < wanted.get(m.item.id)!,
  );
  if (short.length > 0) {
    const describe = (m: (typeof short)[number]) =>
      `only ${total(m.item.id)} available in the ERP of SKU "${m.item.sku}"; ${wanted.get(m.item.id)} requested`;
    throw new ConcordError(
      'conflict',
      'insufficient_stock',
      `Not enough stock: ${short[0]!.line.field}: ${describe(short[0]!)}`,
      {
        issues: short.map((m) => ({ field: m.line.field, message: describe(m) })),
        detail: {
          lines: short.map((m) => ({
            line: m.line.index,
            item_id: m.item.id,
            sku: m.item.sku,
            requested: wanted.get(m.item.id),
            available: total(m.item.id),
          })),
        },
      },
    );
  }
  const locationIds = [...new Set([...levels.values()].flat().map((l) => l.location_id))].sort();
  const single = locationIds.find((loc) =>
    [...wanted].every(([item, qty]) => availableAt(levels.get(item), loc) >= qty),
  );
  const chosen = new Map<string, Location | null>();
  const locationOf = async (id: string | undefined) => {
    if (id === undefined) return null;
    if (!chosen.has(id)) chosen.set(id, await rt.search.get<Location>(merchantId, 'location', id));
    return chosen.get(id) ?? null;
  };
  return Promise.all(
    matched.map(async (m) => {
      const best = [...(levels.get(m.item.id) ?? [])].sort(
        (a, b) => b.available - a.available || (a.location_id < b.location_id ? -1 : 1),
      )[0];
      const id = single ?? (best && best.available >= m.line.quantity ? best.location_id : undefined);
      return { ...m.line, item: m.item, unit_price: m.unit_price, location: await locationOf(id) };
    }),
  );
}

/** Lines on a quote's terms: its prices and locations (its stock is held, so not checked again). */
async function onTerms(
  rt: Runtime,
  merchantId: string,
  matched: { line: ResolvedLine; item: Item; unit_price: Money }[],
  terms: OrderTerms,
): Promise<RoutedLine[]> {
  return Promise.all(
    matched.map(async (m) => {
      const locationId = terms.locations.get(m.line.index);
      const location = locationId ? await rt.search.get<Location>(merchantId, 'location', locationId) : null;
      return {
        ...m.line,
        item: m.item,
        unit_price: terms.prices.get(m.line.index) ?? m.unit_price,
        location,
      };
    }),
  );
}

/** The one currency of the ERP prices, or 422 naming the lines priced otherwise. */
function currencyOf(lines: RoutedLine[]): string {
  const currency = lines[0]!.unit_price.currency;
  const other = lines.filter((l) => l.unit_price.currency !== currency);
  if (other.length > 0) {
    throw invalid(
      'mixed_currencies',
      'The ERP prices these lines in several currencies',
      other.map((l) => ({ field: l.field, message: `priced in ${l.unit_price.currency}, not ${currency}` })),
    );
  }
  return currency;
}

/** Places the order in the ERP and the platform (see the module comment). */
export async function placeRoutedOrder(
  rt: Runtime,
  merchantId: string,
  topology: Topology,
  input: unknown,
  idempotencyKey: string,
  terms: OrderTerms | null = null,
): Promise<PlacedOrder> {
  const valid = validateOrderInput(input);
  const erp = erpOf(rt, merchantId, topology.ownership.order_record.owner.system);
  const erpSystem = erp.context.system;
  const resolved = await resolveLines(rt, merchantId, valid.lines);
  const platform = platformConnector(rt, merchantId, resolved.system);
  const matched = await matchLines(rt, merchantId, topology, erpSystem, resolved.lines);
  const lines = terms
    ? await onTerms(rt, merchantId, matched, terms)
    : await allocate(rt, merchantId, erpSystem, matched);
  const currency = currencyOf(lines);
  const issues: FieldIssue[] = [];
  const { email, first_name, last_name } = valid.customer;
  const known = await resolveCustomer(rt, merchantId, erpSystem, { email, first_name, last_name }, issues);
  if (issues.length > 0) {
    throw invalid('invalid_customer', `Invalid customer: ${issues[0]!.field}: ${issues[0]!.message}`, issues);
  }

  const erpCustomer =
    known ??
    (await erp.findOrCreateCustomer({
      email,
      ...(first_name ? { first_name } : {}),
      ...(last_name ? { last_name } : {}),
    }));
  await rt.records.upsertStream(merchantId, [{ stream: 'customers', record: erpCustomer }]);
  const customer = await ensurePlatformCustomer(rt, merchantId, platform, valid);
  const reference = orderReference(merchantId, idempotencyKey);
  const salesOrder = await erp.createSalesOrder({
    reference: erpReference('sales_order', merchantId, idempotencyKey),
    customer_external_id: erpCustomer.external_id,
    currency,
    lines: lines.map((l): SalesOrderLineInput => ({
      item_external_id: l.item.external_id,
      quantity: l.quantity,
      unit_price: l.unit_price,
      ...(l.location ? { location_external_id: l.location.external_id } : {}),
    })),
    platform_order_ref: reference,
  });
  const order = await createPlatformOrder(platform, reference, valid, currency, lines, {
    tags: [`${erpSystem}-so-${salesOrder.external_id}`],
    ...(terms ? { terms } : {}),
  });
  const linked = { ...salesOrder, order_id: order.id };
  await recordOrder(rt, merchantId, order);
  await storeDocument(rt, merchantId, 'sales_order', linked);
  rt.logger.info(
    { merchantId, orderId: order.id, salesOrderId: salesOrder.id, lines: lines.length },
    'order routed to the ERP and the platform',
  );
  return {
    order: withoutRaw(order),
    customer: withoutRaw(customer),
    sales_order: withoutRaw(linked),
    routing: {
      topology: topology.config.preset,
      platform: {
        system: order.system,
        order_id: order.id,
        external_id: order.external_id,
        name: order.name,
      },
      erp: {
        system: erpSystem,
        sales_order_id: salesOrder.id,
        external_id: salesOrder.external_id,
        number: salesOrder.number,
      },
    },
  };
}
