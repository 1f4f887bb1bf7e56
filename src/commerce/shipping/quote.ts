/**
 * Shipping for a quote, in one pure call: choose the fulfilment locations (one if it can serve
 * everything, else the fewest shipments; ties broken by the preferred location, then the cheapest
 * rate, then the closest origin, then id), then rate each shipment from the shipping profile.
 * Locations the profile marks `ships: false`, or from which no service reaches the destination's
 * zone, are not considered.
 *
 * @example
 * const quote = quoteShipping(parseShippingProfile(DEFAULT_SHIPPING_PROFILE), {
 *   lines: [{ variant_id: 'var_1', quantity: 2, weight: { value: 1.2, unit: 'kg' }, unit_price: { amount: 2500, currency: 'USD' } }],
 *   stock: [{ variant_id: 'var_1', location_id: 'loc_nj', available: 10 }],
 *   locations: [{ id: 'loc_nj', origin: { country: 'US', region: 'NJ', postal_code: '07094' } }],
 *   destination: { country: 'US', region: 'TX', postal_code: '78701' },
 * }, { now: new Date() });
 * quote.shipments[0].rating.options[0]; // { service_id: 'usps_ground_advantage', price: { amount: 0, … }, … }
 */
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import type { Location } from '../../model/location.js';
import { Money } from '../../model/money.js';
import { Measurement } from '../../model/record.js';
import { issuesOf } from '../order-input.js';
import { allocate, type Allocation, type AllocationLine, type CandidateLocation } from './allocate.js';
import { Mode, Origin, Speed, type ShippingProfile } from './profile.js';
import { rateShipment, type ShipmentRating } from './rate.js';
import { findZone } from './zones.js';

const Id = z.string().min(1).max(64);

export const ShippingQuoteInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            line_id: Id.optional().describe('defaults to the line position, "0", "1", …'),
            variant_id: Id,
            quantity: z.number().int().min(1).max(10_000),
            weight: Measurement.nullable().describe('weight of one unit'),
            unit_price: Money,
            hazmat: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1)
      .max(250),
    stock: z
      .array(z.object({ variant_id: Id, location_id: Id, available: z.number().int() }).strict())
      .max(100_000),
    locations: z
      .array(z.object({ id: Id, origin: Origin.nullable() }).strict())
      .max(500)
      .describe('locations that fulfil online orders'),
    destination: z
      .object({
        country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "US"'),
        region: z.string().max(100).optional(),
        postal_code: z.string().max(32).optional(),
      })
      .describe('the ship-to address; other address fields (line1, city…) are accepted and ignored'),
    preferred_location_id: Id.optional(),
    preferred_speed: Speed.optional(),
    excluded_modes: z.array(Mode).default([]),
    excluded_service_ids: z.array(Id).default([]),
    po_box: z.boolean().default(false).describe('the address is a PO box (see compliance isPoBox)'),
  })
  .strict()
  .superRefine((input, ctx) => {
    const dup = (path: PropertyKey[]) => ctx.addIssue({ code: 'custom', path, message: 'duplicate' });
    const ids = new Set<string>();
    input.lines.forEach((l, i) => {
      const id = l.line_id ?? String(i);
      if (ids.has(id)) dup(['lines', i, 'line_id']);
      ids.add(id);
    });
    const levels = new Set<string>();
    input.stock.forEach((s, i) => {
      const k = `${s.variant_id}\u0000${s.location_id}`;
      if (levels.has(k)) dup(['stock', i]);
      levels.add(k);
    });
    const locations = new Set<string>();
    input.locations.forEach((l, i) =>
      locations.has(l.id) ? dup(['locations', i, 'id']) : locations.add(l.id),
    );
  })
  .meta({ id: 'ShippingQuoteInput' });
export type ShippingQuoteInput = z.infer<typeof ShippingQuoteInput>;
export type ShippingQuoteInputRaw = z.input<typeof ShippingQuoteInput>;

export interface QuotedShipment {
  location_id: string;
  lines: AllocationLine[];
  rating: ShipmentRating;
}

export interface ShippingQuote {
  shipments: QuotedShipment[];
  unservable: Allocation['unservable'];
  split: boolean;
  /** Sum of each shipment's default option; null when some shipment has no option. */
  default_total: Money | null;
}

/** Validates a shipping quote request; throws a `validation` ConcordError naming each bad field. */
export function validateShippingQuoteInput(input: unknown): ShippingQuoteInput {
  const result = ShippingQuoteInput.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new ConcordError(
    'validation',
    'invalid_request',
    `Invalid shipping request: ${issues[0]?.field}: ${issues[0]?.message}`,
    {
      issues,
    },
  );
}

/** Model locations that may fulfil online orders, as allocation candidates. */
export function candidateLocations(locations: readonly Location[]): { id: string; origin: Origin | null }[] {
  return locations
    .filter((l) => l.active && l.fulfills_online_orders)
    .map((l) => {
      const a = l.address;
      if (!a?.country) return { id: l.id, origin: null };
      return {
        id: l.id,
        origin: {
          country: a.country,
          ...(a.region ? { region: a.region } : {}),
          ...(a.postal_code ? { postal_code: a.postal_code } : {}),
        },
      };
    });
}

/** Allocates and rates a quote request. Pure; `now` is the clock for delivery dates. */
export function quoteShipping(
  profile: ShippingProfile,
  request: unknown,
  options: { now: Date },
): ShippingQuote {
  const input = validateShippingQuoteInput(request);
  const lines = input.lines.map((l, i) => ({ ...l, line_id: l.line_id ?? String(i) }));
  const byId = new Map(lines.map((l) => [l.line_id, l]));
  const settings = new Map(profile.locations.map((l) => [l.location_id, l]));
  const zone = findZone(profile.zones, input.destination)?.zone;
  if (!zone) {
    const unservable = lines.map((l) => ({
      line_id: l.line_id,
      variant_id: l.variant_id,
      reason: 'destination_not_served' as const,
      requested: l.quantity,
      available: 0,
      message: `The merchant does not ship to ${input.destination.country}. Choose an address in another country.`,
    }));
    return { shipments: [], unservable, split: false, default_total: null };
  }
  const candidates: (CandidateLocation & { origin: Origin | null })[] = input.locations
    .filter((l) => settings.get(l.id)?.ships !== false)
    .map((l) => ({ id: l.id, origin: settings.get(l.id)?.origin ?? l.origin }))
    .filter((l) =>
      profile.services.some(
        (s) =>
          s.transit.some((t) => t.zone_id === zone.id) &&
          (!s.origin_countries || (l.origin !== null && s.origin_countries.includes(l.origin.country))),
      ),
    );
  const origins = new Map(candidates.map((c) => [c.id, c.origin]));

  const rate = (locationId: string, shipped: readonly AllocationLine[]): ShipmentRating =>
    rateShipment(
      profile,
      {
        origin: origins.get(locationId) ?? null,
        items: shipped.map((s) => {
          const line = byId.get(s.line_id)!;
          return {
            quantity: s.quantity,
            weight: line.weight,
            unit_price: line.unit_price,
            hazmat: line.hazmat,
          };
        }),
        destination: input.destination,
        handling_days: settings.get(locationId)?.handling_days ?? profile.location_defaults.handling_days,
        timezone: settings.get(locationId)?.timezone ?? profile.location_defaults.timezone,
      },
      {
        now: options.now,
        preferred_speed: input.preferred_speed,
        excluded_modes: input.excluded_modes,
        excluded_service_ids: input.excluded_service_ids,
        po_box: input.po_box,
      },
    );
  const cheapest = (locationId: string, shipped: readonly AllocationLine[]) =>
    Math.min(...rate(locationId, shipped).options.map((o) => o.price.amount));

  const allocation = allocate(
    {
      lines,
      stock: input.stock,
      locations: candidates,
      destination: input.destination,
      preferred_location_id: input.preferred_location_id,
    },
    cheapest,
  );
  const shipments = allocation.shipments.map((s) => ({ ...s, rating: rate(s.location_id, s.lines) }));
  const defaults = shipments.map((s) => s.rating.options[0]?.price.amount);
  return {
    shipments,
    unservable: allocation.unservable,
    split: allocation.split,
    default_total:
      shipments.length > 0 && defaults.every((d) => d !== undefined)
        ? { amount: defaults.reduce((a, b) => a + b, 0), currency: profile.currency }
        : null,
  };
}
