/**
 * Helpers shared by the Shopify mappers: the mapping context (who we work for and the shop's
 * currency, which Shopify's `Money` scalar does not carry), Concord ids for Shopify gids, money,
 * addresses and HTML-to-text. Pure functions, no I/O.
 */
import type { Address } from '../../model/address.js';
import { moneyFromDecimal, type Money } from '../../model/money.js';
import { recordId, type RecordKind } from '../../core/ids.js';
import type { SystemContext } from '../types.js';
import type { ShopifyLocationAddress, ShopifyMailingAddress, ShopifyMoneyBag } from './types.js';

/** Who we map for, plus the shop's currency (variant prices are bare decimals in it). */
export interface ShopifyMapContext extends SystemContext {
  currency: string;
}

/** Concord id of the Shopify record with gid `gid`. */
export function idFor(ctx: SystemContext, kind: RecordKind, gid: string): string {
  return recordId(kind, ctx.merchantId, ctx.system, gid);
}

/** A `MoneyBag`'s shop money as unified Money. */
export function bagMoney(bag: ShopifyMoneyBag): Money {
  return moneyFromDecimal(bag.shopMoney.amount, bag.shopMoney.currencyCode);
}

type PartialAddress = Partial<Address>;

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function country(value: string | null | undefined): string | undefined {
  const code = text(value)?.toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}

/** Drops empty fields; null when nothing is left. */
function compact(address: PartialAddress): PartialAddress | null {
  const entries = Object.entries(address).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as PartialAddress) : null;
}

/** A `MailingAddress` (customer, order) as a unified partial address. */
export function fromMailingAddress(a: ShopifyMailingAddress | null | undefined): PartialAddress | null {
  if (!a) return null;
  const name = [text(a.firstName), text(a.lastName)].filter(Boolean).join(' ');
  return compact({
    name: name || undefined,
    company: text(a.company),
    line1: text(a.address1),
    line2: text(a.address2),
    city: text(a.city),
    region: text(a.provinceCode),
    postal_code: text(a.zip),
    country: country(a.countryCodeV2),
    phone: text(a.phone),
  });
}

/** A `LocationAddress` as a unified partial address. */
export function fromLocationAddress(a: ShopifyLocationAddress | null | undefined): PartialAddress | null {
  if (!a) return null;
  return compact({
    line1: text(a.address1),
    line2: text(a.address2),
    city: text(a.city),
    region: text(a.provinceCode),
    postal_code: text(a.zip),
    country: country(a.countryCode),
    phone: text(a.phone),
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text from merchant HTML: tags dropped, block ends as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (match, entity: string) => {
      if (entity.startsWith('#')) {
        const code =
          entity[1] === 'x' || entity[1] === 'X'
            ? parseInt(entity.slice(2), 16)
            : parseInt(entity.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : match;
      }
      return ENTITIES[entity.toLowerCase()] ?? match;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
