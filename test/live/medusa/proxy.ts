/**
 * A local HTTP proxy in front of the live Medusa that can make one chosen request fail ambiguously:
 * `fail-after` forwards it (Medusa commits) and answers 503 instead of Medusa's reply; `fail-before`
 * answers 503 without forwarding (nothing happened). This is the case the connector's
 * read-before-write guards exist for. Everything else passes through unchanged.
 *
 * @example
 * const proxy = await sabotagingProxy(medusa.url);
 * proxy.arm('POST', /^\/admin\/draft-orders(\?|$)/, 'fail-after');
 */
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Sabotage = 'fail-before' | 'fail-after';

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface SabotagingProxy {
  url: string;
  arm(method: string, path: RegExp, how: Sabotage): void;
  readonly armed: boolean;
  /** Requests that were sabotaged, as "METHOD path". */
  readonly hits: string[];
  close(): Promise<void>;
}

export async function sabotagingProxy(target: string): Promise<SabotagingProxy> {
  const upstream = new URL(target);
  let armed: { method: string; path: RegExp; how: Sabotage } | undefined;
  const hits: string[] = [];
  const forward = (req: IncomingMessage, payload: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        async (res) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (typeof v === 'string' && !['transfer-encoding', 'connection'].includes(k)) headers[k] = v;
          }
          resolve({ status: res.statusCode ?? 502, headers, body: await body(res) });
        },
      );
      out.on('error', reject);
      out.end(payload);
    });
  const server = createServer(async (req, res) => {
    const payload = await body(req);
    const hit = armed && req.method === armed.method && armed.path.test(req.url ?? '') ? armed : undefined;
    if (hit) {
      armed = undefined;
      hits.push(`${req.method} ${req.url}`);
    }
    if (hit?.how !== 'fail-before') {
      const reply = await forward(req, payload);
      if (!hit) {
        res.writeHead(reply.status, reply.headers).end(reply.body);
        return;
      }
    }
    res
      .writeHead(503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ type: 'unexpected_state', message: 'Service Unavailable (sabotaged)' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    arm(method, path, how) {
      armed = { method, path, how };
    },
    get armed() {
      return armed !== undefined;
    },
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
