/**
 * A credit memo: how an ERP records money given back against an invoice (a refund, a return, a
 * billing correction). Its lines say what was credited; `total` is the positive amount credited.
 *
 * Statuses: `open` (credit not yet applied in full), `applied` (fully applied to the invoice or
 * other receivables), `void`. NetSuite's credit memo statuses are "Open" (CustCred:A) and "Fully
 * Applied" (CustCred:B), per Oracle's "Transaction Statuses for SuiteScript Search Filters"
 * (reproduced at https://docs.jitterbit.com/cloud-studio/cloud-studio-reference/connectors/netsuite/netsuite-how-tos/search-by-status-in-netsuite),
 * plus "Voided" when voided.
 *
 * @example
 * CreditMemo.parse({ id: 'cm_…', system: 'netsuite', external_id: '42', updated_at: '2026-07-01T00:00:00Z',
 *   number: 'CM1001', status: 'applied', invoice_id: 'invc_…', customer_id: 'cus_…', lines: [],
 *   total: { amount: 2500, currency: 'USD' }, memo: null, created_at: '2026-07-01T00:00:00Z' });
 */
import { z } from 'zod';
import { Money } from './money.js';
import { RecordBase, Timestamp } from './record.js';

export const CreditMemoLine = z
  .object({
    item_id: z.string().nullable().describe('Concord id of the ERP item credited, when known'),
    sku: z.string(),
    quantity: z.number().int().positive(),
    unit_price: Money,
    amount: Money.describe('unit_price × quantity, as the ERP computed it'),
  })
  .meta({ id: 'CreditMemoLine' });
export type CreditMemoLine = z.infer<typeof CreditMemoLine>;

export const CreditMemo = RecordBase.extend({
  number: z.string().nullable(),
  status: z.enum(['open', 'applied', 'void']),
  invoice_id: z
    .string()
    .nullable()
    .describe('Concord id of the invoice this credit memo credits; null for a standalone credit memo'),
  customer_id: z.string().nullable(),
  lines: z.array(CreditMemoLine),
  total: Money.describe('The amount credited (positive)'),
  memo: z.string().nullable(),
  created_at: Timestamp,
}).meta({ id: 'CreditMemo' });
export type CreditMemo = z.infer<typeof CreditMemo>;
