/**
 * Sales orders in Tryton (`sale.sale`), created at most once per Concord reference: the reference is
 * stored in the sale's own `reference` field, and the sale with that reference is looked up before
 * creating (and again after a create whose outcome is unknown), so a retry finds the first sale instead
 * of making a second — Tryton has no idempotency key. Everything is checked before the first write:
 * currency, customer (and its address), every product (exists, goods or service, salable), the warehouse.
 * A Tryton sale has one warehouse: lines naming different locations are refused; without a location the
 * lowest-id active warehouse ships. Once created the sale is quoted and confirmed (`quote`, `confirm`
 * buttons); confirming queues `process`, which makes the draft invoice and the customer shipment and
 * plans the outgoing moves (the forecast quantity drops). A sale found half-way (draft or quotation after
 * a crash) is taken forward the same way.
 */
import { ConcordError } from '../../core/errors.js';
import { moneyToDecimal, type SalesOrder } from '../../model/index.js';
import type { SalesOrderInput } from '../types.js';
import { encodeDecimal } from './codec.js';
import { PLATFORM_ORDER_MARK, toUnifiedSalesOrder } from './map.js';
import { invalid, parseInput, SalesOrderInputSchema, type ValidSalesOrderInput } from './inputs.js';
import { parseRows } from './read.js';
import {
  ORDERABLE_FIELDS,
  OrderableRow,
  SALE_FIELDS,
  SALE_LINE_FIELDS,
  SaleLineRow,
  SaleRow,
} from './schemas.js';
import { mayHaveHappened, singleFlight, type WriteDeps } from './write-kit.js';

const ALL = { active_test: false };

/** Reads one sale as a row, or null when it does not exist. */
export async function readSaleRow(deps: WriteDeps, id: number): Promise<SaleRow | null> {
  const raw = await deps.client.searchRead('sale.sale', [['id', '=', id]], {
    fields: SALE_FIELDS,
    context: ALL,
  });
  return parseRows(SaleRow, raw, 'sale.sale')[0] ?? null;
}

/** A sale row with its lines as a SalesOrder. */
export async function toSalesOrder(deps: WriteDeps, sale: SaleRow): Promise<SalesOrder> {
  const lines = parseRows(
    SaleLineRow,
    await deps.client.read('sale.line', sale.lines, SALE_LINE_FIELDS),
    'sale.line',
  );
  return toUnifiedSalesOrder(sale, lines, await deps.reader.currency(), deps.ctx);
}

/** The lowest-id sale carrying this Concord reference, or null. */
export async function findSaleByReference(deps: WriteDeps, reference: string): Promise<number | null> {
  const [id] = await deps.client.search('sale.sale', [['reference', '=', reference]], {
    limit: 1,
    context: ALL,
  });
  return id ?? null;
}

/** Builds the `sale.sale` values after checking every reference (throws before anything is written). */
export async function saleValues(
  deps: WriteDeps,
  input: ValidSalesOrderInput,
): Promise<Record<string, unknown>> {
  const { client } = deps;
  const [currency] = await client.search('currency.currency', [['code', '=', input.currency]], { limit: 1 });
  if (currency === undefined) {
    throw invalid('tryton_unknown_currency', 'currency', `Tryton has no currency ${input.currency}`);
  }
  const partyId = Number(input.customer_external_id);
  const [party] = await client.searchRead('party.party', [['id', '=', partyId]], {
    fields: ['addresses'],
    context: ALL,
  });
  const addresses = (party as { addresses?: number[] } | undefined)?.addresses;
  if (!addresses) {
    throw invalid('tryton_unknown_customer', 'customer_external_id', `Tryton has no party ${partyId}`);
  }
  if (addresses.length === 0) {
    throw invalid(
      'tryton_customer_without_address',
      'customer_external_id',
      `Tryton party ${partyId} has no address to invoice and ship to`,
    );
  }
  const ids = input.lines.map((line) => Number(line.item_external_id));
  const raw = await client.searchRead('product.product', [['id', 'in', ids]], {
    fields: ORDERABLE_FIELDS,
    context: ALL,
  });
  const products = new Map(parseRows(OrderableRow, raw, 'product.product').map((p) => [p.id, p]));
  const companyCurrency = await deps.reader.currency();
  const lines = input.lines.map((line, i) => {
    const product = products.get(Number(line.item_external_id));
    const field = `lines[${i}].item_external_id`;
    if (!product)
      throw invalid('tryton_unknown_item', field, `Tryton has no product ${line.item_external_id}`);
    if (!product.salable || !product.active || !['goods', 'service', 'assets'].includes(product.type)) {
      throw invalid(
        'tryton_item_not_salable',
        field,
        `Tryton product ${product.code ?? product.id} cannot be sold`,
      );
    }
    if (line.unit_price && line.unit_price.currency !== input.currency) {
      throw invalid(
        'tryton_price_currency',
        `lines[${i}].unit_price`,
        `The unit price is not in ${input.currency}`,
      );
    }
    if (!line.unit_price && (product.list_price === null || input.currency !== companyCurrency)) {
      throw invalid(
        'tryton_price_required',
        `lines[${i}].unit_price`,
        `A unit price in ${input.currency} is required for product ${product.code ?? product.id}`,
      );
    }
    const price = line.unit_price ? moneyToDecimal(line.unit_price) : product.list_price!;
    return {
      type: 'line',
      product: product.id,
      quantity: line.quantity,
      unit: product.sale_uom ?? product.default_uom,
      unit_price: encodeDecimal(price),
      description: product.name,
    };
  });
  const warehouse = await warehouseFor(deps, input);
  const comment = input.platform_order_ref ? `${PLATFORM_ORDER_MARK} ${input.platform_order_ref}` : undefined;
  return {
    party: partyId,
    invoice_address: addresses[0],
    shipment_address: addresses[0],
    currency,
    warehouse,
    reference: input.reference,
    invoice_method: 'order',
    shipment_method: 'order',
    ...(input.memo ? { description: input.memo.slice(0, 255) } : {}),
    ...(comment ? { comment } : {}),
    lines: [['create', lines]],
  };
}

/** The one warehouse the lines ship from (checked to be a warehouse), else the lowest-id active one. */
async function warehouseFor(deps: WriteDeps, input: ValidSalesOrderInput): Promise<number> {
  const named = [
    ...new Set(input.lines.map((l) => l.location_external_id).filter((l): l is string => l !== undefined)),
  ];
  if (named.length > 1) {
    throw invalid(
      'tryton_mixed_warehouses',
      'lines',
      `A Tryton sale ships from one warehouse; the lines name ${named.length}`,
    );
  }
  const domain =
    named.length === 1
      ? [
          ['type', '=', 'warehouse'],
          ['id', '=', Number(named[0])],
        ]
      : [['type', '=', 'warehouse']];
  const [warehouse] = await deps.client.search('stock.location', domain, { limit: 1 });
  if (warehouse === undefined) {
    const index = input.lines.findIndex((l) => l.location_external_id !== undefined);
    throw named.length === 1
      ? invalid(
          'tryton_unknown_location',
          `lines[${index}].location_external_id`,
          `Tryton has no warehouse ${named[0]}`,
        )
      : new ConcordError('config', 'tryton_no_warehouse', 'Tryton has no warehouse to ship from');
  }
  return warehouse;
}

/** Quotes and confirms a sale still in draft or quotation; returns it as read afterwards. */
async function advance(deps: WriteDeps, id: number): Promise<SaleRow> {
  let sale = await readSaleRow(deps, id);
  if (!sale)
    throw new ConcordError(
      'upstream',
      'tryton_record_vanished',
      `Tryton sale ${id} was created but cannot be read`,
    );
  if (sale.state === 'draft') await deps.client.button('sale.sale', 'quote', [id]);
  if (sale.state === 'draft' || sale.state === 'quotation') {
    await deps.client.button('sale.sale', 'confirm', [id]);
    sale = (await readSaleRow(deps, id))!;
  }
  return sale;
}

/** Creates (or finds and finishes) the sale for `input.reference`; see the module comment. */
export async function createSalesOrder(deps: WriteDeps, raw: SalesOrderInput): Promise<SalesOrder> {
  const input = parseInput(SalesOrderInputSchema, raw, 'tryton_invalid_sales_order');
  return singleFlight(deps, `sale:${input.reference}`, async () => {
    let id = await findSaleByReference(deps, input.reference);
    if (id === null) {
      const values = await saleValues(deps, input);
      try {
        id = (await deps.client.create('sale.sale', [values]))[0] ?? null;
      } catch (error) {
        id = mayHaveHappened(error) ? await findSaleByReference(deps, input.reference) : null;
        if (id === null) throw error;
      }
    }
    if (id === null) throw new ConcordError('upstream', 'tryton_invalid_response', 'Tryton created no sale');
    const order = await toSalesOrder(deps, await advance(deps, id));
    return { ...order, order_id: order.order_id ?? input.platform_order_ref ?? null };
  });
}

/** The sale with this Tryton id, or null. */
export async function getSalesOrder(deps: WriteDeps, externalId: string): Promise<SalesOrder | null> {
  if (!/^[1-9]\d{0,15}$/.test(externalId)) return null;
  const sale = await readSaleRow(deps, Number(externalId));
  return sale ? toSalesOrder(deps, sale) : null;
}
