/**
 * What Concord knows about NetSuite's SuiteTalk REST web services, as data: auth, host template, limits,
 * page sizes and capabilities. Code in this folder reads its numbers from here.
 */

export const NETSUITE_MANIFEST = {
  vendor: 'netsuite',
  /**
   * Token-Based Authentication: OAuth 1.0a, HMAC-SHA256, realm = account id.
   * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4387799721.html
   */
  auth: { kind: 'oauth1', signatureMethod: 'HMAC-SHA256' },
  /** `{host}` = account id lower-case with "_" → "-" (e.g. 1234567_SB1 → 1234567-sb1). */
  endpointTemplate: 'https://{host}.suitetalk.api.netsuite.com',
  paths: {
    governanceLimits: '/services/rest/system/v1/governanceLimits',
    suiteql: '/services/rest/query/v1/suiteql',
    record: '/services/rest/record/v1',
  },
  limits: {
    /** SuiteQL and record collections: at most 1000 per page. */
    maxPageSize: 1000,
    /** SuiteQL answers at most 100 000 rows per query (offset + limit). */
    maxSuiteQlRows: 100_000,
    /** Used when governanceLimits cannot be read (the smallest account limit, shared service tier). */
    fallbackConcurrency: 5,
  },
  /** Idempotency header on POSTs (documented with `Prefer: respond-async`; sent on sync POSTs too). */
  idempotencyHeader: 'X-NetSuite-Idempotency-Key',
  capabilities: {
    read: ['items', 'locations', 'inventory_levels', 'customers'],
    write: ['customer', 'sales_order', 'invoice', 'credit_memo'],
    webhooks: [] as string[],
  },
} as const;
