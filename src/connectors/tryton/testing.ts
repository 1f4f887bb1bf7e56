/**
 * Test support for the Tryton connector's unit tests (no Tryton needed): a scripted JSON-RPC server on a
 * random local port that checks the session header, answers `common.db.login`, and hands every other call
 * to a handler by method name — the handler may answer a result, a JSON-RPC error, or an HTTP status
 * (401 for an expired session, 500 after committing). It records every call, so tests count requests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  params: unknown[];
  authorization: string | undefined;
}

export type FakeAnswer = { result: unknown } | { error: unknown } | { status: number };
export type FakeHandler = (method: string, params: unknown[], call: FakeCall) => FakeAnswer | undefined;

export interface FakeTryton {
  url: string;
  calls: FakeCall[];
  /** Sessions handed out so far; revoke one to make its next call answer 401. */
  sessions: Set<string>;
  password: string;
  callsOf(method: string): FakeCall[];
  close(): Promise<void>;
}

/** The header a session gets: `Session base64(login:uid:session)`. */
export function sessionHeader(login: string, uid: number, session: string): string {
  return `Session ${Buffer.from(`${login}:${uid}:${session}`).toString('base64')}`;
}

/** Starts the fake for database `concord`, user `admin` with `password`. */
export async function startFakeTryton(
  handler: FakeHandler,
  password = 'fake-password-123',
): Promise<FakeTryton> {
  const calls: FakeCall[] = [];
  const sessions = new Set<string>();
  let next = 1;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const { id, method, params } = JSON.parse(body) as { id: number; method: string; params: unknown[] };
      const call = { method, params, authorization: req.headers.authorization };
      calls.push(call);
      const send = (status: number, payload?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(payload === undefined ? '' : JSON.stringify(payload));
      };
      if (req.url !== '/concord/') return send(404);
      if (method === 'common.db.login') {
        const [login, parameters] = params as [string, { password?: string }];
        if (login !== 'admin' || parameters.password !== password) return send(401);
        const session = `s${next++}`;
        sessions.add(sessionHeader('admin', 1, session));
        return send(200, { id, result: [1, session] });
      }
      if (!call.authorization || !sessions.has(call.authorization)) return send(401);
      const answer = handler(method, params, call) ?? { result: null };
      if ('status' in answer) return send(answer.status, { id, error: 'failed' });
      return send(200, { id, ...answer });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sessions,
    password,
    callsOf: (method) => calls.filter((c) => c.method === method),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Answers the calls every connector makes first: preferences (company 1) and the company's currency. */
export function preferences(method: string): FakeAnswer | undefined {
  if (method === 'model.res.user.get_preferences')
    return { result: { company: 1, language: 'en', groups: [1] } };
  if (method === 'model.company.company.read')
    return { result: [{ id: 1, 'currency.': { id: 1, code: 'USD' } }] };
  return undefined;
}
