import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { calculateTax } from './calculate.js';
import { parseTaxInput, type TaxInput } from './input.js';
import { builtInTaxProvider, calculateWithProvider, checkTaxResult, type TaxProvider } from './provider.js';
import type { TaxResult } from './result.js';
import { line, order } from './testing.js';

const request = order('US', 'TX', [line(1000), line(2500, 'food')], { shipping: { amount: 500 } });

/** A provider that returns the built-in answer after `tamper` edits it, counting its calls. */
function fakeProvider(tamper: (result: TaxResult) => unknown): TaxProvider & { calls: TaxInput[] } {
  const calls: TaxInput[] = [];
  return {
    name: 'fake-erp',
    calls,
    calculate: async (input) => {
      calls.push(input);
      return tamper(structuredClone(calculateTax(input))) as TaxResult;
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<ConcordError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (error instanceof ConcordError) return error;
  throw error;
}

describe('tax providers', () => {
  it('given the built-in provider when calculating then its result passes the contract checks', async () => {
    const result = await calculateWithProvider(builtInTaxProvider, request);
    expect(result.provider).toBe('concord-builtin');
    // 10.00 × 6.25% = 0.625 → 0.63; food 0; shipping 5.00 split 10:25 → 1.43 taxable × 6.25% = 0.089 → 0.09
    expect(result.totals).toEqual({ net: 4000, tax: 63 + 0 + 9, gross: 4072 });
    expect(checkTaxResult(parseTaxInput(request), result)).toEqual([]);
  });

  it('given an external provider with a valid answer when calculating then it is called once with the parsed input', async () => {
    const provider = fakeProvider((r) => ({ ...r, provider: 'fake-erp', table_version: null }));
    const result = await calculateWithProvider(provider, request);
    expect(provider.calls).toHaveLength(1);
    expect(provider.calls[0]!.lines[0]).toMatchObject({ category: 'standard', taxable: true });
    expect(result).toMatchObject({ provider: 'fake-erp', table_version: null });
  });

  it('given bad input when calculating then the provider is never called', async () => {
    const provider = fakeProvider((r) => r);
    const error = await rejection(calculateWithProvider(provider, { ...request, lines: [] }));
    expect(error).toMatchObject({ category: 'validation', code: 'invalid_tax_input' });
    expect(provider.calls).toHaveLength(0);
  });

  it.each([
    [
      'a line whose net + tax ≠ gross',
      (r: TaxResult) => ({ ...r, lines: [{ ...r.lines[0]!, gross: 1 }, ...r.lines.slice(1)] }),
      'lines[0]',
    ],
    ['lines in another order', (r: TaxResult) => ({ ...r, lines: [...r.lines].reverse() }), 'lines[0].id'],
    [
      'totals that do not add up',
      (r: TaxResult) => ({ ...r, totals: { ...r.totals, tax: r.totals.tax + 1 } }),
      'totals.tax',
    ],
    ['a missing shipping block', (r: TaxResult) => ({ ...r, shipping: null }), 'shipping'],
    ['another currency', (r: TaxResult) => ({ ...r, currency: 'EUR' }), 'currency'],
    ['a float amount', (r: TaxResult) => ({ ...r, totals: { ...r.totals, tax: 0.5 } }), 'totals.tax'],
    [
      'a line tax that is not the sum of its jurisdictions',
      (r: TaxResult) => ({ ...r, lines: [{ ...r.lines[0]!, jurisdictions: [] }, ...r.lines.slice(1)] }),
      'lines[0].tax',
    ],
  ])(
    'given a provider answer with %s when calculating then it is refused as upstream',
    async (_, tamper, field) => {
      const error = await rejection(calculateWithProvider(fakeProvider(tamper), request));
      expect(error).toMatchObject({
        category: 'upstream',
        code: 'tax_provider_invalid_result',
        detail: { provider: 'fake-erp' },
      });
      expect(error.issues.map((i) => i.field)).toContain(field);
    },
  );

  it('given a provider that refuses with a ConcordError when calculating then that error reaches the caller', async () => {
    const refusing: TaxProvider = {
      name: 'tax-service',
      calculate: async () => {
        throw new ConcordError('transient', 'tax_service_unavailable', 'Tax service timed out');
      },
    };
    const error = await rejection(calculateWithProvider(refusing, request));
    expect(error).toMatchObject({ category: 'transient', code: 'tax_service_unavailable' });
  });

  it('given the built-in provider and bad input when calculate is called directly then the promise rejects', async () => {
    const error = await rejection(
      builtInTaxProvider.calculate({ ...parseTaxInput(request), ship_to: { country: 'US' } }),
    );
    expect(error.code).toBe('tax_region_required');
  });
});
