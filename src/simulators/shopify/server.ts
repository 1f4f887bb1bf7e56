/**
 * The simulator's HTTP front (node:http on 127.0.0.1): `POST /admin/api/2026-10/graphql.json`
 * (JSON or `application/graphql` bodies) behind `X-Shopify-Access-Token`, other API versions 404,
 * and `GET /bulk/{id}.jsonl` for bulk results. Scenario hooks: `failNext(status, times)` answers the
 * next GraphQL requests with an error status and a Shopify-like body, `latencyMs` delays them.
 * https://shopify.dev/docs/api/usage/authentication, https://shopify.dev/docs/api/usage/response-codes
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphqlReply, GraphqlRequest } from './graphql-handler.js';

/** The one API version served. */
export const API_VERSION = '2026-10';

/** Body of a 401 (https://shopify.dev/docs/api/usage/response-codes). */
export const INVALID_TOKEN_BODY = {
  errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};

/** What the HTTP front delegates to. */
export interface ServerDeps {
  accessToken: string;
  graphql(request: GraphqlRequest): GraphqlReply;
  /** Path of a finished bulk result file, by bulk operation id. */
  bulkFile(num: number): string | undefined;
  stats: { requests: number };
}

/** Body Shopify-like services send with an error status (inferred for 5xx). */
function failureBody(status: number): { body: unknown; headers: Record<string, string> } {
  if (status === 429) {
    return {
      body: {
        errors:
          'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
      },
      headers: { 'Retry-After': '2.0' },
    };
  }
  return { body: { errors: STATUS_CODES[status] ?? 'Error' }, headers: {} };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-Id': randomUUID(),
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseRequest(req: IncomingMessage, raw: string): GraphqlRequest | undefined {
  if ((req.headers['content-type'] ?? '').includes('application/graphql')) return { query: raw };
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as GraphqlRequest) : undefined;
  } catch {
    return undefined;
  }
}

/** The HTTP server. */
export class SimServer {
  latencyMs = 0;
  private readonly failures: number[] = [];
  private readonly server: Server;

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((req, res) => {
      this.route(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, { errors: 'Internal Server Error' });
        else res.end();
      });
    });
    // Longer than a client's idle pooling (undici keeps sockets 4 s) plus a bulk poll's backoff, so a
    // reused socket is not closed under a request in flight (which surfaces as a network error).
    // Shopify's own keep-alive is not documented; this is a simulator setting, not a wire fact.
    this.server.keepAliveTimeout = 65_000;
  }

  /** Listens on 127.0.0.1 (port 0 = random free port) and returns the base URL. */
  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `times` GraphQL requests are answered with `status`. */
  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(status);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const api = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(path);
    if (api) return this.graphql(req, res, api[1] as string);
    const bulk = /^\/bulk\/(\d+)\.jsonl$/.exec(path);
    if (bulk && req.method === 'GET') return this.download(res, Number(bulk[1]));
    send(res, 404, { errors: 'Not Found' });
  }

  private async graphql(req: IncomingMessage, res: ServerResponse, version: string): Promise<void> {
    if (version !== API_VERSION) return send(res, 404, { errors: 'Not Found' });
    if (req.method !== 'POST') return send(res, 405, { errors: 'Method Not Allowed' });
    this.deps.stats.requests += 1;
    const raw = await readBody(req);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const headers = { 'X-Shopify-API-Version': API_VERSION };
    const failure = this.failures.shift();
    if (failure !== undefined) {
      const { body, headers: extra } = failureBody(failure);
      return send(res, failure, body, { ...headers, ...extra });
    }
    if (req.headers['x-shopify-access-token'] !== this.deps.accessToken)
      return send(res, 401, INVALID_TOKEN_BODY, headers);
    const request = parseRequest(req, raw);
    if (!request) return send(res, 400, { errors: 'Bad Request: the body is not valid JSON' }, headers);
    const reply = this.deps.graphql(request);
    send(res, reply.status, reply.body, headers);
  }

  private download(res: ServerResponse, num: number): void {
    const file = this.deps.bulkFile(num);
    if (!file) return send(res, 404, { errors: 'Not Found' });
    res.writeHead(200, { 'Content-Type': 'application/jsonl' });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }
}
