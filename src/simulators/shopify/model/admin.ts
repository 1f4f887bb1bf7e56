/**
 * The app-facing records: `BulkOperation` (status, counts, result URL) and `WebhookSubscription`
 * (topic and HTTP endpoint), plus the shop's plan table.
 */
import { isoTime } from '../format.js';
import { NodeRecord, ResourceRecord } from './node.js';

/** `BulkOperationStatus` values. */
export type BulkStatus =
  'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELING' | 'CANCELED' | 'EXPIRED';

/** A `BulkOperation`. */
export class BulkOperationRecord extends NodeRecord {
  status: BulkStatus = 'CREATED';
  completedMs: number | null = null;
  objectCountN = 0;
  rootObjectCountN = 0;
  fileSizeN: number | null = null;
  url: string | null = null;
  partialDataUrl: string | null = null;
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null = null;
  /** Path of the JSONL result on disk, once written. */
  filePath: string | null = null;

  constructor(
    readonly num: number,
    readonly type: 'QUERY' | 'MUTATION',
    readonly query: string,
    readonly createdMs: number,
  ) {
    super();
  }
  protected get typeName() {
    return 'BulkOperation';
  }
  get createdAt() {
    return isoTime(this.createdMs);
  }
  get completedAt() {
    return this.completedMs === null ? null : isoTime(this.completedMs);
  }
  get objectCount() {
    return String(this.objectCountN);
  }
  get rootObjectCount() {
    return String(this.rootObjectCountN);
  }
  get fileSize() {
    return this.fileSizeN === null ? null : String(this.fileSizeN);
  }
  get running() {
    return this.status === 'CREATED' || this.status === 'RUNNING' || this.status === 'CANCELING';
  }
}

/** A `WebhookSubscription` with an HTTP endpoint. */
export class WebhookSubscriptionRecord extends ResourceRecord {
  constructor(
    readonly num: number,
    readonly topic: string,
    public uri: string,
    public format: 'JSON' | 'XML',
    public filter: string | null,
    public includeFields: string[],
    public metafieldNamespaces: string[],
    readonly createdMs: number,
    public updatedMs: number,
  ) {
    super();
  }
  protected get typeName() {
    return 'WebhookSubscription';
  }
  get callbackUrl() {
    return this.uri;
  }
  get endpoint() {
    return { __typename: 'WebhookHttpEndpoint', callbackUrl: this.uri };
  }
  get apiVersion() {
    return { handle: '2026-10', displayName: '2026-10', supported: true };
  }
  get metafields() {
    return [];
  }
  get name() {
    return null;
  }
}

/** Bucket size and restore rate per plan (https://shopify.dev/docs/api/usage/limits#rate-limits). */
export const PLAN_LIMITS = {
  standard: { restoreRate: 100, bucketSize: 2000, displayName: 'Basic', plus: false },
  advanced: { restoreRate: 200, bucketSize: 4000, displayName: 'Advanced', plus: false },
  plus: { restoreRate: 1000, bucketSize: 20000, displayName: 'Shopify Plus', plus: true },
  enterprise: { restoreRate: 2000, bucketSize: 40000, displayName: 'Commerce Components', plus: true },
} as const;

/** Named Shopify plans. */
export type PlanName = keyof typeof PLAN_LIMITS;
