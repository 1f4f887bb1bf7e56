/**
 * Who is calling a UCP endpoint: the platform's API key, sent as `X-API-Key` (the UCP REST
 * parameter for "a reusable api key allocated to the platform by the business") or, as on the rest
 * of Concord's API, `Authorization: Bearer <key>`. The key resolves to one merchant, cached by key
 * hash as in `surfaces/rest/auth.ts` (same `TtlCache`, same trade-off: a revoked key works on a node
 * for up to the TTL).
 *
 * @example
 * const auth = new ApiKeys(rt.merchants);
 * const merchantId = await auth.merchantOf(c.req.raw.headers); // or throws `unauthorized`
 */
import { createHash } from 'node:crypto';
import { ConcordError } from '../../core/errors.js';
import type { MerchantStore } from '../../store/merchants.js';
import { TtlCache, type AuthCacheOptions } from '../rest/auth.js';

const KEY = /^[\x21-\x7E]{1,512}$/;
const BEARER = /^Bearer[ ]+([\x21-\x7E]{1,512})[ ]*$/i;

export class ApiKeys {
  private readonly cache: TtlCache<string>;

  constructor(
    private readonly merchants: MerchantStore,
    options: AuthCacheOptions = {},
  ) {
    this.cache = new TtlCache<string>(options);
  }

  /** The merchant of the request's key; `unauthorized` when there is none or it is not valid. */
  async merchantOf(headers: Headers): Promise<string> {
    const apiKey = headers.get('x-api-key')?.trim();
    const secret = apiKey && KEY.test(apiKey) ? apiKey : BEARER.exec(headers.get('authorization') ?? '')?.[1];
    if (!secret) {
      throw new ConcordError(
        'unauthorized',
        'unauthorized',
        'Send your API key as X-API-Key (or Authorization: Bearer)',
      );
    }
    const hash = createHash('sha256').update(secret).digest('base64url');
    const cached = this.cache.get(hash);
    if (cached !== undefined) return cached;
    const merchantId = await this.merchants.merchantForKey(secret);
    if (merchantId === null)
      throw new ConcordError('unauthorized', 'unauthorized', 'The API key is not valid');
    this.cache.set(hash, merchantId);
    return merchantId;
  }
}
