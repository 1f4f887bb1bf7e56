/**
 * Pure mappers for NetSuite credit memos: `creditMemo` record JSON → CreditMemo, and CreditInvoiceInput →
 * the body of `POST invoice/{id}/!transform/creditMemo`. Credit memo amounts are shown positive whatever
 * sign the vendor uses (inferred: REST shows them positive, as the simulator does).
 *
 * @example
 * const { body, replaceItems } = fromCreditInvoiceInput({ invoice_external_id: '12', reference: 'cm-1' }, null);
 * const memo = toUnifiedCreditMemo(record, 'USD', { merchantId: 'mer_1', system: 'netsuite' });
 */
import { ConcordError } from '../../core/errors.js';
import { recordId } from '../../core/ids.js';
import type { CreditMemo } from '../../model/index.js';
import type { CreditInvoiceInput, SystemContext } from '../types.js';
import { nsDate, nsMoney } from './map.js';
import type { NsLineRecord, NsRef, NsTransactionRecord } from './types.js';

/**
 * NetSuite credit memo status → unified status: "Voided" → void, "Fully Applied" (CustCred:B) → applied,
 * "Open" (CustCred:A) → open; nothing left to apply (amountRemaining 0) also reads as applied.
 */
export function creditMemoStatus(rec: NsTransactionRecord): CreditMemo['status'] {
  const raw = typeof rec.status === 'string' ? rec.status : (rec.status?.refName ?? rec.status?.id);
  const status = (raw ?? '').toLowerCase();
  if (status.includes('void')) return 'void';
  if (status.includes('fully applied')) return 'applied';
  if (rec.amountRemaining !== undefined && rec.amountRemaining <= 0 && (rec.total ?? 0) !== 0)
    return 'applied';
  return 'open';
}

/** The invoice a credit memo was created from: `createdFrom` unless it names another record type. */
function creditedInvoice(ref: NsRef | null | undefined): string | null {
  if (!ref?.id) return null;
  const href = ref.links?.find((l) => l.rel === 'self')?.href;
  if (href) return /\/invoice\/[^/]+$/i.test(href) ? ref.id : null;
  // Without links, the refName says the type ("Invoice #INV1001"); a bare id is taken as an invoice.
  return !ref.refName || /^inv/i.test(ref.refName) ? ref.id : null;
}

/** `creditMemo` record JSON (expandSubResources) → CreditMemo; amounts positive, `currency` their ISO code. */
export function toUnifiedCreditMemo(
  rec: NsTransactionRecord,
  currency: string,
  ctx: SystemContext,
): CreditMemo {
  const id = (kind: 'customer' | 'item' | 'invoice', external: string | null | undefined) =>
    external ? recordId(kind, ctx.merchantId, ctx.system, external) : null;
  const abs = (v: number | undefined) => (v === undefined ? undefined : Math.abs(v));
  return {
    id: recordId('credit_memo', ctx.merchantId, ctx.system, rec.id),
    system: ctx.system,
    external_id: rec.id,
    updated_at: nsDate(rec.lastModifiedDate),
    number: rec.tranId ?? null,
    status: creditMemoStatus(rec),
    invoice_id: id('invoice', creditedInvoice(rec.createdFrom)),
    customer_id: id('customer', rec.entity?.id),
    lines: (rec.item?.items ?? []).map((line) => {
      const quantity = Math.max(1, Math.abs(Math.trunc(Number(line.quantity ?? 0)) || 0));
      return {
        item_id: id('item', line.item?.id),
        sku: line.item?.refName ?? line.item?.id ?? '',
        quantity,
        unit_price: nsMoney(abs(line.rate), currency),
        amount: nsMoney(abs(line.amount) ?? Math.abs(line.rate ?? 0) * quantity, currency),
      };
    }),
    total: nsMoney(abs(rec.total), currency),
    memo: rec.memo ?? null,
    created_at: nsDate(rec.createdDate ?? rec.tranDate ?? rec.lastModifiedDate),
  };
}

/**
 * CreditInvoiceInput → `POST invoice/{id}/!transform/creditMemo` body. The credit is applied to the
 * invoice (`apply.items[{ doc, apply }]`, as in "Transforming Records":
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157901123882.html). With lines,
 * `replaceItems` is true (send `?replace=item`, so the memo holds only them) and each line carries the
 * invoice line's rate, so replacing the sublist keeps the invoiced price; `invoiceLines` must then be
 * the invoice's `item.items`. An item not on the invoice is a validation error naming the line.
 */
export function fromCreditInvoiceInput(
  input: CreditInvoiceInput,
  invoiceLines: NsLineRecord[] | null,
): { body: Record<string, unknown>; replaceItems: boolean } {
  const body: Record<string, unknown> = {
    externalId: input.reference,
    ...(input.memo ? { memo: input.memo } : {}),
    apply: { items: [{ doc: { id: input.invoice_external_id }, apply: true }] },
  };
  if (!input.lines) return { body, replaceItems: false };
  const items = input.lines.map((line, index) => {
    const source = invoiceLines?.find((l) => l.item?.id === line.item_external_id);
    if (!source)
      throw new ConcordError(
        'validation',
        'netsuite_item_not_on_invoice',
        `Item ${line.item_external_id} is not on invoice ${input.invoice_external_id}`,
        { field: `lines[${index}].item_external_id` },
      );
    return {
      item: { id: line.item_external_id },
      quantity: line.quantity,
      ...(source.rate !== undefined ? { rate: source.rate } : {}),
    };
  });
  return { body: { ...body, item: { items } }, replaceItems: true };
}
