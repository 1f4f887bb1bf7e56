import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetSuiteSimulator, type NetSuiteSimulator } from './index.js';
import { call, ManualClock } from './testing.js';

let sim: NetSuiteSimulator;
const clock = new ManualClock();

beforeAll(async () => {
  sim = await startNetSuiteSimulator({ seed: { items: 2500, customers: 12, seed: 5 }, clock });
});
afterAll(async () => {
  await sim.close();
});

describe('NetSuite simulator: record collections', () => {
  it('given 2 500 items when paging with limit 1000 to the end then 3 pages with hasMore, offset, totalResults and links right', async () => {
    const pages = [];
    let path: string | undefined = '/record/v1/inventoryItem?limit=1000';
    while (path) {
      const response = await call(sim, clock, 'GET', path);
      expect(response.status).toBe(200);
      pages.push(response.body);
      const next = response.body.links.find((l: { rel: string }) => l.rel === 'next')?.href as
        string | undefined;
      path = next?.replace(`${sim.url}/services/rest`, '');
    }
    expect(pages.map((p) => [p.offset, p.count, p.hasMore, p.totalResults])).toEqual([
      [0, 1000, true, 2500],
      [1000, 1000, true, 2500],
      [2000, 500, false, 2500],
    ]);
    const ids = pages.flatMap((p) => p.items.map((i: { id: string }) => i.id));
    expect(new Set(ids).size).toBe(2500);
    expect(pages[0].items[0]).toEqual({
      links: [{ rel: 'self', href: `${sim.url}/services/rest/record/v1/inventoryItem/1` }],
      id: '1',
    });
    const last = pages[0].links.find((l: { rel: string }) => l.rel === 'last').href;
    expect(new URL(last).searchParams.get('offset')).toBe('2000');
  });

  it('given limit 1001 when listing then 400 INVALID_PARAMETER naming the query parameter', async () => {
    const response = await call(sim, clock, 'GET', '/record/v1/inventoryItem?limit=1001');
    expect(response.status).toBe(400);
    expect(response.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'INVALID_PARAMETER',
      'o:errorQueryParam': 'limit',
    });
  });

  it('given a customer e-mail when filtering with q then only that customer is listed', async () => {
    const customer = sim.state.customers[3]!;
    const q = encodeURIComponent(`email IS "${customer.email}"`);
    const response = await call(sim, clock, 'GET', `/record/v1/customer?q=${q}`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((i: { id: string }) => i.id)).toEqual([String(customer.id)]);
    expect(response.body.totalResults).toBe(1);
  });
});

describe('NetSuite simulator: records', () => {
  it('given an item id when getting it then its fields, base price and (expanded) stock per location', async () => {
    const item = sim.state.items[0]!;
    const response = await call(
      sim,
      clock,
      'GET',
      `/record/v1/inventoryItem/${item.id}?expandSubResources=true`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: String(item.id),
      itemId: item.itemId,
      displayName: item.displayName,
      upcCode: item.upcCode,
      isInactive: item.isInactive,
      basePrice: sim.state.basePrice(item.id),
      lastModifiedDate: new Date(item.lastModified).toISOString().replace('.000Z', 'Z'),
    });
    expect(response.body.locations.items).toHaveLength(3);
    const row = response.body.locations.items[0];
    expect(row.quantityAvailable).toBe(Math.max(0, row.quantityOnHand - row.quantityCommitted));
  });

  it('given a location and a customer when getting them then their fields', async () => {
    const location = await call(sim, clock, 'GET', '/record/v1/location/2');
    expect(location.body).toMatchObject({ id: '2', name: 'West Coast Warehouse', isInactive: false });
    const customer = sim.state.customers[0]!;
    const got = await call(sim, clock, 'GET', `/record/v1/customer/${customer.id}`);
    expect(got.body).toMatchObject({
      id: String(customer.id),
      email: customer.email,
      entityId: customer.entityId,
    });
  });

  it('given an unknown id or type when getting then 404 with the error body', async () => {
    const missing = await call(sim, clock, 'GET', '/record/v1/inventoryItem/999999');
    expect(missing.status).toBe(404);
    expect(missing.body['o:errorDetails'][0]['o:errorCode']).toBe('NONEXISTENT_ID');
    const badType = await call(sim, clock, 'GET', '/record/v1/unicorn/1');
    expect(badType.status).toBe(404);
  });
});
