/**
 * The MCP tools of the UCP shopping service, as declared objects: one per `mcp.openrpc.json` method
 * of a capability Concord offers (checkout: create/get/update/complete/cancel; catalog:
 * search/lookup/get_product), with the method's params as the tool's arguments (`meta` first; `id`;
 * `checkout` or `catalog`), validated with zod and published as JSON Schema. `meta.idempotency-key`
 * is required where the OpenRPC document requires it (complete, cancel); create and update without
 * one run once, unguarded.
 *
 * Cart and order methods are not tools here: Concord does not advertise those capabilities.
 *
 * @example
 * const tool = UCP_TOOLS.find((t) => t.name === 'create_checkout')!;
 * const reply = await tool.run(deps, ctx, tool.args.parse(args));
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { getCatalogProduct, lookupCatalog, searchCatalog } from './catalog.js';
import { cancelCheckout, completeCheckout, createCheckout, getCheckout, updateCheckout } from './checkout.js';
import type { UcpDeps } from './deps.js';
import type { UcpContext, UcpReply } from './reply.js';
import {
  CheckoutComplete,
  CheckoutWrite,
  LookupRequest,
  Meta,
  ProductRequest,
  SearchRequest,
} from './schemas.js';

const KeyedMeta = Meta.extend({ 'idempotency-key': z.uuid() });
const Id = z.string().min(1).max(255);

/** What every tool's arguments carry: the request metadata. */
type WithMeta = z.ZodType<{ meta: { 'ucp-agent': { profile: string } } }>;

interface ToolSpec<A extends WithMeta> {
  name: string;
  description: string;
  args: A;
  readOnly: boolean;
  /** Repeating the call changes nothing more (reads, and writes that require an idempotency key). */
  idempotent: boolean;
  run(deps: UcpDeps, ctx: UcpContext, args: z.infer<A>): Promise<UcpReply>;
}

export interface UcpTool {
  name: string;
  description: string;
  args: WithMeta;
  inputSchema: { type: 'object'; [k: string]: unknown };
  annotations: { readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean };
  run(deps: UcpDeps, ctx: UcpContext, args: unknown): Promise<UcpReply>;
}

function tool<A extends WithMeta>(spec: ToolSpec<A>): UcpTool {
  return {
    name: spec.name,
    description: spec.description,
    args: spec.args,
    inputSchema: z.toJSONSchema(spec.args, { io: 'input' }) as UcpTool['inputSchema'],
    annotations: { readOnlyHint: spec.readOnly, destructiveHint: false, idempotentHint: spec.idempotent },
    run: (deps, ctx, args) => spec.run(deps, ctx, args as z.infer<A>),
  };
}

const keyOf = (meta: Meta) => meta['idempotency-key'] ?? randomUUID();

export const UCP_TOOLS: UcpTool[] = [
  tool({
    name: 'create_checkout',
    description:
      'Create a checkout session: line items, buyer, shipping destination; priced by a Concord quote.',
    args: z.object({ meta: Meta, checkout: CheckoutWrite }),
    readOnly: false,
    idempotent: false,
    run: (deps, ctx, a) => createCheckout(deps, ctx, a.checkout, keyOf(a.meta)),
  }),
  tool({
    name: 'get_checkout',
    description: 'Get the latest state of a checkout session.',
    args: z.object({ meta: Meta, id: Id }),
    readOnly: true,
    idempotent: true,
    run: (deps, ctx, a) => getCheckout(deps, ctx, a.id),
  }),
  tool({
    name: 'update_checkout',
    description: 'Replace a checkout session (line items, buyer, destination, selected shipping option).',
    args: z.object({ meta: Meta, id: Id, checkout: CheckoutWrite }),
    readOnly: false,
    idempotent: false,
    run: (deps, ctx, a) => updateCheckout(deps, ctx, a.id, a.checkout, keyOf(a.meta)),
  }),
  tool({
    name: 'complete_checkout',
    description: 'Pay with the payment handler and place the order (one order per checkout).',
    args: z.object({ meta: KeyedMeta, id: Id, checkout: CheckoutComplete }),
    readOnly: false,
    idempotent: true,
    run: (deps, ctx, a) => completeCheckout(deps, ctx, a.id, a.checkout, a.meta['idempotency-key']),
  }),
  tool({
    name: 'cancel_checkout',
    description: 'Cancel a checkout session and release the stock it holds.',
    args: z.object({ meta: KeyedMeta, id: Id }),
    readOnly: false,
    idempotent: true,
    run: (deps, ctx, a) => cancelCheckout(deps, ctx, a.id, a.meta['idempotency-key']),
  }),
  tool({
    name: 'search_catalog',
    description: 'Search products by text and filters (categories, price in minor units), paged by cursor.',
    args: z.object({ meta: Meta, catalog: SearchRequest }),
    readOnly: true,
    idempotent: true,
    run: (deps, ctx, a) => searchCatalog(deps, ctx, a.catalog),
  }),
  tool({
    name: 'lookup_catalog',
    description: 'Look up products by product id, variant id or SKU (at most 50).',
    args: z.object({ meta: Meta, catalog: LookupRequest }),
    readOnly: true,
    idempotent: true,
    run: (deps, ctx, a) => lookupCatalog(deps, ctx, a.catalog.ids),
  }),
  tool({
    name: 'get_product',
    description: 'Get one product with its variants, the effective option selection and availability.',
    args: z.object({ meta: Meta, catalog: ProductRequest }),
    readOnly: true,
    idempotent: true,
    run: (deps, ctx, a) => getCatalogProduct(deps, ctx, a.catalog),
  }),
];
