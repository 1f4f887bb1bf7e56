import { describe, expect, it } from 'vitest';
import { calculateTax } from './calculate.js';
import type { TaxCategory } from './categories.js';
import { line, order } from './testing.js';

// Expected taxes are worked out by hand from the state's published rate (see rates/us.ts for the
// sources): amount × rate, rounded to the nearest cent, halves up.
interface Row {
  state: string;
  category: TaxCategory;
  cents: number;
  rate: string;
  tax: number;
  why: string;
}

const rows: Row[] = [
  { state: 'CA', category: 'standard', cents: 1999, rate: '7.25', tax: 145, why: '19.99 × 7.25% = 1.449275' },
  { state: 'TX', category: 'standard', cents: 1999, rate: '6.25', tax: 125, why: '19.99 × 6.25% = 1.249375' },
  {
    state: 'LA',
    category: 'standard',
    cents: 1999,
    rate: '5',
    tax: 100,
    why: '19.99 × 5% = 0.9995 (5% since 2025-01-01)',
  },
  {
    state: 'MO',
    category: 'standard',
    cents: 10000,
    rate: '4.225',
    tax: 423,
    why: '100.00 × 4.225% = 4.225, half up',
  },
  { state: 'NJ', category: 'standard', cents: 1000, rate: '6.625', tax: 66, why: '10.00 × 6.625% = 0.6625' },
  { state: 'CO', category: 'standard', cents: 9999, rate: '2.9', tax: 290, why: '99.99 × 2.9% = 2.89971' },
  {
    state: 'MN',
    category: 'standard',
    cents: 2500,
    rate: '6.875',
    tax: 172,
    why: '25.00 × 6.875% = 1.71875',
  },
  {
    state: 'DC',
    category: 'standard',
    cents: 1000,
    rate: '7',
    tax: 70,
    why: '10.00 × 7% (scheduled from 2026-10-01)',
  },
  { state: 'NM', category: 'standard', cents: 1000, rate: '4.875', tax: 49, why: '10.00 × 4.875% = 0.4875' },
  {
    state: 'SD',
    category: 'standard',
    cents: 1000,
    rate: '4.2',
    tax: 42,
    why: '10.00 × 4.2% (temporary rate)',
  },
  {
    state: 'UT',
    category: 'standard',
    cents: 1000,
    rate: '6.1',
    tax: 61,
    why: '10.00 × 6.10% incl. uniform local 1.25%',
  },
  {
    state: 'VA',
    category: 'standard',
    cents: 1000,
    rate: '5.3',
    tax: 53,
    why: '10.00 × 5.30% incl. uniform local 1%',
  },
  { state: 'PA', category: 'clothing', cents: 5000, rate: '0', tax: 0, why: 'clothing exempt in PA' },
  {
    state: 'MN',
    category: 'children_clothing',
    cents: 5000,
    rate: '0',
    tax: 0,
    why: "children's clothing falls back to MN clothing exemption",
  },
  { state: 'NJ', category: 'clothing', cents: 5000, rate: '0', tax: 0, why: 'clothing exempt in NJ' },
  { state: 'VT', category: 'clothing', cents: 5000, rate: '0', tax: 0, why: 'clothing exempt in VT' },
  {
    state: 'NY',
    category: 'clothing',
    cents: 10999,
    rate: '0',
    tax: 0,
    why: 'under $110 per item: exempt from the 4% state tax',
  },
  {
    state: 'NY',
    category: 'clothing',
    cents: 11000,
    rate: '4',
    tax: 440,
    why: '$110.00 is not below $110: 110.00 × 4%',
  },
  {
    state: 'CA',
    category: 'clothing',
    cents: 5000,
    rate: '7.25',
    tax: 363,
    why: 'clothing taxable in CA: 50.00 × 7.25% = 3.625',
  },
  { state: 'TX', category: 'food', cents: 5000, rate: '0', tax: 0, why: 'groceries exempt in TX' },
  { state: 'TN', category: 'food', cents: 2345, rate: '4', tax: 94, why: '23.45 × 4% = 0.938' },
  {
    state: 'AL',
    category: 'food',
    cents: 1234,
    rate: '2',
    tax: 25,
    why: '12.34 × 2% = 0.2468 (2% since 2025-09-01)',
  },
  { state: 'MS', category: 'food', cents: 1000, rate: '5', tax: 50, why: '10.00 × 5% (5% since 2025-07-01)' },
  { state: 'VA', category: 'food', cents: 12345, rate: '1', tax: 123, why: '123.45 × 1% = 1.2345' },
  { state: 'UT', category: 'food', cents: 1000, rate: '3', tax: 30, why: '10.00 × 3%' },
  {
    state: 'IL',
    category: 'food',
    cents: 1000,
    rate: '0',
    tax: 0,
    why: 'state 1% grocery rate repealed 2026-01-01',
  },
  { state: 'IL', category: 'medicine', cents: 4999, rate: '1', tax: 50, why: '49.99 × 1% = 0.4999' },
  { state: 'FL', category: 'medicine', cents: 4999, rate: '0', tax: 0, why: 'prescription drugs exempt' },
  { state: 'WA', category: 'books', cents: 2000, rate: '6.5', tax: 130, why: 'books taxable: 20.00 × 6.5%' },
];

describe('US state-level sales tax table', () => {
  it.each(rows)(
    'given a $$cents-cent $category line shipped to $state when taxed then $tax cents at $rate% ($why)',
    ({ state, category, cents, rate, tax }) => {
      const result = calculateTax(order('US', state, [line(cents, category)]));
      expect(result.status).toBe('calculated');
      expect(result.lines[0]!.jurisdictions).toEqual([
        expect.objectContaining({ code: `US-${state}`, kind: 'state', rate, tax, sourcing: 'destination' }),
      ]);
      expect(result.totals).toEqual({ net: cents, tax, gross: cents + tax });
    },
  );

  it('given clothing over the Massachusetts $175 threshold when taxed then only the excess is taxed', () => {
    // 200.00 − 175.00 = 25.00 taxable; 25.00 × 6.25% = 1.5625 → 1.56
    const result = calculateTax(order('US', 'MA', [line(20000, 'clothing')]));
    expect(result.lines[0]!.jurisdictions[0]).toMatchObject({ rate: '6.25', taxable_amount: 2500, tax: 156 });
  });

  it('given two discounted coats in Rhode Island when taxed then the excess over $250 per unit is taxed', () => {
    // 2 × 300.00 = 600.00; exempt 2 × 250.00 = 500.00; 100.00 × 7% = 7.00
    const result = calculateTax(order('US', 'RI', [line(30000, 'clothing', { quantity: 2 })]));
    expect(result.lines[0]).toMatchObject({ amount: 60000, tax: 700 });
    expect(result.lines[0]!.jurisdictions[0]).toMatchObject({ taxable_amount: 10000 });
  });

  it('given a Texas seller shipping within Texas when taxed then the sale is origin-sourced', () => {
    const input = order('US', 'TX', [line(1999)], {
      origin: { country: 'US', region: 'TX', postal_code: '78701' },
    });
    const result = calculateTax(input);
    expect(result.lines[0]!.jurisdictions[0]).toMatchObject({ rate: '6.25', tax: 125, sourcing: 'origin' });
    expect(result.notes.some((n) => n.includes('origin-based'))).toBe(true);
  });

  it('given a Texas seller shipping to California when taxed then the sale is destination-sourced', () => {
    const input = order('US', 'CA', [line(1999)], { origin: { country: 'US', region: 'TX' } });
    expect(calculateTax(input).lines[0]!.jurisdictions[0]).toMatchObject({
      code: 'US-CA',
      sourcing: 'destination',
    });
  });

  it('given a New York seller shipping within New York when taxed then it stays destination-sourced', () => {
    const input = order('US', 'NY', [line(1000)], { origin: { country: 'US', region: 'NY' } });
    expect(calculateTax(input).lines[0]!.jurisdictions[0]).toMatchObject({
      sourcing: 'destination',
      tax: 40,
    });
  });

  it('given shipping to Washington, which taxes delivery, when taxed then shipping bears 6.5%', () => {
    // item 100.00 × 6.5% = 6.50; shipping 10.00 × 6.5% = 0.65
    const result = calculateTax(order('US', 'WA', [line(10000)], { shipping: { amount: 1000 } }));
    expect(result.shipping).toMatchObject({ amount: 1000, tax: 65, gross: 1065 });
    expect(result.totals).toEqual({ net: 11000, tax: 715, gross: 11715 });
  });

  it('given shipping to California, which exempts separately stated delivery, when taxed then shipping is untaxed', () => {
    const result = calculateTax(order('US', 'CA', [line(10000)], { shipping: { amount: 1000 } }));
    expect(result.shipping).toMatchObject({ tax: 0, net: 1000, gross: 1000 });
    expect(result.shipping!.jurisdictions).toEqual([expect.objectContaining({ code: 'US-CA', rate: '0' })]);
    expect(result.totals.tax).toBe(725);
  });

  it('given groceries and a taxable item sharing shipping in Texas when taxed then shipping follows each item', () => {
    // shipping 4.00 split 3:1 → 3.00 with the 30.00 item (× 6.25% = 0.1875 → 0.19), 1.00 with food (0)
    // item 30.00 × 6.25% = 1.875 → 1.88
    const result = calculateTax(
      order('US', 'TX', [line(3000), line(1000, 'food')], { shipping: { amount: 400 } }),
    );
    expect(result.lines.map((l) => l.tax)).toEqual([188, 0]);
    expect(result.shipping!.tax).toBe(19);
    expect(result.totals.tax).toBe(207);
  });

  it.each(['AK', 'DE', 'MT', 'NH', 'OR'])(
    'given an order to %s, which has no statewide sales tax, when taxed then no tax with reason no_sales_tax',
    (state) => {
      const result = calculateTax(order('US', state, [line(5000)], { shipping: { amount: 500 } }));
      expect(result).toMatchObject({
        status: 'no_tax',
        reason: 'no_sales_tax',
        totals: { net: 5500, tax: 0, gross: 5500 },
      });
    },
  );

  it('given any US result when taxed then it says local taxes are not included', () => {
    expect(calculateTax(order('US', 'GA', [line(1000)])).notes[0]).toMatch(/state-level rate only/);
  });

  it('given DC, whose 7% rate is not yet confirmed by a notice, when taxed then a note flags it', () => {
    expect(calculateTax(order('US', 'DC', [line(1000)])).notes.some((n) => n.startsWith('US-DC 7%'))).toBe(
      true,
    );
  });
});
