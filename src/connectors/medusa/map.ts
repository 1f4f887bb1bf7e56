/**
 * Every pure Medusa → unified mapper, in one import (catalog, people and orders, shared helpers).
 *
 * @example
 * import { toUnifiedProduct, toUnifiedOrder } from './map.js';
 */
export * from './map-catalog.js';
export * from './map-orders.js';
export { fromMedusaAddress, idFor, toMedusaAddress, type MedusaMapContext } from './map-shared.js';
export { majorFromMinor, minorFromMajor, minorFromMajorRounded } from './money.js';
