/**
 * The sandbox merchant: a Shopify simulator seeded with a realistic catalog, connected to Concord as
 * merchant `mer_sandbox` with system `shopify`, and a fresh API key. What `npm start` serves when no
 * configuration file is given. The simulator keeps its state in memory: it is seeded the same way
 * at every start, and orders placed in an earlier run are gone from it after a restart.
 *
 * @example
 * const sandbox = await startSandbox(rt, { products: 300 });
 * console.log(sandbox.apiKey); // ck_…
 */
import { commerceSettings, setCommerceSettings } from './commerce/quotes/index.js';
import type { TaxRegistrations } from './commerce/tax/index.js';
import { createPlatformConnector } from './connectors/registry.js';
import type { Runtime } from './runtime.js';
import { startShopifySimulator, type ShopifySimulator } from './simulators/shopify/index.js';

export const SANDBOX_MERCHANT = 'mer_sandbox';
export const SANDBOX_SYSTEM = 'shopify';

/**
 * Where the sandbox merchants collect sales tax: the states of their warehouses and stores plus the
 * large markets where a US online seller typically passes economic nexus, so quotes show tax.
 */
export const SANDBOX_TAX_REGISTRATIONS: TaxRegistrations = {
  us_states: ['CA', 'FL', 'IL', 'NJ', 'NV', 'NY', 'OR', 'PA', 'TX', 'WA'],
  ca_gst_hst: true,
  gb: true,
  eu_oss: true,
};

export interface Sandbox {
  merchantId: string;
  apiKey: string;
  simulator: ShopifySimulator;
  close(): Promise<void>;
}

export interface SandboxOptions {
  products: number;
  customers?: number;
  orders?: number;
  port?: number;
}

export async function startSandbox(rt: Runtime, options: SandboxOptions): Promise<Sandbox> {
  const simulator = await startShopifySimulator({
    port: options.port ?? 0,
    seed: { products: options.products, customers: options.customers, orders: options.orders, seed: 42 },
  });
  await rt.merchants.ensureMerchant(SANDBOX_MERCHANT, 'Sandbox Outfitters');
  const context = { merchantId: SANDBOX_MERCHANT, system: SANDBOX_SYSTEM };
  const settings = {
    shop: simulator.shop,
    accessToken: simulator.accessToken,
    apiSecret: simulator.apiSecret,
    endpoint: simulator.graphqlUrl,
    // Initial sync through a bulk operation even for the small sandbox catalog: paging ~1 000 variants
    // with their metafields costs ~20 000 points, two minutes at the standard plan's 100 points/s.
    bulkThreshold: 0,
  };
  rt.connectors.register(context, createPlatformConnector('shopify', settings, context));
  await rt.merchants.upsertSystem({
    merchant_id: SANDBOX_MERCHANT,
    name: SANDBOX_SYSTEM,
    vendor: 'shopify',
    settings: { vendor: 'shopify', sandbox: true },
  });
  const defaults = commerceSettings(rt, SANDBOX_MERCHANT);
  setCommerceSettings(rt, SANDBOX_MERCHANT, {
    tax: { ...defaults.tax, registrations: SANDBOX_TAX_REGISTRATIONS },
  });
  const { secret } = await rt.merchants.createApiKey(SANDBOX_MERCHANT, 'sandbox');
  return { merchantId: SANDBOX_MERCHANT, apiKey: secret, simulator, close: () => simulator.close() };
}
