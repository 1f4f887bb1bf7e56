import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import type { Location } from '../../model/location.js';
import { DEFAULT_SHIPPING_PROFILE } from './default-profile.js';
import { parseShippingProfile } from './profile.js';
import { candidateLocations, quoteShipping, type ShippingQuoteInputRaw } from './quote.js';

const profile = parseShippingProfile(DEFAULT_SHIPPING_PROFILE);
const now = new Date('2026-03-02T15:00:00Z');
const usd = (amount: number) => ({ amount, currency: 'USD' });
const locations = [
  { id: 'loc_nj', origin: { country: 'US', region: 'NJ', postal_code: '07094' } },
  { id: 'loc_nv', origin: { country: 'US', region: 'NV', postal_code: '89431' } },
  { id: 'loc_to', origin: { country: 'CA', region: 'ON', postal_code: 'M4P 1G8' } },
];
const lines = [
  { variant_id: 'var_tee', quantity: 2, weight: { value: 200, unit: 'g' }, unit_price: usd(2500) },
  { variant_id: 'var_pan', quantity: 1, weight: { value: 2.5, unit: 'kg' }, unit_price: usd(8900) },
  {
    variant_id: 'var_bank',
    quantity: 1,
    weight: { value: 12, unit: 'oz' },
    unit_price: usd(3900),
    hazmat: true,
  },
];
const texas = { country: 'US', region: 'TX', postal_code: '78701' };

function quote(over: Partial<ShippingQuoteInputRaw>) {
  return quoteShipping(profile, { lines, stock: [], locations, destination: texas, ...over }, { now });
}

describe('quoteShipping', () => {
  it('given no location has everything when quoted then the split shipments are rated separately', () => {
    const result = quote({
      stock: [
        { variant_id: 'var_tee', location_id: 'loc_nj', available: 10 },
        { variant_id: 'var_pan', location_id: 'loc_nj', available: 3 },
        { variant_id: 'var_bank', location_id: 'loc_nv', available: 5 },
        { variant_id: 'var_bank', location_id: 'loc_to', available: 5 },
      ],
    });
    expect(result.split).toBe(true);
    expect(result.shipments.map((s) => [s.location_id, s.lines])).toEqual([
      [
        'loc_nj',
        [
          { line_id: '0', variant_id: 'var_tee', quantity: 2 },
          { line_id: '1', variant_id: 'var_pan', quantity: 1 },
        ],
      ],
      ['loc_nv', [{ line_id: '2', variant_id: 'var_bank', quantity: 1 }]],
    ]);
    const [first, second] = result.shipments;
    // NJ: 2.9 kg, $139 → USPS Ground Advantage (over $50) and UPS Ground (over $75) are both free;
    // at equal price and latest date the faster speed wins. The hazmat power bank from NV has no air.
    expect(first!.rating).toMatchObject({
      weight_grams: 2900,
      value: usd(13900),
      default_service_id: 'ups_ground',
    });
    expect(first!.rating.options.slice(0, 2).map((o) => [o.service_id, o.price.amount])).toEqual([
      ['ups_ground', 0],
      ['usps_ground_advantage', 0],
    ]);
    expect(second!.rating.options.every((o) => o.mode === 'ground')).toBe(true);
    expect(second!.rating.unavailable.map((u) => u.reason)).toEqual([
      'hazmat_air_excluded',
      'hazmat_air_excluded',
    ]);
    expect(result.default_total).toEqual(usd(0 + 495));
  });

  it('given two US locations that could each ship everything when quoted then the cheaper-rated one is chosen', () => {
    const stock = ['var_tee', 'var_pan'].flatMap((v) => [
      { variant_id: v, location_id: 'loc_nj', available: 5 },
      { variant_id: v, location_id: 'loc_nv', available: 5 },
    ]);
    const one = quote({ lines: lines.slice(0, 2), stock });
    expect(one.shipments.map((s) => s.location_id)).toEqual(['loc_nj']);
    const preferred = quote({ lines: lines.slice(0, 2), stock, preferred_location_id: 'loc_nv' });
    expect(preferred.shipments.map((s) => s.location_id)).toEqual(['loc_nv']);
  });

  it('given the Toronto warehouse and a UK address when quoted then Toronto is not considered (no service leaves it for the UK)', () => {
    const result = quote({
      lines: [lines[0]!],
      stock: [{ variant_id: 'var_tee', location_id: 'loc_to', available: 9 }],
      destination: { country: 'GB', postal_code: 'SW1A 1AA' },
    });
    expect(result.shipments).toEqual([]);
    expect(result.unservable).toEqual([
      expect.objectContaining({ line_id: '0', requested: 2, available: 0 }),
    ]);
    expect(result.default_total).toBeNull();
  });

  it('given a profile without a zone for the destination when quoted then every line is destination_not_served', () => {
    const edited = parseShippingProfile({
      ...DEFAULT_SHIPPING_PROFILE,
      zones: DEFAULT_SHIPPING_PROFILE.zones.filter((z) => z.id !== 'rest_of_world'),
      services: DEFAULT_SHIPPING_PROFILE.services.map((s) => ({
        ...s,
        transit: s.transit.filter((t) => t.zone_id !== 'rest_of_world'),
      })),
      rates: DEFAULT_SHIPPING_PROFILE.rates.filter((r) => r.zone_id !== 'rest_of_world'),
    });
    const result = quoteShipping(
      edited,
      { lines: [lines[0]!], stock: [], locations, destination: { country: 'JP', postal_code: '100-0001' } },
      { now },
    );
    expect(result.unservable).toEqual([
      expect.objectContaining({ line_id: '0', reason: 'destination_not_served', requested: 2 }),
    ]);
  });

  it('given a profile location marked ships: false when quoted then its stock is not used', () => {
    const edited = parseShippingProfile({
      ...DEFAULT_SHIPPING_PROFILE,
      locations: [{ location_id: 'loc_nj', ships: false }],
    });
    const result = quoteShipping(
      edited,
      {
        lines: [lines[0]!],
        stock: [
          { variant_id: 'var_tee', location_id: 'loc_nj', available: 9 },
          { variant_id: 'var_tee', location_id: 'loc_nv', available: 9 },
        ],
        locations,
        destination: texas,
      },
      { now },
    );
    expect(result.shipments.map((s) => s.location_id)).toEqual(['loc_nv']);
  });

  it('given a request with duplicate stock rows and a bad country when quoted then a validation error names them', () => {
    try {
      quote({
        stock: [
          { variant_id: 'a', location_id: 'loc_nj', available: 1 },
          { variant_id: 'a', location_id: 'loc_nj', available: 2 },
        ],
        destination: { country: 'usa' },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConcordError);
      expect((error as ConcordError).issues.map((i) => i.field).sort()).toEqual([
        'destination.country',
        'stock[1]',
      ]);
    }
  });

  it('given model locations when converted then only active online locations become candidates with their origin', () => {
    const base = {
      system: 'shopify',
      external_id: '1',
      updated_at: '2026-01-01T00:00:00Z',
      kind: 'warehouse' as const,
    };
    const models: Location[] = [
      {
        ...base,
        id: 'loc_a',
        name: 'A',
        active: true,
        fulfills_online_orders: true,
        address: { city: 'Sparks', region: 'NV', country: 'US' },
      },
      { ...base, id: 'loc_b', name: 'B', active: true, fulfills_online_orders: false, address: null },
      { ...base, id: 'loc_c', name: 'C', active: false, fulfills_online_orders: true, address: null },
      { ...base, id: 'loc_d', name: 'D', active: true, fulfills_online_orders: true, address: null },
    ];
    expect(candidateLocations(models)).toEqual([
      { id: 'loc_a', origin: { country: 'US', region: 'NV' } },
      { id: 'loc_d', origin: null },
    ]);
  });
});
