/**
 * Concord ids. A record synced from a vendor gets an id derived from (merchant, system, kind,
 * external id), so every node computes the same id for the same vendor record without asking the
 * database, re-syncs are plain upserts, and two merchants never share an id.
 *
 * @example
 * recordId('product', 'm_1', 'shopify', 'gid://shopify/Product/1') // 'prod_5j2k…'
 */
import { createHash, randomBytes } from 'node:crypto';

export const ID_PREFIX = {
  merchant: 'mer',
  product: 'prod',
  variant: 'var',
  item: 'item',
  location: 'loc',
  inventory_level: 'inv',
  customer: 'cus',
  order: 'ord',
  line_item: 'li',
  fulfillment: 'ful',
  refund: 'ref',
  sales_order: 'so',
  invoice: 'invc',
  credit_memo: 'cm',
  api_key: 'key',
} as const;

export type RecordKind = keyof typeof ID_PREFIX;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
  }
  return out;
}

/** Deterministic id of a vendor record inside one merchant. */
export function recordId(kind: RecordKind, merchantId: string, system: string, externalId: string): string {
  const digest = createHash('sha256')
    .update(`${merchantId}\u0000${system}\u0000${kind}\u0000${externalId}`)
    .digest();
  return `${ID_PREFIX[kind]}_${base32(digest, 20)}`;
}

/** A fresh random id (merchants, API keys, requests). */
export function newId(kind: RecordKind): string {
  return `${ID_PREFIX[kind]}_${base32(randomBytes(13), 20)}`;
}

/** The kind an id belongs to, from its prefix, or undefined. */
export function kindOfId(id: string): RecordKind | undefined {
  const prefix = id.slice(0, id.indexOf('_'));
  return (Object.keys(ID_PREFIX) as RecordKind[]).find((k) => ID_PREFIX[k] === prefix);
}
