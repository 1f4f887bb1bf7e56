import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhooks.js';

const SECRET = 'whsec_unit';
const BODY = '{"type":"order_create","data":{"type":"order"}}';

describe('given the Merchant-Signature scheme of the ACP webhook spec', () => {
  it('when signing then the header is t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const header = signWebhook(BODY, SECRET, 1_709_123_456);
    const mac = createHmac('sha256', SECRET).update(`1709123456.${BODY}`).digest('hex');
    expect(header).toBe(`t=1709123456,v1=${mac}`);
    expect(header).toMatch(/^t=\d+,v1=[a-fA-F0-9]{64}$/);
  });

  it('when verifying then only an untouched body, the right secret and a fresh timestamp pass', () => {
    const now = 1_709_123_456;
    const header = signWebhook(BODY, SECRET, now);
    expect(verifyWebhookSignature(header, BODY, SECRET, now + 10)).toBe(true);
    expect(verifyWebhookSignature(header, BODY.replace('order_create', 'order_update'), SECRET, now)).toBe(
      false,
    );
    expect(verifyWebhookSignature(header, BODY, 'whsec_other', now)).toBe(false);
    expect(verifyWebhookSignature(header, BODY, SECRET, now + 301)).toBe(false);
    expect(verifyWebhookSignature('v1,123,abc', BODY, SECRET, now)).toBe(false);
    expect(verifyWebhookSignature(undefined, BODY, SECRET, now)).toBe(false);
  });
});
