/**
 * Rating one shipment: the zone of the destination, the services that leave from the shipment's
 * origin and serve that zone, minus those the contents or the caller exclude (hazmat ⇒ no air,
 * excluded modes or services, PO boxes for couriers), each priced from its weight or order-value
 * bracket (free over a threshold when set) with a delivery window from a given clock. Options are
 * sorted with the preferred speed first, then by price, latest delivery and id; the first is the
 * default. Pure: the same shipment and clock always give the same options.
 *
 * @example
 * rateShipment(profile, { origin: { country: 'US' }, items, destination: { country: 'US', region: 'TX' },
 *   handling_days: 1, timezone: 'America/New_York' }, { now: new Date(), preferred_speed: 'express' });
 */
import { ConcordError } from '../../core/errors.js';
import type { Money } from '../../model/money.js';
import { deliveryWindow, type IsoDate } from './calendar.js';
import type { CarrierService, Mode, Origin, Rate, ShippingProfile, Speed } from './profile.js';
import { GRAMS_PER, toGrams } from './units.js';
import { findZone, type ZoneDestination } from './zones.js';

export interface RateItem {
  quantity: number;
  weight: { value: number; unit: string } | null;
  unit_price: Money;
  hazmat: boolean;
}

export interface RateShipmentInput {
  origin: Origin | null;
  items: readonly RateItem[];
  destination: ZoneDestination;
  handling_days: number;
  timezone: string;
}

export interface RateOptions {
  now: Date;
  preferred_speed?: Speed | undefined;
  excluded_modes?: readonly Mode[] | undefined;
  excluded_service_ids?: readonly string[] | undefined;
  /** The destination is a PO box: couriers that cannot deliver there are left out. */
  po_box?: boolean | undefined;
}

export interface ShippingOption {
  service_id: string;
  carrier: string;
  service_code: string;
  name: string;
  mode: Mode;
  speed: Speed;
  price: Money;
  ships_on: IsoDate;
  estimated_delivery: { earliest: IsoDate; latest: IsoDate };
  transit_days: { min: number; max: number };
}

export type UnavailableReason =
  'hazmat_air_excluded' | 'mode_excluded' | 'service_excluded' | 'po_box' | 'over_max_weight' | 'no_rate';

export interface UnavailableService {
  service_id: string;
  reason: UnavailableReason;
  message: string;
}

export interface ShipmentRating {
  zone_id: string | null;
  weight_grams: number;
  /** True when some item had no weight (counted as 0 g). */
  weight_estimated: boolean;
  value: Money;
  hazmat: boolean;
  options: ShippingOption[];
  default_service_id: string | null;
  /** Services that serve this route but are not offered, and why. */
  unavailable: UnavailableService[];
  /** Why there are no options, when there are none. */
  message?: string;
}

const SPEEDS: readonly Speed[] = ['economy', 'standard', 'express', 'overnight'];
/** Code-unit order, independent of locale. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Priced = { price: number } | { reason: 'over_max_weight' | 'no_rate'; message: string };

/** Price of a rate for a weight (grams) and an order value (minor units). */
export function priceFor(rate: Rate, grams: number, value: number): Priced {
  if (rate.free_over !== undefined && value >= rate.free_over) return { price: 0 };
  if (rate.basis === 'value') {
    const bracket = rate.brackets.find((b) => b.below === null || value < b.below);
    return bracket
      ? { price: bracket.price }
      : { reason: 'no_rate', message: 'no bracket covers this order value' };
  }
  const unit = GRAMS_PER[rate.weight_unit];
  const bracket = rate.brackets.find((b) => grams <= b.up_to * unit + 1e-6);
  if (bracket) return { price: bracket.price };
  const last = rate.brackets[rate.brackets.length - 1]!;
  if (rate.additional) {
    const steps = Math.ceil((grams / unit - last.up_to) / rate.additional.per - 1e-9);
    return { price: last.price + steps * rate.additional.price };
  }
  const limit = `${last.up_to} ${rate.weight_unit}`;
  return {
    reason: 'over_max_weight',
    message: `Not offered: the shipment is heavier than this service's ${limit} limit.`,
  };
}

function exclusion(
  service: CarrierService,
  hazmat: boolean,
  options: RateOptions,
): UnavailableService | undefined {
  const out = (reason: UnavailableReason, message: string) => ({ service_id: service.id, reason, message });
  if (hazmat && service.mode === 'air') {
    return out(
      'hazmat_air_excluded',
      'Not offered: the shipment contains hazardous items, which cannot travel by air.',
    );
  }
  if (options.excluded_modes?.includes(service.mode)) {
    return out('mode_excluded', `Not offered: ${service.mode} services are excluded for this order.`);
  }
  if (options.excluded_service_ids?.includes(service.id)) {
    return out('service_excluded', 'Not offered: this service is excluded for this order.');
  }
  if (options.po_box && !service.delivers_to_po_box) {
    return out(
      'po_box',
      `Not offered: ${service.name} cannot deliver to a PO box; give a street address to use it.`,
    );
  }
  return undefined;
}

/** Rates one shipment against the profile. */
export function rateShipment(
  profile: ShippingProfile,
  shipment: RateShipmentInput,
  options: RateOptions,
): ShipmentRating {
  let grams = 0;
  let value = 0;
  let estimated = false;
  for (const item of shipment.items) {
    if (item.unit_price.currency !== profile.currency) {
      throw new ConcordError(
        'validation',
        'currency_mismatch',
        `Item priced in ${item.unit_price.currency} but the shipping profile is in ${profile.currency}`,
      );
    }
    value += item.unit_price.amount * item.quantity;
    if (item.weight) grams += toGrams(item.weight) * item.quantity;
    else estimated = true;
  }
  const hazmat = shipment.items.some((i) => i.hazmat);
  const base = {
    weight_grams: Math.round(grams),
    weight_estimated: estimated,
    value: { amount: value, currency: profile.currency },
    hazmat,
  };
  const found = findZone(profile.zones, shipment.destination);
  if (!found) {
    return {
      ...base,
      zone_id: null,
      options: [],
      default_service_id: null,
      unavailable: [],
      message: 'The merchant does not ship to this destination. Choose an address in another country.',
    };
  }
  const zone = found.zone;
  const originCountry = shipment.origin?.country;
  const holidays = new Set(profile.holidays);
  const optionsOut: ShippingOption[] = [];
  const unavailable: UnavailableService[] = [];
  for (const service of profile.services) {
    const transit = service.transit.find((t) => t.zone_id === zone.id);
    const leaves =
      !service.origin_countries || (originCountry && service.origin_countries.includes(originCountry));
    if (!transit || !leaves) continue;
    const excluded = exclusion(service, hazmat, options);
    if (excluded) {
      unavailable.push(excluded);
      continue;
    }
    const rate = profile.rates.find((r) => r.zone_id === zone.id && r.service_id === service.id);
    const priced: Priced = rate
      ? priceFor(rate, grams, value)
      : {
          reason: 'no_rate',
          message: `Not offered: the merchant has no rate for ${service.name} to ${zone.name}.`,
        };
    if ('reason' in priced) {
      unavailable.push({ service_id: service.id, reason: priced.reason, message: priced.message });
      continue;
    }
    const window = deliveryWindow(options.now, {
      timezone: shipment.timezone,
      cutoffHour: service.cutoff_hour,
      handlingDays: shipment.handling_days,
      minDays: transit.min_days,
      maxDays: transit.max_days,
      holidays,
    });
    optionsOut.push({
      service_id: service.id,
      carrier: service.carrier,
      service_code: service.service_code,
      name: service.name,
      mode: service.mode,
      speed: service.speed,
      price: { amount: priced.price, currency: profile.currency },
      ships_on: window.ships_on,
      estimated_delivery: { earliest: window.earliest, latest: window.latest },
      transit_days: { min: transit.min_days, max: transit.max_days },
    });
  }
  const preferred = options.preferred_speed;
  optionsOut.sort(
    (a, b) =>
      Number(b.speed === preferred) - Number(a.speed === preferred) ||
      a.price.amount - b.price.amount ||
      cmp(a.estimated_delivery.latest, b.estimated_delivery.latest) ||
      SPEEDS.indexOf(b.speed) - SPEEDS.indexOf(a.speed) ||
      cmp(a.service_id, b.service_id),
  );
  return {
    ...base,
    zone_id: zone.id,
    options: optionsOut,
    default_service_id: optionsOut[0]?.service_id ?? null,
    unavailable,
    ...(optionsOut.length === 0
      ? {
          message:
            'No shipping service can carry this shipment to this destination; see `unavailable` for why.',
        }
      : {}),
  };
}
