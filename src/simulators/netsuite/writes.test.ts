import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetSuiteSimulator, type NetSuiteSimulator } from './index.js';
import { call, ManualClock } from './testing.js';

let sim: NetSuiteSimulator;
const clock = new ManualClock();

beforeAll(async () => {
  sim = await startNetSuiteSimulator({ seed: { items: 10, customers: 3, seed: 11 }, clock });
});
afterAll(async () => {
  await sim.close();
});

function orderBody(externalId: string, extra: Record<string, unknown> = {}) {
  return {
    entity: { id: '1' },
    externalId,
    currency: { id: '1' },
    memo: 'agent order',
    item: {
      items: [
        { item: { id: '2' }, quantity: 3, rate: 10.5, location: { id: '1' } },
        { item: { id: '5' }, quantity: 1, rate: 99, location: { id: '3' } },
      ],
    },
    ...extra,
  };
}

const orders = () => sim.state.transactionsOf('salesOrder');
const idFrom = (location: string | null) => Number(location?.split('/').pop());

describe('NetSuite simulator: sales orders', () => {
  it('given a valid order when creating then 204 + Location, and GET returns it with lines and locations', async () => {
    const committedBefore = sim.state.stockAt(2, 1)!.committed;
    const created = await call(sim, clock, 'POST', '/record/v1/salesOrder', { body: orderBody('ORD-1') });
    expect(created.status).toBe(204);
    expect(created.body).toBeUndefined();
    const location = created.headers.get('location');
    expect(location).toMatch(new RegExp(`^${sim.url}/services/rest/record/v1/salesOrder/\\d+$`));
    const got = await call(
      sim,
      clock,
      'GET',
      `/record/v1/salesOrder/${idFrom(location)}?expandSubResources=true`,
    );
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      externalId: 'ORD-1',
      entity: { id: '1' },
      memo: 'agent order',
      total: 130.5,
      status: { id: 'Pending Fulfillment' },
    });
    expect(
      got.body.item.items.map((l: { item: { id: string }; quantity: number; location: { id: string } }) => [
        l.item.id,
        l.quantity,
        l.location.id,
      ]),
    ).toEqual([
      ['2', 3, '1'],
      ['5', 1, '3'],
    ]);
    expect(sim.state.stockAt(2, 1)!.committed).toBe(committedBefore + 3);
    const byEid = await call(sim, clock, 'GET', '/record/v1/salesOrder/eid:ORD-1');
    expect(byEid.body.id).toBe(String(idFrom(location)));
  });

  it('given the same externalId twice when creating then 400 and still one order', async () => {
    const first = await call(sim, clock, 'POST', '/record/v1/salesOrder', { body: orderBody('ORD-DUP') });
    const second = await call(sim, clock, 'POST', '/record/v1/salesOrder', { body: orderBody('ORD-DUP') });
    expect(first.status).toBe(204);
    expect(second.status).toBe(400);
    expect(second.body['o:errorDetails'][0]['o:errorCode']).toBe('DUP_RCRD');
    expect(orders().filter((o) => o.externalId === 'ORD-DUP')).toHaveLength(1);
  });

  it('given an idempotency key when the same POST is replayed then the same Location and one order', async () => {
    const key = randomUUID();
    const headers = { 'X-NetSuite-Idempotency-Key': key };
    const before = orders().length;
    const first = await call(sim, clock, 'POST', '/record/v1/salesOrder', {
      body: orderBody('ORD-IDEM'),
      headers,
    });
    const again = await call(sim, clock, 'POST', '/record/v1/salesOrder', {
      body: orderBody('ORD-IDEM'),
      headers,
    });
    expect([first.status, again.status]).toEqual([204, 204]);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(orders().length).toBe(before + 1);
  });

  it('given an idempotency key reused with another body when posting then 400 IDEMPOTENCY_ERROR and no order', async () => {
    const headers = { 'X-NetSuite-Idempotency-Key': randomUUID() };
    await call(sim, clock, 'POST', '/record/v1/salesOrder', { body: orderBody('ORD-K1'), headers });
    const before = orders().length;
    const reused = await call(sim, clock, 'POST', '/record/v1/salesOrder', {
      body: orderBody('ORD-K2'),
      headers,
    });
    expect(reused.status).toBe(400);
    expect(reused.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'IDEMPOTENCY_ERROR',
      'o:errorHeader': 'X-NetSuite-Idempotency-Key',
    });
    expect(orders().length).toBe(before);
  });

  it('given failNext(500, 1, afterCommit) when creating then the answer is 500 but the order exists', async () => {
    sim.failNext(500, 1, { afterCommit: true });
    const response = await call(sim, clock, 'POST', '/record/v1/salesOrder', {
      body: orderBody('ORD-AMBIG'),
    });
    expect(response.status).toBe(500);
    expect(response.body['o:errorDetails'][0]['o:errorCode']).toBe('UNEXPECTED_ERROR');
    expect(orders().filter((o) => o.externalId === 'ORD-AMBIG')).toHaveLength(1);
    const read = await call(sim, clock, 'GET', '/record/v1/salesOrder/eid:ORD-AMBIG');
    expect(read.status).toBe(200);
  });

  it('given an unknown item when creating then 400 naming it, and nothing is written', async () => {
    const before = { orders: orders().length, committed: sim.state.stockAt(2, 1)!.committed };
    const body = orderBody('ORD-BAD');
    body.item.items.push({ item: { id: '4242' }, quantity: 1, rate: 1, location: { id: '1' } });
    const response = await call(sim, clock, 'POST', '/record/v1/salesOrder', { body });
    expect(response.status).toBe(400);
    expect(response.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'INVALID_FLD_VALUE',
      detail: 'Invalid item reference key 4242.',
      'o:errorPath': 'item.items[2].item',
    });
    expect({ orders: orders().length, committed: sim.state.stockAt(2, 1)!.committed }).toEqual(before);
  });

  it('given an unknown customer when creating then 400 INVALID_FLD_VALUE on entity', async () => {
    const response = await call(sim, clock, 'POST', '/record/v1/salesOrder', {
      body: orderBody('ORD-NOCUST', { entity: { id: '777' } }),
    });
    expect(response.status).toBe(400);
    expect(response.body['o:errorDetails'][0]['o:errorPath']).toBe('entity');
  });
});

describe('NetSuite simulator: invoice transform and customers', () => {
  it('given a sales order when transforming to invoice then 204 + Location, createdFrom = the order, and a second transform is 400', async () => {
    const created = await call(sim, clock, 'POST', '/record/v1/salesOrder', { body: orderBody('ORD-INV') });
    const orderId = idFrom(created.headers.get('location'));
    const invoiced = await call(sim, clock, 'POST', `/record/v1/salesOrder/${orderId}/!transform/invoice`, {
      body: {},
    });
    expect(invoiced.status).toBe(204);
    const location = invoiced.headers.get('location');
    expect(location).toMatch(/\/record\/v1\/invoice\/\d+$/);
    const invoice = await call(sim, clock, 'GET', `/record/v1/invoice/${idFrom(location)}`);
    expect(invoice.body).toMatchObject({
      createdFrom: { id: String(orderId) },
      entity: { id: '1' },
      total: 130.5,
      amountRemaining: 130.5,
      status: { id: 'Open' },
    });
    const again = await call(sim, clock, 'POST', `/record/v1/salesOrder/${orderId}/!transform/invoice`, {
      body: {},
    });
    expect(again.status).toBe(400);
    expect(sim.state.transactionsOf('invoice').filter((i) => i.createdFrom === orderId)).toHaveLength(1);
  });

  it('given a new customer when creating then 204 + Location and it is found by e-mail', async () => {
    const created = await call(sim, clock, 'POST', '/record/v1/customer', {
      body: {
        firstName: 'Ada',
        lastName: 'Agent',
        email: 'ada@agents.example',
        isPerson: true,
        externalId: 'CUS-1',
      },
    });
    expect(created.status).toBe(204);
    const q = encodeURIComponent('email IS "ada@agents.example"');
    const found = await call(sim, clock, 'GET', `/record/v1/customer?q=${q}`);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([
      String(idFrom(created.headers.get('location'))),
    ]);
  });
});
