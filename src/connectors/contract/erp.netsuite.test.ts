/**
 * The ERP connector contract against the NetSuite connector and its simulator over real HTTP. NetSuite's
 * page size is fixed (1 000 rows per SuiteQL page), so the seed holds more items than that. The simulator
 * commits stock at the line's location when an order is created and refuses to bill an order twice.
 */
import { forgetSharedLimiters } from '../kit/index.js';
import { createNetSuiteConnector, nsMoney } from '../netsuite/index.js';
import { nsExternalId } from '../netsuite/write.js';
import { NETSUITE_MANIFEST } from '../netsuite/manifest.js';
import { available, type NetSuiteState } from '../../simulators/netsuite/state.js';
import { startNetSuiteSimulator } from '../../simulators/netsuite/index.js';
import { describeErpContract, type ErpSeedExpectations } from './erp.js';

/** What the simulator's seeded account holds, in contract terms. */
export function netSuiteExpectations(state: NetSuiteState): ErpSeedExpectations {
  const currency = state.currencies[0]!.symbol;
  const price = (item: number) => {
    const base = state.basePrice(item);
    return base === null ? null : nsMoney(base, currency);
  };
  const candidate = state.stock.find(
    (s) => !state.itemsById.get(s.item)!.isInactive && available(s) >= 10 && price(s.item) !== null,
  )!;
  return {
    currency,
    items: state.items.map((i) => ({
      external_id: String(i.id),
      sku: i.itemId,
      name: i.displayName,
      base_price: price(i.id),
      active: !i.isInactive,
    })),
    locations: state.locations.map((l) => ({
      external_id: String(l.id),
      name: l.name,
      active: !l.isInactive,
    })),
    levels: state.stock.map((s) => ({
      item_external_id: String(s.item),
      location_external_id: String(s.location),
      on_hand: s.onHand,
      available: available(s),
      committed: s.committed,
      incoming: s.onOrder,
    })),
    customers: state.customers.map((c) => ({
      external_id: String(c.id),
      email: c.email,
      first_name: c.firstName || null,
      last_name: c.lastName || null,
    })),
    order: {
      customer_external_id: String(state.customers[0]!.id),
      item_external_id: String(candidate.item),
      location_external_id: String(candidate.location),
      quantity: 3,
      unit_price: price(candidate.item)!,
    },
  };
}

describeErpContract('NetSuite simulator', async () => {
  forgetSharedLimiters();
  const sim = await startNetSuiteSimulator({ seed: { items: 2_100, locations: 2, customers: 40, seed: 11 } });
  const connector = createNetSuiteConnector(
    { accountId: sim.accountId, ...sim.credentials, endpoint: sim.url },
    { merchantId: 'mer_contract', system: 'netsuite' },
    { retry: { baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5 } },
  );
  const transactions = (type: 'salesOrder' | 'invoice') => sim.state.transactionsOf(type);
  return {
    connector,
    expected: netSuiteExpectations(sim.state),
    capabilities: {
      pageSize: NETSUITE_MANIFEST.limits.maxPageSize,
      holdsStockOnOrder: true,
      secondInvoiceReference: 'refused',
    },
    probe: {
      salesOrderCount: async () => transactions('salesOrder').length,
      salesOrdersWithReference: async (reference) =>
        transactions('salesOrder').filter((t) => t.externalId === nsExternalId(reference)).length,
      invoicesOf: async (id) => transactions('invoice').filter((t) => String(t.createdFrom) === id).length,
      customersWithEmail: async (email) =>
        sim.state.customers.filter((c) => c.email.toLowerCase() === email.toLowerCase()).length,
    },
    stop: () => sim.close(),
  };
});
