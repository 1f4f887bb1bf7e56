import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcordError, type ErrorCategory } from '../core/errors.js';
import { logger } from '../core/logger.js';
import type { Database } from '../store/db.js';
import { IdempotencyStore } from '../store/idempotency.js';
import { openTestDatabase } from '../store/testing.js';
import { runIdempotent } from './idempotent.js';

describe('runIdempotent', () => {
  let db: Database;
  let store: IdempotencyStore;
  let n = 0;
  beforeAll(async () => {
    db = await openTestDatabase();
    store = new IdempotencyStore(db);
  });
  afterAll(() => db.close());

  const request = () => ({ merchantId: 'mer_a', scope: 'POST /x', key: `k${++n}`, fingerprint: 'f' });
  const toResponse = (e: ConcordError) => ({
    status: e.category === 'conflict' ? 409 : 422,
    body: { code: e.code },
  });

  it('given a deterministic error when run twice then the second run replays it without executing', async () => {
    const req = request();
    let executions = 0;
    const execute = async () => {
      executions += 1;
      throw new ConcordError('conflict', 'insufficient_stock', 'no');
    };
    expect(await runIdempotent(store, req, execute, toResponse, logger)).toEqual({
      status: 409,
      body: { code: 'insufficient_stock' },
      replayed: false,
    });
    expect(await runIdempotent(store, req, execute, toResponse, logger)).toEqual({
      status: 409,
      body: { code: 'insufficient_stock' },
      replayed: true,
    });
    expect(executions).toBe(1);
  });

  for (const category of ['transient', 'rate_limited', 'upstream'] as ErrorCategory[]) {
    it(`given a ${category} error when run then it is rethrown, the key released, and a retry executes`, async () => {
      const req = request();
      const failing = () => Promise.reject(new ConcordError(category, 'x', 'retry me'));
      await expect(runIdempotent(store, req, failing, toResponse, logger)).rejects.toMatchObject({
        category,
      });
      let executions = 0;
      const ok = async () => ({ status: 201, body: { ok: (executions += 1) } });
      expect(await runIdempotent(store, req, ok, toResponse, logger)).toMatchObject({
        status: 201,
        replayed: false,
      });
      expect(executions).toBe(1);
    });
  }

  it('given an unexpected (non-Concord) error when run then the key is released too', async () => {
    const req = request();
    await expect(
      runIdempotent(store, req, () => Promise.reject(new TypeError('bug')), toResponse, logger),
    ).rejects.toThrow('bug');
    expect((await store.begin(req)).status).toBe('new');
  });
});
