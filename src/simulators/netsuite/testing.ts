/**
 * Test support for the simulator's own tests: a client that signs every request with the
 * `oauth-1.0a` package (HMAC-SHA256 via node:crypto), the way the Concord connector signs, and a
 * manual clock.
 */
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { TbaCredentials } from './auth.js';
import type { NetSuiteSimulator } from './index.js';

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public ms = Date.UTC(2026, 6, 1)) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** An `oauth-1.0a` signer for the given credentials and realm. */
export function signer(credentials: TbaCredentials, realm: string, nowSeconds?: () => number) {
  const oauth = new OAuth({
    consumer: { key: credentials.consumerKey, secret: credentials.consumerSecret },
    signature_method: 'HMAC-SHA256',
    realm,
    hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
  });
  if (nowSeconds) oauth.getTimeStamp = nowSeconds;
  return (method: string, url: string): string =>
    oauth.toHeader(
      oauth.authorize({ url, method }, { key: credentials.tokenId, secret: credentials.tokenSecret }),
    ).Authorization;
}

/** A response with its parsed JSON body (undefined when empty). */
export interface NsResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: bodies are inspected ad hoc
  body: any;
}

/** Options of one call. */
export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  authorization?: string;
  credentials?: TbaCredentials;
}

/** Calls `${sim.url}/services/rest${path}`, signed with oauth-1.0a unless `authorization` is given. */
export async function call(
  sim: NetSuiteSimulator,
  clock: ManualClock,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<NsResponse> {
  const url = `${sim.url}/services/rest${path}`;
  const sign = signer(options.credentials ?? sim.credentials, sim.accountId, () =>
    Math.floor(clock.now() / 1000),
  );
  const headers: Record<string, string> = {
    Authorization: options.authorization ?? sign(method, url),
    ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...(options.headers ?? {}),
  };
  const response = await fetch(url, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
