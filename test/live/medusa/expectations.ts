/**
 * The platform contract's view of the seeded Medusa: the deterministic seed (`seed-data.ts`) joined
 * with the ids Medusa gave each record when it was seeded, in minor units — what the connector must
 * read back, value for value.
 *
 * @example
 * const seed = medusaContractSeed(live.ids); // { currency: 'USD', products: [...], levels: [...], … }
 */
import type { PlatformSeed } from '../../../src/connectors/contract/platform.js';
import type { SeededIds } from './seed.js';
import {
  SEED_CURRENCY,
  SEED_CUSTOMERS,
  SEED_LOCATIONS,
  SEED_PRODUCTS,
  SEED_VARIANTS,
  type SeedLocation,
} from './seed-data.js';

function must(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`The seed did not record an id for "${key}"`);
  return id;
}

export function medusaContractSeed(ids: SeededIds): PlatformSeed {
  return {
    currency: SEED_CURRENCY,
    products: SEED_PRODUCTS.map((p) => ({
      external_id: must(ids.products, p.handle),
      title: p.title,
      handle: p.handle,
      variants: p.variants.map((v) => ({
        external_id: must(ids.variants, v.sku),
        sku: v.sku,
        title: v.title,
        price: { amount: v.price_minor, currency: SEED_CURRENCY },
        // Medusa keeps no option order; the connector orders options created together by title.
        options: [...p.options]
          .sort((a, b) => a.title.localeCompare(b.title))
          .map((o) => ({ name: o.title, value: v.options[o.title]! })),
        inventory_tracked: v.manage_inventory,
      })),
    })),
    locations: SEED_LOCATIONS.map((l) => ({ external_id: ids.locations.get(l.key)!, name: l.name })),
    levels: SEED_VARIANTS.flatMap((v) =>
      Object.entries(v.stock).map(([key, q]) => ({
        variant_external_id: must(ids.variants, v.sku),
        location_external_id: ids.locations.get(key as SeedLocation['key'])!,
        on_hand: q.stocked,
        available: q.stocked,
        committed: 0,
        incoming: q.incoming,
      })),
    ),
    customers: SEED_CUSTOMERS.map((c) => ({
      external_id: must(ids.customers, c.email),
      email: c.email,
      first_name: c.first_name,
      last_name: c.last_name,
    })),
    orders: [],
  };
}

/** The inventory-managed variant with the most stock over both locations (the order tests use it). */
export function wellStockedSku(): string {
  const total = (v: (typeof SEED_VARIANTS)[number]) =>
    Object.values(v.stock).reduce((n, q) => n + q.stocked, 0);
  const best = [...SEED_VARIANTS].filter((v) => v.manage_inventory).sort((a, b) => total(b) - total(a))[0]!;
  return best.sku;
}
