/**
 * The invoice → credit memo transform, `POST /record/v1/invoice/{id}/!transform/creditMemo`, as
 * "Transforming Records" documents it
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157901123882.html): 204 +
 * Location; the body may set fields of the new record (`externalId`, `memo`), its `item` sublist, and
 * its `apply` sublist — the page's invoice → credit memo example applies the credit to the invoice
 * through `apply.items[{ doc, apply: true, amount }]` ("you must specify the doc field").
 *
 * Lines: without an `item` sublist the credit memo takes every invoice line not yet credited (a full
 * credit). With `?replace=item` — the transform's `replace` query parameter: "All sublist lines will be
 * replaced with lines specified in the request" — it holds exactly the lines sent; without it, the lines
 * sent are added to those defaults (inferred merge semantics). A line is `{ item: { id }, quantity,
 * rate? }`; the rate defaults to the invoice line's (inferred).
 *
 * Simulator rules (inferred, not documented): an item that is not on the invoice, or more of an item
 * than the invoice still has uncredited, is a 400 USER_ERROR naming the line; a fully credited invoice
 * has no line left ("You must enter at least one line item…"). Applying lowers the invoice's
 * `amountRemaining` by min(credit total, amountRemaining, apply amount) — "Paid In Full" at 0 — and
 * the credit memo is "Fully Applied" when all of it was applied, else "Open" with the rest as its
 * `amountRemaining`. Without an apply line the credit stays unapplied ("Open"). Every check runs
 * before anything changes, so a 400 writes nothing.
 *
 * @example
 * transformToCreditMemo(state, 12, { externalId: 'cm-1', item: { items: [{ item: { id: '2' }, quantity: 1 }] } }, true, now);
 */
import { NsError } from './errors.js';
import type { NetSuiteState, NsLine, NsTransaction } from './state.js';
import { badRef, duplicate, externalIdOf, object, refId, userError, type Json } from './writes.js';

const cents = (n: number) => Math.round(n * 100) / 100;

/** The invoice's lines with the quantity not credited yet (an item's credits use up its lines in order). */
export function uncreditedLines(state: NetSuiteState, invoice: NsTransaction): NsLine[] {
  const credited = new Map<number, number>();
  for (const memo of state.transactionsOf('creditMemo')) {
    if (memo.createdFrom !== invoice.id) continue;
    for (const l of memo.lines) credited.set(l.item, (credited.get(l.item) ?? 0) + l.quantity);
  }
  return invoice.lines.map((l) => {
    const taken = Math.min(l.quantity, credited.get(l.item) ?? 0);
    credited.set(l.item, (credited.get(l.item) ?? 0) - taken);
    return { ...l, quantity: l.quantity - taken, amount: cents(l.rate * (l.quantity - taken)) };
  });
}

interface Wanted {
  item: number;
  quantity: number;
  rate: number;
  location: number | null;
  /** Where the line came from in the request (`item.items[i]`), or null for a default line. */
  path: string | null;
}

/** The `item` sublist of the request, each line an invoice item; undefined when absent. */
function requestedLines(state: NetSuiteState, body: Json, invoice: NsTransaction): Wanted[] | undefined {
  const items = object(body.item)?.items;
  if (items === undefined) return undefined;
  if (!Array.isArray(items)) throw userError('Invalid value for the item sublist.', 'item.items');
  return items.map((raw, index) => {
    const path = `item.items[${index}]`;
    const line = object(raw) ?? {};
    const key = refId(line.item);
    const item = key && /^\d+$/.test(key) ? state.itemsById.get(Number(key)) : undefined;
    if (!item) throw badRef('item', key, `${path}.item`);
    const source = invoice.lines.find((l) => l.item === item.id);
    if (!source) throw userError(`Item ${item.itemId} is not on invoice ${invoice.tranId}.`, `${path}.item`);
    const quantity = Number(line.quantity);
    if (!Number.isInteger(quantity) || quantity <= 0)
      throw userError(`Invalid quantity on line ${index + 1}.`, `${path}.quantity`);
    const rate = line.rate === undefined ? source.rate : Number(line.rate);
    if (!Number.isFinite(rate) || rate < 0)
      throw userError(`Invalid rate on line ${index + 1}.`, `${path}.rate`);
    return { item: item.id, quantity, rate, location: source.location, path };
  });
}

/** Refuses the first line that takes an item past the quantity the invoice still has uncredited. */
function checkQuantities(state: NetSuiteState, invoice: NsTransaction, open: NsLine[], lines: Wanted[]) {
  const left = new Map<number, number>();
  for (const l of open) left.set(l.item, (left.get(l.item) ?? 0) + l.quantity);
  const asked = new Map<number, number>();
  for (const line of lines) {
    const total = (asked.get(line.item) ?? 0) + line.quantity;
    asked.set(line.item, total);
    const remaining = left.get(line.item) ?? 0;
    if (total > remaining) {
      const sku = state.itemsById.get(line.item)?.itemId ?? String(line.item);
      throw userError(
        `You cannot credit more than the remaining quantity of ${sku} on invoice ${invoice.tranId}: ` +
          `${remaining} remaining, ${total} requested.`,
        line.path ? `${line.path}.quantity` : 'item',
      );
    }
  }
}

/** The apply line for the invoice (`apply !== false`), or null; a line for another document is a 400. */
function applyLine(body: Json, invoice: NsTransaction): { amount: number | null } | null {
  const items = object(body.apply)?.items;
  if (items === undefined) return null;
  if (!Array.isArray(items)) throw userError('Invalid value for the apply sublist.', 'apply.items');
  let found: { amount: number | null } | null = null;
  items.forEach((raw, index) => {
    const entry = object(raw) ?? {};
    const doc = refId(entry.doc);
    if (doc !== String(invoice.id)) throw badRef('doc', doc, `apply.items[${index}].doc`);
    if (entry.apply === false) return;
    const amount = entry.amount === undefined ? null : Number(entry.amount);
    if (amount !== null && !(Number.isFinite(amount) && amount > 0))
      throw userError(`Invalid amount on apply line ${index + 1}.`, `apply.items[${index}].amount`);
    found = { amount };
  });
  return found;
}

/** Credits an invoice (all checks first, then the writes); returns the credit memo's internal id. */
export function transformToCreditMemo(
  state: NetSuiteState,
  invoiceId: number,
  body: Json,
  replaceItems: boolean,
  now: number,
): number {
  const invoice = state.transactions.find((t) => t.id === invoiceId && t.type === 'invoice');
  if (!invoice)
    throw new NsError(
      404,
      'NONEXISTENT_ID',
      'The record instance does not exist. Provide a valid record instance ID.',
    );
  const externalId = externalIdOf(body);
  if (externalId && state.transactionsOf('creditMemo').some((t) => t.externalId === externalId))
    throw duplicate('creditMemo', externalId);
  const open = uncreditedLines(state, invoice);
  const defaults: Wanted[] = open
    .filter((l) => l.quantity > 0)
    .map((l) => ({ item: l.item, quantity: l.quantity, rate: l.rate, location: l.location, path: null }));
  const requested = requestedLines(state, body, invoice);
  const wanted = requested === undefined ? defaults : replaceItems ? requested : [...defaults, ...requested];
  if (wanted.length === 0)
    throw userError('You must enter at least one line item for this transaction.', 'item');
  checkQuantities(state, invoice, open, wanted);
  const apply = applyLine(body, invoice);
  const lines: NsLine[] = wanted.map((w, index) => ({
    line: index + 1,
    item: w.item,
    quantity: w.quantity,
    rate: w.rate,
    amount: cents(w.rate * w.quantity),
    location: w.location,
  }));
  const total = cents(lines.reduce((sum, l) => sum + l.amount, 0));
  const applied = apply
    ? cents(Math.max(0, Math.min(total, invoice.amountRemaining, apply.amount ?? Infinity)))
    : 0;
  const memo: NsTransaction = {
    id: state.newId('transaction'),
    type: 'creditMemo',
    tranId: state.newTranId('creditMemo'),
    entity: invoice.entity,
    externalId,
    currency: invoice.currency,
    memo: typeof body.memo === 'string' ? body.memo : null,
    status: applied >= total ? 'Fully Applied' : 'Open',
    lines,
    total,
    amountRemaining: cents(total - applied),
    createdFrom: invoice.id,
    tranDate: now,
    lastModified: now,
  };
  state.transactions.push(memo);
  if (applied > 0) {
    invoice.amountRemaining = cents(invoice.amountRemaining - applied);
    if (invoice.amountRemaining <= 0) invoice.status = 'Paid In Full';
    invoice.lastModified = now;
  }
  return memo.id;
}
