/**
 * Catalog routes: products (with their variants), locations and inventory. Each handler validates
 * (done by the route's schemas), calls a read workflow in `commerce/catalog.ts` for the caller's
 * merchant and shapes the reply.
 *
 * @example
 * GET /products?q=tee&status=active&limit=20
 * GET /inventory?sku=TEE-M  → { data: [levels…], totals: [{ sku, available, … }], next_cursor }
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { getInventory, getProduct, listLocations, listProducts } from '../../../commerce/catalog.js';
import { InventoryLevel, Location, Product, ProductStatus } from '../../../model/index.js';
import { getResolvedProduct } from '../../../commerce/resolved.js';
import type { Runtime } from '../../../runtime.js';
import { Conflict, ResolvedProduct } from '../../../topology/index.js';
import type { AppEnv } from '../auth.js';
import { ExpandQuery, IdParam, json, listOf, PageQuery, problems, Timestamp } from '../schemas.js';

const ProductQuery = PageQuery.extend({
  q: z.string().min(1).max(255).optional().describe('Title contains (case-insensitive)'),
  status: ProductStatus.optional(),
  vendor: z.string().min(1).max(255).optional().describe('Exact vendor (case-insensitive)'),
  product_type: z.string().min(1).max(255).optional().describe('Exact product type (case-insensitive)'),
  sku: z.string().min(1).max(255).optional().describe('Products with a variant of exactly this SKU'),
  updated_since: Timestamp.optional().describe('Only products updated at or after this time'),
}).strict();

const InventoryQuery = PageQuery.extend({
  sku: z.string().min(1).max(255).optional(),
  location_id: z.string().min(1).max(128).optional(),
  variant_id: z.string().min(1).max(128).optional(),
}).strict();

export const StockTotal = z
  .object({
    sku: z.string(),
    on_hand: z.number().int(),
    available: z.number().int(),
    committed: z.number().int(),
    incoming: z.number().int(),
    locations: z.number().int().describe('Locations holding a level for this SKU'),
  })
  .meta({ id: 'StockTotal', description: 'Stock of one SKU summed over locations' });

const InventoryList = z
  .object({
    data: z.array(InventoryLevel),
    totals: z.array(StockTotal).describe('For each SKU on this page: totals over every matching location'),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'InventoryList' });

const listProductsRoute = createRoute({
  method: 'get',
  path: '/products',
  operationId: 'listProducts',
  tags: ['catalog'],
  summary: 'List products',
  security: [{ bearer: [] }],
  request: { query: ProductQuery },
  responses: { 200: json(listOf(Product, 'ProductList'), 'A page of products'), ...problems(400, 401) },
});

const getProductRoute = createRoute({
  method: 'get',
  path: '/products/{id}',
  operationId: 'getProduct',
  tags: ['catalog'],
  summary: 'Get a product with its variants',
  security: [{ bearer: [] }],
  request: { params: IdParam, query: ExpandQuery },
  responses: { 200: json(Product, 'The product'), ...problems(400, 401, 404) },
});

const ResolvedProductView = ResolvedProduct.extend({
  conflicts: z.array(Conflict).describe("Where the merchant's systems disagree about this product"),
}).meta({ id: 'ResolvedProductView' });

const getResolvedProductRoute = createRoute({
  method: 'get',
  path: '/products/{id}/resolved',
  operationId: 'getResolvedProduct',
  tags: ['catalog', 'topology'],
  summary: 'Get a product as the topology resolves it, each field with its provenance',
  description:
    "Content from the content owner, price and availability from their owners (the ERP's under " +
    'mid_market, joined by the match key); every value carries the system, external id, field and ' +
    'as-of time it came from, and `conflicts` lists where the systems disagree about this product.',
  security: [{ bearer: [] }],
  request: { params: IdParam },
  responses: { 200: json(ResolvedProductView, 'The resolved product'), ...problems(400, 401, 404) },
});

const listLocationsRoute = createRoute({
  method: 'get',
  path: '/locations',
  operationId: 'listLocations',
  tags: ['catalog'],
  summary: 'List locations',
  security: [{ bearer: [] }],
  request: { query: PageQuery.strict() },
  responses: { 200: json(listOf(Location, 'LocationList'), 'A page of locations'), ...problems(400, 401) },
});

const inventoryRoute = createRoute({
  method: 'get',
  path: '/inventory',
  operationId: 'getInventory',
  tags: ['catalog'],
  summary: 'Inventory levels per variant and location, with totals per SKU',
  security: [{ bearer: [] }],
  request: { query: InventoryQuery },
  responses: { 200: json(InventoryList, 'A page of inventory levels'), ...problems(400, 401) },
});

export function catalogRoutes(app: OpenAPIHono<AppEnv>, rt: Runtime, auth: MiddlewareHandler<AppEnv>): void {
  app.openapi({ ...listProductsRoute, middleware: [auth] }, async (c) => {
    const page = await listProducts(rt, c.get('merchantId'), c.req.valid('query'));
    return c.json({ data: page.items, next_cursor: page.next_cursor }, 200);
  });
  app.openapi({ ...getProductRoute, middleware: [auth] }, async (c) => {
    const product = await getProduct(
      rt,
      c.get('merchantId'),
      c.req.valid('param').id,
      c.req.valid('query').expand,
    );
    return c.json(product, 200);
  });
  app.openapi({ ...getResolvedProductRoute, middleware: [auth] }, async (c) => {
    return c.json(await getResolvedProduct(rt, c.get('merchantId'), c.req.valid('param').id), 200);
  });
  app.openapi({ ...listLocationsRoute, middleware: [auth] }, async (c) => {
    const page = await listLocations(rt, c.get('merchantId'), c.req.valid('query'));
    return c.json({ data: page.items, next_cursor: page.next_cursor }, 200);
  });
  app.openapi({ ...inventoryRoute, middleware: [auth] }, async (c) => {
    const page = await getInventory(rt, c.get('merchantId'), c.req.valid('query'));
    return c.json({ data: page.items, totals: page.totals, next_cursor: page.next_cursor }, 200);
  });
}
