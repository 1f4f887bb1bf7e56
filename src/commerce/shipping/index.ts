/**
 * Shipping: where an order ships from and how. Allocation picks the fulfilment locations (one that
 * has everything, else the fewest shipments, with reasons for lines that cannot be served); rating
 * prices each shipment from the merchant's shipping profile (zones by country, region or postcode;
 * weight or order-value brackets; free-shipping thresholds; hazmat kept off air) and dates its
 * delivery in business days from a given clock. Pure: no database, no HTTP.
 *
 * @example
 * const profile = parseShippingProfile(DEFAULT_SHIPPING_PROFILE); // or parseShippingProfileText(yaml)
 * const quote = quoteShipping(profile, {
 *   lines, stock, locations: candidateLocations(modelLocations), destination: shipTo, preferred_speed: 'express',
 * }, { now: new Date() });
 * quote.shipments.map((s) => [s.location_id, s.rating.default_service_id]);
 */
export {
  allocate,
  type Allocation,
  type AllocationLine,
  type AllocationRequest,
  type CandidateLocation,
  type LocationCost,
  type Shipment,
  type StockLevel,
  type UnservableLine,
} from './allocate.js';
export {
  addBusinessDays,
  deliveryWindow,
  isBusinessDay,
  localDateHour,
  nextBusinessDay,
  type DeliveryWindow,
  type IsoDate,
  type WindowParams,
} from './calendar.js';
export { DEFAULT_SHIPPING_PROFILE } from './default-profile.js';
export {
  CarrierService,
  Mode,
  Origin,
  Rate,
  ShippingProfile,
  Speed,
  Zone,
  parseShippingProfile,
  parseShippingProfileText,
  type ShippingProfileInput,
} from './profile.js';
export {
  candidateLocations,
  quoteShipping,
  ShippingQuoteInput,
  validateShippingQuoteInput,
  type QuotedShipment,
  type ShippingQuote,
  type ShippingQuoteInputRaw,
} from './quote.js';
export {
  priceFor,
  rateShipment,
  type RateItem,
  type RateOptions,
  type RateShipmentInput,
  type ShipmentRating,
  type ShippingOption,
  type UnavailableReason,
  type UnavailableService,
} from './rate.js';
export { GRAMS_PER, toGrams, weightUnit, WeightUnit } from './units.js';
export { findZone, zoneMatch, type ZoneDestination, type ZoneSpecificity } from './zones.js';
