/**
 * Tryton JSON-RPC over the kit's HttpClient. One session per client: `common.db.login [user, {password}]`
 * → `[uid, session]`, sent as `Authorization: Session base64(user:uid:session)`; when a call answers 401
 * (the session expired or was revoked) the client logs in again — once — and repeats the call. A failed
 * login is never retried (trytond slows every next attempt down and answers 429 after a few). Every model
 * call gets the user's context as its last parameter, with `company` from
 * `model.res.user.get_preferences` (https://docs.tryton.org/projects/server/en/6.0/topics/rpc.html).
 * Reads and writes are paced separately, shared per server + database in this process: reads a few at a
 * time, writes one at a time (SQLite has one writer). Reads are retried on 5xx, timeouts and a busy
 * database; writes are not (Tryton has no idempotency key: callers read before retrying). Errors name
 * the method, never a parameter, and the session and password never leave this file.
 *
 * @example
 * const tryton = new TrytonClient({ settings });
 * const rows = await tryton.searchRead('product.product', [], { fields: ['code'], limit: 10 });
 */
import type { Logger } from 'pino';
import { ConcordError } from '../../core/errors.js';
import {
  backoffMs,
  ConcurrencyLimiter,
  DEFAULT_RETRY_POLICY,
  HttpClient,
  sharedLimiter,
  systemClock,
  type Clock,
  type RetryPolicy,
} from '../kit/index.js';
import { trytonEndpoint, type TrytonSettings } from './config.js';
import { TRYTON_MANIFEST } from './manifest.js';
import { loginError, rpcError } from './rpc-errors.js';

export interface TrytonClientOptions {
  settings: TrytonSettings;
  clock?: Clock;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
}

/** A Tryton domain: a list of `[field, operator, value]` clauses (and 'AND' / 'OR' / nested lists). */
export type Domain = unknown[];
export type TrytonContext = Record<string, unknown>;

/** What the session's user works with: the context every call carries and the company's currency. */
export interface TrytonSessionInfo {
  context: TrytonContext;
  company: number | null;
  currency: string | null;
}

export interface SearchReadOptions {
  fields: string[];
  offset?: number;
  limit?: number | null;
  order?: [string, 'ASC' | 'DESC'][];
  context?: TrytonContext;
  signal?: AbortSignal;
}

type RpcBody = { id?: unknown; result?: unknown; error?: unknown };

/** Context keys copied from the user's preferences. */
const CONTEXT_KEYS = ['company', 'companies', 'employee', 'language'] as const;

export class TrytonClient {
  readonly reads: ConcurrencyLimiter;
  readonly writes: ConcurrencyLimiter;
  readonly stats = { calls: 0, logins: 0, relogins: 0 };
  readonly #settings: TrytonSettings;
  readonly #endpoint: string;
  readonly #readHttp: HttpClient;
  readonly #writeHttp: HttpClient;
  readonly #loginHttp: HttpClient;
  readonly #clock: Clock;
  readonly #policy: RetryPolicy;
  readonly #logger: Logger | undefined;
  #auth: Promise<string> | undefined;
  #info: Promise<TrytonSessionInfo> | undefined;
  #nextId = 1;

  constructor(opts: TrytonClientOptions) {
    const { settings } = opts;
    this.#settings = settings;
    this.#endpoint = trytonEndpoint(settings);
    this.#clock = opts.clock ?? systemClock;
    this.#logger = opts.logger;
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    const key = `tryton:${this.#endpoint}`;
    this.reads = sharedLimiter(
      `${key}:reads`,
      () => new ConcurrencyLimiter(settings.readConcurrency, this.#clock),
    );
    this.writes = sharedLimiter(
      `${key}:writes`,
      () => new ConcurrencyLimiter(TRYTON_MANIFEST.limits.writeConcurrency, this.#clock),
    );
    const base = {
      baseUrl: this.#endpoint,
      clock: this.#clock,
      logger: opts.logger,
      timeoutMs: settings.timeoutMs,
    };
    this.#readHttp = new HttpClient({
      ...base,
      name: 'tryton',
      retry: opts.retry,
      pace: (a) => this.reads.run(a),
    });
    this.#writeHttp = new HttpClient({
      ...base,
      name: 'tryton',
      retry: opts.retry,
      pace: (a) => this.writes.run(a),
    });
    this.#loginHttp = new HttpClient({ ...base, name: 'tryton', retry: { ...opts.retry, maxAttempts: 1 } });
  }

  /** The session's context (company, language…) and the company's currency, read once. */
  info(): Promise<TrytonSessionInfo> {
    this.#info ??= this.#loadInfo().catch((error: unknown) => {
      this.#info = undefined;
      throw error;
    });
    return this.#info;
  }

  /** Calls `model.<model>.<method>` with `args` and the session context (plus `context`) last. */
  async model(
    model: string,
    method: string,
    args: unknown[],
    opts: { write?: boolean; context?: TrytonContext; signal?: AbortSignal } = {},
  ): Promise<unknown> {
    const { context } = await this.info();
    return this.call(`model.${model}.${method}`, [...args, { ...context, ...opts.context }], opts);
  }

  /** `search_read [domain, offset, limit, order, fields, context]`; rows are returned as sent. */
  async searchRead(model: string, domain: Domain, opts: SearchReadOptions): Promise<unknown[]> {
    const args = [domain, opts.offset ?? 0, opts.limit ?? null, opts.order ?? [['id', 'ASC']], opts.fields];
    return asArray(await this.model(model, 'search_read', args, opts), model);
  }

  /** `read [ids, fields, context]` (an error when an id does not exist). */
  async read(model: string, ids: number[], fields: string[], context?: TrytonContext): Promise<unknown[]> {
    if (ids.length === 0) return [];
    return asArray(await this.model(model, 'read', [ids, fields], { context }), model);
  }

  /** `search [domain, offset, limit, order, context]` → ids. */
  async search(
    model: string,
    domain: Domain,
    opts: { limit?: number; context?: TrytonContext } = {},
  ): Promise<number[]> {
    const ids = await this.model(model, 'search', [domain, 0, opts.limit ?? null, [['id', 'ASC']]], opts);
    return asArray(ids, model).filter((id): id is number => typeof id === 'number');
  }

  /** `create [[values…], context]` → new ids (a write: never retried). */
  async create(model: string, values: Record<string, unknown>[]): Promise<number[]> {
    const ids = await this.model(model, 'create', [values], { write: true });
    return asArray(ids, model).filter((id): id is number => typeof id === 'number');
  }

  /** `write [ids, values, context]`. */
  async write(model: string, ids: number[], values: Record<string, unknown>): Promise<void> {
    await this.model(model, 'write', [ids, values], { write: true });
  }

  /** A button or workflow method taking `[ids, context]` (`sale.sale.quote`, `account.invoice.post`…). */
  async button(model: string, method: string, ids: number[]): Promise<unknown> {
    return this.model(model, method, [ids], { write: true });
  }

  /** A raw JSON-RPC call with the session (re-logging in once on 401). */
  async call(
    method: string,
    params: unknown[],
    opts: { write?: boolean; signal?: AbortSignal } = {},
  ): Promise<unknown> {
    const auth = await this.#session();
    try {
      return await this.#attempts(method, params, auth, opts);
    } catch (error) {
      if (!(error instanceof ConcordError) || error.detail.status !== 401) throw error;
      if (this.#auth && (await this.#auth.catch(() => undefined)) === auth) this.#auth = undefined;
      this.stats.relogins++;
      this.#logger?.info({ method }, 'Tryton session expired; logging in again');
      return this.#attempts(method, params, await this.#session(), opts);
    }
  }

  /** Ends the session (`common.db.logout`); the next call logs in again. */
  async logout(): Promise<void> {
    const auth = this.#auth;
    this.#auth = undefined;
    if (!auth) return;
    const header = await auth.catch(() => undefined);
    if (header) await this.#post(this.#writeHttp, 'common.db.logout', [], header).catch(() => undefined);
  }

  /** Sends one call; a read is tried again on a transient JSON-RPC error (a busy SQLite database). */
  async #attempts(
    method: string,
    params: unknown[],
    auth: string,
    opts: { write?: boolean; signal?: AbortSignal },
  ): Promise<unknown> {
    const http = opts.write ? this.#writeHttp : this.#readHttp;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#post(http, method, params, auth, opts.signal, !opts.write);
      } catch (error) {
        const transient = error instanceof ConcordError && error.code === 'tryton_database_busy';
        if (!transient || opts.write || attempt >= TRYTON_MANIFEST.limits.readAttempts) throw error;
        await this.#clock.sleep(backoffMs(attempt, this.#policy), opts.signal);
      }
    }
  }

  async #post(
    http: HttpClient,
    method: string,
    params: unknown[],
    auth: string | undefined,
    signal?: AbortSignal,
    guarded = false,
  ): Promise<unknown> {
    this.stats.calls++;
    const res = await http.request<RpcBody>({
      method: 'POST',
      path: this.#endpoint,
      json: { id: this.#nextId++, method, params },
      headers: auth ? { authorization: auth } : undefined,
      guarded,
      signal,
    });
    const body = res.body;
    if (!body || typeof body !== 'object') {
      throw new ConcordError(
        'upstream',
        'tryton_invalid_response',
        `Tryton ${method} answered without a JSON-RPC body`,
      );
    }
    if (body.error !== undefined && body.error !== null) throw rpcError(method, body.error);
    return body.result;
  }

  #session(): Promise<string> {
    this.#auth ??= this.#login().catch((error: unknown) => {
      this.#auth = undefined;
      throw error;
    });
    return this.#auth;
  }

  async #login(): Promise<string> {
    const { username, password, database } = this.#settings;
    this.stats.logins++;
    let result: unknown;
    try {
      result = await this.#post(this.#loginHttp, 'common.db.login', [username, { password }], undefined);
    } catch (error) {
      throw loginError(error, username, database);
    }
    const [uid, session] = Array.isArray(result) ? (result as unknown[]) : [];
    if (typeof uid !== 'number' || typeof session !== 'string') {
      throw loginError(undefined, username, database);
    }
    return `Session ${Buffer.from(`${username}:${uid}:${session}`).toString('base64')}`;
  }

  async #loadInfo(): Promise<TrytonSessionInfo> {
    const prefs = await this.call('model.res.user.get_preferences', [true, {}]);
    const context: TrytonContext = {};
    if (prefs && typeof prefs === 'object') {
      for (const key of CONTEXT_KEYS) {
        const value = (prefs as Record<string, unknown>)[key];
        if (value !== undefined && value !== null) context[key] = value;
      }
    }
    const company = typeof context.company === 'number' ? context.company : null;
    let currency: string | null = null;
    if (company !== null) {
      const rows = await this.call('model.company.company.read', [[company], ['currency.code'], context]);
      const code = (
        asArray(rows, 'company.company')[0] as { 'currency.'?: { code?: unknown } } | undefined
      )?.['currency.']?.code;
      currency = typeof code === 'string' ? code : null;
    }
    return { context, company, currency };
  }
}

function asArray(value: unknown, model: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ConcordError(
    'upstream',
    'tryton_invalid_response',
    `Tryton ${model} answered something other than a list`,
  );
}
