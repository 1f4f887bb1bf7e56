/**
 * The REST routes under `/services/rest`, as pure handlers from a parsed request to a reply:
 * governance limits, record collections and records, creates (204 + Location), the invoice and
 * credit memo transforms, SuiteQL, and the `X-NetSuite-Idempotency-Key` guard on POSTs. The idempotency key is
 * documented for asynchronous requests; applying it to synchronous POSTs is inferred (see
 * VENDORS.md). A key reused with a different request answers 400 IDEMPOTENCY_ERROR.
 */
import { createHash } from 'node:crypto';
import { NsError } from './errors.js';
import { pageEnvelope, pageRequest } from './paging.js';
import { RECORD_TYPES, recordIds, recordJson, resolveId, type RecordType } from './records.js';
import type { NetSuiteState } from './state.js';
import { runSuiteQl } from './suiteql.js';
import { createCustomer, createSalesOrder, transformToInvoice } from './writes.js';
import { transformToCreditMemo } from './credit-memos.js';

/** A request as the routes see it. */
export interface RouteRequest {
  method: string;
  url: URL; // as called, e.g. http://127.0.0.1:PORT/services/rest/record/v1/customer?limit=5
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What a route answers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the routes need. */
export interface RouteContext {
  state: NetSuiteState;
  now: () => number;
  concurrencyLimit: () => number;
}

const PREFIX = '/services/rest';

function parseJson(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new NsError(400, 'INVALID_CONTENT', 'The request body is not valid JSON.');
}

function notFound(
  detail = 'The record instance does not exist. Provide a valid record instance ID.',
): NsError {
  return new NsError(404, 'NONEXISTENT_ID', detail);
}

function recordType(name: string | undefined): RecordType {
  const type = RECORD_TYPES.find((t) => t.toLowerCase() === (name ?? '').toLowerCase());
  if (!type) throw new NsError(404, 'INVALID_RCRD_TYPE', `Record type '${name}' does not exist.`);
  return type;
}

function collection(ctx: RouteContext, req: RouteRequest, type: RecordType): Reply {
  const page = pageRequest(req.url.searchParams);
  let ids = recordIds(ctx.state, type);
  const q = req.url.searchParams.get('q');
  if (q !== null) {
    // Record-API query subset: only `email IS "…"` on customer (inferred; NetSuite's q syntax is larger).
    const match = /^\s*email\s+IS\s+"([^"]*)"\s*$/i.exec(q);
    if (type !== 'customer' || !match)
      throw new NsError(400, 'INVALID_PARAMETER', `Invalid query: ${q}`, { 'o:errorQueryParam': 'q' });
    const email = (match[1] as string).toLowerCase();
    ids = ctx.state.customers.filter((c) => c.email.toLowerCase() === email).map((c) => c.id);
  }
  const recordBase = `${req.url.origin}${PREFIX}/record/v1`;
  const items = ids.slice(page.offset, page.offset + page.limit).map((id) => ({
    links: [{ rel: 'self', href: `${recordBase}/${type}/${id}` }],
    id: String(id),
  }));
  return { status: 200, body: pageEnvelope(req.url, page, ids.length, items) };
}

function getRecord(ctx: RouteContext, req: RouteRequest, type: RecordType, key: string): Reply {
  const id = resolveId(ctx.state, type, decodeURIComponent(key));
  const expand = req.url.searchParams.get('expandSubResources') === 'true';
  const recordBase = `${req.url.origin}${PREFIX}/record/v1`;
  const body = id === undefined ? undefined : recordJson({ state: ctx.state, recordBase, expand }, type, id);
  if (body === undefined) throw notFound();
  return { status: 200, body };
}

function created(req: RouteRequest, type: string, id: number): Reply {
  return { status: 204, headers: { Location: `${req.url.origin}${PREFIX}/record/v1/${type}/${id}` } };
}

function post(ctx: RouteContext, req: RouteRequest, parts: string[]): Reply {
  const body = parseJson(req.body);
  const now = ctx.now();
  if (parts.length === 1) {
    const type = recordType(parts[0]);
    if (type === 'customer') return created(req, type, createCustomer(ctx.state, body, now));
    if (type === 'salesOrder') return created(req, type, createSalesOrder(ctx.state, body, now));
    throw new NsError(
      405,
      'METHOD_NOT_ALLOWED',
      `Creating ${type} records is not supported by the simulator.`,
    );
  }
  if (parts.length === 4 && parts[2] === '!transform') {
    const type = recordType(parts[0]);
    const target = parts[3]?.toLowerCase();
    if (!(type === 'salesOrder' && target === 'invoice') && !(type === 'invoice' && target === 'creditmemo'))
      throw new NsError(400, 'INVALID_PARAMETER', `Transforming ${type} to ${parts[3]} is not supported.`);
    const id = resolveId(ctx.state, type, decodeURIComponent(parts[1] as string));
    if (id === undefined) throw notFound();
    if (type === 'salesOrder') return created(req, 'invoice', transformToInvoice(ctx.state, id, body, now));
    const replace = (req.url.searchParams.get('replace') ?? '').split(',').map((s) => s.trim().toLowerCase());
    return created(
      req,
      'creditMemo',
      transformToCreditMemo(ctx.state, id, body, replace.includes('item'), now),
    );
  }
  throw notFound('The requested resource does not exist.');
}

/** Answers POSTs carrying an idempotency key once; replays the first answer for the same request. */
function withIdempotency(ctx: RouteContext, req: RouteRequest, run: () => Reply): Reply {
  const raw = req.headers['x-netsuite-idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) return run();
  const fingerprint = createHash('sha256')
    .update(`${req.method} ${req.url.pathname}${req.url.search}\n${req.body}`)
    .digest('hex');
  const seen = ctx.state.idempotency.get(key);
  if (seen) {
    if (seen.fingerprint !== fingerprint)
      throw new NsError(
        400,
        'IDEMPOTENCY_ERROR',
        `The idempotency key ${key} was already used for a different request.`,
        {
          'o:errorHeader': 'X-NetSuite-Idempotency-Key',
        },
      );
    return { status: 204, headers: { Location: seen.location } };
  }
  const reply = run();
  const location = reply.headers?.Location;
  if (reply.status === 204 && location) ctx.state.idempotency.set(key, { fingerprint, location });
  return reply;
}

/** Routes one authenticated request. */
export function route(ctx: RouteContext, req: RouteRequest): Reply {
  const path = req.url.pathname;
  if (!path.startsWith(`${PREFIX}/`)) throw notFound('The requested resource does not exist.');
  const rest = path.slice(PREFIX.length);
  if (rest === '/system/v1/governanceLimits' && req.method === 'GET') {
    // https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/article_0625010817.html
    const limit = ctx.concurrencyLimit();
    return {
      status: 200,
      body: {
        accountConcurrencyLimit: limit,
        accountUnallocatedConcurrencyLimit: limit,
        integrationLimitType: 'accountLimit',
      },
    };
  }
  if (rest === '/query/v1/suiteql' && req.method === 'POST') {
    const page = pageRequest(req.url.searchParams);
    const { total, items } = runSuiteQl(ctx.state, parseJson(req.body).q, page);
    return { status: 200, body: pageEnvelope(req.url, page, total, items) };
  }
  if (!rest.startsWith('/record/v1/')) throw notFound('The requested resource does not exist.');
  const parts = rest.slice('/record/v1/'.length).split('/');
  if (req.method === 'GET' && parts.length === 1) return collection(ctx, req, recordType(parts[0]));
  if (req.method === 'GET' && parts.length === 2)
    return getRecord(ctx, req, recordType(parts[0]), parts[1] as string);
  if (req.method === 'POST') return withIdempotency(ctx, req, () => post(ctx, req, parts));
  throw new NsError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not supported on ${rest}.`);
}
