import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { calculateTax } from './calculate.js';
import { TAX_TABLE_VERSION } from './rates/table.js';
import { line, order } from './testing.js';

function refusal(run: () => unknown): ConcordError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConcordError) return error;
    throw error;
  }
  throw new Error('expected a ConcordError');
}

describe('calculateTax: pricing modes and rounding', () => {
  it('given the same $10.00 in Texas exclusive and inclusive when taxed then tax is added vs extracted', () => {
    const exclusive = calculateTax(order('US', 'TX', [line(1000)]));
    const inclusive = calculateTax(order('US', 'TX', [line(1000)], { prices_include_tax: true }));
    // 10.00 × 6.25% = 0.625 → 0.63 added; 10.00 × 6.25 / 106.25 = 0.5882 → 0.59 extracted
    expect(exclusive.totals).toEqual({ net: 1000, tax: 63, gross: 1063 });
    expect(inclusive.totals).toEqual({ net: 941, tax: 59, gross: 1000 });
    expect(inclusive.prices_include_tax).toBe(true);
  });

  it('given an exact half cent of tax when taxed then it rounds up', () => {
    // 0.10 × 5% = 0.005 → 0.01 (half up; half-even would give 0.00)
    expect(calculateTax(order('CA', 'AB', [line(10)])).totals.tax).toBe(1);
  });

  it('given just under a half cent when taxed then it rounds down', () => {
    // 0.09 × 5% = 0.0045 → 0.00
    expect(calculateTax(order('CA', 'AB', [line(9)])).totals.tax).toBe(0);
  });

  it('given two lines when taxed then each line is rounded on its own', () => {
    // each 0.10 × 5% = 0.005 → 0.01; the invoice total of 0.20 × 5% would be 0.01, per line it is 0.02
    expect(calculateTax(order('CA', 'AB', [line(10), line(10, 'clothing')])).totals.tax).toBe(2);
  });

  it('given a yen order (0 decimals) when taxed then tax is whole yen', () => {
    // ¥999 × 19% = ¥189.81 → ¥190
    const result = calculateTax(order('DE', undefined, [line(999)], { currency: 'JPY' }));
    expect(result).toMatchObject({ currency: 'JPY', totals: { net: 999, tax: 190, gross: 1189 } });
  });

  it('given a dinar order (3 decimals) when taxed then tax is in fils', () => {
    // 12.345 KWD × 20% = 2.469 KWD
    expect(calculateTax(order('GB', undefined, [line(12345)], { currency: 'KWD' })).totals.tax).toBe(2469);
  });

  it('given a line discount when taxed then tax is on the discounted amount', () => {
    // 3 × 10.00 − 5.00 = 25.00; × 6.25% = 1.5625 → 1.56
    const result = calculateTax(order('US', 'TX', [line(1000, 'standard', { quantity: 3, discount: 500 })]));
    expect(result.lines[0]).toMatchObject({ amount: 2500, tax: 156 });
  });

  it('given a line marked not taxable when taxed then it carries no tax and no jurisdictions', () => {
    const result = calculateTax(
      order('GB', undefined, [line(5000, 'standard', { taxable: false }), line(1000)]),
    );
    expect(result.lines[0]).toMatchObject({ tax: 0, jurisdictions: [] });
    expect(result.totals.tax).toBe(200);
  });

  it('given a fully discounted line with shipping when taxed then shipping is split evenly and still taxed', () => {
    const input = order('GB', undefined, [line(1000, 'standard', { discount: 1000 })], {
      shipping: { amount: 500 },
    });
    expect(calculateTax(input).shipping).toMatchObject({ tax: 100 });
  });

  it('given any calculated result when taxed then it records the table version and the built-in provider', () => {
    const result = calculateTax(order('GB', undefined, [line(1000)]));
    expect(result).toMatchObject({ provider: 'concord-builtin', table_version: TAX_TABLE_VERSION });
    expect(result.jurisdictions[0]).toMatchObject({ code: 'GB', effective_from: '2011-01-04' });
    expect(result.jurisdictions[0]!.source).toContain('gov.uk');
  });
});

describe('calculateTax: registrations', () => {
  it('given a seller registered only in Texas when shipping to California then no tax, reason not_registered', () => {
    const result = calculateTax(
      order('US', 'CA', [line(1000)], {
        origin: { country: 'US', region: 'TX' },
        registrations: { us_states: ['TX'] },
      }),
    );
    expect(result).toMatchObject({
      status: 'no_tax',
      reason: 'not_registered',
      skipped: [{ code: 'US-CA', reason: 'not_registered' }],
      table_version: TAX_TABLE_VERSION,
      totals: { net: 1000, tax: 0, gross: 1000 },
    });
  });

  it('given no registrations when the seller ships within its own state then it is registered there by default', () => {
    const input = {
      ...order('US', 'TX', [line(1000)], { origin: { country: 'US', region: 'TX' } }),
      registrations: undefined,
    };
    expect(calculateTax(input).totals.tax).toBe(63);
  });

  it('given no registrations when the seller ships to another state then it is not registered there by default', () => {
    const input = {
      ...order('US', 'CA', [line(1000)], { origin: { country: 'US', region: 'TX' } }),
      registrations: undefined,
    };
    expect(calculateTax(input).reason).toBe('not_registered');
  });

  it('given a Quebec seller with default registrations when shipping in Quebec then GST and QST apply', () => {
    const input = {
      ...order('CA', 'QC', [line(1000)], { origin: { country: 'CA', region: 'QC' } }),
      registrations: undefined,
    };
    expect(calculateTax(input).totals.tax).toBe(50 + 100);
  });

  it('given a destination outside the tables when taxed then no tax, reason destination_not_covered', () => {
    expect(calculateTax(order('JP', undefined, [line(1000)], { currency: 'JPY' }))).toMatchObject({
      status: 'no_tax',
      reason: 'destination_not_covered',
    });
  });
});

describe('calculateTax: refusals', () => {
  it.each([
    ['no lines', { lines: [] }, 'lines'],
    ['a negative price', { lines: [{ id: 'a', unit_amount: -1, quantity: 1 }] }, 'lines[0].unit_amount'],
    ['a fractional price', { lines: [{ id: 'a', unit_amount: 9.99, quantity: 1 }] }, 'lines[0].unit_amount'],
    [
      'a discount above the line',
      { lines: [{ id: 'a', unit_amount: 100, quantity: 1, discount: 101 }] },
      'lines[0].discount',
    ],
    ['duplicate line ids', { lines: [line(1), { ...line(2), id: 'l1-standard' }] }, 'lines[1].id'],
    [
      'an unknown category',
      { lines: [{ id: 'a', unit_amount: 1, quantity: 1, category: 'digital' }] },
      'lines[0].category',
    ],
    ['a lowercase country', { ship_to: { country: 'us', region: 'TX' } }, 'ship_to.country'],
    ['an unknown field', { coupon: 'X' }, 'coupon'],
    ['an unknown registration', { registrations: { us_states: ['ZZ'] } }, 'registrations.us_states[0]'],
    ['a malformed tax date', { tax_date: '26/11/2026' }, 'tax_date'],
  ])('given %s when taxed then a validation error names the field', (_, patch, field) => {
    const error = refusal(() => calculateTax({ ...order('US', 'TX', [line(1000)]), ...patch }));
    expect(error).toMatchObject({ category: 'validation', code: 'invalid_tax_input' });
    expect(error.issues.map((i) => i.field)).toContain(field);
  });

  it('given a US ship-to without a state when taxed then tax_region_required', () => {
    const error = refusal(() =>
      calculateTax({ ...order('US', 'TX', [line(1000)]), ship_to: { country: 'US' } }),
    );
    expect(error).toMatchObject({
      category: 'validation',
      code: 'tax_region_required',
      issues: [{ field: 'ship_to.region' }],
    });
  });

  it('given a Canadian ship-to with an unknown province when taxed then unknown_tax_region', () => {
    const error = refusal(() => calculateTax(order('CA', 'ZZ', [line(1000)])));
    expect(error).toMatchObject({ code: 'unknown_tax_region', detail: { country: 'CA', region: 'ZZ' } });
  });

  it('given clothing priced in euros shipped to New York when taxed then the dollar threshold cannot be applied', () => {
    const error = refusal(() =>
      calculateTax(order('US', 'NY', [line(5000, 'clothing')], { currency: 'EUR' })),
    );
    expect(error).toMatchObject({
      code: 'tax_threshold_currency_mismatch',
      issues: [{ field: 'lines[0].category' }],
    });
  });

  it('given a tax date before Louisiana raised its rate when taxed then the table refuses to price it', () => {
    const error = refusal(() => calculateTax(order('US', 'LA', [line(1000)], { tax_date: '2024-12-31' })));
    expect(error).toMatchObject({
      code: 'tax_date_before_rate',
      detail: { jurisdiction: 'US-LA', effective_from: '2025-01-01' },
    });
  });

  it('given a tax date before an as-of dated rule when taxed then it is priced (the rate only had to be in force)', () => {
    expect(calculateTax(order('US', 'TX', [line(1000)], { tax_date: '2024-06-01' })).totals.tax).toBe(63);
  });
});
