/**
 * Schema migrations, applied in order, each once, inside one transaction guarded by an advisory
 * lock so that several Concord nodes starting together on one PostgreSQL do not race.
 *
 * Written here rather than with a migration library because the libraries we looked at
 * (node-pg-migrate, umzug + pg) bind to node-postgres's client, and the embedded PGlite store
 * must run the same migrations through the same `Sql` interface.
 */
import { AGENT_LIMITS_MIGRATION, AGENT_LIMITS_MIGRATION_ID } from './agent-limits.js';
import type { Database } from './db.js';

export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    id: '0001_foundation',
    sql: `
create table merchants (
  id text primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table api_keys (
  id text primary key,
  merchant_id text not null references merchants(id) on delete cascade,
  -- sha256 of the secret; the secret itself is shown once and never stored
  secret_hash text not null unique,
  label text,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- A merchant's connected system (e.g. its Shopify store): vendor, settings, credentials.
create table systems (
  merchant_id text not null references merchants(id) on delete cascade,
  name text not null,
  vendor text not null,
  settings jsonb not null,
  created_at timestamptz not null default now(),
  primary key (merchant_id, name)
);

-- Every unified record synced from a system, keyed by Concord's id.
create table records (
  merchant_id text not null,
  kind text not null,
  id text not null,
  system text not null,
  external_id text not null,
  updated_at timestamptz not null,
  synced_at timestamptz not null default now(),
  sku text,
  parent_id text,
  location_id text,
  email text,
  -- json, not jsonb: records are written whole and read whole, so the text is kept as written (field
  -- order as the model declares it) and returned without a jsonb-to-text conversion on every read.
  data json not null,
  raw json,
  primary key (merchant_id, id),
  unique (merchant_id, system, kind, external_id)
);
create index records_kind_id on records (merchant_id, kind, id);
create index records_kind_sku on records (merchant_id, kind, sku) where sku is not null;
create index records_kind_parent on records (merchant_id, kind, parent_id) where parent_id is not null;
create index records_kind_location on records (merchant_id, kind, location_id) where location_id is not null;
create index records_kind_email on records (merchant_id, kind, lower(email)) where email is not null;
create index records_kind_updated on records (merchant_id, kind, updated_at);

-- Per system and stream: where incremental sync resumes, and how the last run went.
create table sync_state (
  merchant_id text not null,
  system text not null,
  stream text not null,
  cursor text,
  status text not null default 'idle',
  records_synced bigint not null default 0,
  last_started_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  primary key (merchant_id, system, stream)
);

-- Idempotency keys of write requests: fingerprint of the request and the response it got.
create table idempotency_keys (
  merchant_id text not null,
  scope text not null,
  key text not null,
  fingerprint text not null,
  state text not null,
  response_status int,
  response_body jsonb,
  created_at timestamptz not null default now(),
  locked_until timestamptz,
  primary key (merchant_id, scope, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

-- Incoming webhooks already processed, for dedupe by the vendor's delivery id.
create table webhook_events (
  merchant_id text not null,
  system text not null,
  event_id text not null,
  topic text not null,
  received_at timestamptz not null default now(),
  primary key (merchant_id, system, event_id)
);
`,
  },
  {
    id: '0002_sync_lease',
    sql: `
-- One node at a time syncs a system: a lease with an owner and an expiry (a crashed node's lease runs out).
create table sync_leases (
  merchant_id text not null,
  system text not null,
  owner text not null,
  lease_until timestamptz not null,
  primary key (merchant_id, system)
);
`,
  },
  {
    id: '0003_conflicts',
    sql: `
-- Disagreements between a merchant's systems found by the topology resolver (src/topology/conflicts.ts).
-- The id is deterministic (kind + records involved), so a conflict keeps its id across runs.
create table conflicts (
  merchant_id text not null,
  id text not null,
  kind text not null,
  body json not null,
  detected_at timestamptz not null default now(),
  resolved boolean not null default false,
  primary key (merchant_id, id)
);
create index conflicts_open on conflicts (merchant_id, id) where not resolved;
`,
  },
  {
    id: '0004_quotes',
    sql: `
-- Quotes (src/store/quotes.ts): the whole quote as json, its expiry and what became of it.
create table quotes (
  merchant_id text not null,
  id text not null,
  status text not null default 'open',
  expires_at timestamptz not null,
  -- The order reference (from the order's idempotency key) that claimed the quote, then its order.
  order_ref text,
  order_id text,
  body json not null,
  created_at timestamptz not null default now(),
  primary key (merchant_id, id)
);

-- Stock held by an open quote: one row per (quote, stock record, location). A hold counts while it
-- is not released and not expired; available-to-promise = available - active holds.
create table stock_holds (
  merchant_id text not null,
  quote_id text not null,
  system text not null,
  parent_id text not null,
  location_id text not null,
  quantity integer not null check (quantity > 0),
  expires_at timestamptz not null,
  released_at timestamptz,
  primary key (merchant_id, quote_id, parent_id, location_id)
);
create index stock_holds_active on stock_holds (merchant_id, parent_id, location_id) where released_at is null;
`,
  },
  { id: AGENT_LIMITS_MIGRATION_ID, sql: AGENT_LIMITS_MIGRATION },
  {
    id: '0006_acp',
    sql: `
-- ACP checkout sessions (src/surfaces/acp/store.ts). inputs: what the agent sent (items, buyer,
-- fulfillment details, selected option…); view: the session as last rendered; order_body: the ACP
-- order once completed. lock_key/locked_until: the completion in progress (its idempotency key).
create table acp_checkout_sessions (
  merchant_id text not null,
  id text not null,
  status text not null,
  revision integer not null default 0,
  quote_id text,
  order_id text,
  inputs json not null,
  view json not null,
  order_body json,
  payment json,
  lock_key text,
  locked_until timestamptz,
  expires_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (merchant_id, id)
);
create index acp_checkout_sessions_order on acp_checkout_sessions (merchant_id, order_id) where order_id is not null;

-- Order events sent to the agent platform's webhook (src/surfaces/acp/webhooks.ts); request_id is
-- the Request-Id every attempt of one event carries.
create table acp_webhook_events (
  merchant_id text not null,
  request_id text not null,
  type text not null,
  checkout_session_id text not null,
  body json not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  primary key (merchant_id, request_id)
);

-- ACP product feeds (src/surfaces/acp/feed-store.ts) and products upserted into one (PATCH), which
-- replace the catalog's product of the same id in that feed.
create table acp_feeds (
  merchant_id text not null,
  id text not null,
  target_country text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (merchant_id, id)
);
create table acp_feed_products (
  merchant_id text not null,
  feed_id text not null,
  product_id text not null,
  body json not null,
  updated_at timestamptz not null default now(),
  primary key (merchant_id, feed_id, product_id)
);
`,
  },
  {
    id: '0007_ucp_checkout_sessions',
    sql: `
-- UCP checkout sessions (src/surfaces/ucp/sessions.ts): the platform's input (state), the quote that
-- prices it, the order it became, the checkout as last shown, and a version for optimistic
-- concurrency (two updates racing: one wins, the other is a 409 and retries).
create table if not exists ucp_checkout_sessions (
  merchant_id text not null,
  id text not null,
  status text not null,
  version integer not null default 1,
  quote_id text,
  order_id text,
  expires_at timestamptz not null,
  state json not null,
  checkout json not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (merchant_id, id)
);
`,
  },
];

export async function migrate(db: Database, migrations: Migration[] = MIGRATIONS): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(72417001)`);
    await tx.query(
      `create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const { rows } = await tx.query<{ id: string }>(`select id from schema_migrations`);
    const done = new Set(rows.map((r) => r.id));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query(`insert into schema_migrations (id) values ($1)`, [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
}
