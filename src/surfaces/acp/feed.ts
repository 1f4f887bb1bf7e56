/**
 * The product feed in the ACP feed format (`openapi.feed.yaml`, `schema.feed.json`, 2026-04-17):
 *
 *   POST  /feeds                 → 201 FeedMetadata (`{ target_country? }`)
 *   GET   /feeds/{id}            → 200 FeedMetadata | 404 `feed_not_found`
 *   GET   /feeds/{id}/products   → 200 `{ products }`: the merchant's active catalog from the store
 *   PATCH /feeds/{id}/products   → 200 `{ id, accepted: true }`: products upserted into this feed
 *
 * Each catalog product is exported as the topology resolves it (content from the platform, price
 * and stock from their owners — the ERP under mid_market): product `id` is Concord's product id,
 * each variant's `id` is Concord's variant id, which is exactly the item id a checkout session
 * takes. Prices are ISO 4217 minor units with upper-case codes, as the feed schema requires.
 * Products upserted with PATCH replace the catalog product of the same id in that feed.
 *
 * @example
 * GET /acp/feeds/feed_…/products → { "products": [{ "id": "prod_…", "title": "Tee", "variants": [{ "id": "var_…", … }] }] }
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import { listProducts } from '../../commerce/catalog.js';
import { getResolvedProduct } from '../../commerce/resolved.js';
import type { Product } from '../../model/index.js';
import type { AppEnv } from '../rest/auth.js';
import type { AcpContext } from './context.js';
import { FeedStore, type FeedProduct } from './feed-store.js';
import { acpJson, readJson } from './http.js';

const Uri = z.url();
const Description = z
  .object({ plain: z.string().optional(), html: z.string().optional(), markdown: z.string().optional() })
  .strict()
  .refine((d) => Object.keys(d).length > 0, 'give plain, html or markdown');
const Price = z
  .object({ amount: z.number().int().min(0), currency: z.string().regex(/^[A-Z]{3}$/) })
  .strict();
const Media = z
  .object({
    type: z.string(),
    url: Uri,
    alt_text: z.string().optional(),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
  })
  .strict();
const Link = z.object({ type: z.string(), title: z.string().optional(), url: Uri }).strict();
const Seller = z.object({ name: z.string().optional(), links: z.array(Link).optional() }).strict();
const Variant = z
  .object({
    id: z.string().min(1).max(255),
    title: z.string(),
    description: Description.optional(),
    url: Uri.optional(),
    barcodes: z.array(z.object({ type: z.string(), value: z.string() }).strict()).optional(),
    price: Price.optional(),
    list_price: Price.optional(),
    unit_price: z
      .object({
        amount: z.number().int().min(0),
        currency: z.string().regex(/^[A-Z]{3}$/),
        measure: z.object({ value: z.number(), unit: z.string() }).strict(),
        reference: z.object({ value: z.number().int(), unit: z.string() }).strict(),
      })
      .strict()
      .optional(),
    availability: z
      .object({ available: z.boolean().optional(), status: z.string().optional() })
      .strict()
      .optional(),
    categories: z.array(z.object({ value: z.string(), taxonomy: z.string().optional() }).strict()).optional(),
    condition: z.array(z.string()).optional(),
    variant_options: z.array(z.object({ name: z.string(), value: z.string() }).strict()).optional(),
    media: z.array(Media).optional(),
    seller: Seller.optional(),
    marketplace: Seller.optional(),
  })
  .strict();
const FeedProductSchema = z
  .object({
    id: z.string().min(1).max(255),
    title: z.string().optional(),
    description: Description.optional(),
    url: Uri.optional(),
    media: z.array(Media).optional(),
    variants: z.array(Variant),
  })
  .strict();
const UpsertProductsRequest = z.object({ products: z.array(FeedProductSchema).max(1000) }).strict();
const CreateFeedRequest = z.object({ target_country: z.string().optional() }).strict();

const invalid = (code: string, message: string, param: string) =>
  new ConcordError('validation', code, message, { detail: { param } });

const feedNotFound = () =>
  new ConcordError('not_found', 'feed_not_found', 'Feed not found', { detail: { param: 'id' } });

/** `products[0].variants[1].price` — the feed spec's `param` names fields plainly, not as JSONPath. */
const plainPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)),
    '',
  );

const barcodeType = (value: string) => (/^\d{8}$|^\d{12,14}$/.test(value) ? 'GTIN' : 'barcode');

/** One catalog product as the feed exports it (see the module comment). */
async function feedProduct(
  ctx: AcpContext,
  merchantId: string,
  product: Product,
  seller: string,
): Promise<FeedProduct> {
  const resolved = await getResolvedProduct(ctx.rt, merchantId, product.id);
  return {
    id: product.id,
    title: resolved.title.value,
    ...(resolved.description.value.trim() ? { description: { plain: resolved.description.value } } : {}),
    variants: resolved.variants.map((v) => {
      const raw = product.variants.find((x) => x.id === v.variant_id);
      const price = v.price?.value;
      const available = v.availability?.total_available ?? 0;
      const backorder = raw?.inventory_policy === 'continue' || raw?.inventory_tracked === false;
      const compareAt = raw?.compare_at_price;
      return {
        id: v.variant_id,
        title: `${resolved.title.value} - ${v.title.value}`,
        ...(v.barcode.value
          ? { barcodes: [{ type: barcodeType(v.barcode.value), value: v.barcode.value }] }
          : {}),
        ...(price
          ? { price: { amount: Math.max(0, price.amount), currency: price.currency.toUpperCase() } }
          : {}),
        ...(price && compareAt && compareAt.currency === price.currency && compareAt.amount > price.amount
          ? { list_price: { amount: compareAt.amount, currency: compareAt.currency.toUpperCase() } }
          : {}),
        availability: {
          available: price !== undefined && (available > 0 || backorder),
          status: available > 0 ? 'in_stock' : backorder ? 'backorder' : 'out_of_stock',
        },
        ...(resolved.product_type.value
          ? { categories: [{ value: resolved.product_type.value, taxonomy: 'merchant' }] }
          : {}),
        ...(v.options.value.length > 0 ? { variant_options: v.options.value } : {}),
        seller: { name: seller },
      };
    }),
  };
}

/** The merchant's active catalog as feed products, with the feed's upserts applied. */
async function feedProducts(ctx: AcpContext, merchantId: string, upserted: Map<string, FeedProduct>) {
  const seller =
    (await ctx.rt.merchants.listMerchants()).find((m) => m.id === merchantId)?.name ?? merchantId;
  const out = new Map<string, FeedProduct>();
  let cursor: string | null = null;
  do {
    const page = await listProducts(ctx.rt, merchantId, { status: 'active', limit: 250, cursor });
    for (const product of page.items)
      out.set(product.id, await feedProduct(ctx, merchantId, product, seller));
    cursor = page.next_cursor;
  } while (cursor);
  for (const [id, product] of upserted) out.set(id, product);
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function parse<S extends z.ZodType>(schema: S, body: unknown, code: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const param = plainPath(path) || 'body';
  throw invalid(
    code,
    `${param}: ${issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message}`,
    param,
  );
}

export function feedRoutes(sub: Hono<AppEnv>, ctx: AcpContext): void {
  const feeds = new FeedStore(ctx.rt.db);
  const load = async (merchantId: string, id: string) =>
    (await feeds.get(merchantId, id)) ?? Promise.reject(feedNotFound());

  sub.post('/feeds', async (c) => {
    const body = parse(CreateFeedRequest, await readJson(c), 'invalid_request');
    const country = body.target_country;
    if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
      throw invalid(
        'invalid_target_country',
        'target_country must be an ISO 3166-1 alpha-2 code',
        'target_country',
      );
    }
    return acpJson(c, 201, await feeds.create(c.get('merchantId'), country, ctx.now()));
  });

  sub.get('/feeds/:id', async (c) => acpJson(c, 200, await load(c.get('merchantId'), c.req.param('id'))));

  sub.get('/feeds/:id/products', async (c) => {
    const merchantId = c.get('merchantId');
    const feed = await load(merchantId, c.req.param('id'));
    const products = await feedProducts(ctx, merchantId, await feeds.products(merchantId, feed.id));
    return acpJson(c, 200, { products });
  });

  sub.patch('/feeds/:id/products', async (c) => {
    const merchantId = c.get('merchantId');
    const feed = await load(merchantId, c.req.param('id'));
    const body = parse(UpsertProductsRequest, await readJson(c), 'invalid_product_payload');
    if (body.products.length === 0) {
      throw invalid(
        'invalid_product_payload',
        'products must contain at least one valid Product',
        'products',
      );
    }
    await feeds.upsertProducts(merchantId, feed.id, body.products, ctx.now());
    return acpJson(c, 200, { id: feed.id, accepted: true });
  });
}
