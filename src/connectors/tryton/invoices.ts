/**
 * Invoicing a Tryton sale. Tryton makes the customer invoice itself when it processes a confirmed sale
 * (invoice method "on order"), as a draft; invoicing here means finding that invoice, writing Concord's
 * reference on it (`account.invoice.reference`) and posting it (`post` button), which numbers it and makes
 * it owed. Never twice: the invoice already carrying the reference is returned as it is (posted if it was
 * left in draft); a sale whose invoices are all posted under another reference is a conflict; a sale not
 * yet confirmed is a conflict. A confirmed sale still waiting for its queued processing is processed first
 * (`process` button).
 */
import { ConcordError } from '../../core/errors.js';
import type { Invoice } from '../../model/index.js';
import { InvoiceRequestSchema, parseInput } from './inputs.js';
import { toUnifiedInvoice } from './map.js';
import { parseRows } from './read.js';
import { readSaleRow } from './sales.js';
import { INVOICE_FIELDS, InvoiceRow } from './schemas.js';
import { mayHaveHappened, singleFlight, type WriteDeps } from './write-kit.js';

const ALL = { active_test: false };
const OPEN = new Set(['draft', 'validated']);

async function readInvoices(deps: WriteDeps, ids: number[]): Promise<InvoiceRow[]> {
  if (ids.length === 0) return [];
  const raw = await deps.client.searchRead('account.invoice', [['id', 'in', ids]], {
    fields: INVOICE_FIELDS,
    context: ALL,
  });
  return parseRows(InvoiceRow, raw, 'account.invoice').filter(
    (i) => i.type === 'out' && i.state !== 'cancelled',
  );
}

/** The sale's live customer invoices, after processing a confirmed sale that has none yet. */
async function saleInvoices(deps: WriteDeps, saleId: number): Promise<InvoiceRow[]> {
  const sale = await readSaleRow(deps, saleId);
  if (!sale)
    throw new ConcordError('not_found', 'tryton_sales_order_not_found', `Tryton has no sale ${saleId}`);
  if (['draft', 'quotation', 'cancelled'].includes(sale.state)) {
    throw new ConcordError(
      'conflict',
      'tryton_sale_not_confirmed',
      `Tryton sale ${saleId} is ${sale.state}, not confirmed`,
      {
        detail: { state: sale.state },
      },
    );
  }
  let invoices = await readInvoices(deps, sale.invoices);
  if (invoices.length === 0 && sale.state === 'confirmed') {
    await deps.client.button('sale.sale', 'process', [saleId]);
    invoices = await readInvoices(deps, (await readSaleRow(deps, saleId))?.invoices ?? []);
  }
  return invoices;
}

/** Posts the sale's invoice under `reference`, once; see the module comment. */
export async function invoiceSalesOrder(
  deps: WriteDeps,
  salesOrderExternalId: string,
  reference: string,
): Promise<Invoice> {
  const req = parseInput(
    InvoiceRequestSchema,
    { salesOrderExternalId, reference },
    'tryton_invalid_invoice_request',
  );
  const saleId = Number(req.salesOrderExternalId);
  return singleFlight(deps, `invoice:${saleId}`, async () => {
    const invoices = await saleInvoices(deps, saleId);
    const target =
      invoices.find((i) => i.reference === req.reference) ?? invoices.find((i) => OPEN.has(i.state));
    if (!target) {
      const posted = invoices.map((i) => String(i.id));
      throw new ConcordError(
        'conflict',
        posted.length ? 'tryton_already_invoiced' : 'tryton_nothing_to_invoice',
        posted.length
          ? `Tryton sale ${saleId} is already invoiced under another reference`
          : `Tryton sale ${saleId} has no invoice to post`,
        { detail: { invoices: posted } },
      );
    }
    if (target.reference !== req.reference) {
      await deps.client.write('account.invoice', [target.id], { reference: req.reference });
    }
    if (OPEN.has(target.state)) {
      try {
        await deps.client.button('account.invoice', 'post', [target.id]);
      } catch (error) {
        const [now] = mayHaveHappened(error) ? await readInvoices(deps, [target.id]) : [];
        if (!now || OPEN.has(now.state)) throw error;
      }
    }
    const [posted] = await readInvoices(deps, [target.id]);
    if (!posted)
      throw new ConcordError(
        'upstream',
        'tryton_record_vanished',
        `Tryton invoice ${target.id} cannot be read`,
      );
    return toUnifiedInvoice(posted, await deps.reader.currency(), deps.ctx);
  });
}

/** The customer invoice with this Tryton id, or null. */
export async function getInvoice(deps: WriteDeps, externalId: string): Promise<Invoice | null> {
  if (!/^[1-9]\d{0,15}$/.test(externalId)) return null;
  const raw = await deps.client.searchRead('account.invoice', [['id', '=', Number(externalId)]], {
    fields: INVOICE_FIELDS,
    context: ALL,
  });
  const [row] = parseRows(InvoiceRow, raw, 'account.invoice');
  return row ? toUnifiedInvoice(row, await deps.reader.currency(), deps.ctx) : null;
}
