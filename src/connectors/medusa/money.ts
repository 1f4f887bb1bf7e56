/**
 * Medusa v2 amounts are in the currency's MAJOR unit (`19.99` is 19.99 USD, `1999` is 1,999.00 USD;
 * https://docs.medusajs.com/resources/lint/rules/prices-in-major-units), Concord's are integer MINOR
 * units. Reading prefers Medusa's exact `raw_*.value` string; a bare JSON number is turned into its
 * shortest decimal text first, so `24.5` is read as "24.5" and never as 24.499999…. Prices must fit the
 * currency's digits exactly (a price of 1.005 USD is an error); computed totals (tax, discounts) may
 * carry more digits and are rounded half away from zero. Writing gives Medusa a JS number built from
 * the exact decimal text (`2450` minor USD → `24.5`), which Medusa's BigNumber stores exactly.
 *
 * @example
 * minorFromMajor(24.5, 'USD') // { amount: 2450, currency: 'USD' }
 * majorFromMinor({ amount: 2450, currency: 'USD' }) // 24.5
 * minorFromMajor(1500, 'JPY') // { amount: 1500, currency: 'JPY' }
 */
import { ConcordError } from '../../core/errors.js';
import { currencyDigits, moneyFromDecimal, moneyToDecimal, type Money } from '../../model/money.js';
import type { MedusaRaw } from './types.js';

/** A Medusa amount: a number, a decimal string, or a raw `{ value }`. */
export type MedusaAmount = number | string | MedusaRaw;

function invalid(value: unknown): ConcordError {
  return new ConcordError('upstream', 'medusa_invalid_amount', `Medusa sent an amount that is not a number`, {
    detail: { value: String(value).slice(0, 40) },
  });
}

/** The amount as plain decimal text ("24.5", "-3", "0.0000001"). */
export function decimalText(value: MedusaAmount): string {
  if (typeof value === 'object' && value !== null) return decimalText(value.value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw invalid(value);
    return text;
  }
  if (!Number.isFinite(value)) throw invalid(value);
  const shortest = String(value);
  if (!/e/i.test(shortest)) return shortest;
  // Exponent form: tiny (1e-7) or huge (1e21) numbers; 20 digits are more than any currency has.
  if (Math.abs(value) >= 1e21) throw invalid(value);
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** Rounds decimal text to `digits` fraction digits, half away from zero, exactly (no floats). */
export function roundDecimal(text: string, digits: number): string {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw invalid(text);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const next = fraction.charCodeAt(digits) - 48;
  let units = BigInt(whole + kept);
  if (next >= 5) units += 1n;
  const abs = units.toString().padStart(digits + 1, '0');
  const result = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return units === 0n ? result : `${sign}${result}`;
}

/**
 * A price (or any amount that must be exact) in minor units; throws when it has more decimals than
 * the currency allows.
 */
export function minorFromMajor(value: MedusaAmount, currency: string): Money {
  return moneyFromDecimal(decimalText(value), currency.toUpperCase());
}

/** A computed total (tax, discounts, refunds left) in minor units, rounded half away from zero. */
export function minorFromMajorRounded(value: MedusaAmount, currency: string): Money {
  const code = currency.toUpperCase();
  return moneyFromDecimal(roundDecimal(decimalText(value), currencyDigits(code)), code);
}

/** Concord money as the major-unit number Medusa takes in request bodies. */
export function majorFromMinor(money: Money): number {
  return Number(moneyToDecimal(money));
}
