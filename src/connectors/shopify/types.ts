/**
 * Shopify's own shapes, exactly as the documents in `queries.ts` select them (Admin API 2026-10).
 * These types stay inside this folder: everything leaving it is a unified record from `map.ts`.
 * Enum unions list every value the 2026-10 schema defines, so the mappers' switches are exhaustive.
 */

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

export interface ShopifyMoneyV2 {
  amount: string;
  currencyCode: string;
}

export interface ShopifyMoneyBag {
  shopMoney: ShopifyMoneyV2;
}

export interface ShopifyMailingAddress {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  countryCodeV2?: string | null;
  phone?: string | null;
}

export interface ShopifyLocationAddress {
  address1: string | null;
  address2: string | null;
  city: string | null;
  provinceCode: string | null;
  zip: string | null;
  countryCode: string | null;
  phone: string | null;
}

export interface ShopifyMetafield {
  key: string;
  type: string;
  value: string;
}

export type ShopifyWeightUnit = 'GRAMS' | 'KILOGRAMS' | 'OUNCES' | 'POUNDS';
export type ShopifyInventoryPolicy = 'CONTINUE' | 'DENY';
export type ShopifyProductStatus = 'ACTIVE' | 'ARCHIVED' | 'DRAFT' | 'UNLISTED';

export interface ShopifyVariant {
  id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  position: number;
  /** `Money` scalar: a decimal string in the shop's currency. */
  price: string;
  compareAtPrice: string | null;
  taxable: boolean;
  inventoryPolicy: ShopifyInventoryPolicy;
  createdAt: string;
  updatedAt: string;
  selectedOptions: { name: string; value: string }[];
  product: { id: string };
  inventoryItem: {
    id: string;
    tracked: boolean;
    requiresShipping: boolean;
    countryCodeOfOrigin: string | null;
    harmonizedSystemCode: string | null;
    measurement: { weight: { value: number; unit: ShopifyWeightUnit } | null } | null;
  };
  metafields: { nodes: ShopifyMetafield[] };
}

export interface ShopifyProduct {
  id: string;
  title: string;
  handle: string;
  descriptionHtml: string;
  description: string;
  vendor: string | null;
  productType: string | null;
  status: ShopifyProductStatus;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  options: { name: string; values: string[] }[];
  variants: Connection<ShopifyVariant>;
}

export interface ShopifyLocation {
  id: string;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  shipsInventory: boolean;
  isFulfillmentService: boolean;
  createdAt: string;
  updatedAt: string;
  address: ShopifyLocationAddress | null;
}

export interface ShopifyInventoryLevel {
  id: string;
  updatedAt: string;
  location: { id: string };
  quantities: { name: string; quantity: number }[];
}

export interface ShopifyInventoryItem {
  id: string;
  sku: string | null;
  tracked: boolean;
  updatedAt: string;
  variant: { id: string } | null;
  inventoryLevels: Connection<ShopifyInventoryLevel>;
}

export interface ShopifyCustomer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  defaultEmailAddress: { emailAddress: string } | null;
  defaultPhoneNumber: { phoneNumber: string } | null;
  defaultAddress: ShopifyMailingAddress | null;
}

export type ShopifyFinancialStatus =
  | 'AUTHORIZED'
  | 'EXPIRED'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED'
  | 'VOIDED';

export type ShopifyFulfillmentDisplayStatus =
  | 'FULFILLED'
  | 'FULFILLMENT_NOT_REQUIRED'
  | 'IN_PROGRESS'
  | 'ON_HOLD'
  | 'OPEN'
  | 'PARTIALLY_FULFILLED'
  | 'PENDING_FULFILLMENT'
  | 'REQUEST_DECLINED'
  | 'RESTOCKED'
  | 'SCHEDULED'
  | 'UNFULFILLED';

export type ShopifyFulfillmentStatus = 'CANCELLED' | 'ERROR' | 'FAILURE' | 'OPEN' | 'PENDING' | 'SUCCESS';

export interface ShopifyFulfillment {
  id: string;
  status: ShopifyFulfillmentStatus;
  createdAt: string;
  location: { id: string } | null;
  trackingInfo: { number: string | null; company: string | null; url: string | null }[];
}

export interface ShopifyRefund {
  id: string;
  /** Nullable in the 2026-10 schema. */
  createdAt: string | null;
  note: string | null;
  totalRefundedSet: ShopifyMoneyBag;
}

export interface ShopifyLineItem {
  id: string;
  sku: string | null;
  title: string;
  quantity: number;
  variant: { id: string } | null;
  originalUnitPriceSet: ShopifyMoneyBag;
}

export interface ShopifyOrder {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  closed: boolean;
  tags: string[];
  sourceIdentifier: string | null;
  displayFinancialStatus: ShopifyFinancialStatus | null;
  displayFulfillmentStatus: ShopifyFulfillmentDisplayStatus;
  currencyCode: string;
  subtotalPriceSet: ShopifyMoneyBag | null;
  totalShippingPriceSet: ShopifyMoneyBag;
  totalTaxSet: ShopifyMoneyBag | null;
  totalPriceSet: ShopifyMoneyBag;
  customer: { id: string } | null;
  shippingAddress: ShopifyMailingAddress | null;
  fulfillments: ShopifyFulfillment[];
  refunds: ShopifyRefund[];
  lineItems: Connection<ShopifyLineItem>;
}

export interface ShopifyUserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}
