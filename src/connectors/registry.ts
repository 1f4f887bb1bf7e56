/**
 * Builds a connector from a system's vendor name and settings. The one place that knows every
 * vendor and what kind of system it is (a commerce platform or an ERP); adding one is a line here
 * plus its folder.
 *
 * @example
 * const built = createConnector('netsuite', settings, { merchantId: 'mer_a', system: 'netsuite' });
 * if (built.category === 'erp') rt.connectors.registerErp(built.connector.context, built.connector);
 */
import { ConcordError } from '../core/errors.js';
import { createMedusaConnector } from './medusa/index.js';
import { createNetSuiteConnector } from './netsuite/index.js';
import { createShopifyConnector } from './shopify/index.js';
import { createTrytonConnector } from './tryton/index.js';
import type { ErpConnector, PlatformConnector, SystemContext } from './types.js';

/** Every vendor Concord connects, with the topology category its systems take by default. */
export const VENDOR_CATEGORIES = {
  shopify: 'platform',
  medusa: 'platform',
  netsuite: 'erp',
  tryton: 'erp',
} as const;
export type Vendor = keyof typeof VENDOR_CATEGORIES;
export const VENDORS = Object.keys(VENDOR_CATEGORIES) as Vendor[];

export type BuiltConnector =
  { category: 'platform'; connector: PlatformConnector } | { category: 'erp'; connector: ErpConnector };

export function isVendor(vendor: string): vendor is Vendor {
  return Object.hasOwn(VENDOR_CATEGORIES, vendor);
}

export function createConnector(
  vendor: string,
  settings: Record<string, unknown>,
  context: SystemContext,
): BuiltConnector {
  if (!isVendor(vendor)) {
    throw new ConcordError(
      'config',
      'unknown_vendor',
      `Unknown vendor "${vendor}" (known: ${VENDORS.join(', ')})`,
      { field: 'vendor' },
    );
  }
  switch (vendor) {
    case 'shopify':
      return { category: 'platform', connector: createShopifyConnector(settings, context) };
    case 'medusa':
      return { category: 'platform', connector: createMedusaConnector(settings, context) };
    case 'netsuite':
      return { category: 'erp', connector: createNetSuiteConnector(settings, context) };
    case 'tryton':
      return { category: 'erp', connector: createTrytonConnector(settings, context) };
  }
}

/** Builds a platform connector; a config error when the vendor is not a commerce platform. */
export function createPlatformConnector(
  vendor: string,
  settings: Record<string, unknown>,
  context: SystemContext,
): PlatformConnector {
  const built = createConnector(vendor, settings, context);
  if (built.category !== 'platform') {
    throw new ConcordError('config', 'not_a_platform', `Vendor "${vendor}" is not a commerce platform`, {
      field: 'vendor',
    });
  }
  return built.connector;
}
