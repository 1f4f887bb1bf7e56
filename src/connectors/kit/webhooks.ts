/**
 * Timing-safe webhook signatures. `hmacSignature` / `verifyHmacSignature` cover the vendors that send
 * HMAC(raw body, secret) in a header — Shopify `X-Shopify-Hmac-SHA256` (base64 of HMAC-SHA256 of the raw body with the app's client secret,
 * https://shopify.dev/docs/apps/build/webhooks/verify-deliveries), WooCommerce
 * `X-WC-Webhook-Signature` (base64), ShipHero. `verifyStandardWebhook` implements the Standard Webhooks
 * scheme (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md) used
 * by BigCommerce. Verifiers return false — never throw — for anything missing or malformed, and compare
 * decoded bytes with `crypto.timingSafeEqual` only when the lengths match.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

type Encoding = 'base64' | 'hex';
type Algorithm = 'sha256' | 'sha1';

const FORMAT: Record<Encoding, RegExp> = {
  base64: /^[A-Za-z0-9+/]+={0,2}$/,
  hex: /^[0-9a-fA-F]+$/,
};

/**
 * HMAC of `payload` with `secret`, encoded.
 *
 * @example
 * hmacSignature(appSecret, rawBody, 'base64') // the value Shopify puts in X-Shopify-Hmac-Sha256
 */
export function hmacSignature(
  secret: string,
  payload: string | Buffer,
  encoding: Encoding,
  algorithm: Algorithm = 'sha256',
): string {
  return createHmac(algorithm, secret).update(payload).digest(encoding);
}

/** Decodes a signature string strictly; undefined when it is not well-formed in `encoding`. */
function decodeSignature(signature: string, encoding: Encoding): Buffer | undefined {
  const text = signature.trim();
  if (!FORMAT[encoding].test(text)) return undefined;
  if (encoding === 'hex' && text.length % 2 !== 0) return undefined;
  return Buffer.from(text, encoding);
}

/** Constant-time comparison of a received signature with the expected digest bytes. */
function sameDigest(expected: Buffer, received: string, encoding: Encoding): boolean {
  const bytes = decodeSignature(received, encoding);
  if (!bytes || bytes.length !== expected.length) return false;
  return timingSafeEqual(bytes, expected);
}

/**
 * True when `signature` is the HMAC of `payload` with `secret`. False for a missing, malformed or
 * wrong-length signature (without throwing).
 *
 * @example
 * verifyHmacSignature({ secret, payload: rawBody, signature: req.headers['x-shopify-hmac-sha256'], encoding: 'base64' })
 */
export function verifyHmacSignature(opts: {
  secret: string;
  payload: string | Buffer;
  signature: string | undefined | null;
  encoding: Encoding;
  algorithm?: Algorithm;
}): boolean {
  if (!opts.signature || !opts.secret) return false;
  const expected = createHmac(opts.algorithm ?? 'sha256', opts.secret)
    .update(opts.payload)
    .digest();
  return sameDigest(expected, opts.signature, opts.encoding);
}

function header(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/** The HMAC key of a Standard Webhooks secret: base64 after the optional `whsec_` prefix. */
function standardKey(secret: string): Buffer | undefined {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  const key = decodeSignature(encoded, 'base64');
  return key && key.length > 0 ? key : undefined;
}

/**
 * Standard Webhooks (standardwebhooks.com; BigCommerce uses it): headers `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` (space-separated `v1,<base64>` entries, any
 * one of which may match); signed content `${id}.${timestamp}.${payload}` with HMAC-SHA256 keyed by the
 * base64-decoded secret after `whsec_`; timestamps more than `toleranceSec` (default 300) away from now,
 * in either direction, are refused (replay protection).
 *
 * @example
 * verifyStandardWebhook({ secret: 'whsec_…', headers: req.headers, payload: rawBody })
 */
export function verifyStandardWebhook(opts: {
  secret: string;
  headers: Record<string, string | undefined>;
  payload: string | Buffer;
  nowMs?: number;
  toleranceSec?: number;
}): boolean {
  const id = header(opts.headers, 'webhook-id');
  const timestamp = header(opts.headers, 'webhook-timestamp');
  const signatures = header(opts.headers, 'webhook-signature');
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  const nowSec = Math.floor((opts.nowMs ?? Date.now()) / 1000);
  if (Math.abs(nowSec - Number(timestamp)) > (opts.toleranceSec ?? 300)) return false;
  const key = standardKey(opts.secret);
  if (!key) return false;
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(opts.payload).digest();
  let matched = false;
  for (const entry of signatures.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    // Check every entry (no early exit), so timing does not reveal which entry matched.
    if (sameDigest(expected, entry.slice(comma + 1), 'base64')) matched = true;
  }
  return matched;
}
