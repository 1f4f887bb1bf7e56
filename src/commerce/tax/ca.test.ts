import { describe, expect, it } from 'vitest';
import { calculateTax } from './calculate.js';
import type { TaxCategory } from './categories.js';
import { line, order } from './testing.js';

// An Alberta seller registered for GST/HST and for BC, MB, SK and QC provincial taxes ships to
// each province (place of supply = destination province). Expected taxes are computed by hand
// from the published rates (sources in rates/gb-ca.ts), each tax rounded to the cent, halves up.
interface Row {
  province: string;
  category: TaxCategory;
  cents: number;
  taxes: [code: string, rate: string, tax: number][];
  why: string;
}

const rows: Row[] = [
  { province: 'ON', category: 'standard', cents: 1000, taxes: [['CA-ON', '13', 130]], why: 'HST 13%' },
  {
    province: 'ON',
    category: 'books',
    cents: 1000,
    taxes: [['CA-ON', '5', 50]],
    why: 'provincial 8% rebated on books',
  },
  {
    province: 'ON',
    category: 'children_clothing',
    cents: 1000,
    taxes: [['CA-ON', '5', 50]],
    why: "provincial part rebated on children's clothing",
  },
  {
    province: 'ON',
    category: 'food',
    cents: 1000,
    taxes: [['CA-ON', '0', 0]],
    why: 'basic groceries zero-rated',
  },
  {
    province: 'NS',
    category: 'standard',
    cents: 1999,
    taxes: [['CA-NS', '14', 280]],
    why: '19.99 × 14% = 2.7986 (14% since 2025-04-01)',
  },
  {
    province: 'NS',
    category: 'children_clothing',
    cents: 1999,
    taxes: [['CA-NS', '5', 100]],
    why: '19.99 × 5% = 0.9995',
  },
  {
    province: 'NB',
    category: 'standard',
    cents: 1999,
    taxes: [['CA-NB', '15', 300]],
    why: '19.99 × 15% = 2.9985',
  },
  {
    province: 'NB',
    category: 'children_clothing',
    cents: 1000,
    taxes: [['CA-NB', '15', 150]],
    why: 'no children’s clothing rebate in NB',
  },
  { province: 'NL', category: 'books', cents: 1000, taxes: [['CA-NL', '5', 50]], why: 'book rebate' },
  {
    province: 'PE',
    category: 'children_clothing',
    cents: 1000,
    taxes: [['CA-PE', '5', 50]],
    why: "children's clothing rebate",
  },
  { province: 'PE', category: 'standard', cents: 1000, taxes: [['CA-PE', '15', 150]], why: 'HST 15%' },
  {
    province: 'BC',
    category: 'standard',
    cents: 1999,
    taxes: [
      ['CA', '5', 100],
      ['CA-BC', '7', 140],
    ],
    why: 'GST 19.99 × 5% = 0.9995; PST 19.99 × 7% = 1.3993',
  },
  {
    province: 'BC',
    category: 'children_clothing',
    cents: 1000,
    taxes: [
      ['CA', '5', 50],
      ['CA-BC', '0', 0],
    ],
    why: 'PST-exempt',
  },
  {
    province: 'MB',
    category: 'standard',
    cents: 1000,
    taxes: [
      ['CA', '5', 50],
      ['CA-MB', '7', 70],
    ],
    why: 'GST + RST 7%',
  },
  {
    province: 'MB',
    category: 'children_clothing',
    cents: 15000,
    taxes: [
      ['CA', '5', 750],
      ['CA-MB', '0', 0],
    ],
    why: 'RST-exempt up to $150 an item',
  },
  {
    province: 'MB',
    category: 'children_clothing',
    cents: 15001,
    taxes: [
      ['CA', '5', 750],
      ['CA-MB', '7', 1050],
    ],
    why: 'over $150: 150.01 × 7% = 10.5007',
  },
  {
    province: 'SK',
    category: 'standard',
    cents: 1000,
    taxes: [
      ['CA', '5', 50],
      ['CA-SK', '6', 60],
    ],
    why: 'GST + PST 6%',
  },
  {
    province: 'SK',
    category: 'books',
    cents: 1000,
    taxes: [
      ['CA', '5', 50],
      ['CA-SK', '0', 0],
    ],
    why: 'books PST-exempt',
  },
  {
    province: 'QC',
    category: 'standard',
    cents: 1999,
    taxes: [
      ['CA', '5', 100],
      ['CA-QC', '9.975', 199],
    ],
    why: 'QST 19.99 × 9.975% = 1.99400',
  },
  {
    province: 'QC',
    category: 'books',
    cents: 1000,
    taxes: [
      ['CA', '5', 50],
      ['CA-QC', '0', 0],
    ],
    why: 'printed books QST zero-rated',
  },
  {
    province: 'QC',
    category: 'medicine',
    cents: 1000,
    taxes: [
      ['CA', '0', 0],
      ['CA-QC', '0', 0],
    ],
    why: 'prescription drugs zero-rated',
  },
  { province: 'AB', category: 'standard', cents: 1999, taxes: [['CA', '5', 100]], why: 'GST only' },
  { province: 'YT', category: 'standard', cents: 1000, taxes: [['CA', '5', 50]], why: 'GST only' },
];

describe('Canadian GST/HST, PST, RST and QST table', () => {
  it.each(rows)(
    'given a $cents-cent $category line shipped to $province when taxed then $why',
    ({ province, category, cents, taxes }) => {
      const result = calculateTax(order('CA', province, [line(cents, category)]));
      expect(result.lines[0]!.jurisdictions.map((j) => [j.code, j.rate, j.tax])).toEqual(taxes);
      const total = taxes.reduce((sum, [, , tax]) => sum + tax, 0);
      expect(result.totals).toEqual({ net: cents, tax: total, gross: cents + total });
    },
  );

  it('given a Quebec price of $10.00 including GST and QST when taxed then each tax is extracted and the net absorbs rounding', () => {
    // GST 10.00 × 5 / 114.975 = 0.43487 → 0.43; QST 10.00 × 9.975 / 114.975 = 0.86758 → 0.87; net 8.70
    const result = calculateTax(order('CA', 'QC', [line(1000)], { prices_include_tax: true }));
    expect(result.lines[0]!.jurisdictions.map((j) => [j.code, j.tax, j.taxable_amount])).toEqual([
      ['CA', 43, 870],
      ['CA-QC', 87, 870],
    ]);
    expect(result.lines[0]).toMatchObject({ net: 870, tax: 130, gross: 1000 });
  });

  it('given a GST registrant without a BC PST registration when shipping to BC then GST only and BC PST skipped', () => {
    const input = order('CA', 'BC', [line(1000)], { registrations: { ca_gst_hst: true } });
    const result = calculateTax(input);
    expect(result.status).toBe('calculated');
    expect(result.totals.tax).toBe(50);
    expect(result.skipped).toEqual([
      { code: 'CA-BC', name: 'British Columbia PST', kind: 'pst', reason: 'not_registered' },
    ]);
  });

  it('given only a QST registration when shipping to Quebec then QST is charged and GST skipped', () => {
    const input = order('CA', 'QC', [line(1000)], { registrations: { ca_provinces: ['QC'] } });
    const result = calculateTax(input);
    expect(result.lines[0]!.jurisdictions.map((j) => j.code)).toEqual(['CA-QC']);
    expect(result.skipped.map((s) => s.code)).toEqual(['CA']);
  });

  it('given no Canadian registration when shipping to Ontario then no tax, reason not_registered', () => {
    const result = calculateTax(order('CA', 'ON', [line(1000)], { registrations: {} }));
    expect(result).toMatchObject({
      status: 'no_tax',
      reason: 'not_registered',
      skipped: [{ code: 'CA-ON' }],
    });
  });

  it('given shipping to Ontario with a standard line and a book when taxed then shipping follows each line', () => {
    // shipping 10.00 split 50:50 → 5.00 at 13% (0.65) and 5.00 at the 5% book rate (0.25)
    const result = calculateTax(
      order('CA', 'ON', [line(2000), line(2000, 'books')], { shipping: { amount: 1000 } }),
    );
    expect(result.shipping!.tax).toBe(90);
    expect(result.totals.tax).toBe(260 + 100 + 90);
  });
});
