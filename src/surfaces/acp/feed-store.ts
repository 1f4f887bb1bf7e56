/**
 * ACP feeds and the products upserted into them, per merchant: a feed is an id, a target country
 * and when it last changed; an upserted product (PATCH) replaces the catalog's product of the same
 * id in that feed, or adds one. The catalog itself stays the store's (synced from the merchant's
 * systems); nothing here writes to it.
 *
 * @example
 * const feeds = new FeedStore(rt.db);
 * const feed = await feeds.create('mer_a', 'US', new Date());
 * await feeds.upsertProducts('mer_a', feed.id, [{ id: 'prod_…', variants: [] }], new Date());
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../store/db.js';

export interface FeedMetadata {
  id: string;
  target_country?: string;
  updated_at: string;
}

/** A feed product as the spec shapes it (validated by the route before it is stored). */
export type FeedProduct = { id: string } & Record<string, unknown>;

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

interface FeedRow {
  id: string;
  target_country: string | null;
  updated_at: Date | string;
}

const metadataOf = (row: FeedRow): FeedMetadata => ({
  id: row.id,
  ...(row.target_country ? { target_country: row.target_country } : {}),
  updated_at: iso(row.updated_at),
});

export class FeedStore {
  constructor(private readonly db: Database) {}

  async create(merchantId: string, targetCountry: string | undefined, now: Date): Promise<FeedMetadata> {
    const id = `feed_${randomBytes(10).toString('hex')}`;
    const { rows } = await this.db.query<FeedRow>(
      `insert into acp_feeds (merchant_id, id, target_country, created_at, updated_at)
       values ($1, $2, $3, $4::timestamptz, $4::timestamptz) returning id, target_country, updated_at`,
      [merchantId, id, targetCountry ?? null, now.toISOString()],
    );
    return metadataOf(rows[0]!);
  }

  async get(merchantId: string, id: string): Promise<FeedMetadata | null> {
    const { rows } = await this.db.query<FeedRow>(
      `select id, target_country, updated_at from acp_feeds where merchant_id = $1 and id = $2`,
      [merchantId, id],
    );
    return rows[0] ? metadataOf(rows[0]) : null;
  }

  /** Products upserted into the feed, by product id. */
  async products(merchantId: string, feedId: string): Promise<Map<string, FeedProduct>> {
    const { rows } = await this.db.query<{ product_id: string; body: unknown }>(
      `select product_id, body from acp_feed_products where merchant_id = $1 and feed_id = $2 order by product_id`,
      [merchantId, feedId],
    );
    return new Map(
      rows.map((r) => [
        r.product_id,
        (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as FeedProduct,
      ]),
    );
  }

  /** Upserts products by id (the last of one id wins) in one transaction and touches the feed's `updated_at`. */
  async upsertProducts(
    merchantId: string,
    feedId: string,
    products: readonly FeedProduct[],
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    const byId = new Map(products.map((p) => [p.id, p]));
    const rows = JSON.stringify([...byId.values()].map((p) => ({ id: p.id, body: p })));
    await this.db.transaction(async (tx) => {
      await tx.query(
        `insert into acp_feed_products (merchant_id, feed_id, product_id, body, updated_at)
         select $1, $2, p.id, p.body, $4::timestamptz
           from json_to_recordset($3::json) as p(id text, body json)
         on conflict (merchant_id, feed_id, product_id) do update set body = excluded.body, updated_at = excluded.updated_at`,
        [merchantId, feedId, rows, at],
      );
      await tx.query(`update acp_feeds set updated_at = $3::timestamptz where merchant_id = $1 and id = $2`, [
        merchantId,
        feedId,
        at,
      ]);
    });
  }
}
