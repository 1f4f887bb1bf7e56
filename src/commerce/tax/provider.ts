/**
 * The seam that lets a merchant use its ERP's or a tax service's calculation instead of the
 * built-in tables. A quote calls {@link calculateWithProvider}: it validates the request, asks the
 * provider, and checks the answer before anything is locked.
 *
 * The contract a {@link TaxProvider} must honour:
 * 1. `calculate` receives a validated {@link TaxInput} (defaults applied) and resolves with a
 *    {@link TaxResult} in the same currency, in integer minor units.
 * 2. `lines` mirror the input lines: same ids, same order, `amount` = unit × quantity − discount.
 *    Per line (and shipping): `net + tax = gross`, `tax` = the sum of its jurisdiction taxes, and
 *    the input amount is the `net` (tax-exclusive prices) or the `gross` (tax-inclusive prices).
 *    `shipping` is present exactly when the input has shipping. `totals` add up.
 * 3. `provider` names the provider; `table_version` identifies the rates used (null if the
 *    service does not expose one) so a quote can record what it locked.
 * 4. Refusals reject with a `ConcordError`: `validation` for input the provider cannot tax,
 *    `upstream` / `transient` / `rate_limited` for service failures (retryable), never a bare Error.
 * 5. The same input gives the same answer for as long as the provider's table does not change.
 * A result that breaks 1–3 is refused with `upstream` / `tax_provider_invalid_result`.
 *
 * @example
 * const result = await calculateWithProvider(builtInTaxProvider, request);
 * quote.tax = { provider: result.provider, table_version: result.table_version, total: result.totals.tax };
 */
import { ConcordError, type FieldIssue } from '../../core/errors.js';
import { issuesOf } from '../order-input.js';
import { BUILT_IN_PROVIDER_NAME, calculateTax } from './calculate.js';
import { lineAmount, parseTaxInput, type TaxInput } from './input.js';
import { TaxResult } from './result.js';

export interface TaxProvider {
  /** Stable name, recorded on every result (`result.provider`). */
  readonly name: string;
  /** Tax for a validated input; see the module comment for the full contract. */
  calculate(input: TaxInput): Promise<TaxResult>;
}

/** The built-in tables (state-level US, EU, UK, Canada) as a provider. */
export const builtInTaxProvider: TaxProvider = {
  name: BUILT_IN_PROVIDER_NAME,
  calculate: async (input) => calculateTax(input),
};

type Amounts = { amount: number; net: number; tax: number; gross: number; jurisdictions: { tax: number }[] };

function checkAmounts(
  path: string,
  x: Amounts,
  inclusive: boolean,
  expected: number,
  issues: FieldIssue[],
): void {
  if (x.amount !== expected) issues.push({ field: `${path}.amount`, message: `expected ${expected}` });
  if (x.net + x.tax !== x.gross) issues.push({ field: path, message: 'net + tax ≠ gross' });
  if ((inclusive ? x.gross : x.net) !== x.amount) {
    issues.push({ field: path, message: `${inclusive ? 'gross' : 'net'} must equal amount` });
  }
  if (x.jurisdictions.reduce((s, j) => s + j.tax, 0) !== x.tax) {
    issues.push({ field: `${path}.tax`, message: 'differs from the sum of its jurisdictions' });
  }
}

/** The contract's invariants (2) for a result against its input; an empty list when it holds. */
export function checkTaxResult(input: TaxInput, result: TaxResult): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const inclusive = input.prices_include_tax;
  if (result.currency !== input.currency)
    issues.push({ field: 'currency', message: `expected ${input.currency}` });
  if (result.prices_include_tax !== inclusive)
    issues.push({ field: 'prices_include_tax', message: 'differs from input' });
  if (result.lines.length !== input.lines.length)
    issues.push({ field: 'lines', message: 'wrong number of lines' });
  input.lines.forEach((line, i) => {
    const got = result.lines[i];
    if (!got) return;
    if (got.id !== line.id) issues.push({ field: `lines[${i}].id`, message: `expected ${line.id}` });
    checkAmounts(`lines[${i}]`, got, inclusive, lineAmount(line), issues);
  });
  if ((input.shipping === undefined) !== (result.shipping === null)) {
    issues.push({ field: 'shipping', message: 'present in exactly one of input and result' });
  } else if (input.shipping && result.shipping) {
    checkAmounts('shipping', result.shipping, inclusive, input.shipping.amount, issues);
  }
  const parts = result.shipping ? [...result.lines, result.shipping] : result.lines;
  for (const key of ['net', 'tax', 'gross'] as const) {
    if (parts.reduce((s, p) => s + p[key], 0) !== result.totals[key]) {
      issues.push({ field: `totals.${key}`, message: 'is not the sum of lines and shipping' });
    }
  }
  return issues;
}

/**
 * Validates the request, calls the provider and refuses a malformed answer. Rejects with a
 * `validation` ConcordError for bad input, the provider's own ConcordError when it refuses, and
 * `upstream` / `tax_provider_invalid_result` when the answer breaks the contract.
 */
export async function calculateWithProvider(provider: TaxProvider, request: unknown): Promise<TaxResult> {
  const input = parseTaxInput(request);
  const answer: unknown = await provider.calculate(input);
  const parsed = TaxResult.safeParse(answer);
  const issues = parsed.success ? checkTaxResult(input, parsed.data) : issuesOf(parsed.error);
  if (!parsed.success || issues.length > 0) {
    throw new ConcordError(
      'upstream',
      'tax_provider_invalid_result',
      `Tax provider "${provider.name}" returned an invalid result: ${issues[0]?.field}: ${issues[0]?.message}`,
      { issues, detail: { provider: provider.name } },
    );
  }
  return parsed.data;
}
