/**
 * Builds a connector from a system's vendor name and settings. The one place that knows every
 * vendor; adding one is a line here plus its folder.
 *
 * @example
 * const connector = createConnector('shopify', settings, { merchantId: 'mer_a', system: 'shopify' });
 */
import { ConcordError } from '../core/errors.js';
import { createShopifyConnector } from './shopify/index.js';
import type { PlatformConnector, SystemContext } from './types.js';

export const VENDORS = ['shopify'] as const;
export type Vendor = (typeof VENDORS)[number];

export function createConnector(
  vendor: string,
  settings: Record<string, unknown>,
  context: SystemContext,
): PlatformConnector {
  switch (vendor as Vendor) {
    case 'shopify':
      return createShopifyConnector(settings, context);
    default:
      throw new ConcordError(
        'config',
        'unknown_vendor',
        `Unknown vendor "${vendor}" (known: ${VENDORS.join(', ')})`,
        {
          field: 'vendor',
        },
      );
  }
}
