/**
 * Seeds a fresh Medusa v2 database through the Admin API with the merchant in `seed-data.ts`: USD as
 * the store's default currency, a US region paying with `pp_system_default`, two stock locations (each
 * linked to the default sales channel and the `manual_manual` fulfilment provider, with a shipping
 * fulfilment set, a US service zone and a flat shipping option), the products with variants and
 * prices (minor units converted to Medusa's major units here), stock levels per location and the
 * customers. Returns the ids Medusa gave everything, keyed by the seed's own keys (SKU, email, …).
 *
 * @example
 * const ids = await seedMedusa(admin);
 * ids.variants.get('TENT-2P-GRN') // 'variant_01…'
 */
import type { MedusaAdmin } from './admin.js';
import {
  SEED_CUSTOMERS,
  SEED_LOCATIONS,
  SEED_PRODUCTS,
  SEED_REGION,
  SEED_SHIPPING_PRICE_MINOR,
  SEED_VARIANTS,
  type SeedLocation,
} from './seed-data.js';

export interface SeededIds {
  storeId: string;
  salesChannelId: string;
  regionId: string;
  shippingProfileId: string;
  locations: Map<SeedLocation['key'], string>;
  shippingOptions: Map<SeedLocation['key'], string>;
  products: Map<string, string>;
  /** Variant id by SKU. */
  variants: Map<string, string>;
  /** Inventory item id by SKU (inventory-managed variants only). */
  inventoryItems: Map<string, string>;
  customers: Map<string, string>;
}

interface Id {
  id: string;
}

/** Minor units → Medusa's major-unit number (USD: 2 digits). */
function major(minor: number): number {
  return minor / 100;
}

async function seedStore(admin: MedusaAdmin) {
  const { stores } = await admin.get<{ stores: (Id & { default_sales_channel_id: string })[] }>(
    '/admin/stores',
  );
  const store = stores[0]!;
  await admin.post(`/admin/stores/${store.id}`, {
    supported_currencies: [
      { currency_code: 'usd', is_default: true },
      { currency_code: 'eur', is_default: false },
    ],
  });
  const { shipping_profiles } = await admin.get<{ shipping_profiles: (Id & { type: string })[] }>(
    '/admin/shipping-profiles',
  );
  const profile = shipping_profiles.find((p) => p.type === 'default') ?? shipping_profiles[0]!;
  return { storeId: store.id, salesChannelId: store.default_sales_channel_id, shippingProfileId: profile.id };
}

async function seedLocation(
  admin: MedusaAdmin,
  location: SeedLocation,
  ctx: { salesChannelId: string; shippingProfileId: string; regionId: string },
) {
  const { stock_location } = await admin.post<{ stock_location: Id }>('/admin/stock-locations', {
    name: location.name,
    address: location.address,
    metadata: { seed_key: location.key },
  });
  const id = stock_location.id;
  await admin.post(`/admin/stock-locations/${id}/sales-channels`, { add: [ctx.salesChannelId] });
  await admin.post(`/admin/stock-locations/${id}/fulfillment-providers`, { add: ['manual_manual'] });
  const withSet = await admin.post<{
    stock_location: { fulfillment_sets: (Id & { name: string })[] };
  }>(`/admin/stock-locations/${id}/fulfillment-sets?fields=*fulfillment_sets`, {
    name: `${location.name} shipping`,
    type: 'shipping',
  });
  const set = withSet.stock_location.fulfillment_sets[0]!;
  const withZone = await admin.post<{ fulfillment_set: { service_zones: Id[] } }>(
    `/admin/fulfillment-sets/${set.id}/service-zones`,
    { name: `${location.name} US`, geo_zones: [{ type: 'country', country_code: 'us' }] },
  );
  const zone = withZone.fulfillment_set.service_zones[0]!;
  const { shipping_option } = await admin.post<{ shipping_option: Id }>('/admin/shipping-options', {
    name: `Standard from ${location.name}`,
    service_zone_id: zone.id,
    shipping_profile_id: ctx.shippingProfileId,
    provider_id: 'manual_manual',
    price_type: 'flat',
    type: { label: 'Standard', description: 'Ships in 3-5 days', code: 'standard' },
    prices: [
      { currency_code: 'usd', amount: major(SEED_SHIPPING_PRICE_MINOR) },
      { region_id: ctx.regionId, amount: major(SEED_SHIPPING_PRICE_MINOR) },
    ],
    rules: [
      { attribute: 'enabled_in_store', operator: 'eq', value: 'true' },
      { attribute: 'is_return', operator: 'eq', value: 'false' },
    ],
  });
  return { locationId: id, shippingOptionId: shipping_option.id };
}

interface CreatedProduct extends Id {
  handle: string;
  variants: (Id & { sku: string; inventory_items?: { inventory_item_id: string }[] })[];
}

async function seedProducts(admin: MedusaAdmin, ctx: { salesChannelId: string; shippingProfileId: string }) {
  const products = new Map<string, string>();
  const variants = new Map<string, string>();
  const inventoryItems = new Map<string, string>();
  for (const product of SEED_PRODUCTS) {
    const { product: created } = await admin.post<{ product: CreatedProduct }>(
      '/admin/products?fields=id,handle,*variants,*variants.inventory_items',
      {
        title: product.title,
        handle: product.handle,
        description: product.description,
        status: 'published',
        shipping_profile_id: ctx.shippingProfileId,
        sales_channels: [{ id: ctx.salesChannelId }],
        options: product.options,
        variants: product.variants.map((v, rank) => ({
          title: v.title,
          sku: v.sku,
          options: v.options,
          manage_inventory: v.manage_inventory,
          variant_rank: rank,
          prices: [{ currency_code: 'usd', amount: major(v.price_minor) }],
        })),
      },
    );
    products.set(product.handle, created.id);
    for (const v of created.variants) {
      variants.set(v.sku, v.id);
      const item = v.inventory_items?.[0]?.inventory_item_id;
      if (item) inventoryItems.set(v.sku, item);
    }
  }
  return { products, variants, inventoryItems };
}

async function seedLevels(
  admin: MedusaAdmin,
  inventoryItems: Map<string, string>,
  locations: Map<SeedLocation['key'], string>,
) {
  const create = SEED_VARIANTS.flatMap((v) =>
    Object.entries(v.stock).map(([key, q]) => ({
      inventory_item_id: inventoryItems.get(v.sku)!,
      location_id: locations.get(key as SeedLocation['key'])!,
      stocked_quantity: q.stocked,
      incoming_quantity: q.incoming,
    })),
  );
  await admin.post('/admin/inventory-items/location-levels/batch', { create });
}

async function seedCustomers(admin: MedusaAdmin) {
  const customers = new Map<string, string>();
  for (const c of SEED_CUSTOMERS) {
    const { customer } = await admin.post<{ customer: Id }>('/admin/customers', {
      email: c.email,
      first_name: c.first_name,
      last_name: c.last_name,
      phone: c.phone,
    });
    await admin.post(`/admin/customers/${customer.id}/addresses`, {
      ...c.address,
      first_name: c.first_name,
      last_name: c.last_name,
      phone: c.phone,
      is_default_shipping: true,
      is_default_billing: true,
    });
    customers.set(c.email, customer.id);
  }
  return customers;
}

/** Seeds everything in `seed-data.ts` into an empty Medusa; returns the ids Medusa assigned. */
export async function seedMedusa(admin: MedusaAdmin): Promise<SeededIds> {
  const store = await seedStore(admin);
  const { region } = await admin.post<{ region: Id }>('/admin/regions', {
    ...SEED_REGION,
    payment_providers: ['pp_system_default'],
    automatic_taxes: true,
  });
  await admin.post(`/admin/stores/${store.storeId}`, { default_region_id: region.id });
  const locations = new Map<SeedLocation['key'], string>();
  const shippingOptions = new Map<SeedLocation['key'], string>();
  for (const location of SEED_LOCATIONS) {
    const made = await seedLocation(admin, location, { ...store, regionId: region.id });
    locations.set(location.key, made.locationId);
    shippingOptions.set(location.key, made.shippingOptionId);
  }
  const catalog = await seedProducts(admin, store);
  await seedLevels(admin, catalog.inventoryItems, locations);
  const customers = await seedCustomers(admin);
  return { ...store, regionId: region.id, locations, shippingOptions, ...catalog, customers };
}
