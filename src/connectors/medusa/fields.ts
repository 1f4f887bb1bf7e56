/**
 * The `fields=` selections this connector sends, one per resource: exactly what the mappers read, so
 * answers stay small and their shape is fixed (Medusa's defaults change between minor versions).
 * `*rel` asks for a relation with its default fields, `rel.field` for one field of it.
 * https://docs.medusajs.com/api/admin#select-fields-and-relations
 */

const list = (...fields: string[]) => fields.join(',');

export const PRODUCT_FIELDS = list(
  'id',
  'title',
  'handle',
  'subtitle',
  'description',
  'status',
  'is_giftcard',
  'weight',
  'length',
  'height',
  'width',
  'hs_code',
  'origin_country',
  'material',
  'created_at',
  'updated_at',
  '*type',
  '*collection',
  '*tags',
  '*options',
  '*options.values',
  '*variants',
  '*variants.options',
  '*variants.options.option',
  '*variants.prices',
  'variants.inventory_items.inventory_item_id',
  'variants.inventory_items.required_quantity',
);

export const LOCATION_FIELDS = list(
  'id',
  'name',
  'created_at',
  'updated_at',
  'deleted_at',
  'metadata',
  '*address',
  'sales_channels.id',
  'fulfillment_sets.id',
  'fulfillment_sets.type',
);

export const INVENTORY_FIELDS = list(
  'id',
  'sku',
  'updated_at',
  '*location_levels',
  'variants.id',
  'variants.sku',
);

export const CUSTOMER_FIELDS = list(
  'id',
  'email',
  'first_name',
  'last_name',
  'phone',
  'has_account',
  'created_at',
  'updated_at',
  '*addresses',
  '*groups',
);

export const ORDER_FIELDS = list(
  'id',
  'display_id',
  'status',
  'email',
  'currency_code',
  'customer_id',
  'created_at',
  'updated_at',
  'canceled_at',
  'metadata',
  'payment_status',
  'fulfillment_status',
  'item_total',
  'item_tax_total',
  'shipping_total',
  'shipping_tax_total',
  'tax_total',
  'items.id',
  'items.title',
  'items.subtitle',
  'items.variant_id',
  'items.variant_sku',
  'items.quantity',
  'items.unit_price',
  'items.raw_unit_price',
  '*shipping_address',
  '*fulfillments',
  '*fulfillments.labels',
  'payment_collections.id',
  'payment_collections.status',
  'payment_collections.amount',
  'payment_collections.payments.id',
  'payment_collections.payments.amount',
  'payment_collections.payments.raw_amount',
  'payment_collections.payments.currency_code',
  'payment_collections.payments.captured_at',
  'payment_collections.payments.canceled_at',
  'payment_collections.payments.captures.id',
  'payment_collections.payments.captures.amount',
  'payment_collections.payments.captures.raw_amount',
  'payment_collections.payments.refunds.id',
  'payment_collections.payments.refunds.amount',
  'payment_collections.payments.refunds.raw_amount',
  'payment_collections.payments.refunds.note',
  'payment_collections.payments.refunds.created_at',
);

/** Enough of an order (or draft) to recognise Concord's reference and resume its creation. */
export const ORDER_LOOKUP_FIELDS = list('id', 'status', 'metadata', 'created_at');

export const VARIANT_CHECK_FIELDS = list(
  'id',
  'sku',
  'title',
  'manage_inventory',
  'product_id',
  'product.status',
);
