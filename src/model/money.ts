/**
 * Money: an integer amount in the currency's minor unit plus its ISO 4217 code. Never a float.
 * The number of minor-unit digits comes from ICU's ISO 4217 data (JPY 0, USD 2, KWD 3).
 *
 * @example
 * moneyFromDecimal('19.99', 'USD') // { amount: 1999, currency: 'USD' }
 * moneyToDecimal({ amount: 1999, currency: 'USD' }) // '19.99'
 */
import { z } from 'zod';
import { ConcordError } from '../core/errors.js';

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as "USD"')
  .meta({ id: 'CurrencyCode', example: 'USD' });

export const Money = z
  .object({
    amount: z
      .number()
      .int()
      .describe('Amount in the minor unit of the currency (cents for USD, yen for JPY)'),
    currency: CurrencyCode,
  })
  .strict()
  .meta({ id: 'Money', example: { amount: 1999, currency: 'USD' } });
export type Money = z.infer<typeof Money>;

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch (cause) {
      throw new ConcordError('validation', 'invalid_currency', `"${currency}" is not an ISO 4217 currency`, {
        cause,
      });
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Parses a decimal string ("19.99", "-3", "1e2" is rejected) exactly into minor units. */
export function moneyFromDecimal(value: string | number, currency: string): Money {
  const text = typeof value === 'number' ? value.toFixed(currencyDigits(currency)) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) {
    throw new ConcordError('validation', 'invalid_amount', `"${text}" is not a decimal amount`);
  }
  const digits = currencyDigits(currency);
  const [, sign, whole, fraction = ''] = match;
  const extra = fraction.slice(digits);
  if (/[^0]/.test(extra)) {
    throw new ConcordError(
      'validation',
      'invalid_amount',
      `"${text}" has more decimals than ${currency} allows (${digits})`,
    );
  }
  const minor = BigInt(whole! + fraction.slice(0, digits).padEnd(digits, '0'));
  const amount = Number(sign ? -minor : minor);
  if (!Number.isSafeInteger(amount)) {
    throw new ConcordError('validation', 'invalid_amount', `"${text}" is too large`);
  }
  return { amount, currency };
}

/** Formats minor units as a decimal string with the currency's digits. */
export function moneyToDecimal(money: Money): string {
  const digits = currencyDigits(money.currency);
  const negative = money.amount < 0;
  const text = String(Math.abs(money.amount)).padStart(digits + 1, '0');
  const result = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${result}` : result;
}

/** Adds amounts of one currency; mixing currencies is an error. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new ConcordError('validation', 'currency_mismatch', `Cannot add ${a.currency} to ${b.currency}`);
  }
  return { amount: a.amount + b.amount, currency: a.currency };
}

/** Multiplies an amount by an integer quantity. */
export function multiplyMoney(a: Money, quantity: number): Money {
  return { amount: a.amount * quantity, currency: a.currency };
}
