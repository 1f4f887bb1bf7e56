/**
 * Wire formats the simulator shares: global ids (`gid://shopify/Product/123`), DateTime strings
 * (`2026-01-15T10:20:30Z`, seconds precision as Shopify sends them) and money, which is stored in
 * integer minor units and printed the way Shopify prints it: `Money` scalars with the currency's
 * digits ("30.00"), `Decimal` amounts in `MoneyV2` trimmed like Ruby's BigDecimal ("30.0", "12.5").
 *
 * @example
 * gid('Product', 7) // 'gid://shopify/Product/7'
 * decimalAmount(3000, 'USD') // '30.0'
 */
import { currencyDigits } from '../../model/money.js';

/** Builds a Shopify global id. */
export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

/** Splits a global id into its type and numeric id, or undefined when it is not one. */
export function parseGid(value: unknown): { type: string; id: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?.*)?$/.exec(value);
  if (!match) return undefined;
  return { type: match[1] as string, id: Number(match[2]) };
}

/** Numeric id of a gid of the expected type, or undefined. */
export function idOf(value: unknown, type: string): number | undefined {
  const parsed = parseGid(value);
  return parsed && parsed.type === type ? parsed.id : undefined;
}

/** Shopify DateTime: ISO 8601 in UTC with seconds precision. */
export function isoTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `Money` scalar text: fixed to the currency's digits ("19.99", "30.00"). */
export function moneyAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** `Decimal` text as Shopify prints amounts in MoneyV2: trailing zeros trimmed, at least one decimal. */
export function decimalAmount(minor: number, currency: string): string {
  const text = moneyAmount(minor, currency);
  if (!text.includes('.')) return `${text}.0`;
  const trimmed = text.replace(/0+$/, '');
  return trimmed.endsWith('.') ? `${trimmed}0` : trimmed;
}

/** Parses a decimal amount ("19.99", 19.99) into minor units, or undefined when malformed. */
export function toMinor(value: unknown, currency: string): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const digits = currencyDigits(currency);
  const fraction = (match[3] ?? '').padEnd(digits, '0');
  const kept = fraction.slice(0, digits);
  const rest = fraction.slice(digits);
  let minor = Number(match[2]) * 10 ** digits + (kept ? Number(kept) : 0);
  if (rest && Number(rest[0]) >= 5) minor += 1;
  return match[1] ? -minor : minor;
}

/** A MoneyV2 object. */
export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

/** A MoneyBag (shop and presentment money; the simulator presents in the shop currency). */
export interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney: MoneyV2;
}

/** Builds a MoneyV2 from minor units. */
export function moneyV2(minor: number, currency: string): MoneyV2 {
  return { amount: decimalAmount(minor, currency), currencyCode: currency };
}

/** Builds a MoneyBag from minor units. */
export function moneyBag(minor: number, currency: string): MoneyBag {
  const money = moneyV2(minor, currency);
  return { shopMoney: money, presentmentMoney: money };
}
