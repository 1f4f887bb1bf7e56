/**
 * Serves the REST app over HTTP with `@hono/node-server`. Port 0 picks a free port; the returned
 * `url` says which. `close()` stops accepting connections and resolves once open ones are done.
 * While it runs, idempotency keys older than 24 h are purged hourly (the delete is idempotent, so
 * several nodes doing it at once is harmless).
 *
 * @example
 * const server = await startRestServer(rt, { port: 4000, host: '127.0.0.1' });
 * console.log(server.url); // http://127.0.0.1:4000
 * await server.close();
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Runtime } from '../../runtime.js';
import { IdempotencyStore } from '../../store/idempotency.js';
import { createApp, type RestOptions } from './app.js';

export interface RestServer {
  url: string;
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 60 * 60 * 1000;

export function startRestServer(
  rt: Runtime,
  options: { port: number; host: string } & RestOptions,
): Promise<RestServer> {
  const app = createApp(rt, options);
  const keys = new IdempotencyStore(rt.db, options.idempotency);
  const purge = setInterval(() => {
    keys
      .purgeExpired()
      .catch((error: unknown) => rt.logger.warn({ err: error }, 'idempotency key purge failed'));
  }, PURGE_EVERY_MS);
  purge.unref();
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      clearInterval(purge);
      reject(error);
    };
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        server.off('error', onError);
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              clearInterval(purge);
              server.close((error) => (error ? fail(error) : done()));
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            }),
        });
      },
    );
    server.once('error', onError);
  });
}
