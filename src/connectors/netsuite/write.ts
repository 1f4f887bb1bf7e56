/**
 * Writes to NetSuite, each at most once per Concord reference. A sales order is created with
 * `externalId = reference` (unique per record type in NetSuite) and an `X-NetSuite-Idempotency-Key` derived
 * from the reference, so the kit may resend it after a 5xx or a timeout; when the outcome stays unknown
 * (the resend failed too) or NetSuite says the externalId already exists (DUP_RCRD), the order is read back
 * by external id (`GET /record/v1/salesOrder/eid:<ref>`, https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545141395.html)
 * and that one is returned — never a second order. Invoices go the same way through
 * `!transform/invoice`, credit memos through `invoice/{id}/!transform/creditMemo`, each with their own
 * key and externalId. Customers are found by email (record API `q=email IS "…"`) before one is created.
 */
import { createHash } from 'node:crypto';
import { ConcordError } from '../../core/errors.js';
import type { CreditMemo, Customer, Invoice, SalesOrder } from '../../model/index.js';
import type { CreditInvoiceInput, CustomerInput, SalesOrderInput, SystemContext } from '../types.js';
import type { NetSuiteClient } from './client.js';
import type { NetSuiteSettings } from './config.js';
import { NETSUITE_MANIFEST } from './manifest.js';
import { fromCreditInvoiceInput, toUnifiedCreditMemo } from './map-credit-memo.js';
import {
  customerRecordToUnified,
  fromSalesOrderInput,
  toUnifiedInvoice,
  toUnifiedSalesOrder,
} from './map.js';
import type { NetSuiteReader } from './read.js';
import type { NsCollection, NsCustomerRecord, NsLineRecord, NsTransactionRecord } from './types.js';

export interface WriteDeps {
  ns: NetSuiteClient;
  reader: NetSuiteReader;
  settings: NetSuiteSettings;
  ctx: SystemContext;
}

/**
 * A UUID (version 5 layout) derived from sha256(namespace, reference): the same reference always gives the
 * same `X-NetSuite-Idempotency-Key`, different namespaces (sales order, invoice) never collide.
 *
 * @example
 * idempotencyKey('sales_order', 'ord_123') // 'c0b1…-…-5…-[89ab]…-…'
 */
export function idempotencyKey(namespace: string, reference: string): string {
  const bytes = createHash('sha256')
    .update(`concord\u0000${namespace}\u0000${reference}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A reference as a NetSuite externalId (letters, digits, `_` and `-`; inferred from the simulator's rule). */
export function nsExternalId(reference: string): string {
  return reference.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** True when a failed create may have happened anyway, or NetSuite says the record already exists. */
export function mayExist(error: unknown): boolean {
  if (!(error instanceof ConcordError)) return false;
  if (['transient', 'upstream', 'rate_limited'].includes(error.category)) return true;
  const code = String(error.detail.vendorCode ?? '');
  return error.category === 'validation' && /DUP_RCRD|DUPLICATE|IDEMPOTENCY/i.test(code);
}

/** ISO code of a transaction's currency: its refName when it is one, else the configured currency. */
function currencyOf(rec: NsTransactionRecord, settings: NetSuiteSettings): string {
  const name = rec.currency?.refName ?? '';
  return /^[A-Z]{3}$/.test(name) ? name : settings.currency;
}

/** Creates (or, on an uncertain outcome, finds) a record by externalId; returns the record. */
async function createOnce(
  deps: WriteDeps,
  type: 'salesOrder' | 'invoice' | 'creditMemo',
  postPath: string,
  body: Record<string, unknown>,
  reference: string,
): Promise<NsTransactionRecord> {
  const eid = `eid:${nsExternalId(reference)}`;
  const existing = await deps.ns.getRecord<NsTransactionRecord>(type, eid, { expand: true });
  if (existing) return existing;
  let id: string;
  try {
    id = await deps.ns.post(postPath, body, idempotencyKey(type, reference));
  } catch (error) {
    if (!mayExist(error)) throw error;
    const found = await deps.ns.getRecord<NsTransactionRecord>(type, eid, { expand: true });
    if (found) return found;
    throw error;
  }
  const rec = await deps.ns.getRecord<NsTransactionRecord>(type, id, { expand: true });
  if (!rec)
    throw new ConcordError(
      'upstream',
      'netsuite_record_vanished',
      `NetSuite ${type} ${id} was created but cannot be read`,
    );
  return rec;
}

/** Creates the sales order once per `reference` (see the module comment). */
export async function createSalesOrder(deps: WriteDeps, input: SalesOrderInput): Promise<SalesOrder> {
  if (input.lines.length === 0) {
    throw new ConcordError('validation', 'netsuite_empty_order', 'A sales order needs at least one line', {
      field: 'lines',
    });
  }
  const currencyId = await deps.reader.currencyId();
  const body = { ...fromSalesOrderInput(input, currencyId), externalId: nsExternalId(input.reference) };
  const rec = await createOnce(deps, 'salesOrder', 'salesOrder', body, input.reference);
  return {
    ...toUnifiedSalesOrder(rec, currencyOf(rec, deps.settings), deps.ctx),
    order_id: input.platform_order_ref ?? null,
  };
}

/** Invoices a sales order once per `reference` (`!transform/invoice`). */
export async function invoiceSalesOrder(
  deps: WriteDeps,
  salesOrderId: string,
  reference: string,
): Promise<Invoice> {
  const path = `salesOrder/${encodeURIComponent(salesOrderId)}/!transform/invoice`;
  const rec = await createOnce(deps, 'invoice', path, { externalId: nsExternalId(reference) }, reference);
  return toUnifiedInvoice(rec, currencyOf(rec, deps.settings), deps.ctx);
}

/**
 * Credits an invoice once per `reference` (`invoice/{id}/!transform/creditMemo`, applied to the invoice).
 * With lines the invoice is read first, for its rates (see `fromCreditInvoiceInput`).
 */
export async function creditInvoice(deps: WriteDeps, input: CreditInvoiceInput): Promise<CreditMemo> {
  if (input.lines?.length === 0) {
    throw new ConcordError('validation', 'netsuite_empty_credit', 'Give at least one line, or none', {
      field: 'lines',
    });
  }
  const invoiceId = encodeURIComponent(input.invoice_external_id);
  let invoiceLines: NsLineRecord[] | null = null;
  if (input.lines) {
    const invoice = await deps.ns.getRecord<NsTransactionRecord>('invoice', invoiceId, { expand: true });
    if (!invoice)
      throw new ConcordError('not_found', 'invoice_not_found', `NetSuite has no invoice ${invoiceId}`);
    invoiceLines = invoice.item?.items ?? [];
  }
  const { body, replaceItems } = fromCreditInvoiceInput(input, invoiceLines);
  const path = `invoice/${invoiceId}/!transform/creditMemo${replaceItems ? '?replace=item' : ''}`;
  const rec = await createOnce(
    deps,
    'creditMemo',
    path,
    { ...body, externalId: nsExternalId(input.reference) },
    input.reference,
  );
  return toUnifiedCreditMemo(rec, currencyOf(rec, deps.settings), deps.ctx);
}

export async function getCreditMemo(deps: WriteDeps, id: string): Promise<CreditMemo | null> {
  const rec = await deps.ns.getRecord<NsTransactionRecord>('creditMemo', encodeURIComponent(id), {
    expand: true,
  });
  return rec ? toUnifiedCreditMemo(rec, currencyOf(rec, deps.settings), deps.ctx) : null;
}

export async function getSalesOrder(deps: WriteDeps, id: string): Promise<SalesOrder | null> {
  const rec = await deps.ns.getRecord<NsTransactionRecord>('salesOrder', encodeURIComponent(id), {
    expand: true,
  });
  return rec ? toUnifiedSalesOrder(rec, currencyOf(rec, deps.settings), deps.ctx) : null;
}

export async function getInvoice(deps: WriteDeps, id: string): Promise<Invoice | null> {
  const rec = await deps.ns.getRecord<NsTransactionRecord>('invoice', encodeURIComponent(id), {
    expand: true,
  });
  return rec ? toUnifiedInvoice(rec, currencyOf(rec, deps.settings), deps.ctx) : null;
}

/** Finds the customer by email (record API query), else creates one (idempotency key from the email). */
export async function findOrCreateCustomer(deps: WriteDeps, input: CustomerInput): Promise<Customer> {
  const email = input.email.trim();
  if (!email || /["\\]/.test(email)) {
    throw new ConcordError('validation', 'invalid_email', 'The customer email is empty or has quotes', {
      field: 'email',
    });
  }
  const path = `${NETSUITE_MANIFEST.paths.record}/customer`;
  const search = async () => {
    const res = await deps.ns.request<NsCollection<{ id: string }>>({
      method: 'GET',
      path,
      query: { q: `email IS "${email}"`, limit: 1 },
    });
    const id = res.body.items[0]?.id;
    return id ? deps.ns.getRecord<NsCustomerRecord>('customer', id) : null;
  };
  const found = await search();
  if (found) return customerRecordToUnified(found, deps.ctx);
  const body = {
    email,
    isPerson: true,
    ...(input.first_name ? { firstName: input.first_name } : {}),
    ...(input.last_name ? { lastName: input.last_name } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
  };
  let id: string;
  try {
    id = await deps.ns.post('customer', body, idempotencyKey('customer', email.toLowerCase()));
  } catch (error) {
    const again = mayExist(error) ? await search() : null;
    if (again) return customerRecordToUnified(again, deps.ctx);
    throw error;
  }
  const rec = await deps.ns.getRecord<NsCustomerRecord>('customer', id);
  if (!rec)
    throw new ConcordError(
      'upstream',
      'netsuite_record_vanished',
      `NetSuite customer ${id} was created but cannot be read`,
    );
  return customerRecordToUnified(rec, deps.ctx);
}
