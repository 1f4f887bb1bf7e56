/**
 * The merchant's shipping profile as editable data (JSON or YAML): destination zones (countries,
 * optionally narrowed to regions or postcodes), carrier services (air or ground, speed, cutoff hour,
 * transit business days per zone, which origin countries they leave from), rates per zone and
 * service by weight or order-value brackets with an optional free-shipping threshold, and per
 * location handling days, time zone and origin. Validation checks every cross-reference.
 *
 * @example
 * const profile = parseShippingProfile(DEFAULT_SHIPPING_PROFILE); // or parseShippingProfileText(yaml)
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { CurrencyCode } from '../../model/money.js';
import { issuesOf } from '../order-input.js';
import { WeightUnit } from './units.js';

const Id = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, "_", "." or "-"');
const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "US"');
const Price = z.number().int().nonnegative().describe('minor units of the profile currency');

export const Mode = z.enum(['air', 'ground']);
export type Mode = z.infer<typeof Mode>;
/** Speeds, slowest first. */
export const Speed = z.enum(['economy', 'standard', 'express', 'overnight']);
export type Speed = z.infer<typeof Speed>;

export const Zone = z
  .object({
    id: Id,
    name: z.string().min(1).max(200),
    countries: z
      .array(z.union([Country, z.literal('*')]))
      .min(1)
      .describe('"*" matches any country'),
    regions: z
      .array(z.string().min(1).max(100))
      .optional()
      .describe('state/province codes, e.g. ["AK", "HI"]'),
    postal_codes: z
      .object({
        prefixes: z.array(z.string().min(1).max(10)).default([]),
        ranges: z
          .array(
            z
              .object({ from: z.string().min(1).max(10), to: z.string().min(1).max(10) })
              .strict()
              .refine((r) => r.from.length === r.to.length && r.from <= r.to, {
                message: 'from and to must have the same length and from <= to',
              }),
          )
          .default([]),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Zone = z.infer<typeof Zone>;

export const Transit = z
  .object({
    zone_id: Id,
    min_days: z.number().int().min(0).max(90),
    max_days: z.number().int().min(0).max(90),
  })
  .strict()
  .refine((t) => t.min_days <= t.max_days, {
    message: 'min_days must not exceed max_days',
    path: ['max_days'],
  });

export const CarrierService = z
  .object({
    id: Id,
    carrier: z.string().min(1).max(100),
    service_code: z.string().min(1).max(100).describe('the carrier\'s own code, e.g. UPS "03"'),
    name: z.string().min(1).max(200),
    mode: Mode,
    speed: Speed,
    cutoff_hour: z
      .number()
      .int()
      .min(0)
      .max(24)
      .default(15)
      .describe('orders at or after it ship a day later'),
    delivers_to_po_box: z.boolean().default(false),
    origin_countries: z.array(Country).optional().describe('leaves only from these countries'),
    transit: z.array(Transit).min(1).describe('business days in transit, per zone served'),
  })
  .strict();
export type CarrierService = z.infer<typeof CarrierService>;

const ascending = (xs: readonly (number | null)[]) =>
  xs.every((x, i) => i === 0 || x === null || (xs[i - 1] !== null && x > (xs[i - 1] as number)));

const WeightRate = z
  .object({
    zone_id: Id,
    service_id: Id,
    basis: z.literal('weight'),
    weight_unit: WeightUnit,
    brackets: z
      .array(z.object({ up_to: z.number().positive(), price: Price }).strict())
      .min(1)
      .refine((b) => ascending(b.map((x) => x.up_to)), { message: 'up_to must increase' }),
    additional: z
      .object({ per: z.number().positive(), price: Price })
      .strict()
      .optional()
      .describe('beyond the last bracket: this price per started `per` weight units'),
    free_over: Price.optional().describe('order value at or above which shipping is free'),
  })
  .strict();

const ValueRate = z
  .object({
    zone_id: Id,
    service_id: Id,
    basis: z.literal('value'),
    brackets: z
      .array(z.object({ below: Price.positive().nullable(), price: Price }).strict())
      .min(1)
      .refine((b) => ascending(b.map((x) => x.below)) && b.slice(0, -1).every((x) => x.below !== null), {
        message: 'below must increase; only the last bracket may be open (null)',
      }),
    free_over: Price.optional(),
  })
  .strict();

export const Rate = z.discriminatedUnion('basis', [WeightRate, ValueRate]);
export type Rate = z.infer<typeof Rate>;

const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone such as "America/New_York"' },
);

export const Origin = z
  .object({
    country: Country,
    region: z.string().max(100).optional(),
    postal_code: z.string().max(32).optional(),
  })
  .strict();
export type Origin = z.infer<typeof Origin>;

export const ProfileLocation = z
  .object({
    location_id: z.string().min(1).max(64),
    ships: z.boolean().default(true),
    origin: Origin.optional().describe("overrides the location's own address"),
    handling_days: z.number().int().min(0).max(30).optional(),
    timezone: TimeZone.optional(),
  })
  .strict();

export const ShippingProfile = z
  .object({
    version: z.literal(1),
    name: z.string().max(200).optional(),
    currency: CurrencyCode,
    location_defaults: z
      .object({
        handling_days: z.number().int().min(0).max(30).default(1),
        timezone: TimeZone.default('UTC'),
      })
      .strict()
      .default({ handling_days: 1, timezone: 'UTC' }),
    locations: z.array(ProfileLocation).default([]),
    holidays: z.array(z.iso.date()).default([]).describe('non-business days, YYYY-MM-DD'),
    zones: z.array(Zone).min(1),
    services: z.array(CarrierService).min(1),
    rates: z.array(Rate).min(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (ids: string[], key: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) =>
        seen.has(id)
          ? issue([key, i, key === 'locations' ? 'location_id' : 'id'], 'duplicate id')
          : seen.add(id),
      );
      return seen;
    };
    const zones = unique(
      p.zones.map((z) => z.id),
      'zones',
    );
    const services = unique(
      p.services.map((s) => s.id),
      'services',
    );
    unique(
      p.locations.map((l) => l.location_id),
      'locations',
    );
    p.services.forEach((s, i) =>
      s.transit.forEach((t, j) => {
        if (!zones.has(t.zone_id))
          issue(['services', i, 'transit', j, 'zone_id'], `unknown zone "${t.zone_id}"`);
      }),
    );
    const pairs = new Set<string>();
    p.rates.forEach((r, i) => {
      if (!zones.has(r.zone_id)) issue(['rates', i, 'zone_id'], `unknown zone "${r.zone_id}"`);
      if (!services.has(r.service_id)) issue(['rates', i, 'service_id'], `unknown service "${r.service_id}"`);
      const service = p.services.find((s) => s.id === r.service_id);
      if (service && !service.transit.some((t) => t.zone_id === r.zone_id)) {
        issue(
          ['rates', i, 'zone_id'],
          `service "${r.service_id}" has no transit time for zone "${r.zone_id}"`,
        );
      }
      const pair = `${r.zone_id}/${r.service_id}`;
      if (pairs.has(pair)) issue(['rates', i], `a second rate for ${pair}`);
      pairs.add(pair);
    });
  })
  .meta({ id: 'ShippingProfile' });
export type ShippingProfile = z.infer<typeof ShippingProfile>;
export type ShippingProfileInput = z.input<typeof ShippingProfile>;

/** Validates a profile; throws a `config` ConcordError whose issues name each bad field. */
export function parseShippingProfile(value: unknown): ShippingProfile {
  const result = ShippingProfile.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new ConcordError('config', 'shipping_profile_invalid', `Invalid shipping profile: ${summary}`, {
    cause: result.error,
    issues,
  });
}

/** Parses profile text (YAML, or JSON which is YAML) and validates it. */
export function parseShippingProfileText(text: string): ShippingProfile {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ConcordError(
      'config',
      'shipping_profile_unreadable',
      `Profile is not valid YAML/JSON: ${message}`,
      {
        cause,
      },
    );
  }
  return parseShippingProfile(value);
}
