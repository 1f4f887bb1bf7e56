/**
 * Webhook bodies. Shopify sends REST-shaped JSON for webhook topics (numeric `id`,
 * `admin_graphql_api_id`, snake_case fields, lowercase statuses), e.g. `inventory_levels/update`
 * carries `inventory_item_id`, `location_id`, `available`, `updated_at` and the level's
 * `admin_graphql_api_id` (https://shopify.dev/docs/api/webhooks?reference=toml#list-of-topics).
 * Only the commonly read fields are included.
 */
import { isoTime, moneyAmount } from './format.js';
import type { BulkOperationRecord } from './model/admin.js';
import type { InventoryLevelRecord } from './model/inventory.js';
import type { OrderRecord } from './model/order.js';
import type { ProductRecord } from './model/product.js';

/** `products/create`, `products/update`. */
export function productPayload(product: ProductRecord, currency: string): Record<string, unknown> {
  return {
    id: product.num,
    admin_graphql_api_id: product.id,
    title: product.title,
    body_html: product.descriptionHtml,
    vendor: product.vendor,
    product_type: product.productType,
    handle: product.handle,
    status: product.status.toLowerCase(),
    tags: product.tags.join(', '),
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    published_at: product.publishedAt,
    options: product.optionList.map((option) => ({
      id: option.num,
      product_id: product.num,
      name: option.name,
      position: option.position,
      values: option.values,
    })),
    variants: product.variantList.map((variant) => ({
      id: variant.num,
      admin_graphql_api_id: variant.id,
      product_id: product.num,
      title: variant.title,
      sku: variant.sku,
      barcode: variant.barcode,
      price: moneyAmount(variant.priceMinor, currency),
      compare_at_price:
        variant.compareAtMinor === null ? null : moneyAmount(variant.compareAtMinor, currency),
      position: variant.position,
      inventory_policy: variant.inventoryPolicy.toLowerCase(),
      inventory_item_id: variant.inventoryItem.num,
      inventory_quantity: variant.inventoryQuantity,
      taxable: variant.taxable,
      option1: variant.selectedOptions[0]?.value ?? null,
      option2: variant.selectedOptions[1]?.value ?? null,
      option3: variant.selectedOptions[2]?.value ?? null,
      created_at: variant.createdAt,
      updated_at: variant.updatedAt,
    })),
  };
}

/** `inventory_levels/update`. */
export function inventoryLevelPayload(level: InventoryLevelRecord): Record<string, unknown> {
  return {
    inventory_item_id: level.item.num,
    location_id: level.location.num,
    available: level.available,
    updated_at: isoTime(level.updatedMs),
    admin_graphql_api_id: level.id,
  };
}

/** `orders/create`, `orders/updated`. */
export function orderPayload(order: OrderRecord, currency: string): Record<string, unknown> {
  const money = (minor: number) => moneyAmount(minor, currency);
  return {
    id: order.num,
    admin_graphql_api_id: order.id,
    name: order.name,
    order_number: order.number,
    email: order.email,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.processedAt,
    cancelled_at: order.cancelledAt,
    closed_at: order.closedAt,
    currency,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status:
      order.displayFulfillmentStatus === 'FULFILLED'
        ? 'fulfilled'
        : order.fulfillmentList.length
          ? 'partial'
          : null,
    subtotal_price: money(order.subtotalMinor),
    total_tax: money(order.taxMinor),
    total_price: money(order.totalMinor),
    tags: order.tags.join(', '),
    note: order.note,
    source_identifier: order.sourceIdentifier,
    customer: order.customer?.toRest() ?? null,
    shipping_address: order.shippingAddress?.toRest() ?? null,
    line_items: order.lineItemList.map((line) => ({
      id: line.num,
      admin_graphql_api_id: line.id,
      variant_id: line.variant?.num ?? null,
      product_id: line.product?.num ?? null,
      sku: line.sku,
      title: line.title,
      variant_title: line.variantTitle,
      quantity: line.quantity,
      price: money(line.unitMinor),
    })),
  };
}

/** `bulk_operations/finish`. */
export function bulkOperationPayload(op: BulkOperationRecord): Record<string, unknown> {
  return {
    admin_graphql_api_id: op.id,
    completed_at: op.completedAt,
    created_at: op.createdAt,
    error_code: op.errorCode ? op.errorCode.toLowerCase() : null,
    status: op.status.toLowerCase(),
    type: op.type.toLowerCase(),
  };
}
