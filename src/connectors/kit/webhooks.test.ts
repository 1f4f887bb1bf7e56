import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSignature, verifyHmacSignature, verifyStandardWebhook } from './webhooks.js';

const FOX = 'The quick brown fox jumps over the lazy dog';

describe('hmacSignature', () => {
  it('given the well-known "key"/fox vector when signed then the published digests come out', () => {
    // https://en.wikipedia.org/wiki/HMAC#Examples
    expect(hmacSignature('key', FOX, 'hex')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
    expect(hmacSignature('key', FOX, 'hex', 'sha1')).toBe('de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9');
    expect(hmacSignature('key', Buffer.from(FOX), 'base64')).toBe(
      Buffer.from('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8', 'hex').toString(
        'base64',
      ),
    );
  });
});

describe('verifyHmacSignature', () => {
  const secret = 'shpss_app_secret';
  const body = '{"id":1,"topic":"orders/create"}';
  const good = hmacSignature(secret, body, 'base64');

  it('given the right base64 signature when verified then true', () => {
    expect(verifyHmacSignature({ secret, payload: body, signature: good, encoding: 'base64' })).toBe(true);
    expect(
      verifyHmacSignature({ secret, payload: Buffer.from(body), signature: good, encoding: 'base64' }),
    ).toBe(true);
  });

  it('given the right hex signature in upper case when verified then true', () => {
    const hex = hmacSignature(secret, body, 'hex').toUpperCase();
    expect(verifyHmacSignature({ secret, payload: body, signature: hex, encoding: 'hex' })).toBe(true);
  });

  it('given a sha1 signature when verified with sha1 then true, and with sha256 then false', () => {
    const sig = hmacSignature(secret, body, 'hex', 'sha1');
    expect(
      verifyHmacSignature({ secret, payload: body, signature: sig, encoding: 'hex', algorithm: 'sha1' }),
    ).toBe(true);
    expect(verifyHmacSignature({ secret, payload: body, signature: sig, encoding: 'hex' })).toBe(false);
  });

  it.each([
    ['a tampered body', { payload: body.replace('1', '2'), signature: good }],
    ['a wrong secret', { secret: 'other', signature: good }],
    ['a missing signature', { signature: undefined }],
    ['a null signature', { signature: null }],
    ['an empty signature', { signature: '' }],
    ['a shorter signature', { signature: good.slice(0, 20) }],
    ['a longer signature', { signature: `${good.slice(0, -1)}AAAA` }],
    ['a signature that is not base64', { signature: '!!not base64 at all!!' }],
    ['a hex signature where base64 is expected', { signature: hmacSignature(secret, body, 'hex') }],
  ])('given %s when verified then false without throwing', (_name, override) => {
    expect(verifyHmacSignature({ secret, payload: body, encoding: 'base64', ...override })).toBe(false);
  });

  it('given an odd-length or non-hex hex signature when verified then false', () => {
    const hex = hmacSignature(secret, body, 'hex');
    expect(verifyHmacSignature({ secret, payload: body, signature: hex.slice(1), encoding: 'hex' })).toBe(
      false,
    );
    expect(
      verifyHmacSignature({ secret, payload: body, signature: `${hex.slice(2)}zz`, encoding: 'hex' }),
    ).toBe(false);
  });

  it('property: a signature verifies for its own payload and secret, and not once one byte of the payload changes', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        (key, bytes, at) => {
          const payload = Buffer.from(bytes);
          const sig = hmacSignature(key, payload, 'base64');
          expect(verifyHmacSignature({ secret: key, payload, signature: sig, encoding: 'base64' })).toBe(
            true,
          );
          const changed = Buffer.from(payload);
          const i = at % changed.length;
          changed[i] = (changed[i]! + 1) % 256;
          expect(
            verifyHmacSignature({ secret: key, payload: changed, signature: sig, encoding: 'base64' }),
          ).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('verifyStandardWebhook', () => {
  // The Standard Webhooks reference vector (also in the svix libraries' tests).
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = '1614265330';
  const payload = '{"test": 2432232314}';
  const signature = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
  const nowMs = Number(timestamp) * 1000;
  const headers = { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
  const verify = (over: Partial<Parameters<typeof verifyStandardWebhook>[0]> = {}) =>
    verifyStandardWebhook({ secret, headers, payload, nowMs, ...over });

  it('given the reference vector when verified then true', () => {
    expect(verify()).toBe(true);
  });

  it('given several signatures of which one is valid when verified then true', () => {
    const many = `v1,${Buffer.alloc(32, 1).toString('base64')} v1a,xyz ${signature}`;
    expect(verify({ headers: { ...headers, 'webhook-signature': many } })).toBe(true);
  });

  it('given capitalised header names when verified then true', () => {
    expect(
      verify({
        headers: { 'Webhook-Id': id, 'Webhook-Timestamp': timestamp, 'Webhook-Signature': signature },
      }),
    ).toBe(true);
  });

  it('given a secret without the whsec_ prefix when verified then the base64 key still works', () => {
    expect(verify({ secret: secret.slice('whsec_'.length) })).toBe(true);
  });

  it('given the right signature under another version tag when verified then false', () => {
    expect(verify({ headers: { ...headers, 'webhook-signature': signature.replace('v1,', 'v2,') } })).toBe(
      false,
    );
  });

  it.each([
    ['a tampered body', { payload: '{"test": 2432232315}' }],
    ['a wrong secret', { secret: 'whsec_c2VjcmV0LW9mLWFub3RoZXItZW5kcG9pbnQ=' }],
    ['a secret that is not base64', { secret: 'whsec_%%%' }],
    ['a tampered id', { headers: { ...headers, 'webhook-id': 'msg_other' } }],
    ['a missing webhook-id', { headers: { ...headers, 'webhook-id': undefined } }],
    ['a missing webhook-timestamp', { headers: { ...headers, 'webhook-timestamp': undefined } }],
    ['a missing webhook-signature', { headers: { 'webhook-id': id, 'webhook-timestamp': timestamp } }],
    ['a malformed signature of different length', { headers: { ...headers, 'webhook-signature': 'v1,abc' } }],
    ['a signature that is not base64', { headers: { ...headers, 'webhook-signature': 'v1,***' } }],
    ['a signature entry without a comma', { headers: { ...headers, 'webhook-signature': 'garbage' } }],
    ['a non-numeric timestamp', { headers: { ...headers, 'webhook-timestamp': '2021-02-25T15:02:10Z' } }],
    ['an expired timestamp (301 s old)', { nowMs: nowMs + 301_000 }],
    ['a timestamp too far in the future', { nowMs: nowMs - 301_000 }],
    ['a timestamp outside a tighter tolerance', { nowMs: nowMs + 61_000, toleranceSec: 60 }],
  ])('given %s when verified then false without throwing', (_name, over) => {
    expect(verify(over)).toBe(false);
  });

  it('given a timestamp exactly at the tolerance when verified then true', () => {
    expect(verify({ nowMs: nowMs + 300_000 })).toBe(true);
    expect(verify({ nowMs: nowMs - 300_000 })).toBe(true);
  });
});
