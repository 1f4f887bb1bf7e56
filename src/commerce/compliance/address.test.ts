import { describe, expect, it } from 'vitest';
import { isPoBox, validateAddress } from './address.js';
import type { ShipTo } from './input.js';

const base = { line1: '1 Main St', city: 'Town' };
const codes = (a: ShipTo) => validateAddress(a).map((p) => `${p.code}@${p.field}`);

describe('validateAddress', () => {
  it.each([
    ['US', '94103', 'CA'],
    ['US', '94103-1234', 'NY'],
    ['CA', 'M4P 1G8', 'ON'],
    ['CA', 'k1a0b1', 'QC'],
    ['GB', 'SW1A 1AA', undefined],
    ['GB', 'EC1A1BB', undefined],
    ['DE', '10115', undefined],
    ['FR', '75001', undefined],
    ['NL', '1012 AB', undefined],
    ['AU', '2000', 'NSW'],
    ['JP', '100-0001', 'Tokyo'],
    ['BR', '01310-100', undefined],
  ])(
    'given a valid %s postcode %s when validated then there is no problem',
    (country, postal_code, region) => {
      expect(codes({ ...base, country, postal_code, ...(region ? { region } : {}) })).toEqual([]);
    },
  );

  it.each([
    ['US', '9410', 'CA'],
    ['CA', 'D4P 1G8', 'ON'],
    ['GB', '12345', undefined],
    ['DE', '1011', undefined],
    ['FR', '7500A', undefined],
    ['NL', '1012 SS', undefined],
    ['AU', '20000', 'VIC'],
    ['JP', '1000-001', 'Tokyo'],
    ['BR', '!!', undefined],
  ])(
    'given an invalid %s postcode %s when validated then invalid_postcode names ship_to.postal_code',
    (country, postal_code, region) => {
      const problems = validateAddress({ ...base, country, postal_code, ...(region ? { region } : {}) });
      expect(problems.map((p) => `${p.code}@${p.field}`)).toEqual(['invalid_postcode@ship_to.postal_code']);
      expect(problems[0]!.message).toMatch(/for example/);
    },
  );

  it('given a US address without region and postcode when validated then both are missing, in field order', () => {
    expect(codes({ ...base, country: 'US' })).toEqual([
      'missing_field@ship_to.region',
      'missing_field@ship_to.postal_code',
    ]);
  });

  it('given a German address without street and city when validated then line1, city and postcode are missing', () => {
    expect(codes({ country: 'DE' })).toEqual([
      'missing_field@ship_to.line1',
      'missing_field@ship_to.city',
      'missing_field@ship_to.postal_code',
    ]);
  });

  it('given a country without a listed format and no postcode when validated then only street and city are required', () => {
    expect(codes({ ...base, country: 'AE' })).toEqual([]);
  });

  it('given US state "XX", "us-tx" and Canadian "PQ" when validated then only the unknown codes are invalid_region', () => {
    expect(codes({ ...base, country: 'US', region: 'XX', postal_code: '10001' })).toEqual([
      'invalid_region@ship_to.region',
    ]);
    expect(codes({ ...base, country: 'US', region: 'us-tx', postal_code: '78701' })).toEqual([]);
    expect(codes({ ...base, country: 'CA', region: 'PQ', postal_code: 'H2X 1Y4' })).toEqual([
      'invalid_region@ship_to.region',
    ]);
  });

  it('given a country that is not an ISO code when validated then invalid_country is the only problem', () => {
    expect(codes({ ...base, country: 'USA' })).toEqual(['invalid_country@ship_to.country']);
  });

  it.each([
    'PO Box 12',
    'P.O. Box 7',
    'p o box 1',
    'GPO Box 123',
    'Postfach 10 01',
    'BP 45',
    'Postbus 100',
    'Locked Bag 5',
  ])('given the street line "%s" when checked then it is a PO box', (line1) => {
    expect(isPoBox({ line1 })).toBe(true);
  });

  it.each(['1 Box Hill Rd', 'Pobrook Lane 3', '12 Post Office Sq', 'Boxwood Ave'])(
    'given the street line "%s" when checked then it is not a PO box',
    (line1) => {
      expect(isPoBox({ line1 })).toBe(false);
    },
  );

  it('given a PO box and a courier and a postal service when validated then only the courier is flagged', () => {
    const problems = validateAddress(
      {
        line1: 'Acme Inc',
        line2: 'PO Box 12',
        city: 'Austin',
        region: 'TX',
        postal_code: '78701',
        country: 'US',
      },
      {
        services: [
          { id: 'ups_ground', delivers_to_po_box: false },
          { id: 'usps_ground_advantage', delivers_to_po_box: true },
        ],
      },
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'po_box_not_deliverable',
        field: 'ship_to.line2',
        service_id: 'ups_ground',
      }),
    ]);
  });

  it('given a custom field prefix when validated then paths use it', () => {
    expect(validateAddress({ country: 'FR', ...base }, { fieldPrefix: 'quote.ship_to' })[0]!.field).toBe(
      'quote.ship_to.postal_code',
    );
  });
});
