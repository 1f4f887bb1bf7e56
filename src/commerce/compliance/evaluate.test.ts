import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { DEFAULT_COMPLIANCE_RULES } from './default-rules.js';
import { checkCompliance } from './index.js';
import type { ComplianceInputRaw, ComplianceSubjectInput } from './input.js';
import { parseRuleSet } from './rules.js';

const rules = parseRuleSet(DEFAULT_COMPLIANCE_RULES);
const now = new Date('2026-03-02T15:00:00Z');

function line(over: Partial<ComplianceSubjectInput> = {}, constraints = {}): ComplianceSubjectInput {
  return {
    sku: 'TEE-M',
    categories: ['Apparel'],
    ...over,
    constraints: {
      hazmat: false,
      min_age: null,
      requires_shipping: true,
      ships_to_countries: null,
      excluded_countries: [],
      ...constraints,
    },
  };
}

const wine = (constraints = {}) =>
  line({ sku: 'WINE-750', categories: ['Wine'], tags: ['age-restricted'] }, constraints);
const austin = { line1: '1 Congress Ave', city: 'Austin', region: 'TX', postal_code: '78701', country: 'US' };
const portland = { line1: '1 Main St', city: 'Portland', region: 'OR', postal_code: '97204', country: 'US' };
const adult = { birth_date: '1980-05-01', age_verified: true };
const ground = { id: 'ups_ground', mode: 'ground' as const };
const air = { id: 'ups_next_day_air', mode: 'air' as const };

function check(req: Partial<ComplianceInputRaw>) {
  return checkCompliance({ lines: [line()], ship_to: austin, ...req }, rules, { now });
}
const codes = (r: ReturnType<typeof check>, i = 0) => r.lines[i]!.reasons.map((x) => x.code);

describe('evaluateCompliance with the default rules', () => {
  it('given an ordinary item to a valid US address when checked then it is allowed with no reasons', () => {
    const result = check({ services: [ground, air] });
    expect(result.verdict).toBe('allowed');
    expect(result.lines[0]!.reasons).toEqual([]);
    expect(result.lines[0]!.services.map((s) => s.verdict)).toEqual(['allowed', 'allowed']);
    expect(result.usable_service_ids).toEqual(['ups_ground', 'ups_next_day_air']);
    expect(result.address).toEqual({ valid: true, problems: [] });
  });

  it('given a destination in Cuba when checked then every line is refused as embargoed_destination', () => {
    const result = check({
      lines: [line(), line({ sku: 'MUG' })],
      ship_to: { line1: 'Calle 23', city: 'La Habana', country: 'CU' },
    });
    expect(result.verdict).toBe('refused');
    for (const l of result.lines) {
      expect(l.reasons).toEqual([
        expect.objectContaining({
          code: 'embargoed_destination',
          effect: 'refused',
          rule_id: 'ofac_comprehensive',
          field: 'ship_to.country',
        }),
      ]);
      expect(l.reasons[0]!.message).toContain('Cuba');
    }
  });

  it('given a Ukrainian address in Crimea by postcode only when checked then it is refused by the Crimea rule', () => {
    const result = check({
      ship_to: { line1: 'vul. Pushkina 1', city: 'Simferopol', postal_code: '95000', country: 'UA' },
    });
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({
        code: 'embargoed_destination',
        rule_id: 'ofac_crimea',
        field: 'ship_to.region',
      }),
    ]);
    expect(result.lines[0]!.reasons[0]!.message).toContain('Crimea (Ukraine)');
  });

  it('given an address in the Donetsk oblast when checked then it is restricted for manual review, not refused', () => {
    const result = check({
      ship_to: { line1: 'pr. Myru 1', city: 'Kramatorsk', region: 'UA-14', country: 'UA' },
    });
    expect(result.verdict).toBe('restricted');
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({
        code: 'embargoed_destination',
        effect: 'restricted',
        rule_id: 'ofac_dnr_lnr',
      }),
    ]);
  });

  it('given wine to Texas (not a retailer-shipping state) when checked then it is refused as alcohol_prohibited_destination', () => {
    const result = check({ lines: [wine()], customer: adult });
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({
        code: 'alcohol_prohibited_destination',
        effect: 'refused',
        rule_id: 'alcohol_us_retailer_dtc',
        field: 'ship_to.region',
      }),
    ]);
  });

  it('given wine to Oregon and a verified adult when checked then it is allowed', () => {
    const result = check({ lines: [wine()], ship_to: portland, customer: adult });
    expect(result.lines[0]!.verdict).toBe('allowed');
  });

  it('given wine to Saudi Arabia when checked then it is refused by the country rule', () => {
    const result = check({
      lines: [wine()],
      ship_to: { line1: 'King Fahd Rd', city: 'Riyadh', postal_code: '12211', country: 'SA' },
      customer: adult,
    });
    expect(codes(result)).toEqual(['alcohol_prohibited_destination']);
    expect(result.lines[0]!.reasons[0]!.rule_id).toBe('alcohol_no_import_countries');
    expect(result.lines[0]!.reasons[0]!.field).toBe('ship_to.country');
  });

  it('given spirits to Oregon when checked then the inferred spirits list refuses it though wine would pass', () => {
    const spirits = line({ sku: 'GIN-700', categories: ['spirits'] });
    const result = check({ lines: [spirits, wine()], ship_to: portland, customer: adult });
    expect(result.lines[0]!.reasons.map((r) => r.rule_id)).toEqual(['spirits_us_retailer_dtc']);
    expect(result.lines[1]!.verdict).toBe('allowed');
  });

  it('given wine and no customer age when checked then the verdict says age verification is required', () => {
    const result = check({ lines: [wine()], ship_to: portland });
    expect(result.lines[0]!.verdict).toBe('restricted');
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({
        code: 'age_verification_required',
        effect: 'restricted',
        field: 'customer.birth_date',
        rule_id: 'alcohol_min_age',
      }),
    ]);
    expect(result.lines[0]!.reasons[0]!.message).toContain('21');
  });

  it('given a declared but unverified adult age for wine when checked then verification is still required', () => {
    const result = check({ lines: [wine()], ship_to: portland, customer: { birth_date: '1980-05-01' } });
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({ code: 'age_verification_required', field: 'customer.age_verified' }),
    ]);
  });

  it('given a customer one day short of 21 when buying wine in the US then it is refused as below_minimum_age', () => {
    const result = check({
      lines: [wine()],
      ship_to: portland,
      customer: { birth_date: '2005-03-03', age_verified: true },
    });
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({ code: 'below_minimum_age', effect: 'refused', field: 'customer.birth_date' }),
    ]);
  });

  it('given a 19-year-old buying wine in Germany when checked then the 18 floor applies and it is allowed', () => {
    const result = check({
      lines: [wine()],
      ship_to: { line1: 'Unter den Linden 1', city: 'Berlin', postal_code: '10117', country: 'DE' },
      customer: { birth_date: '2006-06-01', age_verified: true },
    });
    expect(result.lines[0]!.verdict).toBe('allowed');
  });

  it('given a knife with variant min_age 18 and a declared adult when checked then the variant rule asks for verification', () => {
    const knife = line({ sku: 'KNIFE', categories: ['Kitchen'] }, { min_age: 18 });
    const result = check({ lines: [knife], customer: { birth_date: '1990-01-01' } });
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({ code: 'age_verification_required', rule_id: 'variant.min_age' }),
    ]);
  });

  it('given a hazmat item with ground and air services when checked then air is refused, ground allowed, line restricted', () => {
    const battery = line({ sku: 'BATT' }, { hazmat: true });
    const result = check({ lines: [battery, line()], services: [ground, air] });
    const l = result.lines[0]!;
    expect(l.verdict).toBe('restricted');
    expect(l.services).toEqual([
      { service_id: 'ups_ground', mode: 'ground', verdict: 'allowed', codes: [] },
      { service_id: 'ups_next_day_air', mode: 'air', verdict: 'refused', codes: ['hazmat_air_excluded'] },
    ]);
    expect(l.reasons).toEqual([
      expect.objectContaining({
        code: 'hazmat_air_excluded',
        effect: 'restricted',
        service_ids: ['ups_next_day_air'],
        message: 'Choose a ground service: this item is hazardous and cannot travel by air.',
      }),
    ]);
    expect(result.usable_service_ids).toEqual(['ups_ground']);
  });

  it('given a hazmat item and only air services when checked then the line is refused', () => {
    const result = check({ lines: [line({}, { hazmat: true })], services: [air] });
    expect(result.lines[0]!.verdict).toBe('refused');
    expect(result.usable_service_ids).toEqual([]);
  });

  it('given a hazmat item that does not require shipping when checked then no mode rule applies', () => {
    const result = check({ lines: [line({}, { hazmat: true, requires_shipping: false })], services: [air] });
    expect(result.lines[0]!.verdict).toBe('allowed');
  });

  it('given ships_to_countries [US, CA] and a UK address when checked then it is refused as ships_to_countries', () => {
    const result = check({
      lines: [line({}, { ships_to_countries: ['US', 'CA'] })],
      ship_to: { line1: '10 Downing St', city: 'London', postal_code: 'SW1A 2AA', country: 'GB' },
    });
    expect(result.lines[0]!.reasons).toEqual([
      expect.objectContaining({ code: 'ships_to_countries', rule_id: 'variant.ships_to_countries' }),
    ]);
    expect(result.lines[0]!.reasons[0]!.message).toContain('United States or Canada');
  });

  it('given excluded_countries [AU] and an Australian address when checked then it is refused as excluded_country', () => {
    const result = check({
      lines: [line({}, { excluded_countries: ['AU'] })],
      ship_to: { line1: '1 George St', city: 'Sydney', region: 'NSW', postal_code: '2000', country: 'AU' },
    });
    expect(codes(result)).toEqual(['excluded_country']);
  });

  it('given a line refused for its destination when services are summarised then only the shippable lines limit them', () => {
    const result = check({ lines: [wine(), line()], customer: adult, services: [ground, air] });
    expect(result.lines.map((l) => l.verdict)).toEqual(['refused', 'allowed']);
    expect(result.usable_service_ids).toEqual(['ups_ground', 'ups_next_day_air']);
  });

  it('given a PO box and a courier when checked then the address stays valid but the courier is not usable', () => {
    const result = check({
      ship_to: { ...austin, line1: 'PO Box 99' },
      services: [ground, { id: 'usps', mode: 'ground', delivers_to_po_box: true }],
    });
    expect(result.address.valid).toBe(true);
    expect(result.address.problems.map((p) => [p.code, p.service_id])).toEqual([
      ['po_box_not_deliverable', 'ups_ground'],
    ]);
    expect(result.usable_service_ids).toEqual(['usps']);
  });

  it('given the same request twice when checked then the answers are identical', () => {
    const req = { lines: [wine(), line({}, { hazmat: true })], services: [ground, air] };
    expect(check(req)).toEqual(check(req));
  });

  it('given a malformed request when checked then a validation error names the field', () => {
    const run = () => check({ lines: [{ sku: 'X' } as ComplianceSubjectInput] });
    expect(run).toThrow(ConcordError);
    try {
      run();
    } catch (error) {
      expect((error as ConcordError).issues.map((i) => i.field)).toContain('lines[0].constraints');
    }
  });
});
