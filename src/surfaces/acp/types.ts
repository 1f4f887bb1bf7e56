/**
 * The ACP response shapes Concord produces (ACP 2026-04-17, `schema.agentic_checkout.json`), as
 * TypeScript types: the checkout session, its line items, fulfillment options, totals, messages and
 * the order. Only the fields Concord fills are declared; the contract suite validates every body
 * against the published JSON Schemas.
 *
 * @example
 * const total: AcpTotal = { type: 'total', display_text: 'Total', amount: 5400 };
 */
import type { AcpAddress, Buyer, FulfillmentDetails } from './schemas.js';

/** The protocol version this surface speaks (the `API-Version` header it accepts). */
export const ACP_VERSION = '2026-04-17';
export const SUPPORTED_VERSIONS = [ACP_VERSION] as const;

export type SessionStatus =
  | 'not_ready_for_payment'
  | 'ready_for_payment'
  | 'complete_in_progress'
  | 'completed'
  | 'canceled'
  | 'expired';

export type TotalType =
  'items_base_amount' | 'subtotal' | 'fulfillment' | 'tax' | 'total' | 'amount_refunded';

export interface AcpTotal {
  type: TotalType;
  display_text: string;
  amount: number;
  description?: string;
}

export type ErrorMessageCode =
  | 'missing'
  | 'invalid'
  | 'out_of_stock'
  | 'payment_declined'
  | 'quantity_exceeded'
  | 'region_restricted'
  | 'age_verification_required'
  | 'approval_required'
  | 'unsupported'
  | 'not_found'
  | 'expired';

export type AcpMessage =
  | {
      type: 'error';
      code: ErrorMessageCode;
      param?: string;
      severity?: 'low' | 'medium' | 'high' | 'critical';
      resolution?: 'recoverable' | 'requires_buyer_input' | 'requires_buyer_review';
      content_type: 'plain';
      content: string;
    }
  | {
      type: 'warning';
      code: 'low_stock' | 'price_change' | 'discount_code_invalid';
      param?: string;
      content_type: 'plain';
      content: string;
    }
  | { type: 'info'; param?: string; content_type: 'plain'; content: string };

export interface AcpLineItem {
  id: string;
  item: { id: string };
  quantity: number;
  name?: string;
  unit_amount?: number;
  product_id?: string;
  sku?: string;
  variant_id?: string;
  availability_status?: 'in_stock' | 'low_stock' | 'out_of_stock';
  available_quantity?: number;
  totals: AcpTotal[];
}

export interface AcpShippingOption {
  type: 'shipping';
  id: string;
  title: string;
  description?: string;
  carrier?: string;
  earliest_delivery_time?: string;
  latest_delivery_time?: string;
  totals: AcpTotal[];
}

export interface AcpSelectedOption {
  type: 'shipping';
  option_id: string;
  item_ids: string[];
}

export interface AcpPaymentHandler {
  id: string;
  name: string;
  display_name?: string;
  version: string;
  spec: string;
  requires_delegate_payment: boolean;
  requires_pci_compliance: boolean;
  psp: string;
  config_schema: string;
  instrument_schemas: string[];
  config: Record<string, unknown>;
}

export interface AcpCapabilities {
  payment: { handlers: AcpPaymentHandler[] };
  interventions: { supported: never[]; required: never[]; enforcement: 'conditional' };
}

export interface AcpLink {
  type:
    | 'terms_of_use'
    | 'privacy_policy'
    | 'return_policy'
    | 'shipping_policy'
    | 'contact_us'
    | 'about_us'
    | 'faq'
    | 'support';
  url: string;
  title?: string;
}

export interface AcpOrderLineItem {
  id: string;
  title: string;
  quantity: { ordered: number; current: number; fulfilled: number };
  unit_price: number;
  subtotal: number;
  status: 'processing' | 'fulfilled' | 'removed';
}

export interface AcpOrder {
  type: 'order';
  id: string;
  checkout_session_id: string;
  order_number: string;
  permalink_url: string;
  status: string;
  line_items: AcpOrderLineItem[];
  fulfillments: {
    id: string;
    type: 'shipping';
    status: string;
    carrier?: string;
    tracking_number?: string;
    tracking_url?: string;
  }[];
  adjustments: {
    id: string;
    type: 'refund';
    occurred_at: string;
    status: 'completed';
    amount: number;
    currency: string;
    description?: string;
  }[];
  totals: AcpTotal[];
}

export interface AcpCheckoutSession {
  id: string;
  protocol: { version: string };
  capabilities: AcpCapabilities;
  buyer?: Buyer;
  status: SessionStatus;
  currency: string;
  locale?: string;
  timezone?: string;
  line_items: AcpLineItem[];
  fulfillment_details?: FulfillmentDetails;
  fulfillment_options: AcpShippingOption[];
  selected_fulfillment_options: AcpSelectedOption[];
  totals: AcpTotal[];
  messages: AcpMessage[];
  links: AcpLink[];
  created_at: string;
  updated_at: string;
  expires_at: string;
  metadata?: Record<string, unknown>;
  quote_id?: string;
  quote_expires_at?: string;
  order?: AcpOrder;
}

export type { AcpAddress };
