/** A customer order with its lines, status, fulfillments and refunds. */
import { z } from 'zod';
import { Address } from './address.js';
import { Fulfillment } from './fulfillment.js';
import { Money } from './money.js';
import { RecordBase, Timestamp } from './record.js';
import { Refund } from './refund.js';

export const LineItem = z
  .object({
    id: z.string(),
    external_id: z.string(),
    variant_id: z.string().nullable(),
    sku: z.string().nullable(),
    title: z.string(),
    quantity: z.number().int().positive(),
    unit_price: Money,
    total: Money,
  })
  .meta({ id: 'LineItem' });
export type LineItem = z.infer<typeof LineItem>;

export const FinancialStatus = z.enum([
  'pending',
  'authorized',
  'paid',
  'partially_paid',
  'partially_refunded',
  'refunded',
  'voided',
  'expired',
]);
export const FulfillmentStatus = z.enum([
  'unfulfilled',
  'partially_fulfilled',
  'fulfilled',
  'scheduled',
  'on_hold',
  'in_progress',
  'restocked',
]);

export const Order = RecordBase.extend({
  name: z.string().describe('The merchant-facing order number, e.g. "#1001"'),
  status: z.enum(['open', 'closed', 'cancelled']),
  financial_status: FinancialStatus,
  fulfillment_status: FulfillmentStatus,
  customer_id: z.string().nullable(),
  email: z.string().nullable(),
  currency: z.string(),
  line_items: z.array(LineItem),
  subtotal: Money,
  shipping: Money,
  tax: Money,
  total: Money,
  shipping_address: Address.partial().nullable(),
  fulfillments: z.array(Fulfillment),
  refunds: z.array(Refund),
  created_at: Timestamp,
  cancelled_at: Timestamp.nullable(),
}).meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;
