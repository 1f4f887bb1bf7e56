/**
 * Exact tax arithmetic in integer minor units. Rates are held as parts per million (7.25% =
 * 72 500 ppm), products are computed with BigInt, and every tax amount is rounded once, per line
 * and per jurisdiction, to the nearest minor unit with halves rounded up (away from zero; all
 * amounts here are non-negative).
 *
 * Why half-up: it is the rule the authorities publish. Canada: Excise Tax Act s. 165.2(2) rounds a
 * fraction of a cent to the nearest cent, halves up, and CRA accepts rounding each tax (federal,
 * provincial) separately (interpretation 125136, 2011-11-28). UK: VAT Notice 700 §17.5 allows
 * line-level rounding to the nearer penny (HMRC manual VATREC12010). US states use
 * half-cent-up brackets. Banker's rounding (half-even) is not what an auditor recomputes. With
 * prices that include tax, each tax is extracted from the gross and rounded, and the net takes
 * the difference (gross = net + taxes exactly), as Revenu Québec requires for GST + QST.
 * Minor units throughout mean JPY (0 decimals) and KWD (3 decimals) need no special case.
 *
 * @example
 * percentToPpm(9.975); // 99750
 * taxExclusive(1999, 72_500); // 145  (19.99 × 7.25% = 1.449275 → 1.45)
 */
import { ConcordError } from '../../core/errors.js';

export const PPM = 1_000_000;
const BIG_PPM = 1_000_000n;

/** 7.25 → 72 500. Throws when the rate has more than 4 decimals (it would not be exact). */
export function percentToPpm(percent: number): number {
  const ppm = Math.round(percent * 10_000);
  if (Math.abs(percent * 10_000 - ppm) > 1e-6 || ppm < 0 || ppm > PPM) {
    throw new ConcordError(
      'config',
      'invalid_tax_rate',
      `Tax rate ${percent}% is not exact in parts per million`,
    );
  }
  return ppm;
}

/** 72 500 → "7.25"; 99 750 → "9.975"; 0 → "0". */
export function ppmToPercent(ppm: number): string {
  const whole = Math.floor(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** round(numerator / denominator), halves up; both non-negative. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** Tax added on top of a net amount: round(net × rate). */
export function taxExclusive(net: number, ppm: number): number {
  return Number(divideHalfUp(BigInt(net) * BigInt(ppm), BIG_PPM));
}

/**
 * Tax contained in a gross amount that also carries other taxes on the same base:
 * round(gross × rate / (1 + all rates)). With one tax, `totalPpm` equals `ppm`.
 */
export function taxInclusive(gross: number, ppm: number, totalPpm: number): number {
  return Number(divideHalfUp(BigInt(gross) * BigInt(ppm), BIG_PPM + BigInt(totalPpm)));
}

/**
 * Splits `amount` into integer parts proportional to `weights` (largest remainder; ties go to the
 * earlier index), so the parts always add up to `amount`. All-zero weights split evenly.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const effective = weights.some((w) => w > 0) ? weights : weights.map(() => 1);
  const total = BigInt(effective.reduce((sum, w) => sum + w, 0));
  const big = BigInt(amount);
  const parts = effective.map((w) => (big * BigInt(w)) / total);
  const remainders = effective.map((w, index) => ({ index, rest: (big * BigInt(w)) % total }));
  let left = amount - parts.reduce((sum, p) => sum + Number(p), 0);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left <= 0) break;
    parts[index] = parts[index]! + 1n;
    left -= 1;
  }
  return parts.map(Number);
}
