/**
 * Paged reads of every ERP stream over `search_read`, declared as data (model, domain, fields, the fields
 * whose change makes a record "updated"). Pages are keyset pages — `[…domain, ['id', '>', last]]` ordered
 * by id with offset 0 and the page size as limit — read to the end through the kit's `cursorPages`: unlike
 * growing offsets, a record created or deleted mid-read cannot shift a later page. Inactive records are
 * read too (`active_test: false`) and mapped as inactive. Incremental reads add
 * `['OR', [field, '>=', since], …]` over write and create dates (a template's price change stamps the
 * template, not the variant, so items also look at `template.write_date`).
 *
 * Locations are the warehouses (`stock.location` of type warehouse); their input, output and storage
 * zones are structure inside a warehouse, not places Concord promises stock from. Inventory levels are per
 * product (goods) per warehouse: `product.product.read` with the context `locations: [warehouse]`, which
 * sums the warehouse's child locations — one call per warehouse per page of products, run in parallel up
 * to the read limit. An incremental read of stock takes the products of stock moves changed since then.
 * Domain syntax: https://docs.tryton.org/projects/server/en/6.0/topics/domain.html
 */
import type { z } from 'zod';
import { ConcordError } from '../../core/errors.js';
import type { Address } from '../../model/index.js';
import { cursorPages, systemClock, type Clock } from '../kit/index.js';
import type { ErpStream, ErpStreamRecord, ReadOptions, SystemContext } from '../types.js';
import type { Domain, TrytonClient } from './client.js';
import { encodeDateTime } from './codec.js';
import type { TrytonSettings } from './config.js';
import {
  toUnifiedAddress,
  toUnifiedCustomer,
  toUnifiedInventoryLevel,
  toUnifiedItem,
  toUnifiedLocation,
} from './map.js';
import {
  ADDRESS_FIELDS,
  AddressRow,
  BARCODE_TYPES,
  IDENTIFIER_FIELDS,
  IdentifierRow,
  LOCATION_FIELDS,
  LocationRow,
  PARTY_FIELDS,
  PartyRow,
  PRODUCT_FIELDS,
  ProductRow,
  STOCK_FIELDS,
  StockRow,
} from './schemas.js';

/** A model read as a stream: what to select and which dates say "changed". */
export interface StreamSpec {
  model: string;
  domain: Domain;
  fields: string[];
  changed: string[];
}

export const STREAMS = {
  items: {
    model: 'product.product',
    domain: [['type', '=', 'goods']],
    fields: PRODUCT_FIELDS,
    changed: ['write_date', 'create_date', 'template.write_date'],
  },
  locations: {
    model: 'stock.location',
    domain: [['type', '=', 'warehouse']],
    fields: LOCATION_FIELDS,
    changed: ['write_date', 'create_date'],
  },
  customers: {
    model: 'party.party',
    domain: [['contact_mechanisms.type', '=', 'email']],
    fields: PARTY_FIELDS,
    changed: ['write_date', 'create_date', 'contact_mechanisms.write_date', 'addresses.write_date'],
  },
  moves: { model: 'stock.move', domain: [], fields: ['product'], changed: ['write_date', 'create_date'] },
} as const satisfies Record<string, StreamSpec>;

/** The stream's domain, with the incremental clause when `since` is given. */
export function streamDomain(spec: StreamSpec, since?: string): Domain {
  if (!since) return [...spec.domain];
  const at = encodeDateTime(since);
  return [...spec.domain, ['OR', ...spec.changed.map((field) => [field, '>=', at])]];
}

/** Parses rows with a schema; a row Tryton sent in another shape is an upstream error naming the field. */
export function parseRows<S extends z.ZodType>(schema: S, rows: unknown[], model: string): z.infer<S>[] {
  return rows.map((row) => {
    const result = schema.safeParse(row);
    if (result.success) return result.data as z.infer<S>;
    const fields = [...new Set(result.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new ConcordError(
      'upstream',
      'tryton_unexpected_row',
      `Tryton ${model} sent an unexpected ${fields}`,
    );
  });
}

const ALL = { active_test: false };

export class TrytonReader {
  constructor(
    private readonly client: TrytonClient,
    private readonly settings: TrytonSettings,
    private readonly ctx: SystemContext,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Every row of `model` matching `domain`, in keyset pages of the configured size. */
  pages<S extends z.ZodType>(
    model: string,
    domain: Domain,
    fields: string[],
    schema: S,
    signal?: AbortSignal,
  ): AsyncGenerator<z.infer<S>[]> {
    const limit = this.settings.pageSize;
    return cursorPages<z.infer<S>>(async (cursor) => {
      const where = cursor === null ? domain : [...domain, ['id', '>', Number(cursor)]];
      const raw = await this.client.searchRead(model, where, { fields, limit, context: ALL, signal });
      const items = parseRows(schema, raw, model);
      const last = raw.at(-1) as { id?: unknown } | undefined;
      return { items, hasNextPage: raw.length === limit, endCursor: last ? String(last.id) : null };
    });
  }

  /** Reads `stream` to the end (or from `updatedSince`), one page of unified records at a time. */
  async *read(stream: ErpStream, options: ReadOptions = {}): AsyncGenerator<ErpStreamRecord[]> {
    const { updatedSince: since, signal } = options;
    if (stream === 'items') {
      const currency = await this.currency();
      const spec = STREAMS.items;
      for await (const rows of this.pages(
        spec.model,
        streamDomain(spec, since),
        spec.fields,
        ProductRow,
        signal,
      )) {
        const barcodes = await this.#barcodes(rows.map((r) => r.id));
        yield rows.map((row) => ({
          stream,
          record: toUnifiedItem(row, barcodes.get(row.id) ?? null, currency, this.ctx),
        }));
      }
    } else if (stream === 'locations') {
      const spec = STREAMS.locations;
      for await (const rows of this.pages(
        spec.model,
        streamDomain(spec, since),
        spec.fields,
        LocationRow,
        signal,
      )) {
        const addresses = await this.addresses(rows.map((r) => r.address ?? null));
        yield rows.map((row) => ({
          stream,
          record: toUnifiedLocation(row, addresses.get(row.address ?? -1) ?? null, this.ctx),
        }));
      }
    } else if (stream === 'inventory_levels') {
      yield* this.#levels(since, signal);
    } else {
      const spec = STREAMS.customers;
      for await (const rows of this.pages(
        spec.model,
        streamDomain(spec, since),
        spec.fields,
        PartyRow,
        signal,
      )) {
        const addresses = await this.addresses(rows.map((r) => r.addresses[0] ?? null));
        yield rows.map((row) => ({
          stream,
          record: toUnifiedCustomer(row, addresses.get(row.addresses[0] ?? -1) ?? null, this.ctx),
        }));
      }
    }
  }

  /** The company currency (ISO code); a database without a company cannot price anything. */
  async currency(): Promise<string> {
    const { currency } = await this.client.info();
    if (!currency) {
      throw new ConcordError(
        'config',
        'tryton_no_company',
        'The Tryton user has no company (or it has no currency)',
      );
    }
    return currency;
  }

  /** Every warehouse, active or not, by id. */
  async warehouses(signal?: AbortSignal): Promise<LocationRow[]> {
    const out: LocationRow[] = [];
    const spec = STREAMS.locations;
    for await (const rows of this.pages(spec.model, [...spec.domain], spec.fields, LocationRow, signal))
      out.push(...rows);
    return out;
  }

  /** Unified addresses by `party.address` id (nulls skipped). */
  async addresses(ids: (number | null)[]): Promise<Map<number, Partial<Address>>> {
    const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
    const rows = parseRows(
      AddressRow,
      await this.client.read('party.address', wanted, ADDRESS_FIELDS, ALL),
      'party.address',
    );
    return new Map(rows.map((row) => [row.id, toUnifiedAddress(row)]));
  }

  /** The first barcode-type identifier of each product. */
  async #barcodes(productIds: number[]): Promise<Map<number, string>> {
    if (productIds.length === 0) return new Map();
    const raw = await this.client.searchRead(
      'product.identifier',
      [
        ['product', 'in', productIds],
        ['type', 'in', BARCODE_TYPES],
      ],
      { fields: IDENTIFIER_FIELDS, context: ALL },
    );
    const rank = (type: string | null) => BARCODE_TYPES.indexOf(type ?? '');
    const out = new Map<number, IdentifierRow>();
    for (const row of parseRows(IdentifierRow, raw, 'product.identifier')) {
      const best = out.get(row.product);
      if (!best || rank(row.type) < rank(best.type)) out.set(row.product, row);
    }
    return new Map([...out].map(([product, row]) => [product, row.code]));
  }

  async *#levels(since: string | undefined, signal?: AbortSignal): AsyncGenerator<ErpStreamRecord[]> {
    const warehouses = await this.warehouses(signal);
    if (warehouses.length === 0) return;
    const spec = STREAMS.items;
    const products = since
      ? this.#movedProducts(since, signal)
      : this.pages(spec.model, [...spec.domain], ['code'], ProductRow.pick({ id: true, code: true }), signal);
    for await (const page of products) {
      const ids = page.map((p) => p.id);
      const at = new Date(this.clock.now()).toISOString();
      const stock = await Promise.all(
        warehouses.map(async (wh) => {
          const raw = await this.client.read('product.product', ids, STOCK_FIELDS, {
            ...ALL,
            locations: [wh.id],
          });
          return new Map(parseRows(StockRow, raw, 'product.product').map((row) => [row.id, row]));
        }),
      );
      yield page.flatMap((product) =>
        warehouses.map((wh, w) => {
          const row = stock[w]!.get(product.id) ?? { id: product.id, quantity: 0, forecast_quantity: 0 };
          return {
            stream: 'inventory_levels' as const,
            record: toUnifiedInventoryLevel(row, product, wh.id, at, this.ctx),
          };
        }),
      );
    }
  }

  /** Goods products with a stock move created or changed since `since`, in pages. */
  async *#movedProducts(
    since: string,
    signal?: AbortSignal,
  ): AsyncGenerator<{ id: number; code: string | null }[]> {
    const moved = new Set<number>();
    const spec = STREAMS.moves;
    const MoveRow = ProductRow.pick({ id: true }).extend({ product: ProductRow.shape.id });
    for await (const rows of this.pages(
      spec.model,
      streamDomain(spec, since),
      spec.fields,
      MoveRow,
      signal,
    )) {
      for (const row of rows) moved.add(row.product);
    }
    const ids = [...moved].sort((a, b) => a - b);
    const size = this.settings.pageSize;
    for (let i = 0; i < ids.length; i += size) {
      const raw = await this.client.searchRead(
        'product.product',
        [...STREAMS.items.domain, ['id', 'in', ids.slice(i, i + size)]],
        { fields: ['code'], context: ALL, signal },
      );
      const page = parseRows(ProductRow.pick({ id: true, code: true }), raw, 'product.product');
      if (page.length > 0) yield page;
    }
  }
}
