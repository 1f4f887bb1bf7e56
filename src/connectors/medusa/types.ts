/**
 * The Medusa v2 Admin API shapes this connector reads, limited to the fields it asks for with
 * `fields=` (see `fields.ts`). Amounts are numbers in the currency's major unit; where Medusa also
 * sends `raw_*` ({ value: "12.5", precision: 20 }) the mappers prefer the exact string.
 * https://docs.medusajs.com/api/admin
 */

/** Medusa's exact decimal next to a number field. */
export interface MedusaRaw {
  value: string;
  precision?: number;
}

export type MedusaMetadata = Record<string, unknown> | null;

/** A list answer: the records under the resource's plural key (`products`, `orders`, …) plus paging. */
export type MedusaList = { count: number; offset: number; limit: number } & Record<string, unknown>;

export type MedusaProductStatus = 'draft' | 'proposed' | 'published' | 'rejected';

export interface MedusaOptionValue {
  id: string;
  value: string;
  rank?: number | null;
  created_at?: string;
  option_id?: string | null;
  option?: { id: string; title: string } | null;
}

export interface MedusaProductOption {
  id: string;
  title: string;
  created_at?: string;
  values?: MedusaOptionValue[];
}

export interface MedusaPrice {
  id: string;
  amount: number;
  raw_amount?: MedusaRaw | null;
  currency_code: string;
  min_quantity?: number | null;
  max_quantity?: number | null;
  rules?: Record<string, unknown> | null;
}

export interface MedusaVariant {
  id: string;
  title: string | null;
  sku: string | null;
  barcode: string | null;
  ean?: string | null;
  upc?: string | null;
  allow_backorder: boolean;
  manage_inventory: boolean;
  variant_rank?: number | null;
  weight?: number | null;
  length?: number | null;
  height?: number | null;
  width?: number | null;
  hs_code?: string | null;
  origin_country?: string | null;
  material?: string | null;
  product_id?: string | null;
  created_at: string;
  updated_at: string;
  options?: MedusaOptionValue[];
  prices?: MedusaPrice[];
  inventory_items?: { inventory_item_id: string; required_quantity?: number }[];
}

export interface MedusaProduct {
  id: string;
  title: string;
  handle: string | null;
  subtitle?: string | null;
  description: string | null;
  status: MedusaProductStatus;
  is_giftcard?: boolean;
  weight?: number | null;
  length?: number | null;
  height?: number | null;
  width?: number | null;
  hs_code?: string | null;
  origin_country?: string | null;
  material?: string | null;
  created_at: string;
  updated_at: string;
  type?: { id: string; value: string } | null;
  collection?: { id: string; title: string } | null;
  tags?: { id: string; value: string }[];
  options?: MedusaProductOption[];
  variants?: MedusaVariant[];
}

export interface MedusaAddress {
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  province?: string | null;
  postal_code?: string | null;
  country_code?: string | null;
  phone?: string | null;
}

export interface MedusaStockLocation {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  deleted_at?: string | null;
  address?: MedusaAddress | null;
  sales_channels?: { id: string }[];
  fulfillment_sets?: { id: string; type: string }[];
  metadata?: MedusaMetadata;
}

export interface MedusaLocationLevel {
  id: string;
  location_id: string;
  inventory_item_id: string;
  stocked_quantity: number;
  reserved_quantity: number;
  incoming_quantity: number;
  available_quantity?: number;
  updated_at: string;
}

export interface MedusaInventoryItem {
  id: string;
  sku: string | null;
  updated_at: string;
  location_levels?: MedusaLocationLevel[];
  variants?: { id: string; sku?: string | null }[];
}

export interface MedusaCustomerAddress extends MedusaAddress {
  id: string;
  is_default_shipping?: boolean;
  is_default_billing?: boolean;
}

export interface MedusaCustomer {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  has_account?: boolean;
  created_at: string;
  updated_at: string;
  addresses?: MedusaCustomerAddress[];
  groups?: { id: string; name: string }[];
}

export type MedusaOrderStatus =
  'pending' | 'completed' | 'draft' | 'archived' | 'canceled' | 'requires_action';

export type MedusaPaymentStatus =
  | 'not_paid'
  | 'awaiting'
  | 'authorized'
  | 'partially_authorized'
  | 'captured'
  | 'partially_captured'
  | 'partially_refunded'
  | 'refunded'
  | 'canceled'
  | 'requires_action';

export type MedusaFulfillmentStatus =
  | 'not_fulfilled'
  | 'partially_fulfilled'
  | 'fulfilled'
  | 'partially_shipped'
  | 'shipped'
  | 'partially_delivered'
  | 'delivered'
  | 'canceled';

export interface MedusaOrderItem {
  id: string;
  title: string;
  subtitle?: string | null;
  variant_id: string | null;
  variant_sku?: string | null;
  quantity: number;
  unit_price: number;
  raw_unit_price?: MedusaRaw | null;
}

export interface MedusaRefund {
  id: string;
  amount: number;
  raw_amount?: MedusaRaw | null;
  note: string | null;
  created_at: string;
}

export interface MedusaPayment {
  id: string;
  amount: number;
  raw_amount?: MedusaRaw | null;
  currency_code: string;
  captured_at: string | null;
  canceled_at?: string | null;
  refunds?: MedusaRefund[];
  captures?: { id: string; amount: number; raw_amount?: MedusaRaw | null }[];
}

export interface MedusaPaymentCollection {
  id: string;
  status: string;
  amount: number;
  payments?: MedusaPayment[];
}

export interface MedusaFulfillment {
  id: string;
  location_id: string | null;
  created_at: string;
  packed_at?: string | null;
  shipped_at?: string | null;
  delivered_at?: string | null;
  canceled_at?: string | null;
  labels?: { tracking_number: string | null; tracking_url: string | null }[];
}

export interface MedusaOrder {
  id: string;
  display_id: number | null;
  status: MedusaOrderStatus;
  email: string | null;
  currency_code: string;
  customer_id: string | null;
  created_at: string;
  updated_at: string;
  canceled_at?: string | null;
  metadata?: MedusaMetadata;
  payment_status?: MedusaPaymentStatus;
  fulfillment_status?: MedusaFulfillmentStatus;
  item_total: number;
  item_tax_total: number;
  shipping_total: number;
  shipping_tax_total: number;
  tax_total: number;
  items?: MedusaOrderItem[];
  shipping_address?: MedusaAddress | null;
  fulfillments?: MedusaFulfillment[];
  payment_collections?: MedusaPaymentCollection[];
}

export interface MedusaRegion {
  id: string;
  name: string;
  currency_code: string;
}

export interface MedusaStore {
  id: string;
  default_sales_channel_id: string | null;
  default_region_id: string | null;
}
