/**
 * Token-Based Authentication as the simulated account enforces it: the right realm, consumer key and
 * token, signature method HMAC-SHA256, a signature that matches the one recomputed over the URL the
 * simulator was called on, a timestamp within 5 minutes of the clock and a nonce not seen in the last
 * 5 minutes. Any failure is the same 401 (NetSuite does not say which part was wrong; the reason is
 * kept for tests only). The 5-minute windows are inferred (NetSuite documents neither exactly).
 */
import { hmacSha256, parseAuthorization, sameSignature, signatureBaseString } from './oauth.js';

/** The integration record's and access token's credentials. */
export interface TbaCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

/** Window for timestamps and for remembering nonces (inferred). */
export const NONCE_WINDOW_MS = 5 * 60_000;

/** The outcome of checking one request. */
export type AuthResult = { ok: true } | { ok: false; reason: string };

/** Checks signed requests and remembers nonces. */
export class TbaVerifier {
  private readonly nonces = new Map<string, number>();

  constructor(
    private readonly accountId: string,
    private readonly credentials: TbaCredentials,
    private readonly now: () => number,
  ) {}

  /** Verifies `authorization` for `method url` (url = full URL as called, query included). */
  verify(method: string, url: string, authorization: string | undefined): AuthResult {
    const oauth = parseAuthorization(authorization);
    if (!oauth) return { ok: false, reason: 'no OAuth Authorization header' };
    const { credentials } = this;
    if (oauth.realm !== undefined && oauth.realm.toUpperCase() !== this.accountId.toUpperCase())
      return { ok: false, reason: 'wrong realm' };
    if (oauth.oauth_consumer_key !== credentials.consumerKey)
      return { ok: false, reason: 'unknown consumer key' };
    if (oauth.oauth_token !== credentials.tokenId) return { ok: false, reason: 'unknown token' };
    if (oauth.oauth_signature_method !== 'HMAC-SHA256') return { ok: false, reason: 'signature method' };
    if (oauth.oauth_version !== undefined && oauth.oauth_version !== '1.0')
      return { ok: false, reason: 'version' };
    const expected = hmacSha256(
      signatureBaseString(method, url, oauth),
      credentials.consumerSecret,
      credentials.tokenSecret,
    );
    if (!sameSignature(expected, oauth.oauth_signature ?? '')) return { ok: false, reason: 'bad signature' };
    return this.checkFreshness(oauth.oauth_timestamp, oauth.oauth_nonce);
  }

  private checkFreshness(timestamp: string | undefined, nonce: string | undefined): AuthResult {
    const now = this.now();
    const seconds = Number(timestamp);
    if (!Number.isFinite(seconds) || Math.abs(seconds * 1000 - now) > NONCE_WINDOW_MS)
      return { ok: false, reason: 'timestamp out of window' };
    if (!nonce) return { ok: false, reason: 'no nonce' };
    for (const [seen, at] of this.nonces) {
      if (now - at <= NONCE_WINDOW_MS) break;
      this.nonces.delete(seen);
    }
    const key = `${timestamp}:${nonce}`;
    if (this.nonces.has(key)) return { ok: false, reason: 'nonce replayed' };
    this.nonces.set(key, now);
    return { ok: true };
  }
}
