/**
 * Merchants, their API keys and their connected systems. An API key is shown once, when created;
 * only its SHA-256 is stored, and a key resolves to exactly one merchant, which is how every request
 * is scoped.
 *
 * @example
 * const merchants = new MerchantStore(db);
 * await merchants.ensureMerchant('mer_sandbox', 'Sandbox');
 * const { secret } = await merchants.createApiKey('mer_sandbox', 'cli'); // 'ck_…', shown once
 * await merchants.merchantForKey(secret); // 'mer_sandbox'
 */
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../core/ids.js';
import type { Sql } from './db.js';

export interface SystemRow {
  merchant_id: string;
  name: string;
  vendor: string;
  settings: Record<string, unknown>;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export class MerchantStore {
  constructor(private readonly db: Sql) {}

  async ensureMerchant(id: string, name: string): Promise<void> {
    await this.db.query(
      `insert into merchants (id, name) values ($1, $2) on conflict (id) do update set name = $2`,
      [id, name],
    );
  }

  async listMerchants(): Promise<{ id: string; name: string }[]> {
    const { rows } = await this.db.query<{ id: string; name: string }>(
      `select id, name from merchants order by id`,
    );
    return rows;
  }

  /** Creates a key and returns its secret; the secret is not stored and cannot be shown again. */
  async createApiKey(
    merchantId: string,
    label?: string,
    secret?: string,
  ): Promise<{ id: string; secret: string }> {
    const id = newId('api_key');
    const value = secret ?? `ck_${randomBytes(24).toString('base64url')}`;
    await this.db.query(
      `insert into api_keys (id, merchant_id, secret_hash, label) values ($1, $2, $3, $4)
       on conflict (secret_hash) do nothing`,
      [id, merchantId, hashSecret(value), label ?? null],
    );
    return { id, secret: value };
  }

  /** The merchant a (non-revoked) key belongs to, or null. */
  async merchantForKey(secret: string): Promise<string | null> {
    const { rows } = await this.db.query<{ merchant_id: string }>(
      `select merchant_id from api_keys where secret_hash = $1 and revoked_at is null`,
      [hashSecret(secret)],
    );
    return rows[0]?.merchant_id ?? null;
  }

  async upsertSystem(system: SystemRow): Promise<void> {
    await this.db.query(
      `insert into systems (merchant_id, name, vendor, settings) values ($1, $2, $3, $4)
       on conflict (merchant_id, name) do update set vendor = $3, settings = $4`,
      [system.merchant_id, system.name, system.vendor, JSON.stringify(system.settings)],
    );
  }

  async listSystems(merchantId?: string): Promise<SystemRow[]> {
    const { rows } = await this.db.query<SystemRow>(
      `select merchant_id, name, vendor, settings from systems where ($1::text is null or merchant_id = $1)
        order by merchant_id, name`,
      [merchantId ?? null],
    );
    return rows;
  }
}
