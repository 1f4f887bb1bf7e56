import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetSuiteSimulator, type NetSuiteSimulator } from './index.js';
import { call, ManualClock, signer } from './testing.js';

let sim: NetSuiteSimulator;
const clock = new ManualClock();

beforeAll(async () => {
  sim = await startNetSuiteSimulator({ seed: { items: 20, customers: 5, seed: 3 }, clock });
});
afterAll(async () => {
  await sim.close();
});

const INVALID_LOGIN_BODY = {
  type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2',
  title: 'Unauthorized',
  status: 401,
  'o:errorDetails': [
    {
      detail: expect.stringContaining('Invalid login attempt.'),
      'o:errorCode': 'INVALID_LOGIN',
    },
  ],
};

describe('NetSuite simulator over HTTP: authentication', () => {
  it('given a request signed by oauth-1.0a when calling then 200', async () => {
    const response = await call(sim, clock, 'GET', '/system/v1/governanceLimits');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accountConcurrencyLimit: 5,
      accountUnallocatedConcurrencyLimit: 5,
      integrationLimitType: 'accountLimit',
    });
  });

  it('given a bad signature when calling then 401 with the error body', async () => {
    const url = `${sim.url}/services/rest/record/v1/customer`;
    const header = signer(
      sim.credentials,
      sim.accountId,
      () => clock.now() / 1000,
    )('GET', url).replace(/oauth_signature="[^"]*"/, 'oauth_signature="AAAA"');
    const response = await call(sim, clock, 'GET', '/record/v1/customer', { authorization: header });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/vnd.oracle.resource+json; type=error');
    expect(response.body).toEqual(INVALID_LOGIN_BODY);
  });

  it('given the wrong consumer key (or secret) when calling then 401', async () => {
    const wrongKey = { ...sim.credentials, consumerKey: 'someone-else' };
    const wrongSecret = { ...sim.credentials, tokenSecret: 'guess' };
    for (const credentials of [wrongKey, wrongSecret]) {
      const response = await call(sim, clock, 'GET', '/record/v1/customer', { credentials });
      expect(response.status).toBe(401);
      expect(response.body).toEqual(INVALID_LOGIN_BODY);
    }
  });

  it('given a replayed Authorization header (same nonce) when calling again then 401', async () => {
    const url = `${sim.url}/services/rest/record/v1/location`;
    const header = signer(sim.credentials, sim.accountId, () => clock.now() / 1000)('GET', url);
    const first = await call(sim, clock, 'GET', '/record/v1/location', { authorization: header });
    const second = await call(sim, clock, 'GET', '/record/v1/location', { authorization: header });
    expect(first.status).toBe(200);
    expect(second.status).toBe(401);
  });

  it('given a timestamp 6 minutes old when calling then 401', async () => {
    const url = `${sim.url}/services/rest/record/v1/location`;
    const header = signer(
      sim.credentials,
      sim.accountId,
      () => (clock.now() - 6 * 60_000) / 1000,
    )('GET', url);
    expect((await call(sim, clock, 'GET', '/record/v1/location', { authorization: header })).status).toBe(
      401,
    );
  });

  it('given no Authorization header when calling then 401', async () => {
    const response = await fetch(`${sim.url}/services/rest/record/v1/location`);
    expect(response.status).toBe(401);
  });
});

describe('NetSuite simulator over HTTP: concurrency and failures', () => {
  it('given limit 2 and latency when 5 requests run in parallel then exactly 3 get 429 and maxInFlight is 2', async () => {
    const local = await startNetSuiteSimulator({
      seed: { items: 3, customers: 1 },
      clock,
      concurrencyLimit: 2,
      latencyMs: 300,
    });
    try {
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => call(local, clock, 'GET', '/record/v1/inventoryItem')),
      );
      const rejected = responses.filter((r) => r.status === 429);
      expect(rejected).toHaveLength(3);
      expect(responses.filter((r) => r.status === 200)).toHaveLength(2);
      expect(rejected[0]?.headers.get('retry-after')).toBeNull();
      expect(rejected[0]?.body['o:errorDetails']).toEqual([
        {
          detail: 'Concurrent request limit exceeded. Request blocked.',
          'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED',
        },
      ]);
      expect(local.stats).toEqual({ requests: 5, maxInFlight: 2, rejected429: 3, failuresServed: 0 });
    } finally {
      await local.close();
    }
  });

  it('given failNext(503, 2) when calling three times then two 503s with the error body, then 200', async () => {
    sim.failNext(503, 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await call(sim, clock, 'GET', '/record/v1/location'));
    expect(statuses.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(statuses[0]?.body['o:errorDetails'][0]['o:errorCode']).toBe('UNEXPECTED_ERROR');
  });

  it('given an unknown path when calling then 404 with the error body', async () => {
    const response = await call(sim, clock, 'GET', '/record/v2/nothing');
    expect(response.status).toBe(404);
    expect(response.body.status).toBe(404);
    expect(response.body['o:errorDetails'][0]['o:errorCode']).toBe('NONEXISTENT_ID');
  });
});
