import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { DEFAULT_SHIPPING_PROFILE } from './default-profile.js';
import { parseShippingProfile, parseShippingProfileText, type ShippingProfileInput } from './profile.js';

function fields(edit: (p: ShippingProfileInput) => void): string[] {
  const copy = structuredClone(DEFAULT_SHIPPING_PROFILE);
  edit(copy);
  try {
    parseShippingProfile(copy);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConcordError);
    expect((error as ConcordError).code).toBe('shipping_profile_invalid');
    return (error as ConcordError).issues.map((i) => i.field).sort();
  }
}

describe('shipping profile', () => {
  it('given the sandbox profile when parsed then it is valid with defaults filled in', () => {
    const profile = parseShippingProfile(DEFAULT_SHIPPING_PROFILE);
    expect(profile.zones.map((z) => z.id)).toEqual([
      'us',
      'us_remote',
      'canada',
      'uk',
      'eu',
      'rest_of_world',
    ]);
    expect(profile.services.find((s) => s.id === 'ups_standard')?.cutoff_hour).toBe(15);
    expect(profile.services.find((s) => s.id === 'ups_ground')?.delivers_to_po_box).toBe(false);
  });

  it('given a rate for an unknown zone and service when parsed then both references are named', () => {
    expect(
      fields((p) => {
        p.rates.push({
          zone_id: 'mars',
          service_id: 'rocket',
          basis: 'value',
          brackets: [{ below: null, price: 0 }],
        });
      }),
    ).toEqual([
      `rates[${DEFAULT_SHIPPING_PROFILE.rates.length}].service_id`,
      `rates[${DEFAULT_SHIPPING_PROFILE.rates.length}].zone_id`,
    ]);
  });

  it('given duplicate zone ids, a transit to an unknown zone and min above max when parsed then each is named', () => {
    expect(
      fields((p) => {
        p.zones.push({ id: 'us', name: 'Again', countries: ['US'] });
        p.services[0]!.transit.push({ zone_id: 'nowhere', min_days: 5, max_days: 2 });
      }),
    ).toEqual(['services[0].transit[2].max_days', 'services[0].transit[2].zone_id', 'zones[6].id']);
  });

  it('given brackets that do not increase and an open bracket before the last when parsed then the brackets are named', () => {
    expect(
      fields((p) => {
        p.rates[0] = {
          zone_id: 'us',
          service_id: 'usps_ground_advantage',
          basis: 'value',
          brackets: [
            { below: null, price: 1 },
            { below: 100, price: 2 },
          ],
        };
        p.rates[1] = {
          zone_id: 'us_remote',
          service_id: 'usps_ground_advantage',
          basis: 'weight',
          weight_unit: 'lb',
          brackets: [
            { up_to: 5, price: 1 },
            { up_to: 2, price: 2 },
          ],
        };
      }),
    ).toEqual(['rates[0].brackets', 'rates[1].brackets']);
  });

  it('given a rate for a zone its service has no transit time for when parsed then the rate is named', () => {
    expect(
      fields((p) => {
        p.rates.push({
          zone_id: 'uk',
          service_id: 'ups_ground',
          basis: 'value',
          brackets: [{ below: null, price: 0 }],
        });
      }),
    ).toEqual([`rates[${DEFAULT_SHIPPING_PROFILE.rates.length}].zone_id`]);
  });

  it('given an unknown time zone, a bad weight unit and a bad cutoff when parsed then each is named', () => {
    expect(
      fields((p) => {
        p.location_defaults = { handling_days: 1, timezone: 'Mars/Olympus' };
        (p.rates[1] as { weight_unit: string }).weight_unit = 'stone';
        p.services[0]!.cutoff_hour = 25;
      }),
    ).toEqual(['location_defaults.timezone', 'rates[1].weight_unit', 'services[0].cutoff_hour']);
  });

  it('given a YAML profile when parsed then it is read and validated', () => {
    const profile = parseShippingProfileText(
      [
        'version: 1',
        'currency: EUR',
        'zones: [{ id: de, name: Germany, countries: [DE] }]',
        'services:',
        '  - { id: dhl_paket, carrier: dhl, service_code: V01PAK, name: DHL Paket, mode: ground, speed: standard,',
        '      transit: [{ zone_id: de, min_days: 1, max_days: 2 }] }',
        'rates:',
        '  - { zone_id: de, service_id: dhl_paket, basis: weight, weight_unit: kg, brackets: [{ up_to: 31.5, price: 549 }] }',
      ].join('\n'),
    );
    expect(profile.services[0]).toMatchObject({ cutoff_hour: 15, delivers_to_po_box: false });
    expect(() => parseShippingProfileText('zones: [')).toThrow(/not valid YAML/);
  });
});
