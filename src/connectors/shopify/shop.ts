/**
 * The shop's own facts the connector needs before mapping anything: its currency (Shopify's `Money`
 * scalar on variant prices carries none) and its domain and plan. Fetched once per connector with a
 * 2-point query, which also teaches the cost bucket the shop's real limits before any large page.
 */
import { ConcordError } from '../../core/errors.js';
import type { ShopifyGraphQLClient } from './client.js';
import { SHOP_QUERY } from './queries.js';

export interface ShopInfo {
  id: string;
  name: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  plan: { partnerDevelopment: boolean; shopifyPlus: boolean };
}

/** Returns a loader that asks Shopify once and remembers the answer (a failed attempt is not kept). */
export function shopInfoLoader(gql: ShopifyGraphQLClient): () => Promise<ShopInfo> {
  let pending: Promise<ShopInfo> | undefined;
  return () => {
    pending ??= gql.request<{ shop: ShopInfo | null }>(SHOP_QUERY).then((data) => {
      if (!data.shop)
        throw new ConcordError('upstream', 'shopify_invalid_response', 'Shopify returned no shop');
      return data.shop;
    });
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}
