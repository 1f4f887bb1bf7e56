/**
 * A seeded API for the REST tests: the two-merchant seed of `commerce/testing.ts` (merchant B
 * shares a SKU with A, so tenant isolation is tested on equal keys) behind `createApp`, plus
 * `call()` to send requests in-process with `app.request()`.
 *
 * @example
 * const api = await seededApi(); afterAll(() => api.close());
 * const res = await api.call('GET', '/products', { key: api.keyA });
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { seedTwoMerchants, type Seed } from '../../commerce/testing.js';
import { createRuntime, type Runtime } from '../../runtime.js';
import type { Database } from '../../store/db.js';
import { openTestDatabase } from '../../store/testing.js';
import type { AppEnv } from './auth.js';
import { createApp, type RestOptions } from './app.js';

export interface SeededApi extends Seed {
  db: Database;
  rt: Runtime;
  app: OpenAPIHono<AppEnv>;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON). */
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function seededApi(options: RestOptions = {}): Promise<SeededApi> {
  const db = await openTestDatabase();
  const rt = createRuntime({ db });
  const seed = await seedTwoMerchants(rt);
  const app = createApp(rt, options);
  const call = (method: string, path: string, o: CallOptions = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.key) headers.authorization = `Bearer ${o.key}`;
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    return Promise.resolve(app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }));
  };
  return { ...seed, db, rt, app, call, close: () => db.close() };
}
