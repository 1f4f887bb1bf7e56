import { describe, expect, it } from 'vitest';
import { EU_MEMBER_STATES, US_STATES } from './codes.js';
import { RateRule, TaxTableSchema } from './rates/schema.js';
import { TAX_TABLE, TAX_TABLE_AS_OF, TAX_TABLE_VERSION, rulesOf } from './rates/table.js';

const allEntries = [
  ...Object.values(TAX_TABLE.us),
  ...Object.values(TAX_TABLE.eu),
  TAX_TABLE.gb,
  TAX_TABLE.ca_gst,
  ...Object.values(TAX_TABLE.ca_hst),
  ...Object.values(TAX_TABLE.ca_provincial),
];

describe('built-in rate table', () => {
  it('given the table when loaded then it covers all 50 states and DC, all 27 EU members, GB and 13 Canadian taxes', () => {
    expect(Object.keys(TAX_TABLE.us).sort()).toEqual(Object.keys(US_STATES).sort());
    expect(Object.keys(TAX_TABLE.us)).toHaveLength(51);
    expect(Object.keys(TAX_TABLE.eu).sort()).toEqual(Object.keys(EU_MEMBER_STATES).sort());
    expect(Object.keys(TAX_TABLE.eu)).toHaveLength(27);
    expect(Object.keys(TAX_TABLE.ca_hst).sort()).toEqual(['NB', 'NL', 'NS', 'ON', 'PE']);
    expect(Object.keys(TAX_TABLE.ca_provincial).sort()).toEqual(['BC', 'MB', 'QC', 'SK']);
  });

  it('given the table when loaded then it exposes its version and as-of date', () => {
    expect(TAX_TABLE).toMatchObject({ version: TAX_TABLE_VERSION, as_of: TAX_TABLE_AS_OF });
  });

  it('given every rule in the table when inspected then each names a source and a date not after the as-of date', () => {
    const rules = allEntries.flatMap(rulesOf);
    expect(rules.length).toBeGreaterThan(150);
    for (const rule of rules) {
      expect(RateRule.safeParse(rule).success).toBe(true);
      expect(rule.source.length).toBeGreaterThan(10);
      expect(rule.effective_from <= TAX_TABLE_AS_OF).toBe(true);
    }
  });

  it('given the US table when inspected then exactly AK, DE, MT, NH and OR have no sales tax', () => {
    const none = Object.entries(TAX_TABLE.us)
      .filter(([, e]) => e.no_sales_tax)
      .map(([code]) => code);
    expect(none.sort()).toEqual(['AK', 'DE', 'MT', 'NH', 'OR']);
  });

  it('given the US table when inspected then the origin-sourced states are the published list', () => {
    const origin = Object.entries(TAX_TABLE.us)
      .filter(([, e]) => e.sourcing === 'origin')
      .map(([code]) => code);
    expect(origin.sort()).toEqual(['AZ', 'CA', 'IL', 'MO', 'MS', 'OH', 'PA', 'TN', 'TX', 'UT', 'VA']);
  });

  it('given the US table when inspected then every taxing state has a shipping rule and groceries are exempt in most', () => {
    const taxing = Object.values(TAX_TABLE.us).filter((e) => !e.no_sales_tax);
    expect(taxing).toHaveLength(46);
    const shippingTaxable = taxing.filter((e) => e.shipping === 'taxable').length;
    expect(shippingTaxable).toBe(27);
    const groceriesTaxed = taxing
      .filter((e) => (e.categories.food?.rate ?? e.standard.rate) > 0)
      .map((e) => e.code);
    expect(groceriesTaxed.sort()).toEqual([
      'US-AL',
      'US-HI',
      'US-ID',
      'US-MO',
      'US-MS',
      'US-SD',
      'US-TN',
      'US-UT',
      'US-VA',
    ]);
  });

  it('given a table with a tax_excess threshold outside a US state when validated then it is rejected', () => {
    const broken = structuredClone(TAX_TABLE);
    broken.gb.categories.clothing = {
      rate: 20,
      effective_from: '2026-01-01',
      source: 'test fixture source',
      threshold: { currency: 'USD', amount: 100, mode: 'tax_excess' },
    };
    expect(TaxTableSchema.safeParse(broken).success).toBe(false);
  });

  it('given a rule with a rate that is not exact in parts per million when validated then it is rejected', () => {
    expect(
      RateRule.safeParse({ rate: 7.123456, effective_from: '2026-01-01', source: 'fixture source' }).success,
    ).toBe(false);
  });
});
