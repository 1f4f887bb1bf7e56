/** The credit memo mappers: record JSON → CreditMemo (signs, statuses, which record it credits) and the transform body. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { recordId } from '../../core/ids.js';
import { CreditMemo } from '../../model/index.js';
import { creditMemoStatus, fromCreditInvoiceInput, toUnifiedCreditMemo } from './map-credit-memo.js';
import type { NsTransactionRecord } from './types.js';

const ctx = { merchantId: 'mer_1', system: 'netsuite' };
const id = (kind: Parameters<typeof recordId>[0], ext: string) => recordId(kind, 'mer_1', 'netsuite', ext);
const usd = (amount: number) => ({ amount, currency: 'USD' });
const base = 'https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1';

/** A credit memo as the record API shows it with expandSubResources (shape of the simulator's answer). */
const record: NsTransactionRecord = {
  id: '77',
  tranId: 'CM1003',
  externalId: 'concord-cm-1',
  entity: { id: '4', refName: 'CUST00004' },
  currency: { id: '1', refName: 'USD' },
  status: { id: 'Fully Applied', refName: 'Fully Applied' },
  memo: 'damaged in transit',
  total: 31.5,
  amountRemaining: 0,
  createdFrom: { id: '12', refName: 'INV1002', links: [{ rel: 'self', href: `${base}/invoice/12` }] },
  tranDate: '2026-07-01',
  lastModifiedDate: '2026-07-01T10:00:00Z',
  item: {
    items: [{ item: { id: '2', refName: 'APP-TEE-00002' }, quantity: 3, rate: 10.5, amount: 31.5 }],
  },
};

describe('toUnifiedCreditMemo', () => {
  it('given a credit memo record when mapped then every field is set, ids are Concord ids, and it validates', () => {
    const memo = toUnifiedCreditMemo(record, 'USD', ctx);
    expect(memo).toEqual({
      id: id('credit_memo', '77'),
      system: 'netsuite',
      external_id: '77',
      updated_at: '2026-07-01T10:00:00.000Z',
      number: 'CM1003',
      status: 'applied',
      invoice_id: id('invoice', '12'),
      customer_id: id('customer', '4'),
      lines: [
        {
          item_id: id('item', '2'),
          sku: 'APP-TEE-00002',
          quantity: 3,
          unit_price: usd(1050),
          amount: usd(3150),
        },
      ],
      total: usd(3150),
      memo: 'damaged in transit',
      created_at: '2026-07-01T00:00:00.000Z',
    });
    expect(CreditMemo.parse(memo)).toEqual(memo);
  });

  it('given a memo created from a return authorization or with a bare reference when mapped then only an invoice is named', () => {
    const fromRma = {
      ...record,
      createdFrom: { id: '9', links: [{ rel: 'self', href: `${base}/returnAuthorization/9` }] },
    };
    expect(toUnifiedCreditMemo(fromRma, 'USD', ctx).invoice_id).toBeNull();
    const named = { ...record, createdFrom: { id: '12', refName: 'Invoice #INV1002' } };
    expect(toUnifiedCreditMemo(named, 'USD', ctx).invoice_id).toBe(id('invoice', '12'));
    const rmaNamed = { ...record, createdFrom: { id: '9', refName: 'Return Authorization #RMA4' } };
    expect(toUnifiedCreditMemo(rmaNamed, 'USD', ctx).invoice_id).toBeNull();
    expect(toUnifiedCreditMemo({ ...record, createdFrom: null }, 'USD', ctx).invoice_id).toBeNull();
  });

  it('given any amounts of either sign when mapped then total, rates and line amounts are positive minor units', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.boolean(), (cents, negative) => {
        const value = (negative ? -cents : cents) / 100;
        const rec = {
          ...record,
          total: value,
          item: { items: [{ item: { id: '2' }, quantity: 1, rate: value, amount: value }] },
        };
        const memo = toUnifiedCreditMemo(rec, 'USD', ctx);
        expect(memo.total).toEqual(usd(cents));
        expect(memo.lines[0]!.unit_price).toEqual(usd(cents));
        expect(memo.lines[0]!.amount).toEqual(usd(cents));
      }),
    );
  });
});

describe('creditMemoStatus', () => {
  it.each([
    [{ status: { id: 'Open', refName: 'Open' }, total: 10, amountRemaining: 10 }, 'open'],
    [{ status: { id: 'B', refName: 'Fully Applied' }, total: 10, amountRemaining: 0 }, 'applied'],
    [{ status: 'Voided', total: 10, amountRemaining: 10 }, 'void'],
    [{ status: { id: 'Open', refName: 'Open' }, total: 10, amountRemaining: 0 }, 'applied'],
    [{ total: 10 }, 'open'],
  ] as const)('given %j when mapped then %s', (fields, expected) => {
    expect(creditMemoStatus({ id: '1', ...fields })).toBe(expected);
  });
});

describe('fromCreditInvoiceInput', () => {
  const invoiceLines = [
    { item: { id: '2' }, quantity: 3, rate: 10.5 },
    { item: { id: '5' }, quantity: 1, rate: 99 },
  ];

  it('given no lines when building the body then the whole invoice is credited and applied to it, no replace', () => {
    const out = fromCreditInvoiceInput(
      { invoice_external_id: '12', reference: 'ref-1', memo: 'refund' },
      null,
    );
    expect(out).toEqual({
      replaceItems: false,
      body: {
        externalId: 'ref-1',
        memo: 'refund',
        apply: { items: [{ doc: { id: '12' }, apply: true }] },
      },
    });
  });

  it('given lines when building the body then each carries the invoice rate and the sublist is replaced', () => {
    const out = fromCreditInvoiceInput(
      { invoice_external_id: '12', reference: 'ref-2', lines: [{ item_external_id: '5', quantity: 1 }] },
      invoiceLines,
    );
    expect(out.replaceItems).toBe(true);
    expect(out.body.item).toEqual({ items: [{ item: { id: '5' }, quantity: 1, rate: 99 }] });
    expect(out.body.apply).toEqual({ items: [{ doc: { id: '12' }, apply: true }] });
  });

  it('given an item not on the invoice when building the body then a validation error names the line', () => {
    const error = (() => {
      try {
        fromCreditInvoiceInput(
          {
            invoice_external_id: '12',
            reference: 'ref-3',
            lines: [
              { item_external_id: '2', quantity: 1 },
              { item_external_id: '7', quantity: 1 },
            ],
          },
          invoiceLines,
        );
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConcordError);
    expect((error as ConcordError).category).toBe('validation');
    expect((error as ConcordError).issues.map((i) => i.field)).toEqual(['lines[1].item_external_id']);
  });
});
