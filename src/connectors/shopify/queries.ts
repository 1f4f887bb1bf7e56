/**
 * Every GraphQL document the Shopify connector sends (Admin API 2026-10), built from shared
 * fragments. `queries.test.ts` validates each one against Shopify's published schema
 * (`vendor/shopify/admin_2026-10.json.gz`), so a misspelt field fails the build, not production.
 *
 * Field choices checked in the 2026-10 schema: `Customer.email`/`phone` are deprecated in favour of
 * `defaultEmailAddress { emailAddress }` / `defaultPhoneNumber { phoneNumber }`; addresses use
 * `countryCodeV2`; `currentBulkOperation` is deprecated, so we poll `bulkOperation(id:)`;
 * `InventoryItem.variant` is deprecated (replacement `variants` is a connection and costs 3 points
 * per item instead of 1) but still served in 2026-10, so we keep it.
 */
import { SHOPIFY_MANIFEST } from './manifest.js';

const P = SHOPIFY_MANIFEST.pages;

/** A named fragment and the fragments it spreads. */
export interface Fragment {
  text: string;
  uses: Fragment[];
}

function fragment(text: string, ...uses: Fragment[]): Fragment {
  return { text: text.trim(), uses };
}

/** Joins a document body with the fragments it spreads, transitively, each once. */
export function doc(body: string, ...fragments: Fragment[]): string {
  const seen = new Set<Fragment>();
  const visit = (f: Fragment): void => {
    if (seen.has(f)) return;
    seen.add(f);
    f.uses.forEach(visit);
  };
  fragments.forEach(visit);
  return [body.trim(), ...[...seen].map((f) => f.text)].join('\n');
}

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

export const MONEY_BAG = fragment(
  `fragment MoneyBagFields on MoneyBag { shopMoney { amount currencyCode } }`,
);

export const MAILING_ADDRESS = fragment(`fragment MailingAddressFields on MailingAddress {
  firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone
}`);

export const VARIANT = fragment(`fragment VariantFields on ProductVariant {
  id title sku barcode position price compareAtPrice taxable inventoryPolicy createdAt updatedAt
  selectedOptions { name value }
  product { id }
  inventoryItem {
    id tracked requiresShipping countryCodeOfOrigin harmonizedSystemCode
    measurement { weight { value unit } }
  }
  metafields(first: ${P.variantMetafields}, namespace: "custom") { nodes { key type value } }
}`);

export const PRODUCT = fragment(`fragment ProductFields on Product {
  id title handle descriptionHtml description vendor productType status tags createdAt updatedAt
  options { name values }
}`);

export const LOCATION = fragment(`fragment LocationFields on Location {
  id name isActive fulfillsOnlineOrders shipsInventory isFulfillmentService createdAt updatedAt
  address { address1 address2 city provinceCode zip countryCode phone }
}`);

export const INVENTORY_LEVEL = fragment(`fragment InventoryLevelFields on InventoryLevel {
  id updatedAt location { id }
  quantities(names: ["available", "on_hand", "committed", "incoming"]) { name quantity }
}`);

export const INVENTORY_ITEM = fragment(
  `fragment InventoryItemFields on InventoryItem { id sku tracked updatedAt variant { id } }`,
);

export const CUSTOMER = fragment(
  `fragment CustomerFields on Customer {
  id firstName lastName tags createdAt updatedAt
  defaultEmailAddress { emailAddress }
  defaultPhoneNumber { phoneNumber }
  defaultAddress { ...MailingAddressFields }
}`,
  MAILING_ADDRESS,
);

export const ORDER = fragment(
  `fragment OrderFields on Order {
  id name email createdAt updatedAt cancelledAt closed tags sourceIdentifier
  displayFinancialStatus displayFulfillmentStatus currencyCode
  subtotalPriceSet { ...MoneyBagFields }
  totalShippingPriceSet { ...MoneyBagFields }
  totalTaxSet { ...MoneyBagFields }
  totalPriceSet { ...MoneyBagFields }
  customer { id }
  shippingAddress { ...MailingAddressFields }
  fulfillments(first: ${P.orderFulfillments}) {
    id status createdAt location { id } trackingInfo { number company url }
  }
  refunds(first: ${P.orderRefunds}) { id createdAt note totalRefundedSet { ...MoneyBagFields } }
}`,
  MONEY_BAG,
  MAILING_ADDRESS,
);

const LINE_ITEMS = `nodes { id sku title quantity variant { id } originalUnitPriceSet { ...MoneyBagFields } } ${PAGE_INFO}`;

export const SHOP_QUERY = `query ConcordShop {
  shop { id name myshopifyDomain currencyCode ianaTimezone plan { partnerDevelopment shopifyPlus } }
}`;

export const PRODUCTS_QUERY = doc(
  `query ConcordProducts($first: Int!, $after: String, $query: String, $variantsFirst: Int!) {
  products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes { ...ProductFields variants(first: $variantsFirst) { nodes { ...VariantFields } ${PAGE_INFO} } }
    ${PAGE_INFO}
  }
}`,
  PRODUCT,
  VARIANT,
);

export const PRODUCT_QUERY = doc(
  `query ConcordProduct($id: ID!, $variantsFirst: Int!) {
  product(id: $id) { ...ProductFields variants(first: $variantsFirst) { nodes { ...VariantFields } ${PAGE_INFO} } }
}`,
  PRODUCT,
  VARIANT,
);

export const PRODUCT_VARIANTS_QUERY = doc(
  `query ConcordProductVariants($id: ID!, $first: Int!, $after: String) {
  product(id: $id) { id variants(first: $first, after: $after) { nodes { ...VariantFields } ${PAGE_INFO} } }
}`,
  VARIANT,
);

export const LOCATIONS_QUERY = doc(
  `query ConcordLocations($first: Int!, $after: String) {
  locations(first: $first, after: $after, includeInactive: true) { nodes { ...LocationFields } ${PAGE_INFO} }
}`,
  LOCATION,
);

export const LOCATION_QUERY = doc(
  `query ConcordLocation($id: ID!) { location(id: $id) { ...LocationFields } }`,
  LOCATION,
);

export const INVENTORY_ITEMS_QUERY = doc(
  `query ConcordInventoryItems($first: Int!, $after: String, $query: String, $levelsFirst: Int!) {
  inventoryItems(first: $first, after: $after, query: $query) {
    nodes { ...InventoryItemFields inventoryLevels(first: $levelsFirst) { nodes { ...InventoryLevelFields } ${PAGE_INFO} } }
    ${PAGE_INFO}
  }
}`,
  INVENTORY_ITEM,
  INVENTORY_LEVEL,
);

export const INVENTORY_ITEM_LEVELS_QUERY = doc(
  `query ConcordInventoryItemLevels($id: ID!, $first: Int!, $after: String) {
  inventoryItem(id: $id) {
    ...InventoryItemFields
    inventoryLevels(first: $first, after: $after) { nodes { ...InventoryLevelFields } ${PAGE_INFO} }
  }
}`,
  INVENTORY_ITEM,
  INVENTORY_LEVEL,
);

export const CUSTOMERS_QUERY = doc(
  `query ConcordCustomers($first: Int!, $after: String, $query: String) {
  customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) { nodes { ...CustomerFields } ${PAGE_INFO} }
}`,
  CUSTOMER,
);

export const CUSTOMER_QUERY = doc(
  `query ConcordCustomer($id: ID!) { customer(id: $id) { ...CustomerFields } }`,
  CUSTOMER,
);

export const ORDERS_QUERY = doc(
  `query ConcordOrders($first: Int!, $after: String, $query: String, $linesFirst: Int!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes { ...OrderFields lineItems(first: $linesFirst) { ${LINE_ITEMS} } }
    ${PAGE_INFO}
  }
}`,
  ORDER,
  MONEY_BAG,
);

export const ORDER_QUERY = doc(
  `query ConcordOrder($id: ID!, $linesFirst: Int!) {
  order(id: $id) { ...OrderFields lineItems(first: $linesFirst) { ${LINE_ITEMS} } }
}`,
  ORDER,
  MONEY_BAG,
);

export const ORDER_LINE_ITEMS_QUERY = doc(
  `query ConcordOrderLineItems($id: ID!, $first: Int!, $after: String) {
  order(id: $id) { id lineItems(first: $first, after: $after) { ${LINE_ITEMS} } }
}`,
  MONEY_BAG,
);

export const COUNTS_QUERY = `query ConcordCounts($query: String) {
  productsCount(query: $query) { count }
  productVariantsCount(query: $query) { count }
  locationsCount { count }
  customersCount(query: $query) { count }
  ordersCount(query: $query) { count }
}`;

export const CUSTOMER_CREATE = doc(
  `mutation ConcordCustomerCreate($input: CustomerInput!) {
  customerCreate(input: $input) { customer { ...CustomerFields } userErrors { field message } }
}`,
  CUSTOMER,
);

export const ORDER_CREATE = doc(
  `mutation ConcordOrderCreate($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput, $linesFirst: Int!) {
  orderCreate(order: $order, options: $options) {
    order { ...OrderFields lineItems(first: $linesFirst) { ${LINE_ITEMS} } }
    userErrors { field message code }
  }
}`,
  ORDER,
  MONEY_BAG,
);

/** `@idempotent` is mandatory on refundCreate from 2026-04. https://shopify.dev/docs/api/usage/idempotent-requests */
export const REFUND_CREATE = doc(
  `mutation ConcordRefundCreate($input: RefundInput!, $idempotencyKey: String!) {
  refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
    refund { id createdAt note totalRefundedSet { ...MoneyBagFields } }
    order { id }
    userErrors { field message }
  }
}`,
  MONEY_BAG,
);

export const BULK_RUN_QUERY = `mutation ConcordBulkRun($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: false) {
    bulkOperation { id status }
    userErrors { field message code }
  }
}`;

export const BULK_OPERATION_QUERY = `query ConcordBulkOperation($id: ID!) {
  bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url partialDataUrl }
}`;

export const WEBHOOK_SUBSCRIPTIONS_QUERY = `query ConcordWebhookSubscriptions($first: Int!, $after: String) {
  webhookSubscriptions(first: $first, after: $after) { nodes { id topic uri } ${PAGE_INFO} }
}`;

export const WEBHOOK_SUBSCRIPTION_CREATE = `mutation ConcordWebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $uri: String!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri }) {
    webhookSubscription { id topic uri }
    userErrors { field message }
  }
}`;

/** Every document sent as a request body (bulk queries are sent as a string argument). */
export const REQUEST_DOCUMENTS = {
  SHOP_QUERY,
  PRODUCTS_QUERY,
  PRODUCT_QUERY,
  PRODUCT_VARIANTS_QUERY,
  LOCATIONS_QUERY,
  LOCATION_QUERY,
  INVENTORY_ITEMS_QUERY,
  INVENTORY_ITEM_LEVELS_QUERY,
  CUSTOMERS_QUERY,
  CUSTOMER_QUERY,
  ORDERS_QUERY,
  ORDER_QUERY,
  ORDER_LINE_ITEMS_QUERY,
  COUNTS_QUERY,
  CUSTOMER_CREATE,
  ORDER_CREATE,
  REFUND_CREATE,
  BULK_RUN_QUERY,
  BULK_OPERATION_QUERY,
  WEBHOOK_SUBSCRIPTIONS_QUERY,
  WEBHOOK_SUBSCRIPTION_CREATE,
} as const;

/** The page sizes each paged document is sent with (also used to check its cost stays under the cap). */
export const PAGE_VARIABLES: Partial<Record<keyof typeof REQUEST_DOCUMENTS, Record<string, number>>> = {
  PRODUCTS_QUERY: { first: P.products, variantsFirst: P.productVariantsNested },
  PRODUCT_QUERY: { variantsFirst: P.productVariantsNested },
  PRODUCT_VARIANTS_QUERY: { first: P.productVariantsExtra },
  LOCATIONS_QUERY: { first: P.locations },
  INVENTORY_ITEMS_QUERY: { first: P.inventoryItems, levelsFirst: P.inventoryLevelsNested },
  INVENTORY_ITEM_LEVELS_QUERY: { first: P.inventoryLevelsExtra },
  CUSTOMERS_QUERY: { first: P.customers },
  ORDERS_QUERY: { first: P.orders, linesFirst: P.orderLinesNested },
  ORDER_QUERY: { linesFirst: P.orderLinesExtra },
  ORDER_LINE_ITEMS_QUERY: { first: P.orderLinesExtra },
  ORDER_CREATE: { linesFirst: P.orderLinesExtra },
  WEBHOOK_SUBSCRIPTIONS_QUERY: { first: P.webhookSubscriptions },
};
