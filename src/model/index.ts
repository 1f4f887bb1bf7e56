/** The unified model: one file per entity, re-exported here. */
export * from './money.js';
export * from './record.js';
export * from './address.js';
export * from './variant.js';
export * from './product.js';
export * from './item.js';
export * from './location.js';
export * from './inventory-level.js';
export * from './customer.js';
export * from './fulfillment.js';
export * from './refund.js';
export * from './order.js';
export * from './sales-order.js';
export * from './invoice.js';
export * from './credit-memo.js';
