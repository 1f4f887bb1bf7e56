/**
 * The connector kit: everything a connector needs to talk to a vendor — injectable time, the one retry
 * decision, rate limiters shared per vendor account, paging generators, the HTTP client and webhook
 * signature checks. Connectors import from here only.
 *
 * @example
 * import { HttpClient, CostBucket, sharedLimiter, cursorPages } from '../kit/index.js';
 */
export {
  abortReason,
  flushMicrotasks,
  ManualClock,
  RecordingClock,
  systemClock,
  type Clock,
} from './clock.js';
export {
  backoffMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  type RetryDecision,
  type RetryInput,
  type RetryPolicy,
} from './retry.js';
export {
  ConcurrencyLimiter,
  CostBucket,
  forgetSharedLimiters,
  sharedLimiter,
  TokenBucket,
} from './limiters.js';
export { cursorPages, linkPages, offsetPages, pageNumberPages, parseLinkHeader } from './paginate.js';
export {
  buildUrl,
  HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type ResponseInspection,
} from './http.js';
export { hmacSignature, verifyHmacSignature, verifyStandardWebhook } from './webhooks.js';
export {
  oauth1Signer,
  signOAuth1,
  type OAuth1Credentials,
  type OAuth1Request,
  type OAuth1Signature,
  type OAuth1SignatureMethod,
  type OAuth1SignOptions,
} from './oauth1.js';
