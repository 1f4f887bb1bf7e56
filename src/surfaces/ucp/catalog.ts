/**
 * UCP catalog search and lookup (2026-04-08 `catalog_search.json`, `catalog_lookup.json`) over the
 * store, each product resolved as the merchant's topology says (`getResolvedProduct`), so the price
 * an agent sees here is the price its checkout will be quoted at.
 *
 * - search: a query (title contains) and/or filters (categories: product type or tag; price range in
 *   minor units), cursor pages of at most 50 (default 10). A request with neither is a 400.
 * - lookup: up to 50 ids — product ids, variant ids or SKUs — deduplicated; a product is returned
 *   once with the variants the ids resolved to (`inputs`: `exact` for a variant id or SKU,
 *   `featured` for a product id). Unknown ids are left out with an info message.
 * - get_product: one product by product or variant id, the requested variant first, with the
 *   effective option selection and per-value `exists` / `available` signals. Unknown: `not_found`.
 *
 * @example
 * const reply = await searchCatalog(deps, ctx, { query: 'tee', pagination: { limit: 5 } });
 */
import { listProducts } from '../../commerce/catalog.js';
import { getResolvedProduct, type ResolvedProductView } from '../../commerce/resolved.js';
import { ConcordError } from '../../core/errors.js';
import type { Variant } from '../../model/index.js';
import type { Runtime } from '../../runtime.js';
import { productView, productWith, variantView, type UcpProduct, type UcpVariant } from './catalog-view.js';
import { error, UcpProtocolError, type Message } from './errors.js';
import { CAP } from './profile.js';
import { envelope, outcome, requireCapability, type UcpContext, type UcpReply } from './reply.js';
import { MAX_LOOKUP_IDS, type ProductRequest, type SearchRequest } from './schemas.js';

export interface CatalogDeps {
  rt: Runtime;
}

const MAX_PAGE = 50;

async function resolved(rt: Runtime, merchantId: string, id: string): Promise<ResolvedProductView | null> {
  try {
    return await getResolvedProduct(rt, merchantId, id);
  } catch (err) {
    if (err instanceof ConcordError && err.category === 'not_found') return null;
    throw err;
  }
}

function matchesFilters(product: UcpProduct, filters: SearchRequest['filters']): boolean {
  const wanted = (filters?.categories ?? []).map((c) => c.toLowerCase());
  if (wanted.length > 0) {
    const have = [...product.categories.map((c) => c.value), ...product.tags].map((c) => c.toLowerCase());
    if (!wanted.some((c) => have.includes(c))) return false;
  }
  const { min, max } = filters?.price ?? {};
  if (min !== undefined && product.price_range.max.amount < min) return false;
  if (max !== undefined && product.price_range.min.amount > max) return false;
  return true;
}

export async function searchCatalog(
  deps: CatalogDeps,
  ctx: UcpContext,
  req: SearchRequest,
): Promise<UcpReply> {
  const refused = requireCapability(ctx.negotiated, CAP.search);
  if (refused) return refused;
  const query = req.query?.trim();
  const hasFilters = (req.filters?.categories?.length ?? 0) > 0 || req.filters?.price !== undefined;
  if (!query && !hasFilters) {
    throw new UcpProtocolError(400, 'invalid_request', 'Send a query or at least one filter');
  }
  const limit = Math.min(req.pagination?.limit ?? 10, MAX_PAGE);
  const page = await listProducts(deps.rt, ctx.merchantId, {
    status: 'active',
    limit,
    ...(query ? { q: query } : {}),
    ...(req.pagination?.cursor ? { cursor: req.pagination.cursor } : {}),
  });
  const products: UcpProduct[] = [];
  for (const p of page.items) {
    const view = await resolved(deps.rt, ctx.merchantId, p.id);
    const product = view ? productView(view) : null;
    if (product && matchesFilters(product, req.filters)) products.push(product);
  }
  return {
    status: 200,
    body: {
      ucp: envelope(ctx.negotiated, [CAP.search]),
      products,
      pagination: page.next_cursor
        ? { has_next_page: true, cursor: page.next_cursor }
        : { has_next_page: false },
    },
  };
}

/** Variants named by id or SKU, from the store. */
async function variantsBy(rt: Runtime, merchantId: string, filters: { ids?: string[]; skus?: string[] }) {
  const page = await rt.search.list<Variant>(merchantId, 'variant', { filters, limit: 500 });
  return page.items;
}

interface Wanted {
  /** Variant id → how the request named it. */
  inputs: Map<string, { id: string; match: string }[]>;
  /** Request ids that named the product itself. */
  featured: string[];
}

export async function lookupCatalog(deps: CatalogDeps, ctx: UcpContext, ids: string[]): Promise<UcpReply> {
  const refused = requireCapability(ctx.negotiated, CAP.lookup);
  if (refused) return refused;
  const unique = [...new Set(ids)];
  if (unique.length > MAX_LOOKUP_IDS) {
    throw new UcpProtocolError(400, 'request_too_large', `Look up at most ${MAX_LOOKUP_IDS} ids per request`);
  }
  const wanted = new Map<string, Wanted>();
  const want = (productId: string) => {
    const w: Wanted = wanted.get(productId) ?? { inputs: new Map(), featured: [] };
    wanted.set(productId, w);
    return w;
  };
  const messages: Message[] = [];
  for (const id of unique) {
    const variants = id.startsWith('prod_')
      ? []
      : await variantsBy(deps.rt, ctx.merchantId, id.startsWith('var_') ? { ids: [id] } : { skus: [id] });
    for (const v of variants) {
      const w = want(v.product_id);
      w.inputs.set(v.id, [...(w.inputs.get(v.id) ?? []), { id, match: 'exact' }]);
    }
    if (id.startsWith('prod_')) want(id).featured.push(id);
    else if (variants.length === 0)
      messages.push({ type: 'info', code: 'not_found', content: `No product or variant "${id}"` });
  }
  const products: UcpProduct[] = [];
  for (const [productId, w] of wanted) {
    const view = await resolved(deps.rt, ctx.merchantId, productId);
    const all = view ? view.variants.flatMap((v) => variantView(v) ?? []) : [];
    const featuredId = all.find((v) => v.availability.available)?.id ?? all[0]?.id;
    const chosen: UcpVariant[] = all.flatMap((v) => {
      const inputs = [...(w.inputs.get(v.id) ?? [])];
      if (v.id === featuredId) inputs.push(...w.featured.map((id) => ({ id, match: 'featured' })));
      return inputs.length > 0 ? [{ ...v, inputs }] : [];
    });
    const product = view ? productWith(view, chosen) : null;
    if (product) products.push(product);
    else
      for (const id of w.featured)
        messages.push({ type: 'info', code: 'not_found', content: `No product "${id}"` });
  }
  return {
    status: 200,
    body: { ucp: envelope(ctx.negotiated, [CAP.lookup]), products, ...(messages.length ? { messages } : {}) },
  };
}

type Selection = { name: string; label: string }[];

const matches = (v: UcpVariant, selection: Selection) =>
  selection.every((s) => v.options.some((o) => o.name === s.name && o.label === s.label));

/** The selection relaxed (preferences' last names first, then any) until a variant matches. */
function effective(variants: UcpVariant[], wanted: Selection, preferences: string[]): Selection {
  let selection = [...wanted];
  const order = [...preferences].reverse();
  while (selection.length > 0 && !variants.some((v) => matches(v, selection))) {
    const drop = order.find((name) => selection.some((s) => s.name === name)) ?? selection.at(-1)!.name;
    selection = selection.filter((s) => s.name !== drop);
  }
  return selection;
}

export async function getCatalogProduct(
  deps: CatalogDeps,
  ctx: UcpContext,
  req: ProductRequest,
): Promise<UcpReply> {
  const refused = requireCapability(ctx.negotiated, CAP.lookup);
  if (refused) return refused;
  const variant = req.id.startsWith('prod_')
    ? undefined
    : (
        await variantsBy(
          deps.rt,
          ctx.merchantId,
          req.id.startsWith('var_') ? { ids: [req.id] } : { skus: [req.id] },
        )
      )[0];
  const view = await resolved(deps.rt, ctx.merchantId, variant?.product_id ?? req.id);
  const product = view ? productView(view) : null;
  if (!product) return outcome([error('not_found', `No product or variant "${req.id}"`, 'unrecoverable')]);
  const requested = product.variants.find((v) => v.id === variant?.id);
  const base = requested ? requested.options : [];
  const wanted = req.selected ? req.selected.map((s) => ({ name: s.name, label: s.label })) : base;
  const selection = effective(product.variants, wanted, req.preferences ?? []);
  const featured =
    (requested && matches(requested, selection) ? requested : undefined) ??
    product.variants.find((v) => matches(v, selection) && v.availability.available) ??
    product.variants.find((v) => matches(v, selection))!;
  const selected = selection.length > 0 ? selection : featured.options;
  const options = product.options.map((o) => ({
    name: o.name,
    values: o.values.map(({ label }) => {
      const probe = [...selected.filter((s) => s.name !== o.name), { name: o.name, label }];
      const hits = product.variants.filter((v) => matches(v, probe));
      return { label, exists: hits.length > 0, available: hits.some((v) => v.availability.available) };
    }),
  }));
  const variants = [featured, ...product.variants.filter((v) => v.id !== featured.id)];
  return {
    status: 200,
    body: {
      ucp: envelope(ctx.negotiated, [CAP.lookup]),
      product: { ...product, variants, options, selected },
    },
  };
}
