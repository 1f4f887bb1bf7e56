import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { DEFAULT_SHIPPING_PROFILE } from './default-profile.js';
import { parseShippingProfile } from './profile.js';
import { rateShipment, type RateItem, type RateOptions, type RateShipmentInput } from './rate.js';
import { toGrams } from './units.js';
import { findZone } from './zones.js';

const profile = parseShippingProfile(DEFAULT_SHIPPING_PROFILE);
// Monday 2 March 2026, 10:00 in New York (EST, UTC-5).
const monday = new Date('2026-03-02T15:00:00Z');

const item = (over: Partial<RateItem> = {}): RateItem => ({
  quantity: 1,
  weight: { value: 1, unit: 'lb' },
  unit_price: { amount: 2000, currency: 'USD' },
  hazmat: false,
  ...over,
});

function rate(
  items: RateItem[],
  destination: RateShipmentInput['destination'],
  options: Partial<RateOptions> = {},
) {
  return rateShipment(
    profile,
    {
      origin: { country: 'US', region: 'NJ' },
      items,
      destination,
      handling_days: 1,
      timezone: 'America/New_York',
    },
    { now: monday, ...options },
  );
}
const texas = { country: 'US', region: 'TX', postal_code: '78701' };
const prices = (r: ReturnType<typeof rate>) =>
  Object.fromEntries(r.options.map((o) => [o.service_id, o.price.amount]));

describe('units', () => {
  it.each([
    [{ value: 1, unit: 'kg' }, 1000],
    [{ value: 1, unit: 'lb' }, 453.59237],
    [{ value: 16, unit: 'oz' }, 453.59237],
    [{ value: 250, unit: 'GRAMS' }, 250],
  ])('given %o when converted then it is %d g', (weight, grams) => {
    expect(toGrams(weight)).toBeCloseTo(grams, 6);
  });

  it('given an unknown unit when converted then a validation error names it', () => {
    expect(() => toGrams({ value: 1, unit: 'stone' })).toThrow(/"stone" is not a weight unit/);
  });
});

describe('zone matching', () => {
  it.each([
    [{ country: 'US', region: 'TX' }, 'us', 'country'],
    [{ country: 'US', region: 'AK' }, 'us_remote', 'region'],
    [{ country: 'US', postal_code: '99501' }, 'us_remote', 'postcode'],
    [{ country: 'US', region: 'us-hi', postal_code: '96813-1234' }, 'us_remote', 'postcode'],
    [{ country: 'CA', region: 'ON' }, 'canada', 'country'],
    [{ country: 'DE' }, 'eu', 'country'],
    [{ country: 'GB' }, 'uk', 'country'],
    [{ country: 'JP' }, 'rest_of_world', 'any'],
  ])('given %o when matched then the zone is %s by %s', (destination, zone, specificity) => {
    expect(findZone(profile.zones, destination)).toMatchObject({ zone: { id: zone }, specificity });
  });

  it('given a profile without a catch-all zone when the country is not covered then no zone matches', () => {
    const zones = profile.zones.filter((z) => z.id !== 'rest_of_world');
    expect(findZone(zones, { country: 'JP' })).toBeUndefined();
  });
});

describe('rateShipment', () => {
  it('given 3 lb to Texas when rated then each US service is priced from its weight bracket', () => {
    const result = rate([item({ quantity: 3, unit_price: { amount: 1000, currency: 'USD' } })], texas);
    expect(result.zone_id).toBe('us');
    expect(result.weight_grams).toBe(1361);
    expect(prices(result)).toEqual({
      usps_ground_advantage: 495,
      ups_ground: 1495,
      ups_2nd_day_air: 3695,
      ups_next_day_air: 7295,
    });
    expect(result.default_service_id).toBe('usps_ground_advantage');
  });

  it('given the same weight in kg, g and oz when rated then the price is the same', () => {
    const asLb = prices(rate([item({ weight: { value: 4.5, unit: 'lb' } })], texas));
    expect(prices(rate([item({ weight: { value: 2.0411657, unit: 'kg' } })], texas))).toEqual(asLb);
    expect(prices(rate([item({ weight: { value: 72, unit: 'oz' } })], texas))).toEqual(asLb);
  });

  it('given order values under $25, under $50 and $50 when rated then the value brackets give 695, 495 and free', () => {
    const at = (amount: number) => prices(rate([item({ unit_price: { amount, currency: 'USD' } })], texas));
    expect(at(2499).usps_ground_advantage).toBe(695);
    expect(at(2500).usps_ground_advantage).toBe(495);
    expect(at(5000).usps_ground_advantage).toBe(0);
  });

  it('given an order of $75 when rated then UPS Ground is free over its threshold and air is not', () => {
    const result = prices(rate([item({ unit_price: { amount: 7500, currency: 'USD' } })], texas));
    expect(result.ups_ground).toBe(0);
    expect(result.ups_2nd_day_air).toBe(2495);
  });

  it('given 95 lb by UPS Ground when rated then the additional-weight price applies per started 10 lb', () => {
    const result = prices(
      rate(
        [item({ weight: { value: 95, unit: 'lb' }, unit_price: { amount: 100, currency: 'USD' } })],
        texas,
      ),
    );
    expect(result.ups_ground).toBe(6995 + 3 * 995);
  });

  it('given 80 lb when rated then services without an additional rate say the shipment is over their limit', () => {
    const result = rate([item({ weight: { value: 80, unit: 'lb' } })], texas);
    expect(result.unavailable).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service_id: 'ups_next_day_air', reason: 'over_max_weight' }),
      ]),
    );
    expect(result.options.map((o) => o.service_id)).toEqual(['usps_ground_advantage', 'ups_ground']);
  });

  it('given a hazmat item when rated then air services are listed as unavailable and ground remains', () => {
    const result = rate([item({ hazmat: true })], texas);
    expect(result.options.map((o) => o.mode)).toEqual(['ground', 'ground']);
    expect(result.unavailable.map((u) => [u.service_id, u.reason])).toEqual([
      ['ups_2nd_day_air', 'hazmat_air_excluded'],
      ['ups_next_day_air', 'hazmat_air_excluded'],
    ]);
  });

  it('given a hazmat item to Germany when rated then no option is left and the message says why', () => {
    const result = rate([item({ hazmat: true })], { country: 'DE', postal_code: '10115' });
    expect(result.options).toEqual([]);
    expect(result.default_service_id).toBeNull();
    expect(result.message).toMatch(/unavailable/);
  });

  it('given excluded modes, excluded services and a PO box when rated then each is reported', () => {
    const result = rate([item()], texas, {
      excluded_modes: ['air'],
      excluded_service_ids: ['usps_ground_advantage'],
      po_box: true,
    });
    expect(result.options).toEqual([]);
    expect(result.unavailable.map((u) => u.reason)).toEqual([
      'service_excluded',
      'po_box',
      'mode_excluded',
      'mode_excluded',
    ]);
  });

  it('given a preferred speed when rated then options of that speed come first and the default follows it', () => {
    const result = rate([item()], texas, { preferred_speed: 'overnight' });
    expect(result.default_service_id).toBe('ups_next_day_air');
    expect(result.options.map((o) => o.service_id)).toEqual([
      'ups_next_day_air',
      'usps_ground_advantage',
      'ups_ground',
      'ups_2nd_day_air',
    ]);
  });

  it('given a Canadian origin when rated to Texas then only services leaving Canada are offered', () => {
    const result = rateShipment(
      profile,
      {
        origin: { country: 'CA' },
        items: [item()],
        destination: texas,
        handling_days: 1,
        timezone: 'America/Toronto',
      },
      { now: monday },
    );
    expect(result.options.map((o) => o.service_id)).toEqual(['canada_post_expedited_usa']);
  });

  it('given Monday 10:00 with 1 handling day when rated then UPS Ground ships Tuesday and arrives Wednesday to next Tuesday', () => {
    const ground = rate([item()], texas).options.find((o) => o.service_id === 'ups_ground')!;
    expect(ground).toMatchObject({
      ships_on: '2026-03-03',
      estimated_delivery: { earliest: '2026-03-04', latest: '2026-03-10' },
    });
  });

  it('given an item without weight when rated then it counts as 0 g and the weight is marked estimated', () => {
    const result = rate([item({ weight: null })], texas);
    expect(result).toMatchObject({ weight_grams: 0, weight_estimated: true });
  });

  it('given an item priced in another currency when rated then a validation error is thrown', () => {
    expect(() => rate([item({ unit_price: { amount: 100, currency: 'EUR' } })], texas)).toThrow(ConcordError);
  });
});
