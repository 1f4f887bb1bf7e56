/**
 * Scenario helpers: changes made "in the Shopify admin" while a test or the sandbox runs, which
 * fire the webhooks Shopify would fire — `updateProduct` (title and/or the price of every variant;
 * `products/update`) and `setInventory` (available at a location; `inventory_levels/update`).
 *
 * @example
 * updateProduct(ctx, 'gid://shopify/Product/1', { price: '19.99' });
 */
import type { SimContext } from './context.js';
import { idOf, toMinor } from './format.js';
import { setAvailable } from './mutations/stock.js';
import { productPayload } from './webhook-payloads.js';

/** Renames a product and/or reprices all its variants, then fires PRODUCTS_UPDATE. */
export function updateProduct(
  ctx: SimContext,
  productGid: string,
  changes: { title?: string; price?: string },
): void {
  const product = ctx.state.productById.get(idOf(productGid, 'Product') ?? -1);
  if (!product) throw new Error(`Unknown product: ${productGid}`);
  if (changes.title !== undefined) product.title = changes.title;
  if (changes.price !== undefined) {
    const minor = toMinor(changes.price, ctx.state.currency);
    if (minor === undefined) throw new Error(`Invalid price: ${changes.price}`);
    for (const variant of product.variantList) {
      variant.priceMinor = minor;
      variant.updatedMs = ctx.now;
    }
  }
  product.updatedMs = ctx.now;
  ctx.state.touch();
  ctx.services.emit('PRODUCTS_UPDATE', productPayload(product, ctx.state.currency));
}

/** Sets `available` of an inventory item at a location, then fires INVENTORY_LEVELS_UPDATE. */
export function setInventory(ctx: SimContext, itemGid: string, locationGid: string, available: number): void {
  const item = ctx.state.inventoryItemById.get(idOf(itemGid, 'InventoryItem') ?? -1);
  const location = ctx.state.locationById.get(idOf(locationGid, 'Location') ?? -1);
  if (!item || !location) throw new Error(`Unknown inventory item or location: ${itemGid}, ${locationGid}`);
  setAvailable(ctx, item, location, available);
}
