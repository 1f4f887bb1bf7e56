/**
 * OAuth 1.0a request signing (RFC 5849, https://www.rfc-editor.org/rfc/rfc5849) as NetSuite's
 * Token-Based Authentication uses it: HMAC-SHA256 over the signature base string, key
 * `consumerSecret&tokenSecret`, `realm` = the account id in the header but not in the base string, and
 * every query parameter signed. The base string and header are produced by the npm package `oauth-1.0a`
 * (with node:crypto as its hash function); this module only normalizes the URL first (§3.4.1.2: lower-case
 * scheme and host, default port dropped, query moved into the parameter list decoded as
 * application/x-www-form-urlencoded per §3.4.1.3.1, so `+` is a space) and supplies nonce and timestamp.
 * NetSuite TBA: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4387799721.html
 */
import { createHmac, randomBytes } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { systemClock, type Clock } from './clock.js';

/** The four TBA credentials. The two secrets only ever enter the HMAC key. */
export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export type OAuth1SignatureMethod = 'HMAC-SHA256' | 'HMAC-SHA1';

/** One request to sign. `formParams` are the parameters of an application/x-www-form-urlencoded body. */
export interface OAuth1Request {
  method: string;
  url: string | URL;
  formParams?: Record<string, string | string[]>;
}

export interface OAuth1SignOptions {
  /** NetSuite: the account id, e.g. "TSTDRV1234567" or "1234567_SB1". Omitted from the header when absent. */
  realm?: string;
  /** Default HMAC-SHA256. */
  signatureMethod?: OAuth1SignatureMethod;
  /** Fixed nonce (tests); a random 32-hex-digit one by default. */
  nonce?: string;
  /** Fixed timestamp in seconds (tests); from `clock` by default. */
  timestamp?: number;
  clock?: Clock;
  /** `oauth_version="1.0"` is sent unless this is false (the RFC makes it optional). */
  includeVersion?: boolean;
}

type Params = Record<string, string | string[]>;

function hashFunction(method: OAuth1SignatureMethod) {
  const algorithm = method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
  return (base: string, key: string) => createHmac(algorithm, key).update(base).digest('base64');
}

function addParam(params: Params, key: string, value: string): void {
  const existing = params[key];
  if (existing === undefined) params[key] = value;
  else params[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** §3.4.1.2 base string URI and the §3.4.1.3.1 request parameters (query + form body), decoded. */
function normalize(req: OAuth1Request): { url: string; data: Params } {
  const url = new URL(req.url);
  const data: Params = {};
  for (const [key, value] of url.searchParams) addParam(data, key, value);
  for (const [key, value] of Object.entries(req.formParams ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) addParam(data, key, v);
  }
  // WHATWG URL already lower-cases scheme and host and drops a default port.
  return { url: `${url.protocol}//${url.host}${url.pathname}`, data };
}

function protocolParams(creds: OAuth1Credentials, method: OAuth1SignatureMethod, opts: OAuth1SignOptions) {
  const clock = opts.clock ?? systemClock;
  const data: Record<string, string> = {
    oauth_consumer_key: creds.consumerKey,
    oauth_nonce: opts.nonce ?? randomBytes(16).toString('hex'),
    oauth_signature_method: method,
    oauth_timestamp: String(opts.timestamp ?? Math.floor(clock.now() / 1000)),
    oauth_token: creds.tokenId,
  };
  if (opts.includeVersion !== false) data.oauth_version = '1.0';
  return data;
}

function oauthFor(creds: OAuth1Credentials, opts: OAuth1SignOptions): OAuth {
  const method = opts.signatureMethod ?? 'HMAC-SHA256';
  return new OAuth({
    consumer: { key: creds.consumerKey, secret: creds.consumerSecret },
    signature_method: method,
    hash_function: hashFunction(method),
    realm: opts.realm,
  });
}

/** What signing produced: the header value and, for tests and debugging, the base string. */
export interface OAuth1Signature {
  authorization: string;
  baseString: string;
  signature: string;
}

/**
 * Signs one request: returns the `Authorization` header value (`OAuth realm="…", oauth_…`), the base string
 * and the signature. Each call draws a fresh nonce and timestamp unless they are given.
 *
 * @example
 * const { authorization } = signOAuth1({ method: 'GET', url: 'https://123.suitetalk.api.netsuite.com/services/rest/record/v1/customer?limit=5' },
 *   creds, { realm: '123' });
 */
export function signOAuth1(
  req: OAuth1Request,
  creds: OAuth1Credentials,
  opts: OAuth1SignOptions = {},
): OAuth1Signature {
  const method = opts.signatureMethod ?? 'HMAC-SHA256';
  const oauth = oauthFor(creds, opts);
  const { url, data } = normalize(req);
  const params = protocolParams(creds, method, opts);
  const request = { url, method: req.method.toUpperCase(), data };
  // oauth-1.0a merges request data into the objects it is given: hand it fresh copies each time.
  // Its `Data` type wants a numeric timestamp; the header carries the same digits as a string.
  const oauthData = () => ({ ...params }) as unknown as OAuth.Data;
  const baseString = oauth.getBaseString({ ...request, data: { ...data } }, oauthData());
  const signature = oauth.getSignature({ ...request, data: { ...data } }, creds.tokenSecret, oauthData());
  const header = oauth.toHeader({ ...oauthData(), oauth_signature: signature });
  return { authorization: header.Authorization, baseString, signature };
}

/**
 * A signer bound to one set of credentials: `(method, url) => Authorization header value`, fresh nonce and
 * timestamp (from `clock`) every call — call it once per attempt, a nonce must never be reused.
 *
 * @example
 * const sign = oauth1Signer(creds, { realm: 'TSTDRV1234567' });
 * headers.authorization = sign('POST', url);
 */
export function oauth1Signer(
  creds: OAuth1Credentials,
  opts: Omit<OAuth1SignOptions, 'nonce' | 'timestamp'> = {},
): (method: string, url: string | URL) => string {
  return (method, url) => signOAuth1({ method, url }, creds, opts).authorization;
}
