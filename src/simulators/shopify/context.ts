/**
 * What every resolver receives as GraphQL context: the store, the request's "now" (from the
 * injected clock), the services mutations need (webhook emission, bulk runs) and, while a bulk
 * operation runs, the window of root objects being read. Kept in its own module so models,
 * resolvers and mutations share the type without importing each other.
 */
import type { ShopifyState } from './state.js';

/** Side effects a mutation may trigger; implemented by the simulator. */
export interface SimServices {
  /** Queues a webhook for every subscription to `topic` (e.g. 'ORDERS_CREATE'). */
  emit(topic: string, payload: Record<string, unknown>): void;
  /** Starts a bulk query operation in the background. */
  startBulk(operationNum: number): void;
  /** Base URL of the simulator (bulk result URLs are built on it). */
  baseUrl(): string;
  /** How many bulk query operations may run at once. */
  bulkConcurrency: number;
}

/** The window of root objects a bulk chunk reads (bulk operations read connections unbounded). */
export interface BulkWindow {
  offset: number;
  limit: number;
}

/** GraphQL context of one request (or one bulk chunk). */
export interface SimContext {
  state: ShopifyState;
  /** Epoch ms of the request, from the injected clock. */
  now: number;
  services: SimServices;
  bulk?: BulkWindow;
}
