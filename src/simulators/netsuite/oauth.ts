/**
 * OAuth 1.0a (RFC 5849) signature checking for NetSuite Token-Based Authentication, written here from
 * the RFC so the simulator is an independent check of the connector's signing (which uses the
 * `oauth-1.0a` package): the `Authorization: OAuth …` header is parsed (§3.5.1), the signature base
 * string is rebuilt (§3.4.1: method, base string URI without query, normalised parameters = the
 * protocol parameters except `realm` and `oauth_signature`, plus every query parameter), and an
 * HMAC-SHA256 over it with key `consumerSecret&tokenSecret` (§3.4.2) is compared in constant time.
 * https://www.rfc-editor.org/rfc/rfc5849#section-3.4
 *
 * @example
 * const base = signatureBaseString('GET', 'http://127.0.0.1:8080/services/rest/record/v1/customer?limit=5', params);
 * const signature = hmacSha256(base, 'consumerSecret', 'tokenSecret');
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** RFC 3986 percent-encoding as RFC 5849 §3.6 wants it: everything but ALPHA / DIGIT / - . _ ~ is encoded. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Decodes an `application/x-www-form-urlencoded` component ('+' is a space), per RFC 5849 §3.4.1.3.1. */
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** The query parameters of a URL as (name, value) pairs, decoded, duplicates kept (RFC 5849 §3.4.1.3.1). */
export function queryPairs(url: string): Array<[string, string]> {
  const q = url.indexOf('?');
  if (q < 0) return [];
  return url
    .slice(q + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0
        ? [formDecode(part), '']
        : [formDecode(part.slice(0, eq)), formDecode(part.slice(eq + 1))];
    });
}

/** The base string URI (§3.4.1.2): lower-case scheme and host, port only when not the default, no query. */
export function baseStringUri(url: string): string {
  const parsed = new URL(url);
  const scheme = parsed.protocol.replace(':', '').toLowerCase();
  const defaultPort =
    (scheme === 'http' && parsed.port === '80') || (scheme === 'https' && parsed.port === '443');
  const port = parsed.port && !defaultPort ? `:${parsed.port}` : '';
  const path = url.replace(/^[a-z]+:\/\/[^/?#]*/i, '').split('?')[0] || '/';
  return `${scheme}://${parsed.hostname.toLowerCase()}${port}${path}`;
}

/** Normalised request parameters (§3.4.1.3.2): encode names and values, sort by name then value, join. */
export function normalizeParameters(pairs: Array<[string, string]>): string {
  return pairs
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/**
 * The signature base string (§3.4.1.1) for a request to `url` carrying the protocol parameters
 * `oauth` (taken from the Authorization header; `realm` and `oauth_signature` are left out here).
 */
export function signatureBaseString(method: string, url: string, oauth: Record<string, string>): string {
  const protocol = Object.entries(oauth).filter(([name]) => name !== 'realm' && name !== 'oauth_signature');
  const params = normalizeParameters([...protocol, ...queryPairs(url)]);
  return [method.toUpperCase(), percentEncode(baseStringUri(url)), percentEncode(params)].join('&');
}

/** HMAC-SHA256 signature (base64) of a base string with key `consumerSecret&tokenSecret` (§3.4.2). */
export function hmacSha256(baseString: string, consumerSecret: string, tokenSecret: string): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac('sha256', key).update(baseString).digest('base64');
}

/** Parses `OAuth realm="…", oauth_consumer_key="…", …` (§3.5.1); undefined when it is not OAuth. */
export function parseAuthorization(header: string | undefined): Record<string, string> | undefined {
  if (!header || !/^OAuth\s/i.test(header)) return undefined;
  const params: Record<string, string> = {};
  const pattern = /([A-Za-z0-9_.~%-]+)\s*=\s*"([^"]*)"/g;
  for (const match of header.slice(6).matchAll(pattern)) {
    try {
      params[decodeURIComponent(match[1] as string)] = decodeURIComponent(match[2] as string);
    } catch {
      return undefined;
    }
  }
  return params;
}

/** Constant-time comparison of two base64 signatures. */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
