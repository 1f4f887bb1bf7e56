/**
 * The documents of Shopify bulk query operations, sent as the `query` string of
 * `bulkOperationRunQuery`. Bulk rules (https://shopify.dev/docs/api/usage/bulk-operations/queries):
 * connections take no `first`/`after`, at most five connections, at most two levels of nested
 * connections (products → variants → metafields is two). Inventory levels hang under inventory
 * items, not variants, which would be a third level. `queries.test.ts` checks both against the schema.
 */
import { doc, INVENTORY_ITEM, INVENTORY_LEVEL, PRODUCT } from './queries.js';

export const BULK_CATALOG_QUERY = doc(
  `query {
  products { edges { node { ...ProductFields variants { edges { node {
    id title sku barcode position price compareAtPrice taxable inventoryPolicy createdAt updatedAt
    selectedOptions { name value }
    product { id }
    inventoryItem { id tracked requiresShipping countryCodeOfOrigin harmonizedSystemCode measurement { weight { value unit } } }
    metafields(namespace: "custom") { edges { node { key type value } } }
  } } } } } }
}`,
  PRODUCT,
);

export const BULK_INVENTORY_QUERY = doc(
  `query {
  inventoryItems { edges { node { ...InventoryItemFields inventoryLevels { edges { node { ...InventoryLevelFields } } } } } }
}`,
  INVENTORY_ITEM,
  INVENTORY_LEVEL,
);

export const BULK_DOCUMENTS = { BULK_CATALOG_QUERY, BULK_INVENTORY_QUERY } as const;
