/**
 * The mid-market sandbox: a Shopify simulator (the commerce platform) and a NetSuite simulator (the
 * ERP) connected to Concord as merchant `mer_midmarket` under the `mid_market` topology preset —
 * content from Shopify, price and stock from NetSuite. NetSuite's items are planted from the synced
 * Shopify variants (same SKUs) with deliberate disagreements (see `sandbox-mid-market-erp.ts`); both
 * systems are synced, the topology is resolved and its conflicts stored, so `GET /conflicts` shows
 * them from the first request. What `CONCORD_SANDBOX=mid_market npm start` serves. Both simulators
 * keep their state in memory and are planted the same way at every start.
 *
 * @example
 * const sandbox = await startMidMarketSandbox(rt, { products: 25 });
 * sandbox.seeded; // [{ kind: 'price_mismatch', sku: '…', erp_external_id: '1' }, …]
 */
import { commerceSettings, setCommerceSettings } from './commerce/quotes/index.js';
import { recordId } from './core/ids.js';
import { createNetSuiteConnector } from './connectors/netsuite/index.js';
import { createPlatformConnector } from './connectors/registry.js';
import { loadSystemRecords } from './sync/resolution.js';
import type { Runtime } from './runtime.js';
import { SANDBOX_TAX_REGISTRATIONS, type Sandbox, type SandboxOptions } from './sandbox.js';
import { plantNetSuiteItems, type SeededDisagreement } from './sandbox-mid-market-erp.js';
import { startNetSuiteSimulator, type NetSuiteSimulator } from './simulators/netsuite/index.js';
import { startShopifySimulator } from './simulators/shopify/index.js';
import { syncSystem } from './sync/run.js';
import { buildTopology, parseTopologyConfig, type Topology } from './topology/index.js';

export const MID_MARKET_MERCHANT = 'mer_midmarket';

/** The sandbox topology: Shopify + NetSuite under mid_market; no OMS/WMS, so Shopify keeps fulfillment. */
export const MID_MARKET_TOPOLOGY = `
systems:
  - { name: shopify, vendor: shopify, category: platform }
  - { name: netsuite, vendor: netsuite, category: erp }
preset: mid_market
ownership:
  fulfillment_status: [platform:fulfillment]
`;

export interface MidMarketSandbox extends Sandbox {
  netsuite: NetSuiteSimulator;
  topology: Topology;
  /** The disagreements planted in NetSuite, each expected once in `GET /conflicts`. */
  seeded: SeededDisagreement[];
}

export interface MidMarketSandboxOptions extends SandboxOptions {
  netsuitePort?: number;
}

async function connectShopify(rt: Runtime, options: MidMarketSandboxOptions) {
  const simulator = await startShopifySimulator({
    port: options.port ?? 0,
    seed: { products: options.products, customers: options.customers, orders: options.orders, seed: 42 },
  });
  const context = { merchantId: MID_MARKET_MERCHANT, system: 'shopify' };
  const settings = {
    shop: simulator.shop,
    accessToken: simulator.accessToken,
    apiSecret: simulator.apiSecret,
    endpoint: simulator.graphqlUrl,
    bulkThreshold: 0, // as in sandbox.ts: the bulk path is far cheaper than paging with metafields
  };
  const connector = createPlatformConnector('shopify', settings, context);
  rt.connectors.register(context, connector);
  await rt.merchants.upsertSystem({
    merchant_id: MID_MARKET_MERCHANT,
    name: 'shopify',
    vendor: 'shopify',
    settings: { vendor: 'shopify', sandbox: true },
  });
  return { simulator, connector };
}

/** Plants NetSuite from the synced Shopify records and connects it as the merchant's ERP. */
async function connectNetSuite(rt: Runtime, topology: Topology, port: number) {
  const records = await loadSystemRecords(rt, MID_MARKET_MERCHANT, topology);
  const shop = records['shopify'] ?? {};
  const available = new Map<string, number>();
  for (const level of shop.levels ?? []) {
    if (level.variant_id)
      available.set(level.variant_id, (available.get(level.variant_id) ?? 0) + level.available);
  }
  const simulator = await startNetSuiteSimulator({
    port,
    seed: { items: 0, locations: 3, customers: 10, seed: 7 },
  });
  // NetSuite item names read like its display names: "<product> - <variant>".
  const variants = (shop.products ?? []).flatMap((p) =>
    p.variants.map((v) => ({ ...v, title: `${p.title} - ${v.title}` })),
  );
  const seeded = plantNetSuiteItems(simulator.state, variants, available);
  const context = { merchantId: MID_MARKET_MERCHANT, system: 'netsuite' };
  const connector = createNetSuiteConnector(
    { accountId: simulator.accountId, ...simulator.credentials, endpoint: simulator.url },
    context,
  );
  rt.connectors.registerErp(context, connector);
  await rt.merchants.upsertSystem({
    merchant_id: MID_MARKET_MERCHANT,
    name: 'netsuite',
    vendor: 'netsuite',
    settings: { vendor: 'netsuite', sandbox: true },
  });
  return { simulator, connector, seeded };
}

/**
 * Quotes ship from NetSuite's warehouses (the inventory owner). The connector does not read location
 * addresses yet, so the sandbox puts each warehouse's address into the shipping profile as its origin
 * and registers for tax as the SMB sandbox does.
 */
function useNetSuiteOrigins(rt: Runtime, simulator: NetSuiteSimulator): void {
  const current = commerceSettings(rt, MID_MARKET_MERCHANT);
  const locations = simulator.state.locations.map((l) => ({
    location_id: recordId('location', MID_MARKET_MERCHANT, 'netsuite', String(l.id)),
    ships: !l.isInactive,
    origin: { country: l.address.country, region: l.address.state, postal_code: l.address.zip },
  }));
  setCommerceSettings(rt, MID_MARKET_MERCHANT, {
    shipping: { ...current.shipping, locations },
    tax: { ...current.tax, registrations: SANDBOX_TAX_REGISTRATIONS },
  });
}

/** Starts both simulators, syncs both systems, resolves the topology and creates an API key. */
export async function startMidMarketSandbox(
  rt: Runtime,
  options: MidMarketSandboxOptions,
): Promise<MidMarketSandbox> {
  const topology = buildTopology(parseTopologyConfig(MID_MARKET_TOPOLOGY));
  await rt.merchants.ensureMerchant(MID_MARKET_MERCHANT, 'Mid-Market Supply Co.');
  const shopify = await connectShopify(rt, options);
  try {
    await syncSystem(rt, shopify.connector);
    const netsuite = await connectNetSuite(rt, topology, options.netsuitePort ?? 0);
    // From here on every sync that changes records re-resolves the topology (conflicts included).
    rt.topologies.set(MID_MARKET_MERCHANT, topology);
    await syncSystem(rt, netsuite.connector);
    useNetSuiteOrigins(rt, netsuite.simulator);
    const { secret } = await rt.merchants.createApiKey(MID_MARKET_MERCHANT, 'sandbox');
    return {
      merchantId: MID_MARKET_MERCHANT,
      apiKey: secret,
      simulator: shopify.simulator,
      netsuite: netsuite.simulator,
      topology,
      seeded: netsuite.seeded,
      close: async () => {
        await shopify.simulator.close();
        await netsuite.simulator.close();
      },
    };
  } catch (error) {
    await shopify.simulator.close();
    throw error;
  }
}
