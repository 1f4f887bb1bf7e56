import { describe, expect, it } from 'vitest';
import { calculateTax } from './calculate.js';
import type { TaxCategory } from './categories.js';
import { line, order } from './testing.js';

// A German seller registered for the OSS ships to consumers in other member states: destination
// VAT. Expected figures are computed by hand from the member state's published rate (sources in
// rates/eu.ts), rounded to the cent, halves up.
interface Row {
  country: string;
  category: TaxCategory;
  cents: number;
  rate: string;
  tax: number;
  why: string;
}

const rows: Row[] = [
  { country: 'DE', category: 'standard', cents: 10000, rate: '19', tax: 1900, why: '100.00 × 19%' },
  { country: 'DE', category: 'books', cents: 2000, rate: '7', tax: 140, why: '20.00 × 7%' },
  {
    country: 'DE',
    category: 'medicine',
    cents: 2000,
    rate: '19',
    tax: 380,
    why: 'Germany taxes medicines at 19%',
  },
  { country: 'FR', category: 'books', cents: 1999, rate: '5.5', tax: 110, why: '19.99 × 5.5% = 1.09945' },
  {
    country: 'FR',
    category: 'medicine',
    cents: 1000,
    rate: '2.1',
    tax: 21,
    why: 'reimbursable medicines 2.1%',
  },
  { country: 'FR', category: 'clothing', cents: 5000, rate: '20', tax: 1000, why: 'clothing standard-rated' },
  {
    country: 'IE',
    category: 'children_clothing',
    cents: 3000,
    rate: '0',
    tax: 0,
    why: "children's clothing zero-rated",
  },
  { country: 'IE', category: 'standard', cents: 1000, rate: '23', tax: 230, why: '10.00 × 23%' },
  { country: 'LU', category: 'children_clothing', cents: 2000, rate: '3', tax: 60, why: '20.00 × 3%' },
  { country: 'LU', category: 'standard', cents: 2000, rate: '17', tax: 340, why: '20.00 × 17%' },
  { country: 'HU', category: 'standard', cents: 999, rate: '27', tax: 270, why: '9.99 × 27% = 2.6973' },
  { country: 'FI', category: 'standard', cents: 1000, rate: '25.5', tax: 255, why: '10.00 × 25.5%' },
  {
    country: 'FI',
    category: 'food',
    cents: 999,
    rate: '13.5',
    tax: 135,
    why: '9.99 × 13.5% = 1.34865 (13.5% from 2026)',
  },
  { country: 'RO', category: 'standard', cents: 1000, rate: '21', tax: 210, why: '21% from 2025-08-01' },
  { country: 'RO', category: 'food', cents: 1000, rate: '11', tax: 110, why: 'unified 11% reduced rate' },
  {
    country: 'SE',
    category: 'food',
    cents: 1234,
    rate: '6',
    tax: 74,
    why: '12.34 × 6% = 0.7404 (temporary from 2026-04-01)',
  },
  { country: 'CZ', category: 'books', cents: 1000, rate: '0', tax: 0, why: 'books zero-rated since 2024' },
  { country: 'CZ', category: 'food', cents: 1000, rate: '12', tax: 120, why: '10.00 × 12%' },
  { country: 'EE', category: 'standard', cents: 1000, rate: '24', tax: 240, why: '24% from 2025-07-01' },
  { country: 'SK', category: 'books', cents: 1000, rate: '5', tax: 50, why: '10.00 × 5%' },
  { country: 'SK', category: 'standard', cents: 1000, rate: '23', tax: 230, why: '23% from 2025-01-01' },
  { country: 'NL', category: 'food', cents: 1000, rate: '9', tax: 90, why: '10.00 × 9%' },
  { country: 'LT', category: 'books', cents: 1000, rate: '5', tax: 50, why: '5% from 2026-01-01' },
  { country: 'ES', category: 'food', cents: 1000, rate: '4', tax: 40, why: 'basic foods 4%' },
  { country: 'MT', category: 'food', cents: 1000, rate: '0', tax: 0, why: 'food zero-rated' },
];

describe('EU VAT table (destination principle under the OSS)', () => {
  it.each(rows)(
    'given a $cents-cent $category line shipped to $country when taxed then $tax cents at $rate% ($why)',
    ({ country, category, cents, rate, tax }) => {
      const result = calculateTax(order(country, undefined, [line(cents, category)]));
      expect(result.lines[0]!.jurisdictions).toEqual([
        expect.objectContaining({ code: country, kind: 'country', rate, tax, sourcing: 'destination' }),
      ]);
      expect(result.totals).toEqual({ net: cents, tax, gross: cents + tax });
    },
  );

  it('given a Danish price including 25% VAT when taxed then the VAT is a fifth of the gross', () => {
    // 125.00 gross / 1.25 = 100.00 net, 25.00 VAT
    const result = calculateTax(order('DK', undefined, [line(12500)], { prices_include_tax: true }));
    expect(result.lines[0]).toMatchObject({ amount: 12500, net: 10000, tax: 2500, gross: 12500 });
  });

  it('given an Italian staple food price including 4% VAT when taxed then 0.40 of 10.40 is VAT', () => {
    const result = calculateTax(order('IT', undefined, [line(1040, 'food')], { prices_include_tax: true }));
    expect(result.lines[0]).toMatchObject({ net: 1000, tax: 40 });
  });

  it('given shipping with standard-rated and book lines to Germany when taxed then shipping is apportioned', () => {
    // shipping 5.00 split 60:40 → 3.00 at 19% (0.57) and 2.00 at 7% (0.14)
    const result = calculateTax(
      order('DE', undefined, [line(6000), line(4000, 'books')], { shipping: { amount: 500 } }),
    );
    expect(result.shipping!.jurisdictions).toEqual([
      expect.objectContaining({ rate: '19', taxable_amount: 300, tax: 57 }),
      expect.objectContaining({ rate: '7', taxable_amount: 200, tax: 14 }),
    ]);
    expect(result.jurisdictions.map((j) => [j.rate, j.taxable_amount, j.tax])).toEqual([
      ['19', 6300, 1197],
      ['7', 4200, 294],
    ]);
  });

  it('given a German seller with only a German VAT number shipping to France when taxed then not registered', () => {
    const input = order('FR', undefined, [line(1000)], { registrations: { eu_countries: ['DE'] } });
    expect(calculateTax(input)).toMatchObject({
      status: 'no_tax',
      reason: 'not_registered',
      skipped: [{ code: 'FR', kind: 'country', reason: 'not_registered' }],
    });
  });

  it('given a French VAT number but no OSS when shipping to France then French VAT is charged', () => {
    const input = order('FR', undefined, [line(1000)], { registrations: { eu_countries: ['FR'] } });
    expect(calculateTax(input).totals.tax).toBe(200);
  });

  it('given a cross-border EU sale when taxed then a note says the distance-sales threshold is not applied', () => {
    expect(calculateTax(order('AT', undefined, [line(1000)])).notes[0]).toMatch(/€10,000/);
  });
});

describe('UK VAT', () => {
  it.each([
    { category: 'standard' as const, cents: 1999, tax: 400, why: '19.99 × 20% = 3.998' },
    { category: 'books' as const, cents: 1999, tax: 0, why: 'printed books zero-rated' },
    { category: 'food' as const, cents: 1999, tax: 0, why: 'most food zero-rated' },
    { category: 'children_clothing' as const, cents: 1999, tax: 0, why: "children's clothing zero-rated" },
    { category: 'clothing' as const, cents: 1999, tax: 400, why: 'adult clothing standard-rated' },
    { category: 'medicine' as const, cents: 1999, tax: 0, why: 'dispensed prescription medicine zero-rated' },
  ])('given a £$cents-pence $category line when taxed then $tax pence ($why)', ({ category, cents, tax }) => {
    const result = calculateTax(order('GB', undefined, [line(cents, category)]));
    expect(result.lines[0]!.jurisdictions[0]).toMatchObject({ code: 'GB', tax });
  });

  it('given a £19.99 price including VAT when taxed then VAT is 19.99 / 6 rounded: 3.33', () => {
    const result = calculateTax(order('GB', undefined, [line(1999)], { prices_include_tax: true }));
    expect(result.lines[0]).toMatchObject({ net: 1666, tax: 333, gross: 1999 });
  });

  it('given inclusive shipping with a standard and a zero-rated line when taxed then shipping VAT follows the goods', () => {
    // shipping 5.00 split 60:40 → 3.00 standard (3.00 / 6 = 0.50 VAT) and 2.00 zero-rated
    const result = calculateTax(
      order('GB', undefined, [line(6000), line(4000, 'books')], {
        prices_include_tax: true,
        shipping: { amount: 500 },
      }),
    );
    expect(result.lines.map((l) => l.tax)).toEqual([1000, 0]);
    expect(result.shipping).toMatchObject({ amount: 500, net: 450, tax: 50, gross: 500 });
    expect(result.totals).toEqual({ net: 9450, tax: 1050, gross: 10500 });
  });

  it('given a seller not registered for UK VAT when shipping to GB then no tax, reason not_registered', () => {
    const input = order('GB', undefined, [line(1000)], { registrations: {} });
    expect(calculateTax(input)).toMatchObject({ status: 'no_tax', reason: 'not_registered' });
  });
});
