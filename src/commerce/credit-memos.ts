/**
 * Credit memos (mid-market preset: the ERP owns invoices, and a refund is recorded there as a credit
 * memo against the invoice). Steps, validation first, so nothing is written when the request is wrong:
 *
 *   validate (shape) → invoice (a stored invoice of this merchant, else 404) → its ERP connected and
 *   able to credit (409) → lines (each an item of the invoice, at most what is left uncredited; 422
 *   naming `lines[i]`) → credit in the ERP (reference from (merchant, idempotency key)) → record the
 *   credit memo, refresh the stored invoice.
 *
 * What an invoice holds comes from the store: Concord's invoices bill a stored sales order in full, so
 * its lines are that sales order's; what is already credited is the sum of the credit memos stored
 * against it. The ERP checks again (NetSuite refuses an over-credit), so a race between two requests
 * still cannot credit twice. Credit memos are stored through `RecordStore.upsertStream` as document
 * records whose parent is the invoice.
 *
 * @example
 * const memo = await createCreditMemo(rt, 'mer_a', { invoice_id: 'invc_…', lines: [{ sku: 'APP-TEE-00001', quantity: 1 }] }, key);
 * await getCreditMemo(rt, 'mer_a', memo.id);
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CreditInvoiceInput, ErpConnector } from '../connectors/types.js';
import { ConcordError, notFound, type FieldIssue } from '../core/errors.js';
import type { CreditMemo, Invoice, Item, SalesOrder } from '../model/index.js';
import type { Runtime } from '../runtime.js';
import { MAX_PAGE_SIZE } from './catalog.js';
import { erpOf } from './erp.js';
import { issuesOf, MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './order-input.js';

export const CreditMemoLineRequest = z
  .object({
    item_id: z.string().min(1).max(64).optional().describe('Concord item id; give this or `sku`'),
    sku: z.string().min(1).max(255).optional().describe('Item SKU; give this or `item_id`'),
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  })
  .strict()
  .superRefine((line, ctx) => {
    if ((line.item_id === undefined) === (line.sku === undefined))
      ctx.addIssue({ code: 'custom', path: ['sku'], message: 'give exactly one of item_id or sku' });
  })
  .meta({ id: 'CreditMemoLineRequest' });

export const CreateCreditMemoRequest = z
  .object({
    invoice_id: z.string().min(1).max(64).describe('Concord id of an invoice of this merchant'),
    lines: z
      .array(CreditMemoLineRequest)
      .min(1)
      .max(MAX_ORDER_LINES)
      .optional()
      .describe('Items and quantities to credit, each on the invoice; omit to credit all that is left'),
    memo: z.string().max(999).optional().describe('Max 999 characters (NetSuite memo; inferred)'),
  })
  .strict()
  .meta({ id: 'CreateCreditMemoRequest' });
export type CreateCreditMemoRequest = z.infer<typeof CreateCreditMemoRequest>;

type LineRequest = z.infer<typeof CreditMemoLineRequest>;

const invalid = (code: string, message: string, issues: FieldIssue[]) =>
  new ConcordError('validation', code, message, { issues });

/**
 * The reference a credit memo carries in the ERP: the same for the same (merchant, idempotency key),
 * built like `erpReference` with the kind 'credit_memo'.
 *
 * @example
 * creditReference('mer_a', 'k-1') // 'concord-cm-3f9a…' (32 hex digits)
 */
export function creditReference(merchantId: string, idempotencyKey: string): string {
  const digest = createHash('sha256')
    .update(`credit_memo\u0000${merchantId}\u0000${idempotencyKey}`)
    .digest('hex');
  return `concord-cm-${digest.slice(0, 32)}`;
}

/** `erp_unsupported` (409): the invoice's ERP has no way to credit it through Concord. */
function unsupported(erp: ErpConnector, system: string): ConcordError {
  return new ConcordError(
    'conflict',
    'erp_unsupported',
    `The ERP "${system}" (${erp.vendor}) cannot record credit memos through Concord`,
    { detail: { system } },
  );
}

/** Every credit memo stored against the invoice. */
async function storedCredits(rt: Runtime, merchantId: string, invoiceId: string): Promise<CreditMemo[]> {
  const out: CreditMemo[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: CreditMemo[]; next_cursor: string | null } = await rt.search.list<CreditMemo>(
      merchantId,
      'credit_memo',
      { filters: { parent_id: invoiceId }, limit: MAX_PAGE_SIZE, cursor },
    );
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

/** Quantity per item key (item id, else SKU) of some lines. */
function quantities(lines: { item_id: string | null; sku: string; quantity: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) out.set(l.item_id ?? l.sku, (out.get(l.item_id ?? l.sku) ?? 0) + l.quantity);
  return out;
}

/** The invoice's lines (those of the stored sales order it bills), or null when Concord has none. */
async function invoiceLines(rt: Runtime, merchantId: string, invoice: Invoice) {
  if (!invoice.sales_order_id) return null;
  const order = await rt.search.get<SalesOrder>(merchantId, 'sales_order', invoice.sales_order_id);
  return order?.system === invoice.system ? order.lines : null;
}

/** What an invoice has left to credit per item key: invoiced minus what the stored credit memos took. */
async function leftToCredit(rt: Runtime, merchantId: string, invoiceId: string, lines: SalesOrder['lines']) {
  const left = quantities(lines);
  const credited = (await storedCredits(rt, merchantId, invoiceId)).flatMap((m) => m.lines);
  for (const [key, n] of quantities(credited)) left.set(key, (left.get(key) ?? 0) - n);
  return left;
}

/** Steps 3–4: the lines to credit as ERP item ids, or undefined for "all that is left"; 422 on any miss. */
async function resolveLines(
  rt: Runtime,
  merchantId: string,
  invoice: Invoice,
  requested: LineRequest[] | undefined,
): Promise<CreditInvoiceInput['lines']> {
  const lines = await invoiceLines(rt, merchantId, invoice);
  const left = await leftToCredit(rt, merchantId, invoice.id, lines ?? []);
  if (!requested) {
    if (lines && [...left.values()].every((n) => n <= 0))
      throw invalid('invoice_fully_credited', 'Everything on this invoice is already credited', [
        { field: 'invoice_id', message: 'nothing left to credit on this invoice' },
      ]);
    return undefined;
  }
  if (!lines)
    throw invalid('invoice_lines_unknown', "Concord does not know this invoice's lines; credit it in full", [
      { field: 'lines', message: 'omit lines: the invoice has no stored sales order to take lines from' },
    ]);
  const issues: FieldIssue[] = [];
  const out: { item_external_id: string; quantity: number }[] = [];
  for (const [i, line] of requested.entries()) {
    const field = line.item_id !== undefined ? 'item_id' : 'sku';
    const source = lines.find((l) =>
      line.item_id !== undefined ? l.item_id === line.item_id : l.sku === line.sku,
    );
    const item = source?.item_id ? await rt.search.get<Item>(merchantId, 'item', source.item_id) : null;
    if (!source || !item) {
      issues.push({
        field: `lines[${i}].${field}`,
        message: `not an item of invoice ${invoice.number ?? invoice.id}`,
      });
      continue;
    }
    const key = source.item_id ?? source.sku;
    const remaining = left.get(key) ?? 0;
    if (line.quantity > remaining)
      issues.push({
        field: `lines[${i}].quantity`,
        message: `more than the invoice has left to credit (${Math.max(0, remaining)})`,
      });
    left.set(key, remaining - line.quantity);
    out.push({ item_external_id: item.external_id, quantity: line.quantity });
  }
  if (issues.length > 0)
    throw invalid(
      'invalid_credit_memo',
      `Invalid credit memo: ${issues[0]!.field}: ${issues[0]!.message}`,
      issues,
    );
  return out;
}

/** A record as reads show it by default (the vendor payload takes `expand=raw`). */
function withoutRaw<T extends { raw?: unknown }>(record: T): T {
  const { raw: _raw, ...rest } = record;
  return rest as T;
}

/** Re-reads the credited invoice (its amount due changed) and stores it; a failure only logs. */
async function refreshInvoice(rt: Runtime, merchantId: string, erp: ErpConnector, invoice: Invoice) {
  try {
    const fresh = await erp.getInvoice(invoice.external_id);
    if (fresh) await rt.records.upsertStream(merchantId, [{ stream: 'invoices', record: fresh }]);
  } catch (cause) {
    rt.logger.warn({ merchantId, invoiceId: invoice.id, err: cause }, 'invoice refresh after credit failed');
  }
}

/**
 * Credits a stored invoice of this merchant in its ERP and records the credit memo; returns it as `GET`
 * shows it. Throws before any write: `invalid_request` (400: bad shape), `invoice_not_found` (404, also
 * for another merchant's invoice), `erp_not_connected` / `erp_unsupported` (409), `invalid_credit_memo`,
 * `invoice_lines_unknown` or `invoice_fully_credited` (422). A retry with the same idempotency key
 * finds the same credit memo in the ERP.
 */
export async function createCreditMemo(
  rt: Runtime,
  merchantId: string,
  input: unknown,
  idempotencyKey: string,
): Promise<CreditMemo> {
  const parsed = CreateCreditMemoRequest.safeParse(input);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    throw invalid('invalid_request', `${issues[0]?.field}: ${issues[0]?.message}`, issues);
  }
  const valid = parsed.data;
  const invoice = await rt.search.get<Invoice>(merchantId, 'invoice', valid.invoice_id);
  if (!invoice) throw notFound('invoice', valid.invoice_id);
  const erp = erpOf(rt, merchantId, invoice.system);
  if (!erp.creditInvoice) throw unsupported(erp, invoice.system);
  const lines = await resolveLines(rt, merchantId, invoice, valid.lines);
  const memo = await erp.creditInvoice({
    invoice_external_id: invoice.external_id,
    reference: creditReference(merchantId, idempotencyKey),
    ...(lines ? { lines } : {}),
    ...(valid.memo !== undefined ? { memo: valid.memo } : {}),
  });
  await rt.records.upsertStream(merchantId, [{ stream: 'credit_memos', record: memo }]);
  await refreshInvoice(rt, merchantId, erp, invoice);
  rt.logger.info({ merchantId, creditMemoId: memo.id, invoiceId: invoice.id }, 'invoice credited');
  return withoutRaw(memo);
}

/** A stored credit memo of this merchant; `credit_memo_not_found` (404) otherwise. */
export async function getCreditMemo(
  rt: Runtime,
  merchantId: string,
  id: string,
  expand?: 'raw',
): Promise<CreditMemo> {
  const memo = await rt.search.get<CreditMemo>(merchantId, 'credit_memo', id, { raw: expand === 'raw' });
  if (!memo) throw notFound('credit_memo', id);
  return memo;
}
