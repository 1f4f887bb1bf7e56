/**
 * The runtime: what one Concord process holds while it serves — the database, the stores over it,
 * and the connectors of every merchant system, built from configuration. Surfaces and workflows
 * receive it; nothing in it is state that another node could not rebuild from the same database
 * and configuration.
 *
 * @example
 * const rt = await createRuntime({ db });
 * rt.connectors.register({ merchantId: 'mer_a', system: 'shopify' }, connector);
 * rt.connectors.platform('mer_a'); // the merchant's commerce platform connector
 */
import type { ErpConnector, PlatformConnector, SystemContext } from './connectors/types.js';
import { ConcordError } from './core/errors.js';
import { logger as rootLogger, type Logger } from './core/logger.js';
import type { Database } from './store/db.js';
import { MerchantStore } from './store/merchants.js';
import { ReadCache } from './store/read-cache.js';
import { RecordStore } from './store/records.js';
import { RecordSearch } from './store/search.js';
import type { Topology } from './topology/index.js';

export class ConnectorRegistry {
  private readonly byKey = new Map<string, PlatformConnector>();
  private readonly erps = new Map<string, ErpConnector>();

  /** Registers an ERP system of a merchant. */
  registerErp(context: SystemContext, connector: ErpConnector): void {
    this.erps.set(`${context.merchantId}/${context.system}`, connector);
  }

  /** The merchant's ERP (the hub under the mid-market preset), or undefined when it has none. */
  erp(merchantId: string): ErpConnector | undefined {
    return [...this.erps.values()].find((c) => c.context.merchantId === merchantId);
  }

  /** Every registered ERP connector (all merchants when omitted). */
  listErps(merchantId?: string): ErpConnector[] {
    return [...this.erps.values()].filter((c) => !merchantId || c.context.merchantId === merchantId);
  }

  register(context: SystemContext, connector: PlatformConnector): void {
    this.byKey.set(`${context.merchantId}/${context.system}`, connector);
  }

  /** The connector of one system, or undefined. */
  get(merchantId: string, system: string): PlatformConnector | undefined {
    return this.byKey.get(`${merchantId}/${system}`);
  }

  /** Every registered connector of a merchant (all merchants when omitted). */
  list(merchantId?: string): PlatformConnector[] {
    return [...this.byKey.values()].filter((c) => !merchantId || c.context.merchantId === merchantId);
  }

  /** The merchant's commerce platform (the system that owns orders under the SMB preset). */
  platform(merchantId: string): PlatformConnector {
    const connector = this.list(merchantId)[0];
    if (!connector) {
      throw new ConcordError('config', 'no_platform', 'This merchant has no connected commerce platform');
    }
    return connector;
  }
}

/** Each merchant's topology (who owns which truth); a merchant without one is served as SMB. */
export class TopologyRegistry {
  private readonly byMerchant = new Map<string, Topology>();

  set(merchantId: string, topology: Topology): void {
    this.byMerchant.set(merchantId, topology);
  }

  get(merchantId: string): Topology | undefined {
    return this.byMerchant.get(merchantId);
  }

  /** Merchants with a topology. */
  merchants(): string[] {
    return [...this.byMerchant.keys()];
  }
}

export interface Runtime {
  db: Database;
  /** Writes of synced records. */
  records: RecordStore;
  /** Reads of synced records (cached on the embedded store). */
  search: RecordSearch;
  merchants: MerchantStore;
  connectors: ConnectorRegistry;
  topologies: TopologyRegistry;
  logger: Logger;
}

export function createRuntime(options: { db: Database; logger?: Logger; readCache?: boolean }): Runtime {
  // Only the embedded store is written by this process alone, which is what makes its cache exact.
  const cache = options.db.kind === 'pglite' && options.readCache !== false ? new ReadCache() : null;
  return {
    db: options.db,
    records: new RecordStore(options.db, cache),
    search: new RecordSearch(options.db, cache),
    merchants: new MerchantStore(options.db),
    connectors: new ConnectorRegistry(),
    topologies: new TopologyRegistry(),
    logger: options.logger ?? rootLogger,
  };
}
