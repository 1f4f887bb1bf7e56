/**
 * Paged reads of every ERP stream over SuiteQL (`POST /services/rest/query/v1/suiteql`, `Prefer: transient`,
 * ORDER BY a unique key so pages never drift; https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157909186990.html).
 * Pages are fetched concurrently up to the account's limit, in key windows so no query passes SuiteQL's
 * 100 000-row cap (`pages.ts`). SuiteQL joins are avoided: item
 * prices (`pricing` × `pricelevel` × `currency`) and the SKU of a stock row (`item.itemid`) are joined in
 * memory. Incremental reads filter `lastmodifieddate >= TO_TIMESTAMP(…)`; dates are selected with
 * TO_CHAR in 'YYYY-MM-DD HH24:MI:SS' (read as UTC; the account's time zone is inferred to be UTC).
 */
import type { ErpStream, ErpStreamRecord, ReadOptions, SystemContext } from '../types.js';
import type { NetSuiteClient } from './client.js';
import type { NetSuiteSettings } from './config.js';
import { NETSUITE_MANIFEST } from './manifest.js';
import {
  nsMoney,
  toUnifiedCustomer,
  toUnifiedInventoryLevel,
  toUnifiedItem,
  toUnifiedLocation,
  type ItemPrices,
} from './map.js';
import { keysetPages } from './pages.js';
import type {
  CurrencyRow,
  CustomerRow,
  ItemRow,
  LocationRow,
  PriceLevelRow,
  PriceRow,
  StockRow,
} from './types.js';

const DATE = (col: string) => `TO_CHAR(${col}, 'YYYY-MM-DD HH24:MI:SS') AS ${col}`;

/** A SuiteQL query as parts: the SELECT … FROM, its conditions, and its ORDER BY key (unique, internal ids). */
export interface QuerySpec {
  select: string;
  where: readonly string[];
  keys: readonly string[];
}

/** The SuiteQL text of `spec` with `extra` conditions ANDed on. */
export function suiteQl(spec: QuerySpec, ...extra: (string | undefined)[]): string {
  const where = [...spec.where, ...extra.filter((c): c is string => c !== undefined)];
  return `${spec.select}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${spec.keys.join(', ')}`;
}

/** The SuiteQL of each stream (without the incremental filter). */
export const STREAM_QUERIES = {
  items: {
    select: `SELECT id, itemid, displayname, description, itemtype, isinactive, upccode, ${DATE('lastmodifieddate')} FROM item`,
    where: ["itemtype = 'InvtPart'"],
    keys: ['id'],
  },
  locations: {
    select: `SELECT id, name, isinactive, ${DATE('lastmodifieddate')} FROM location`,
    where: [],
    keys: ['id'],
  },
  inventory_levels: {
    select: `SELECT item, location, quantityonhand, quantityavailable, quantitycommitted, quantityonorder, ${DATE('lastmodifieddate')} FROM inventoryitemlocations`,
    where: [],
    keys: ['item', 'location'],
  },
  customers: {
    select: `SELECT id, entityid, email, firstname, lastname, companyname, ${DATE('lastmodifieddate')} FROM customer`,
    where: [],
    keys: ['id'],
  },
} as const satisfies Record<ErpStream, QuerySpec>;

/** `lastmodifieddate >= TO_TIMESTAMP('YYYY-MM-DD HH24:MI:SS', …)` for an ISO instant (UTC). */
export function updatedSinceCondition(iso: string): string {
  const text = new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
  return `lastmodifieddate >= TO_TIMESTAMP('${text}', 'YYYY-MM-DD HH24:MI:SS')`;
}

/** The full SuiteQL of a stream, with the incremental filter when asked. */
export function streamQuery(stream: ErpStream, updatedSince?: string): QuerySpec {
  const spec = STREAM_QUERIES[stream];
  return { ...spec, where: [...spec.where, ...(updatedSince ? [updatedSinceCondition(updatedSince)] : [])] };
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

export class NetSuiteReader {
  constructor(
    private readonly ns: NetSuiteClient,
    private readonly settings: NetSuiteSettings,
    private readonly ctx: SystemContext,
  ) {}

  /** Every row of a SuiteQL query, page by page in key windows (concurrently once the total is known). */
  rows<T>(q: QuerySpec, signal?: AbortSignal): AsyncGenerator<T[]> {
    const fetch = (condition: string | undefined, offset: number, limit: number) =>
      this.ns.suiteql<T>(suiteQl(q, condition), offset, limit, signal);
    return keysetPages<T>(fetch, {
      pageSize: NETSUITE_MANIFEST.limits.maxPageSize,
      window: () => 2 * this.ns.limiter.max,
      maxRows: NETSUITE_MANIFEST.limits.maxSuiteQlRows,
      keys: q.keys,
    });
  }

  async #all<T>(q: QuerySpec, signal?: AbortSignal): Promise<T[]> {
    const out: T[] = [];
    for await (const page of this.rows<T>(q, signal)) out.push(...page);
    return out;
  }

  /** Reads `stream` to the end (or from `updatedSince`), one page of unified records at a time. */
  async *read(stream: ErpStream, options: ReadOptions = {}): AsyncGenerator<ErpStreamRecord[]> {
    await this.ns.ready();
    const q = streamQuery(stream, options.updatedSince);
    const { signal } = options;
    if (stream === 'items') {
      // Prices load while the first item pages are fetched.
      const loading = this.#prices(signal);
      loading.catch(() => undefined);
      for await (const rows of this.rows<ItemRow>(q, signal)) {
        const prices = await loading;
        yield rows.map((row) => ({ stream, record: toUnifiedItem(row, prices(row.id), this.ctx) }));
      }
    } else if (stream === 'locations') {
      for await (const rows of this.rows<LocationRow>(q, signal))
        yield rows.map((row) => ({ stream, record: toUnifiedLocation(row, this.ctx) }));
    } else if (stream === 'inventory_levels') {
      // SKUs (item.itemid) load while the first stock pages are fetched.
      const loading = this.#all<Pick<ItemRow, 'id' | 'itemid'>>(
        { select: 'SELECT id, itemid FROM item', where: [], keys: ['id'] },
        signal,
      );
      loading.catch(() => undefined);
      let skus: Map<string, string> | undefined;
      for await (const rows of this.rows<StockRow>(q, signal)) {
        skus ??= new Map((await loading).map((row) => [row.id, row.itemid]));
        const sku = skus;
        yield rows.map((row) => ({
          stream,
          record: toUnifiedInventoryLevel({ ...row, itemid: sku.get(row.item) }, this.ctx),
        }));
      }
    } else {
      for await (const rows of this.rows<CustomerRow>(q, signal))
        yield rows.map((row) => ({ stream, record: toUnifiedCustomer(row, this.ctx) }));
    }
  }

  /** The currency's internal id for the configured ISO code, or null when the account has no such currency. */
  async currencyId(signal?: AbortSignal): Promise<string | null> {
    const rows = await this.#all<CurrencyRow>(
      { select: 'SELECT id, symbol FROM currency', where: [], keys: ['id'] },
      signal,
    );
    return rows.find((r) => r.symbol.toUpperCase() === this.settings.currency)?.id ?? null;
  }

  /** Loads base and named price levels in the configured currency; returns a lookup by item id. */
  async #prices(signal?: AbortSignal): Promise<(itemId: string) => ItemPrices> {
    const { currency, basePriceLevel, priceLevels } = this.settings;
    const [levels, currencyId] = await Promise.all([
      this.#all<PriceLevelRow>(
        { select: 'SELECT id, name FROM pricelevel', where: [], keys: ['id'] },
        signal,
      ),
      this.currencyId(signal),
    ]);
    const wanted = levels.filter((l) => l.name === basePriceLevel || priceLevels.includes(l.name));
    const byItem = new Map<string, Map<string, PriceRow>>();
    if (currencyId) {
      const loads = wanted.map((level) =>
        this.#all<PriceRow>(
          {
            select: 'SELECT item, pricelevel, unitprice, currency FROM pricing',
            where: [`pricelevel = ${quote(level.id)}`, `currency = ${quote(currencyId)}`],
            keys: ['item'],
          },
          signal,
        ),
      );
      for (const rows of await Promise.all(loads)) {
        for (const row of rows) {
          const perItem = byItem.get(row.item) ?? new Map<string, PriceRow>();
          perItem.set(row.pricelevel, row);
          byItem.set(row.item, perItem);
        }
      }
    }
    const nameOf = new Map(wanted.map((l) => [l.id, l.name]));
    return (itemId) => {
      const rows = [...(byItem.get(itemId)?.values() ?? [])];
      const price = (row: PriceRow) => nsMoney(row.unitprice, currency);
      const base = rows.find((r) => nameOf.get(r.pricelevel) === basePriceLevel);
      return {
        base: base ? price(base) : null,
        levels: priceLevels.flatMap((name) => {
          const row = rows.find((r) => nameOf.get(r.pricelevel) === name);
          return row ? [{ name, price: price(row) }] : [];
        }),
      };
    };
  }
}
