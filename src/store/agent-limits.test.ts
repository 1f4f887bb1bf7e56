import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcordError } from '../core/errors.js';
import { ensureAgentLimitsTable } from '../surfaces/mcp/testing.js';
import { AgentLimitStore, UNLIMITED } from './agent-limits.js';
import type { Database } from './db.js';
import { MerchantStore } from './merchants.js';
import { openTestDatabase } from './testing.js';

let db: Database;
let merchants: MerchantStore;
let store: AgentLimitStore;

beforeAll(async () => {
  db = await openTestDatabase();
  await ensureAgentLimitsTable(db);
  merchants = new MerchantStore(db);
  store = new AgentLimitStore(db);
  await merchants.ensureMerchant('mer_a', 'A');
});
afterAll(() => db?.close());

const limited = {
  max_order_value: { amount: 50_000, currency: 'USD' },
  allowed_tools: ['search_products', 'place_order'],
  allowed_merchants: ['mer_a'],
};

describe('given API keys with and without agent limits', () => {
  it('when a key has no limits then it reads as unlimited, by id and by secret', async () => {
    const key = await merchants.createApiKey('mer_a', 'plain');
    expect(await store.get(key.id)).toEqual(UNLIMITED);
    expect(await store.forSecret(key.secret)).toEqual({
      apiKeyId: key.id,
      merchantId: 'mer_a',
      limits: UNLIMITED,
    });
  });

  it('when limits are set then they read back whole, and setting again replaces them', async () => {
    const key = await merchants.createApiKey('mer_a', 'agent');
    expect(await store.set(key.id, limited)).toEqual(limited);
    expect(await store.get(key.id)).toEqual(limited);
    expect((await store.forSecret(key.secret))?.limits).toEqual(limited);
    const looser = { ...UNLIMITED, allowed_tools: ['get_order_status'] };
    await store.set(key.id, looser);
    expect(await store.get(key.id)).toEqual(looser);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from agent_limits where api_key_id = $1`,
      [key.id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('when limits are cleared then the key is unlimited again', async () => {
    const key = await merchants.createApiKey('mer_a', 'cleared');
    await store.set(key.id, limited);
    await store.clear(key.id);
    expect(await store.get(key.id)).toEqual(UNLIMITED);
  });

  it('when the limits are malformed then nothing is stored and each bad field is named', async () => {
    const key = await merchants.createApiKey('mer_a', 'bad');
    const bad = {
      max_order_value: { amount: -1, currency: 'usd' },
      allowed_tools: 'all',
      allowed_merchants: null,
    };
    const error = await store.set(key.id, bad as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcordError);
    expect((error as ConcordError).code).toBe('invalid_limits');
    expect((error as ConcordError).issues.map((i) => i.field).sort()).toEqual([
      'allowed_tools',
      'max_order_value.amount',
      'max_order_value.currency',
    ]);
    expect(await store.get(key.id)).toEqual(UNLIMITED);
  });

  it('when the key does not exist then setting limits is a not_found error', async () => {
    const error = await store.set('key_nope', limited).catch((e: unknown) => e);
    expect((error as ConcordError).code).toBe('api_key_not_found');
  });

  it('when the key is revoked or unknown then its secret resolves to nothing', async () => {
    const key = await merchants.createApiKey('mer_a', 'revoked');
    await store.set(key.id, limited);
    await db.query(`update api_keys set revoked_at = now() where id = $1`, [key.id]);
    expect(await store.forSecret(key.secret)).toBeNull();
    expect(await store.forSecret('ck_never_issued')).toBeNull();
  });

  it('when the key is deleted then its limits go with it', async () => {
    const key = await merchants.createApiKey('mer_a', 'deleted');
    await store.set(key.id, limited);
    await db.query(`delete from api_keys where id = $1`, [key.id]);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from agent_limits where api_key_id = $1`,
      [key.id],
    );
    expect(rows[0]!.n).toBe(0);
  });
});
