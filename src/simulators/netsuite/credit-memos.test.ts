/**
 * The invoice → credit memo transform over real HTTP: full and partial credits, the invoice's amount
 * remaining, over-crediting refused with nothing written, unique externalIds, idempotency-key replays,
 * and credit memos visible to SuiteQL as type CustCred.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetSuiteSimulator, type NetSuiteSimulator } from './index.js';
import { call, ManualClock } from './testing.js';

let sim: NetSuiteSimulator;
const clock = new ManualClock();
let n = 0;

beforeAll(async () => {
  sim = await startNetSuiteSimulator({ seed: { items: 10, customers: 3, seed: 11 }, clock });
});
afterAll(async () => {
  await sim.close();
});

const idFrom = (location: string | null) => Number(location?.split('/').pop());
const memos = () => sim.state.transactionsOf('creditMemo');
const invoiceOf = (id: number) => sim.state.transactions.find((t) => t.id === id)!;

/** A new invoice of 3 × item 2 at 10.50 and 1 × item 5 at 99 (total 130.50). */
async function newInvoice(): Promise<number> {
  const order = await call(sim, clock, 'POST', '/record/v1/salesOrder', {
    body: {
      entity: { id: '1' },
      externalId: `SO-CM-${++n}`,
      item: {
        items: [
          { item: { id: '2' }, quantity: 3, rate: 10.5, location: { id: '1' } },
          { item: { id: '5' }, quantity: 1, rate: 99 },
        ],
      },
    },
  });
  const invoiced = await call(
    sim,
    clock,
    'POST',
    `/record/v1/salesOrder/${idFrom(order.headers.get('location'))}/!transform/invoice`,
    { body: {} },
  );
  return idFrom(invoiced.headers.get('location'));
}

const apply = (invoiceId: number) => ({ items: [{ doc: { id: String(invoiceId) }, apply: true }] });
const credit = (invoiceId: number, body: unknown, query = '', headers: Record<string, string> = {}) =>
  call(sim, clock, 'POST', `/record/v1/invoice/${invoiceId}/!transform/creditMemo${query}`, {
    body,
    headers,
  });

describe('NetSuite simulator: invoice → credit memo', () => {
  it('given an invoice when crediting it in full then 204 + Location, every line credited, applied, and the invoice paid', async () => {
    const invoiceId = await newInvoice();
    const res = await credit(invoiceId, { externalId: 'CM-FULL', memo: 'refund', apply: apply(invoiceId) });
    expect(res.status).toBe(204);
    const location = res.headers.get('location');
    expect(location).toMatch(new RegExp(`^${sim.url}/services/rest/record/v1/creditMemo/\\d+$`));
    const got = await call(
      sim,
      clock,
      'GET',
      `/record/v1/creditMemo/${idFrom(location)}?expandSubResources=true`,
    );
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      externalId: 'CM-FULL',
      memo: 'refund',
      createdFrom: { id: String(invoiceId) },
      entity: { id: '1' },
      total: 130.5,
      amountRemaining: 0,
      status: { id: 'Fully Applied' },
    });
    expect(got.body.tranId).toMatch(/^CM\d+$/);
    const lines = got.body.item.items.map((l: { item: { id: string }; quantity: number; rate: number }) => [
      l.item.id,
      l.quantity,
      l.rate,
    ]);
    expect(lines).toEqual([
      ['2', 3, 10.5],
      ['5', 1, 99],
    ]);
    expect(invoiceOf(invoiceId)).toMatchObject({ amountRemaining: 0, status: 'Paid In Full' });
    const plain = await call(sim, clock, 'GET', `/record/v1/creditMemo/${idFrom(location)}`);
    expect(plain.body.item.items).toBeUndefined();
  });

  it('given replace=item when crediting part of an item twice then each memo holds its lines and the invoice keeps the rest due', async () => {
    const invoiceId = await newInvoice();
    const partial = { item: { items: [{ item: { id: '2' }, quantity: 1 }] }, apply: apply(invoiceId) };
    const first = await credit(invoiceId, { ...partial, externalId: 'CM-P1' }, '?replace=item');
    const second = await credit(invoiceId, { ...partial, externalId: 'CM-P2' }, '?replace=item');
    expect([first.status, second.status]).toEqual([204, 204]);
    const memo = memos().find((m) => m.externalId === 'CM-P2')!;
    expect(memo.lines.map((l) => [l.item, l.quantity, l.rate, l.amount])).toEqual([[2, 1, 10.5, 10.5]]);
    expect(memo).toMatchObject({ total: 10.5, amountRemaining: 0, status: 'Fully Applied' });
    expect(invoiceOf(invoiceId)).toMatchObject({ amountRemaining: 109.5, status: 'Open' });
  });

  it('given more than the invoice has left of an item when crediting then 400 USER_ERROR naming the line, and nothing is written', async () => {
    const invoiceId = await newInvoice();
    await credit(invoiceId, { item: { items: [{ item: { id: '2' }, quantity: 2 }] } }, '?replace=item');
    const before = { memos: memos().length, due: invoiceOf(invoiceId).amountRemaining };
    const over = await credit(
      invoiceId,
      {
        item: {
          items: [
            { item: { id: '5' }, quantity: 1 },
            { item: { id: '2' }, quantity: 2 },
          ],
        },
      },
      '?replace=item',
    );
    expect(over.status).toBe(400);
    expect(over.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'USER_ERROR',
      'o:errorPath': 'item.items[1].quantity',
    });
    expect(over.body['o:errorDetails'][0].detail).toContain('1 remaining, 2 requested');
    expect({ memos: memos().length, due: invoiceOf(invoiceId).amountRemaining }).toEqual(before);
  });

  it('given lines without replace=item when crediting then they add to the full credit and are refused as over-credit', async () => {
    const invoiceId = await newInvoice();
    const before = memos().length;
    const res = await credit(invoiceId, { item: { items: [{ item: { id: '2' }, quantity: 1 }] } });
    expect(res.status).toBe(400);
    expect(res.body['o:errorDetails'][0]['o:errorPath']).toBe('item.items[0].quantity');
    expect(memos().length).toBe(before);
  });

  it('given an item not on the invoice, a fully credited invoice, or an unknown invoice when crediting then 4xx and nothing is written', async () => {
    const invoiceId = await newInvoice();
    const before = memos().length;
    const stranger = await credit(
      invoiceId,
      { item: { items: [{ item: { id: '7' }, quantity: 1 }] } },
      '?replace=item',
    );
    expect(stranger.status).toBe(400);
    expect(stranger.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'USER_ERROR',
      'o:errorPath': 'item.items[0].item',
    });
    const otherDoc = await credit(invoiceId, { apply: { items: [{ doc: { id: '999' }, apply: true }] } });
    expect(otherDoc.body['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INVALID_FLD_VALUE' });
    const unknown = await credit(987_654, {});
    expect(unknown.status).toBe(404);
    expect(memos().length).toBe(before);
    expect((await credit(invoiceId, {})).status).toBe(204);
    const again = await credit(invoiceId, {});
    expect(again.status).toBe(400);
    expect(again.body['o:errorDetails'][0].detail).toBe(
      'You must enter at least one line item for this transaction.',
    );
    expect(memos().length).toBe(before + 1);
  });

  it('given no apply line when crediting then the credit memo stays Open and the invoice amount due is unchanged', async () => {
    const invoiceId = await newInvoice();
    await credit(invoiceId, { externalId: 'CM-UNAPPLIED' });
    expect(memos().find((m) => m.externalId === 'CM-UNAPPLIED')).toMatchObject({
      status: 'Open',
      amountRemaining: 130.5,
    });
    expect(invoiceOf(invoiceId)).toMatchObject({ amountRemaining: 130.5, status: 'Open' });
  });

  it('given the same externalId twice when crediting then 400 DUP_RCRD and one credit memo', async () => {
    const invoiceId = await newInvoice();
    const body = { externalId: 'CM-DUP', item: { items: [{ item: { id: '2' }, quantity: 1 }] } };
    const first = await credit(invoiceId, body, '?replace=item');
    const second = await credit(invoiceId, body, '?replace=item');
    expect([first.status, second.status]).toEqual([204, 400]);
    expect(second.body['o:errorDetails'][0]).toMatchObject({
      'o:errorCode': 'DUP_RCRD',
      'o:errorPath': 'externalId',
    });
    expect(memos().filter((m) => m.externalId === 'CM-DUP')).toHaveLength(1);
    const byEid = await call(sim, clock, 'GET', '/record/v1/creditMemo/eid:CM-DUP');
    expect(byEid.body.id).toBe(first.headers.get('location')!.split('/').pop());
  });

  it('given an idempotency key when the same transform is replayed then the same Location and one memo; another body is IDEMPOTENCY_ERROR', async () => {
    const invoiceId = await newInvoice();
    const headers = { 'X-NetSuite-Idempotency-Key': randomUUID() };
    const body = { item: { items: [{ item: { id: '2' }, quantity: 1 }] } };
    const before = memos().length;
    const first = await credit(invoiceId, body, '?replace=item', headers);
    const again = await credit(invoiceId, body, '?replace=item', headers);
    expect([first.status, again.status]).toEqual([204, 204]);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(memos().length).toBe(before + 1);
    const other = await credit(invoiceId, { ...body, memo: 'other' }, '?replace=item', headers);
    expect(other.status).toBe(400);
    expect(other.body['o:errorDetails'][0]['o:errorCode']).toBe('IDEMPOTENCY_ERROR');
    expect(memos().length).toBe(before + 1);
  });

  it('given credit memos when querying the transaction table then each is listed as CustCred, created from its invoice', async () => {
    const res = await call(sim, clock, 'POST', '/query/v1/suiteql?limit=1000&offset=0', {
      body: { q: "SELECT id, type, createdfrom FROM transaction WHERE type = 'CustCred' ORDER BY id" },
      headers: { Prefer: 'transient' },
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => Number(r.id))).toEqual(memos().map((m) => m.id));
    expect(res.body.items.map((r: { createdfrom: string }) => Number(r.createdfrom))).toEqual(
      memos().map((m) => m.createdFrom),
    );
    expect(memos().length).toBeGreaterThan(0);
  });
});
