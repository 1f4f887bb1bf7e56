/**
 * Ownership presets by merchant size, exactly as DESIGN.md's table "Merchant size changes who owns
 * the truth" states them, and `buildTopology`, which applies a config's per-domain overrides on top
 * of its preset and resolves every target to a configured system. Each entry is an ordered list of
 * `<category or system>[:<record kind>]`: the first target whose system is configured owns the
 * truth, every configured target receives writes, and targets of a category the merchant has not
 * connected are skipped (so mid-market "OMS / WMS" works with either). A domain left with no
 * configured target is a config error naming `ownership.<domain>`.
 *
 * @example
 * const topology = buildTopology(parseTopologyConfig(text));
 * topology.ownership.price.owner.system // 'netsuite' under mid_market
 */
import { ConcordError } from '../core/errors.js';
import { Domain, type Preset, type SystemConfig, type TopologyConfig } from './schema.js';

export type OwnershipMap = Record<Domain, readonly string[]>;

/** SMB: the commerce platform owns everything; the order is the invoice. */
export const SMB_PRESET: OwnershipMap = {
  product_content: ['platform:product'],
  price: ['platform:variant'],
  inventory: ['platform:inventory_level'],
  customer_identity: ['platform:customer'],
  order_record: ['platform:order'],
  fulfillment_status: ['platform:fulfillment'],
  invoice: ['platform:order'],
};

/**
 * Mid-market: content and customer identity stay on the platform (customer mirrored to the ERP),
 * price, inventory and invoice belong to the ERP, the order record is the ERP sales order plus the
 * platform order, fulfillment status comes from the OMS or WMS. The table's "OMS commitments
 * subtracted" for inventory is not applied yet: the resolver has no OMS input (see resolve.ts).
 */
export const MID_MARKET_PRESET: OwnershipMap = {
  product_content: ['platform:product'],
  price: ['erp:item'],
  inventory: ['erp:inventory_level'],
  customer_identity: ['platform:customer', 'erp:customer'],
  order_record: ['erp:sales_order', 'platform:order'],
  fulfillment_status: ['oms:fulfillment', 'wms:shipment'],
  invoice: ['erp:invoice'],
};

export const PRESETS: Record<Preset, OwnershipMap> = { smb: SMB_PRESET, mid_market: MID_MARKET_PRESET };

/** One resolved target: the configured system and the record kind written there (if named). */
export interface ResolvedTarget {
  target: string;
  system: string;
  category: SystemConfig['category'];
  record: string | null;
}

/** Who owns one domain, where writes go, and why (the preset or an override). */
export interface DomainOwnership {
  owner: ResolvedTarget;
  writes: ResolvedTarget[];
  /** Human-readable rule, used in conflicts: `ownership.price = erp:item (preset mid_market)`. */
  rule: string;
}

/** A validated config with its effective, resolved ownership map. */
export interface Topology {
  config: TopologyConfig;
  systems: readonly SystemConfig[];
  ownership: Record<Domain, DomainOwnership>;
}

function resolveTarget(target: string, systems: readonly SystemConfig[]): ResolvedTarget | null {
  const [ref = '', record = null] = target.split(':');
  const system = systems.find((s) => s.name === ref) ?? systems.find((s) => s.category === ref);
  return system ? { target, system: system.name, category: system.category, record } : null;
}

function resolveDomain(config: TopologyConfig, domain: Domain): DomainOwnership {
  const override = config.ownership?.[domain];
  const entry = override ?? PRESETS[config.preset][domain];
  const writes = entry.flatMap((t) => resolveTarget(t, config.systems) ?? []);
  const unknown = entry.find((t) => !isCategoryTarget(t) && resolveTarget(t, config.systems) === null);
  const field = `ownership.${domain}`;
  if (unknown !== undefined) {
    throw new ConcordError(
      'config',
      'topology_invalid',
      `Invalid topology: ${field}: no system "${unknown}"`,
      {
        field,
      },
    );
  }
  const owner = writes[0];
  if (!owner) {
    const message = `none of ${entry.join(', ')} is a configured system; connect one or override ${field}`;
    throw new ConcordError('config', 'topology_invalid', `Invalid topology: ${field}: ${message}`, { field });
  }
  const source = override ? 'override' : `preset ${config.preset}`;
  return { owner, writes, rule: `${field} = ${entry.join(' + ')} (${source})` };
}

function isCategoryTarget(target: string): boolean {
  return (['platform', 'erp', 'oms', 'wms'] as string[]).includes(target.split(':')[0] ?? '');
}

/** Applies the preset and overrides; throws a `config` error naming `ownership.<domain>`. */
export function buildTopology(config: TopologyConfig): Topology {
  const ownership = Object.fromEntries(Domain.options.map((d) => [d, resolveDomain(config, d)])) as Record<
    Domain,
    DomainOwnership
  >;
  return { config, systems: config.systems, ownership };
}
