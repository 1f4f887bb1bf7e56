import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { oauth1Signer, signOAuth1, type OAuth1Credentials } from './oauth1.js';

/** RFC 5849 §3.4.1.1 example request (https://www.rfc-editor.org/rfc/rfc5849#section-3.4.1.1). */
const RFC_3411_URL = 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b';
const RFC_3411_BASE_STRING =
  'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q' +
  '%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_' +
  'key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m' +
  'ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk' +
  '9d7dh3k39sjv7';

/** RFC 5849 §1.2 example (https://www.rfc-editor.org/rfc/rfc5849#section-1.2): its secrets are published. */
const RFC_12_CREDS: OAuth1Credentials = {
  consumerKey: 'dpf43f3p2l4k3l03',
  consumerSecret: 'kd94hf93k423kf44',
  tokenId: 'nnch734d00sl2jdk',
  tokenSecret: 'pfkkdhi9sl3r4s00',
};

const NS_CREDS: OAuth1Credentials = {
  consumerKey: 'ck-0123456789abcdef',
  consumerSecret: 'cs-secret-value-xyz',
  tokenId: 'tk-fedcba9876543210',
  tokenSecret: 'ts-secret-value-abc',
};

function headerParams(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.matchAll(/([a-z_]+)="([^"]*)"/g)) out[m[1]!] = decodeURIComponent(m[2]!);
  return out;
}

describe('signOAuth1', () => {
  it('given the RFC 5849 §3.4.1.1 request when signed with HMAC-SHA1 then the base string equals the RFC text exactly', () => {
    const creds = {
      consumerKey: '9djdj82h48djs9d2',
      consumerSecret: 'x',
      tokenId: 'kkk9d7dh3k39sjv7',
      tokenSecret: 'y',
    };
    const signed = signOAuth1(
      { method: 'POST', url: RFC_3411_URL, formParams: { c2: '', a3: '2 q' } },
      creds,
      {
        realm: 'Example',
        signatureMethod: 'HMAC-SHA1',
        nonce: '7d8f3e4a',
        timestamp: 137131201,
        includeVersion: false,
      },
    );
    expect(signed.baseString).toBe(RFC_3411_BASE_STRING);
    // The RFC does not publish this example's secrets; the signature is checked against node:crypto instead.
    expect(signed.signature).toBe(createHmac('sha1', 'x&y').update(RFC_3411_BASE_STRING).digest('base64'));
  });

  it('given the RFC 5849 §1.2 request when signed with HMAC-SHA1 then the signature equals the RFC value', () => {
    const signed = signOAuth1(
      { method: 'GET', url: 'http://photos.example.net/photos?file=vacation.jpg&size=original' },
      RFC_12_CREDS,
      {
        realm: 'Photos',
        signatureMethod: 'HMAC-SHA1',
        nonce: 'chapoH',
        timestamp: 137131202,
        includeVersion: false,
      },
    );
    expect(signed.signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
    expect(signed.authorization).toContain('oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"');
  });

  it('given a NetSuite request when signed with HMAC-SHA256 then the signature is the HMAC-SHA256 of the base string under consumerSecret&tokenSecret', () => {
    const url =
      'https://TSTDRV1234567.SuiteTalk.api.netsuite.com:443/services/rest/query/v1/suiteql?limit=1000&offset=2000';
    const signed = signOAuth1({ method: 'post', url }, NS_CREDS, {
      realm: 'TSTDRV1234567',
      nonce: 'n0nce',
      timestamp: 1_790_000_000,
    });
    const expectedBase =
      'POST&https%3A%2F%2Ftstdrv1234567.suitetalk.api.netsuite.com%2Fservices%2Frest%2Fquery%2Fv1%2Fsuiteql&' +
      encodeURIComponent(
        'limit=1000&oauth_consumer_key=ck-0123456789abcdef&oauth_nonce=n0nce&oauth_signature_method=HMAC-SHA256' +
          '&oauth_timestamp=1790000000&oauth_token=tk-fedcba9876543210&oauth_version=1.0&offset=2000',
      );
    expect(signed.baseString).toBe(expectedBase);
    const expected = createHmac('sha256', 'cs-secret-value-xyz&ts-secret-value-abc')
      .update(expectedBase)
      .digest('base64');
    expect(signed.signature).toBe(expected);
    const params = headerParams(signed.authorization);
    expect(signed.authorization.startsWith('OAuth realm="TSTDRV1234567", ')).toBe(true);
    expect(params).toEqual({
      realm: 'TSTDRV1234567',
      oauth_consumer_key: NS_CREDS.consumerKey,
      oauth_token: NS_CREDS.tokenId,
      oauth_signature_method: 'HMAC-SHA256',
      oauth_timestamp: '1790000000',
      oauth_nonce: 'n0nce',
      oauth_version: '1.0',
      oauth_signature: expected,
    });
  });

  it('given a header when inspected then neither secret appears in it nor in the base string', () => {
    const signed = signOAuth1({ method: 'GET', url: 'https://x.example/a' }, NS_CREDS, { realm: 'R' });
    for (const text of [signed.authorization, signed.baseString]) {
      expect(text).not.toContain(NS_CREDS.consumerSecret);
      expect(text).not.toContain(NS_CREDS.tokenSecret);
    }
  });

  it('given any query values when signed then the base string carries each one percent-encoded once (RFC 3986 unreserved kept)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 20 }), (value) => {
        const url = new URL('https://h.example/p');
        url.searchParams.set('q', value);
        const signed = signOAuth1({ method: 'GET', url }, NS_CREDS, { nonce: 'n', timestamp: 1 });
        const rfc3986 = encodeURIComponent(value).replace(
          /[!'()*]/g,
          (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
        );
        expect(signed.baseString).toContain(encodeURIComponent(`q=${rfc3986}`));
      }),
    );
  });
});

describe('oauth1Signer', () => {
  it('given two calls when signing the same request then nonces differ and the timestamp comes from the clock', () => {
    const clock = new ManualClock(1_790_000_123_456);
    const sign = oauth1Signer(NS_CREDS, { realm: 'TSTDRV1234567', clock });
    const a = headerParams(sign('GET', 'https://x.example/services/rest/record/v1/customer'));
    const b = headerParams(sign('GET', 'https://x.example/services/rest/record/v1/customer'));
    expect(a.oauth_nonce).not.toBe(b.oauth_nonce);
    expect(a.oauth_timestamp).toBe('1790000123');
    expect(a.oauth_signature).not.toBe(b.oauth_signature);
  });
});
