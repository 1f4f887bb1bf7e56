/**
 * Shopify Admin GraphQL over the kit's HttpClient, paced by the shop's calculated-cost bucket
 * (https://shopify.dev/docs/api/usage/rate-limits). Before each attempt it reserves the query's
 * requested cost in a CostBucket shared by every client of the shop in this process (the estimate is
 * `cost.ts`'s static one until Shopify has told us the real `requestedQueryCost` for the same document
 * and page sizes); after the answer it gives back what was not spent and resets the bucket to the
 * `throttleStatus` Shopify reports. A THROTTLED answer (HTTP 200 or 429) is retried after the wait the
 * throttle status implies, so it reaches the caller only when attempts are exhausted. Other GraphQL
 * `errors` become ConcordErrors carrying Shopify's message (never the token).
 *
 * @example
 * const gql = new ShopifyGraphQLClient({ shop, endpoint, accessToken, plan: 'standard' });
 * const data = await gql.request<{ shop: { name: string } }>('{ shop { name } }');
 */
import type { Logger } from 'pino';
import { ConcordError, type ErrorCategory } from '../../core/errors.js';
import {
  CostBucket,
  HttpClient,
  sharedLimiter,
  type Clock,
  type HttpResponse,
  type RetryPolicy,
} from '../kit/index.js';
import { estimateQueryCost, isMutation } from './cost.js';
import { SHOPIFY_MANIFEST, type ShopifyPlan } from './manifest.js';

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface CostExtension {
  requestedQueryCost?: number;
  actualQueryCost?: number | null;
  throttleStatus?: ThrottleStatus;
}

interface GraphQLErrorBody {
  message?: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLErrorBody[] | string;
  extensions?: { cost?: CostExtension };
}

export interface ShopifyClientOptions {
  shop: string;
  endpoint: string;
  accessToken: string;
  plan: ShopifyPlan;
  clock?: Clock;
  logger?: Logger;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

export interface ShopifyRequestOptions {
  /** Safe to resend after a 5xx / timeout. Default: true for queries, false for mutations. */
  guarded?: boolean;
  signal?: AbortSignal;
}

/** What one call reserved and whether the bucket has been settled for it. */
interface CallLedger {
  reserved: number;
  settled: boolean;
  costKey: string;
  document: string;
  variables: Record<string, unknown>;
}

/** Throttle retries are cheap (nothing ran), so allow more of them than the kit's default. */
const SHOPIFY_RETRY: Partial<RetryPolicy> = { maxAttempts: 8 };

function isThrottled(body: GraphQLBody | undefined): boolean {
  return Array.isArray(body?.errors) && body.errors.some((e) => e.extensions?.code === 'THROTTLED');
}

function costKey(document: string, variables: Record<string, unknown>): string {
  const sizes = Object.entries(variables).filter(([, v]) => typeof v === 'number');
  return `${document}\u0000${JSON.stringify(sizes)}`;
}

/** The category of a (non-throttle) GraphQL error, by Shopify's error code. */
function errorCategory(code: string | undefined, hasData: boolean): ErrorCategory {
  switch (code) {
    case 'ACCESS_DENIED':
      return 'forbidden';
    case 'INTERNAL_SERVER_ERROR':
      return 'upstream';
    case 'MAX_COST_EXCEEDED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'BAD_REQUEST':
    case 'argumentLiteralsIncompatible':
    case 'undefinedField':
      return 'validation';
    default:
      return hasData ? 'upstream' : 'validation';
  }
}

export class ShopifyGraphQLClient {
  readonly stats = { requests: 0, retries: 0, throttled: 0, requestedCost: 0, actualCost: 0 };
  readonly bucket: CostBucket;
  readonly #opts: ShopifyClientOptions;
  readonly #learned = new Map<string, number>();
  /** Per document: how much Shopify's requested cost exceeded our static estimate (≥ 1). */
  readonly #ratios = new Map<string, number>();
  #maximumAvailable: number;

  constructor(opts: ShopifyClientOptions) {
    this.#opts = opts;
    const plan = SHOPIFY_MANIFEST.plans[opts.plan];
    this.#maximumAvailable = plan.bucketSize;
    this.bucket = sharedLimiter(
      `shopify:${opts.shop}`,
      () => new CostBucket({ capacity: plan.bucketSize, restorePerSec: plan.restoreRate, clock: opts.clock }),
    );
  }

  /** The most one query may request now: Shopify's single-query cap or the bucket size, if smaller. */
  costBudget(): number {
    return Math.min(SHOPIFY_MANIFEST.limits.maxQueryCost, this.#maximumAvailable);
  }

  /**
   * What we will reserve for `document` with `variables`: Shopify's last `requestedQueryCost` for the
   * same page sizes, else the static estimate scaled by how far off it was for this document before.
   */
  expectedCost(document: string, variables: Record<string, unknown> = {}): number {
    const learned = this.#learned.get(costKey(document, variables));
    if (learned !== undefined) return learned;
    return Math.ceil(estimateQueryCost(document, variables) * (this.#ratios.get(document) ?? 1));
  }

  /** Sends one document; resolves with its `data`, or throws a ConcordError. */
  async request<T>(
    document: string,
    variables: Record<string, unknown> = {},
    options: ShopifyRequestOptions = {},
  ): Promise<T> {
    const ledger: CallLedger = {
      reserved: 0,
      settled: true,
      costKey: costKey(document, variables),
      document,
      variables,
    };
    const http = new HttpClient({
      name: 'shopify',
      baseUrl: this.#opts.endpoint,
      headers: { 'X-Shopify-Access-Token': this.#opts.accessToken },
      clock: this.#opts.clock,
      logger: this.#opts.logger,
      timeoutMs: this.#opts.timeoutMs,
      retry: { ...SHOPIFY_RETRY, ...this.#opts.retry },
      pace: (attempt) => this.#paced(attempt, document, variables, ledger, options.signal),
      inspect: (res) => this.#inspect(res, ledger),
    });
    try {
      const res = await http.request<GraphQLBody>({
        method: 'POST',
        path: this.#opts.endpoint,
        json: { query: document, variables },
        guarded: options.guarded ?? !isMutation(document),
        signal: options.signal,
      });
      return this.#unwrap<T>(res.body);
    } finally {
      this.stats.requests += http.stats.requests;
      this.stats.retries += http.stats.retries;
      this.stats.throttled += http.stats.throttled;
    }
  }

  /** Reserves the expected cost around one attempt; settles the bucket if the answer did not. */
  async #paced<R>(
    attempt: () => Promise<R>,
    document: string,
    variables: Record<string, unknown>,
    ledger: CallLedger,
    signal?: AbortSignal,
  ): Promise<R> {
    const cost = this.expectedCost(document, variables);
    await this.bucket.reserve(cost, signal);
    Object.assign(ledger, { reserved: cost, settled: false });
    try {
      return await attempt();
    } finally {
      if (!ledger.settled) {
        this.bucket.refund(ledger.reserved);
        ledger.settled = true;
      }
    }
  }

  #inspect(res: HttpResponse, ledger: CallLedger): { throttled: boolean; waitMs?: number } | undefined {
    const body = res.body as GraphQLBody | undefined;
    this.#settle(body, ledger);
    if (!isThrottled(body)) return undefined;
    return { throttled: true, waitMs: this.#throttleWait(body?.extensions?.cost, ledger) };
  }

  /** Refunds what the call did not spend and resets the bucket to Shopify's figures. */
  #settle(body: GraphQLBody | undefined, ledger: CallLedger): void {
    const cost = body?.extensions?.cost;
    if (!cost || ledger.settled) return;
    const throttled = isThrottled(body);
    if (typeof cost.requestedQueryCost === 'number') {
      this.#learn(ledger, cost.requestedQueryCost);
      this.stats.requestedCost += throttled ? 0 : cost.requestedQueryCost;
    }
    const actual = throttled ? 0 : (cost.actualQueryCost ?? cost.requestedQueryCost ?? ledger.reserved);
    this.stats.actualCost += actual;
    this.bucket.refund(ledger.reserved - actual);
    ledger.settled = true;
    if (cost.throttleStatus) {
      this.#maximumAvailable = cost.throttleStatus.maximumAvailable;
      this.bucket.observe(cost.throttleStatus);
    }
  }

  #learn(ledger: CallLedger, requested: number): void {
    this.#learned.set(ledger.costKey, requested);
    const estimate = estimateQueryCost(ledger.document, ledger.variables);
    if (estimate > 0 && requested > estimate) {
      this.#ratios.set(
        ledger.document,
        Math.max(this.#ratios.get(ledger.document) ?? 1, requested / estimate),
      );
    }
  }

  /** Time until the bucket holds the requested cost again, from the reported throttle status. */
  #throttleWait(cost: CostExtension | undefined, ledger: CallLedger): number | undefined {
    const status = cost?.throttleStatus;
    if (!status || !(status.restoreRate > 0)) return undefined;
    const needed = cost?.requestedQueryCost ?? ledger.reserved;
    return Math.max(0, Math.ceil(((needed - status.currentlyAvailable) * 1000) / status.restoreRate));
  }

  #unwrap<T>(body: GraphQLBody | undefined): T {
    if (!body || typeof body !== 'object') {
      throw new ConcordError(
        'upstream',
        'shopify_invalid_response',
        'Shopify answered without a GraphQL body',
      );
    }
    const errors = typeof body.errors === 'string' ? [{ message: body.errors }] : (body.errors ?? []);
    if (errors.length > 0) {
      const first = errors[0]!;
      const code = first.extensions?.code;
      const hasData = body.data !== undefined && body.data !== null;
      const message = errors
        .map((e) => e.message ?? 'unknown error')
        .join('; ')
        .slice(0, 500);
      throw new ConcordError(
        errorCategory(code, hasData),
        'shopify_graphql_error',
        `Shopify GraphQL error: ${message}`,
        {
          detail: {
            ...(code ? { vendorCode: code } : {}),
            ...(first.path ? { path: first.path.join('.') } : {}),
          },
        },
      );
    }
    if (body.data === undefined || body.data === null) {
      throw new ConcordError('upstream', 'shopify_invalid_response', 'Shopify answered without data');
    }
    return body.data as T;
  }
}
