/**
 * The simulator's HTTP front (node:http on 127.0.0.1). Per request, in this order: count it in
 * flight and answer 429 CONCURRENCY_LIMIT_EXCEEDED at once when that exceeds the account's limit
 * (VENDORS.md: no Retry-After); read the body; wait the configured latency (so requests overlap);
 * verify the TBA signature (401 otherwise); apply an injected failure (`failNext`), either before
 * the handler or, with `afterCommit`, after it ran (an ambiguous failure: the write happened); route.
 * Error bodies follow errors.ts; successful bodies are `application/vnd.oracle.resource+json`
 * (content type inferred), 204 answers have no body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TbaVerifier } from './auth.js';
import {
  CONCURRENCY_EXCEEDED,
  ERROR_CONTENT_TYPE,
  INVALID_LOGIN,
  injectedFailure,
  NsError,
  errorBody,
} from './errors.js';
import { route, type Reply, type RouteContext } from './routes.js';

/** Request counters. */
export interface SimStats {
  requests: number;
  maxInFlight: number;
  rejected429: number;
  /** Injected failures answered (see `failNext`). */
  failuresServed: number;
}

/** A queued injected failure. */
interface Failure {
  status: number;
  afterCommit: boolean;
  /** Only requests of this method take the failure (others pass); any method when absent. */
  method?: string;
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = { ...(reply.headers ?? {}) };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  const kind = Array.isArray((reply.body as { items?: unknown }).items) ? 'collection' : 'singular-resource';
  headers['Content-Type'] ??= `application/vnd.oracle.resource+json; type=${kind}`;
  headers['Content-Length'] = Buffer.byteLength(text);
  res.writeHead(reply.status, headers).end(text);
}

function errorReply(error: NsError): Reply {
  return {
    status: error.status,
    body: errorBody(error.status, error.code, error.detail, error.pointers),
    headers: { 'Content-Type': ERROR_CONTENT_TYPE },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The HTTP server with its scenario knobs. */
export class NetSuiteServer {
  latencyMs = 0;
  concurrencyLimit: number;
  readonly stats: SimStats = { requests: 0, maxInFlight: 0, rejected429: 0, failuresServed: 0 };
  private inFlight = 0;
  private readonly failures: Failure[] = [];
  private readonly server: Server;

  constructor(
    private readonly verifier: TbaVerifier,
    private readonly ctx: Omit<RouteContext, 'concurrencyLimit'>,
    concurrencyLimit: number,
  ) {
    this.concurrencyLimit = concurrencyLimit;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 65_000; // a simulator setting, not a NetSuite fact
  }

  /** Listens on 127.0.0.1 (0 = random port); returns the base URL. */
  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `times` requests (that pass concurrency and auth, of `method` when given) answer `status`. */
  failNext(status: number, times = 1, afterCommit = false, method?: string): void {
    const only = method ? { method: method.toUpperCase() } : {};
    for (let i = 0; i < times; i++) this.failures.push({ status, afterCommit, ...only });
  }

  /** Takes the first queued failure that applies to a request of `method`. */
  private takeFailure(method: string): Failure | undefined {
    const index = this.failures.findIndex((f) => f.method === undefined || f.method === method);
    if (index < 0) return undefined;
    this.stats.failuresServed += 1;
    return this.failures.splice(index, 1)[0];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.stats.requests += 1;
    if (this.inFlight >= this.concurrencyLimit) {
      this.stats.rejected429 += 1;
      req.resume();
      return send(res, errorReply(CONCURRENCY_EXCEEDED));
    }
    this.inFlight += 1;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
    try {
      send(res, await this.process(req));
    } catch {
      if (!res.headersSent) send(res, errorReply(injectedFailure(500)));
      else res.end();
    } finally {
      this.inFlight -= 1;
    }
  }

  private async process(req: IncomingMessage): Promise<Reply> {
    const body = await readBody(req);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const host = (req.headers.host ?? '127.0.0.1').toLowerCase();
    const rawUrl = `http://${host}${req.url ?? '/'}`;
    const method = req.method ?? 'GET';
    if (!this.verifier.verify(method, rawUrl, req.headers.authorization).ok) return errorReply(INVALID_LOGIN);
    const failure = this.takeFailure(method);
    if (failure && !failure.afterCommit) return errorReply(injectedFailure(failure.status));
    const context: RouteContext = { ...this.ctx, concurrencyLimit: () => this.concurrencyLimit };
    let reply: Reply;
    try {
      reply = route(context, { method, url: new URL(rawUrl), headers: req.headers, body });
    } catch (error) {
      if (!(error instanceof NsError)) throw error;
      reply = errorReply(error);
    }
    return failure ? errorReply(injectedFailure(failure.status)) : reply;
  }
}
