/**
 * The Tryton writers against a scripted fake JSON-RPC server: read before create, one sale after an
 * ambiguous failure, nothing written for bad input, an invoice posted once, parties found by email.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { forgetSharedLimiters } from '../kit/index.js';
import type { SalesOrderInput } from '../types.js';
import { createTrytonConnector, type TrytonConnector } from './index.js';
import { preferences, startFakeTryton, type FakeAnswer, type FakeTryton } from './testing.js';

const dec = (decimal: string) => ({ __class__: 'Decimal', decimal });
let fake: FakeTryton | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A tiny Tryton: one party (9, address 2), products 7 and 8, warehouses 5 and 12, sales and invoices in memory. */
function world(
  opts: { failCreateAfterCommit?: boolean; invoice?: { state: string; reference: string | null } } = {},
) {
  const sales: Record<string, unknown>[] = [];
  const saleRow = (s: Record<string, unknown>) => ({
    id: s.id,
    number: null,
    reference: s.reference,
    description: null,
    comment: null,
    state: s.state,
    party: 9,
    warehouse: s.warehouse,
    'currency.': { code: 'USD' },
    total_amount: dec('20.00'),
    lines: [100],
    invoices: opts.invoice ? [300] : [],
    create_date: null,
    write_date: null,
  });
  const invoice = opts.invoice ? { ...opts.invoice } : undefined;
  const handler = (method: string, params: unknown[]): FakeAnswer | undefined => {
    const [first] = params as [unknown[]];
    const where = JSON.stringify(first);
    switch (method) {
      case 'model.sale.sale.search': {
        const ref = /"reference","=","([^"]+)"/.exec(where)?.[1];
        return { result: sales.filter((s) => s.reference === ref).map((s) => s.id) };
      }
      case 'model.sale.sale.create': {
        const values = (first as Record<string, unknown>[])[0]!;
        sales.push({ ...values, id: sales.length + 1, state: 'draft' });
        return opts.failCreateAfterCommit ? { status: 500 } : { result: [sales.length] };
      }
      case 'model.sale.sale.search_read': {
        const id = Number(/"id","=",(\d+)/.exec(where)?.[1]);
        return { result: sales.filter((s) => s.id === id).map(saleRow) };
      }
      case 'model.sale.sale.quote':
      case 'model.sale.sale.confirm': {
        const sale = sales.find((s) => s.id === (first as number[])[0])!;
        sale.state = method.endsWith('quote') ? 'quotation' : 'processing';
        return { result: null };
      }
      case 'model.sale.line.read':
        return {
          result: [
            {
              id: 100,
              type: 'line',
              product: 7,
              'product.': { code: 'CL-007' },
              quantity: 2,
              unit_price: dec('10.00'),
            },
          ],
        };
      case 'model.currency.currency.search':
        return { result: where.includes('USD') ? [1] : [] };
      case 'model.party.party.search_read':
        return { result: where.includes('9') ? [{ id: 9, addresses: [2] }] : [] };
      case 'model.product.product.search_read':
        return {
          result: [7, 8]
            .filter((id) => where.includes(String(id)))
            .map((id) => ({
              id,
              code: `CL-00${id}`,
              name: `Product ${id}`,
              type: 'goods',
              salable: 1,
              active: 1,
              list_price: dec('10.00'),
              sale_uom: 1,
              default_uom: 1,
            })),
        };
      case 'model.stock.location.search': {
        const id = /"id","=",(\d+)/.exec(where)?.[1];
        return { result: id === undefined ? [5] : [5, 12].filter((w) => w === Number(id)) };
      }
      case 'model.account.invoice.search_read':
        return {
          result: invoice
            ? [
                {
                  id: 300,
                  type: 'out',
                  number: invoice.state === 'posted' ? 'INV1' : null,
                  reference: invoice.reference,
                  state: invoice.state,
                  party: 9,
                  'currency.': { code: 'USD' },
                  total_amount: dec('20.00'),
                  amount_to_pay: dec('20.00'),
                  sales: [1],
                  create_date: null,
                  write_date: null,
                },
              ]
            : [],
        };
      case 'model.account.invoice.write':
        invoice!.reference = ((params as unknown[])[1] as { reference: string }).reference;
        return { result: null };
      case 'model.account.invoice.post':
        invoice!.state = 'posted';
        return { result: null };
      default:
        return undefined;
    }
  };
  return { sales, handler };
}

async function connect(
  handler: (m: string, p: unknown[]) => FakeAnswer | undefined,
): Promise<TrytonConnector> {
  forgetSharedLimiters();
  fake = await startFakeTryton((m, p) => preferences(m) ?? handler(m, p));
  return createTrytonConnector(
    { url: fake.url, database: 'concord', username: 'admin', password: fake.password },
    { merchantId: 'mer_1', system: 'tryton' },
    { retry: { baseDelayMs: 1, maxDelayMs: 2, random: () => 0.5 } },
  );
}

const ORDER: SalesOrderInput = {
  reference: 'ord_1',
  customer_external_id: '9',
  currency: 'USD',
  lines: [{ item_external_id: '7', quantity: 2, location_external_id: '12' }],
};

describe('Tryton sales orders', () => {
  it('given no sale with the reference when creating then one sale is created with the reference, quoted and confirmed', async () => {
    const w = world();
    const tryton = await connect(w.handler);
    const order = await tryton.createSalesOrder(ORDER);
    expect(w.sales).toHaveLength(1);
    expect(w.sales[0]).toMatchObject({
      reference: 'ord_1',
      party: 9,
      warehouse: 12,
      invoice_address: 2,
      invoice_method: 'order',
    });
    expect(fake!.callsOf('model.sale.sale.quote')).toHaveLength(1);
    expect(fake!.callsOf('model.sale.sale.confirm')).toHaveLength(1);
    expect(order).toMatchObject({
      external_id: '1',
      status: 'processing',
      total: { amount: 2000, currency: 'USD' },
    });
  });

  it('given a create that committed but answered 500 when creating then the sale is found by reference and not created again', async () => {
    const w = world({ failCreateAfterCommit: true });
    const tryton = await connect(w.handler);
    const order = await tryton.createSalesOrder(ORDER);
    expect(order.external_id).toBe('1');
    expect(fake!.callsOf('model.sale.sale.create')).toHaveLength(1);
    expect(w.sales).toHaveLength(1);
    expect(w.sales[0]!.state).toBe('processing');
  });

  it('given a sale left in draft with the reference when creating again then nothing is created and it is quoted and confirmed', async () => {
    const w = world();
    w.sales.push({ id: 1, reference: 'ord_1', state: 'draft', warehouse: 12 });
    const tryton = await connect(w.handler);
    expect((await tryton.createSalesOrder(ORDER)).status).toBe('processing');
    expect(fake!.callsOf('model.sale.sale.create')).toHaveLength(0);
  });

  it.each([
    [
      { ...ORDER, lines: [{ item_external_id: '404', quantity: 1 }] },
      'tryton_unknown_item',
      'lines[0].item_external_id',
    ],
    [{ ...ORDER, customer_external_id: '404' }, 'tryton_unknown_customer', 'customer_external_id'],
    [{ ...ORDER, currency: 'EUR' }, 'tryton_unknown_currency', 'currency'],
    [
      { ...ORDER, lines: [{ item_external_id: '7', quantity: 1, location_external_id: '404' }] },
      'tryton_unknown_location',
      'lines[0].location_external_id',
    ],
    [
      {
        ...ORDER,
        lines: [
          { item_external_id: '7', quantity: 1, location_external_id: '5' },
          { item_external_id: '8', quantity: 1, location_external_id: '12' },
        ],
      },
      'tryton_mixed_warehouses',
      'lines',
    ],
    [
      { ...ORDER, lines: [{ item_external_id: '7', quantity: 1.5 }] },
      'tryton_invalid_sales_order',
      'lines[0].quantity',
    ],
  ])(
    'given bad input %# when creating then a validation error (%s) names %s and nothing is written',
    async (input, code, field) => {
      const tryton = await connect(world().handler);
      const error = (await tryton.createSalesOrder(input).catch((e: unknown) => e)) as ConcordError;
      expect(error).toBeInstanceOf(ConcordError);
      expect([error.category, error.code]).toEqual(['validation', code]);
      expect(error.issues.map((i) => i.field)).toContain(field);
      expect(fake!.callsOf('model.sale.sale.create')).toHaveLength(0);
    },
  );
});

describe('Tryton invoices', () => {
  it('given a draft invoice when invoicing twice with one reference then it is written and posted once', async () => {
    const w = world({ invoice: { state: 'draft', reference: null } });
    w.sales.push({ id: 1, reference: 'ord_1', state: 'processing', warehouse: 12 });
    const tryton = await connect(w.handler);
    const first = await tryton.invoiceSalesOrder('1', 'inv_1');
    const again = await tryton.invoiceSalesOrder('1', 'inv_1');
    expect([first.status, again.external_id]).toEqual(['open', first.external_id]);
    expect(fake!.callsOf('model.account.invoice.post')).toHaveLength(1);
    expect(fake!.callsOf('model.account.invoice.write')).toHaveLength(1);
  });

  it('given an invoice posted under another reference when invoicing then a conflict comes back and nothing is posted', async () => {
    const w = world({ invoice: { state: 'posted', reference: 'inv_0' } });
    w.sales.push({ id: 1, reference: 'ord_1', state: 'processing', warehouse: 12 });
    const tryton = await connect(w.handler);
    const error = (await tryton.invoiceSalesOrder('1', 'inv_1').catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code]).toEqual(['conflict', 'tryton_already_invoiced']);
    expect(fake!.callsOf('model.account.invoice.post')).toHaveLength(0);
  });

  it('given a sale still in quotation when invoicing then a conflict says it is not confirmed', async () => {
    const w = world();
    w.sales.push({ id: 1, reference: 'ord_1', state: 'quotation', warehouse: 12 });
    const tryton = await connect(w.handler);
    const error = (await tryton.invoiceSalesOrder('1', 'inv_1').catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code]).toEqual(['conflict', 'tryton_sale_not_confirmed']);
  });
});

describe('Tryton customers', () => {
  it('given an email with an underscore in another case when finding then the ilike pattern is escaped and the party is reused', async () => {
    const tryton = await connect((method) => {
      if (method === 'model.party.contact_mechanism.search_read')
        return { result: [{ id: 1, party: 9, value: 'Ada_L@Example.com' }] };
      if (method === 'model.party.party.search_read')
        return {
          result: [
            {
              id: 9,
              name: 'Ada Lovelace',
              email: 'Ada_L@Example.com',
              phone: null,
              addresses: [],
              create_date: null,
              write_date: null,
            },
          ],
        };
      return undefined;
    });
    const customer = await tryton.findOrCreateCustomer({ email: 'ada_l@example.com' });
    expect(customer).toMatchObject({ external_id: '9', first_name: 'Ada', last_name: 'Lovelace' });
    const [search] = fake!.callsOf('model.party.contact_mechanism.search_read');
    expect((search!.params[0] as unknown[])[1]).toEqual(['value', 'ilike', 'ada\\_l@example.com']);
    expect(fake!.callsOf('model.party.party.create')).toHaveLength(0);
  });

  it('given a new email when creating then the party gets the email, phone and one address', async () => {
    let created: Record<string, unknown> | undefined;
    const tryton = await connect((method, params) => {
      if (method === 'model.party.contact_mechanism.search_read') return { result: [] };
      if (method === 'model.country.country.search') return { result: [1] };
      if (method === 'model.country.subdivision.search') return { result: [4] };
      if (method === 'model.party.party.create') {
        created = (params[0] as Record<string, unknown>[])[0];
        return { result: [10] };
      }
      if (method === 'model.party.party.search_read')
        return {
          result: [
            {
              id: 10,
              name: 'Grace Hopper',
              email: 'grace@example.com',
              phone: '+1 555',
              addresses: [],
              create_date: null,
              write_date: null,
            },
          ],
        };
      return undefined;
    });
    await tryton.findOrCreateCustomer({
      email: 'grace@example.com',
      first_name: 'Grace',
      last_name: 'Hopper',
      phone: '+1 555',
      address: { line1: '1 Navy Way', city: 'Arlington', region: 'VA', country: 'US' },
    });
    expect(created).toEqual({
      name: 'Grace Hopper',
      contact_mechanisms: [
        [
          'create',
          [
            { type: 'email', value: 'grace@example.com' },
            { type: 'phone', value: '+1 555' },
          ],
        ],
      ],
      addresses: [['create', [{ street: '1 Navy Way', city: 'Arlington', country: 1, subdivision: 4 }]]],
    });
  });
});
