/**
 * Agent limits per API key: the most one order may be worth, the tools the key may call and the
 * merchants it may act for. A key without a row, or a field that is null, is not limited in that
 * respect. Limits live in the database (every node enforces the same ones) and are read by the
 * key's secret, hashed the way `merchants.ts` stores it; the secret itself is never stored.
 *
 * Tool names are the MCP tool names (`place_order`, …); REST routes map onto them (see
 * `surfaces/mcp/limits.ts`), so one limit covers every surface.
 *
 * @example
 * const limits = new AgentLimitStore(db);
 * await limits.set(keyId, { max_order_value: { amount: 50_000, currency: 'USD' }, allowed_tools: null, allowed_merchants: null });
 * const found = await limits.forSecret('ck_…'); // { apiKeyId, merchantId, limits }
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ConcordError } from '../core/errors.js';
import { Money } from '../model/money.js';
import type { Sql } from './db.js';

/** The id the migration below is registered under in `migrations.ts`. */
export const AGENT_LIMITS_MIGRATION_ID = '0005_agent_limits';

/** Migration 0005: one row of limits per API key, removed with the key. */
export const AGENT_LIMITS_MIGRATION = `
-- Agent limits per API key (src/store/agent-limits.ts); null = not limited in that respect.
create table agent_limits (
  api_key_id text primary key references api_keys(id) on delete cascade,
  max_order_amount bigint,
  max_order_currency text,
  allowed_tools jsonb,
  allowed_merchants jsonb,
  updated_at timestamptz not null default now(),
  check ((max_order_amount is null) = (max_order_currency is null))
);
`;

const Name = z.string().min(1).max(64);

export const AgentLimits = z
  .object({
    max_order_value: Money.extend({ amount: Money.shape.amount.min(0, 'must not be negative') })
      .nullable()
      .describe('The most one order may total (tax and shipping included); null = no limit'),
    allowed_tools: z
      .array(Name)
      .max(100)
      .nullable()
      .describe('Tool names this key may call (e.g. `place_order`); null = every tool'),
    allowed_merchants: z
      .array(Name)
      .max(100)
      .nullable()
      .describe('Merchant ids this key may act for; null = its own merchant'),
  })
  .strict()
  .meta({ id: 'AgentLimits' });
export type AgentLimits = z.infer<typeof AgentLimits>;

/** No limits at all. */
export const UNLIMITED: AgentLimits = { max_order_value: null, allowed_tools: null, allowed_merchants: null };

export interface KeyLimits {
  apiKeyId: string;
  merchantId: string;
  limits: AgentLimits;
}

interface Row {
  api_key_id: string;
  merchant_id: string;
  max_order_amount: number | string | null;
  max_order_currency: string | null;
  allowed_tools: unknown;
  allowed_merchants: unknown;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

const list = (value: unknown): string[] | null => {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? parsed.map(String) : null;
};

function limitsOf(row: Row): AgentLimits {
  return {
    max_order_value:
      row.max_order_amount === null || row.max_order_currency === null
        ? null
        : { amount: Number(row.max_order_amount), currency: row.max_order_currency },
    allowed_tools: list(row.allowed_tools),
    allowed_merchants: list(row.allowed_merchants),
  };
}

/** Validates limits, naming each bad field (`max_order_value.currency`…). */
export function parseAgentLimits(input: unknown): AgentLimits {
  const result = AgentLimits.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  throw new ConcordError('validation', 'invalid_limits', `${issues[0]?.field}: ${issues[0]?.message}`, {
    issues,
  });
}

export class AgentLimitStore {
  constructor(private readonly db: Sql) {}

  /** Sets (replaces) the limits of a key; `key_not_found` when there is no such key. */
  async set(apiKeyId: string, input: AgentLimits): Promise<AgentLimits> {
    const limits = parseAgentLimits(input);
    const { rows } = await this.db.query<{ id: string }>(`select id from api_keys where id = $1`, [apiKeyId]);
    if (rows.length === 0) {
      throw new ConcordError('not_found', 'api_key_not_found', `No API key with id "${apiKeyId}"`);
    }
    await this.db.query(
      `insert into agent_limits (api_key_id, max_order_amount, max_order_currency, allowed_tools, allowed_merchants)
       values ($1, $2, $3, $4::jsonb, $5::jsonb)
       on conflict (api_key_id) do update set max_order_amount = $2, max_order_currency = $3,
         allowed_tools = $4::jsonb, allowed_merchants = $5::jsonb, updated_at = now()`,
      [
        apiKeyId,
        limits.max_order_value?.amount ?? null,
        limits.max_order_value?.currency ?? null,
        limits.allowed_tools === null ? null : JSON.stringify(limits.allowed_tools),
        limits.allowed_merchants === null ? null : JSON.stringify(limits.allowed_merchants),
      ],
    );
    return limits;
  }

  /** Removes a key's limits (it is then unlimited). */
  async clear(apiKeyId: string): Promise<void> {
    await this.db.query(`delete from agent_limits where api_key_id = $1`, [apiKeyId]);
  }

  /** The limits of a key by id (unlimited when it has none). */
  async get(apiKeyId: string): Promise<AgentLimits> {
    const { rows } = await this.db.query<Row>(
      `select k.id as api_key_id, k.merchant_id, l.max_order_amount, l.max_order_currency, l.allowed_tools, l.allowed_merchants
         from api_keys k left join agent_limits l on l.api_key_id = k.id where k.id = $1`,
      [apiKeyId],
    );
    return rows[0] ? limitsOf(rows[0]) : UNLIMITED;
  }

  /** The key (non-revoked) with this secret, its merchant and limits; null for an unknown key. */
  async forSecret(secret: string): Promise<KeyLimits | null> {
    const { rows } = await this.db.query<Row>(
      `select k.id as api_key_id, k.merchant_id, l.max_order_amount, l.max_order_currency, l.allowed_tools, l.allowed_merchants
         from api_keys k left join agent_limits l on l.api_key_id = k.id
        where k.secret_hash = $1 and k.revoked_at is null`,
      [hashSecret(secret)],
    );
    const row = rows[0];
    return row ? { apiKeyId: row.api_key_id, merchantId: row.merchant_id, limits: limitsOf(row) } : null;
  }
}
