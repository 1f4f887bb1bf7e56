/**
 * A Concord resolved product as a UCP catalog product (`types/product.json`, `types/variant.json`):
 * content from the content owner, each variant's price from the price owner (the ERP under
 * mid_market) and its availability from the inventory owner, with the owning systems named in
 * `metadata` (Concord's provenance). Variants without a price (the price owner has none) are not
 * purchasable and are left out; a product left without variants is left out too.
 *
 * @example
 * const product = productView(await getResolvedProduct(rt, merchantId, id));
 */
import type { ResolvedProductView } from '../../commerce/resolved.js';
import type { ResolvedVariant } from '../../topology/index.js';

export interface UcpVariant {
  id: string;
  sku?: string;
  barcodes?: { type: string; value: string }[];
  title: string;
  description: { plain: string };
  price: { amount: number; currency: string };
  availability: { available: boolean; status: string };
  options: { name: string; label: string }[];
  metadata: Record<string, unknown>;
  inputs?: { id: string; match: string }[];
}

export interface UcpProduct {
  id: string;
  handle?: string;
  title: string;
  description: { plain: string };
  categories: { value: string; taxonomy: string }[];
  price_range: { min: UcpVariant['price']; max: UcpVariant['price'] };
  options: { name: string; values: { label: string }[] }[];
  variants: UcpVariant[];
  tags: string[];
  metadata: Record<string, unknown>;
}

/** A barcode's standard from its length (GS1: 8 EAN-8, 12 UPC-A, 13 EAN-13, 14 GTIN-14). */
function barcodeOf(value: string | null): UcpVariant['barcodes'] {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const type = { 8: 'EAN', 12: 'UPC', 13: 'EAN', 14: 'GTIN' }[value.length];
  return type ? [{ type, value }] : undefined;
}

export function variantView(v: ResolvedVariant): UcpVariant | null {
  if (!v.price) return null;
  const available = (v.availability?.total_available ?? 0) > 0;
  const barcodes = barcodeOf(v.barcode.value);
  return {
    id: v.variant_id,
    ...(v.sku.value ? { sku: v.sku.value } : {}),
    ...(barcodes ? { barcodes } : {}),
    title: v.title.value,
    description: { plain: v.title.value },
    price: { amount: v.price.value.amount, currency: v.price.value.currency },
    availability: { available, status: available ? 'in_stock' : 'out_of_stock' },
    options: v.options.value.map((o) => ({ name: o.name, label: o.value })),
    metadata: {
      price_source: v.price.provenance.system,
      ...(v.availability ? { inventory_source: v.availability.system } : {}),
    },
  };
}

/** The product with the given variants (already mapped), or null when none is left. */
export function productWith(view: ResolvedProductView, variants: UcpVariant[]): UcpProduct | null {
  if (variants.length === 0) return null;
  const amounts = variants.map((v) => v.price.amount);
  const currency = variants[0]!.price.currency;
  const type = view.product_type.value;
  return {
    id: view.product_id,
    ...(view.handle.value ? { handle: view.handle.value } : {}),
    title: view.title.value,
    description: { plain: view.description.value || view.title.value },
    categories: type ? [{ value: type, taxonomy: 'merchant' }] : [],
    price_range: {
      min: { amount: Math.min(...amounts), currency },
      max: { amount: Math.max(...amounts), currency },
    },
    options: view.options.value
      .filter((o) => o.values.length > 0)
      .map((o) => ({ name: o.name, values: o.values.map((label) => ({ label })) })),
    variants,
    tags: view.tags.value,
    metadata: { content_source: view.title.provenance.system, vendor: view.vendor.value },
  };
}

/** Every purchasable variant of the product. */
export function productView(view: ResolvedProductView): UcpProduct | null {
  return productWith(
    view,
    view.variants.flatMap((v) => variantView(v) ?? []),
  );
}
