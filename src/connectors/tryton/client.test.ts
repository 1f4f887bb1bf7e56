/**
 * The JSON-RPC client against a scripted fake server over real HTTP: the session header, the context
 * last, one new login after a 401, no retry of a write, retries of a read on a busy database, JSON-RPC
 * errors as ConcordErrors, and no password anywhere in an error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConcordError } from '../../core/errors.js';
import { forgetSharedLimiters } from '../kit/index.js';
import { TrytonClient } from './client.js';
import { parseTrytonSettings } from './config.js';
import { preferences, sessionHeader, startFakeTryton, type FakeHandler, type FakeTryton } from './testing.js';

let fake: FakeTryton | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  handler: FakeHandler,
  password?: string,
): Promise<{ fake: FakeTryton; client: TrytonClient }> {
  forgetSharedLimiters();
  fake = await startFakeTryton((m, p, c) => preferences(m) ?? handler(m, p, c));
  const settings = parseTrytonSettings({
    url: fake.url,
    database: 'concord',
    username: 'admin',
    password: password ?? fake.password,
  });
  return {
    fake,
    client: new TrytonClient({ settings, retry: { baseDelayMs: 1, maxDelayMs: 2, random: () => 0.5 } }),
  };
}

describe('TrytonClient', () => {
  it('given a login when calling a model then the session header is sent and the user context (company) is the last parameter', async () => {
    const { fake, client } = await setup(() => ({ result: [{ id: 1, code: 'CL-001' }] }));
    const rows = await client.searchRead('product.product', [['id', '>', 0]], {
      fields: ['code'],
      limit: 5,
      context: { active_test: false },
    });
    expect(rows).toEqual([{ id: 1, code: 'CL-001' }]);
    const [call] = fake.callsOf('model.product.product.search_read');
    expect(call!.authorization).toBe(sessionHeader('admin', 1, 's1'));
    expect(call!.params).toEqual([
      [['id', '>', 0]],
      0,
      5,
      [['id', 'ASC']],
      ['code'],
      { company: 1, language: 'en', active_test: false },
    ]);
    expect(await client.info()).toMatchObject({ company: 1, currency: 'USD' });
    expect(fake.callsOf('common.db.login')).toHaveLength(1);
  });

  it('given a revoked session when calling then the client logs in once more and repeats the call', async () => {
    const { fake, client } = await setup(() => ({ result: [] }));
    await client.search('party.party', []);
    fake.sessions.clear();
    expect(await client.search('party.party', [])).toEqual([]);
    expect(fake.callsOf('common.db.login')).toHaveLength(2);
    expect(client.stats.relogins).toBe(1);
    expect(fake.callsOf('model.party.party.search').map((c) => c.authorization)).toEqual([
      sessionHeader('admin', 1, 's1'),
      sessionHeader('admin', 1, 's1'),
      sessionHeader('admin', 1, 's2'),
    ]);
  });

  it('given a 401 that persists after a new login when calling then an unauthorized error comes back after exactly one new login', async () => {
    const { fake, client } = await setup((method) =>
      method === 'model.party.party.search' ? { status: 401 } : undefined,
    );
    const error = await client.search('party.party', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcordError);
    expect((error as ConcordError).category).toBe('unauthorized');
    expect(fake.callsOf('common.db.login')).toHaveLength(2);
  });

  it('given a wrong password when calling then the login is tried once and the error names user and database, never the password', async () => {
    const { fake, client } = await setup(() => undefined, 'wrong-password-987');
    const error = (await client.search('party.party', []).catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code]).toEqual(['unauthorized', 'tryton_login_failed']);
    expect(fake.callsOf('common.db.login')).toHaveLength(1);
    const text = `${error.message} ${JSON.stringify(error.detail)} ${String(error.cause)} ${JSON.stringify(error.issues)}`;
    expect(text).not.toContain('wrong-password-987');
    expect(text).not.toContain(fake.password);
  });

  it('given a 500 on a write when creating then it is not retried (exactly one request) and the error is upstream', async () => {
    const { fake, client } = await setup((method) =>
      method === 'model.sale.sale.create' ? { status: 500 } : undefined,
    );
    const error = (await client.create('sale.sale', [{}]).catch((e: unknown) => e)) as ConcordError;
    expect(error.category).toBe('upstream');
    expect(fake.callsOf('model.sale.sale.create')).toHaveLength(1);
  });

  it('given a busy database twice when reading then the read is retried and succeeds on the third attempt', async () => {
    let busy = 2;
    const { fake, client } = await setup((method) =>
      method === 'model.party.party.search' && busy-- > 0
        ? { error: ['database is locked', 'Traceback …'] }
        : { result: [3] },
    );
    expect(await client.search('party.party', [])).toEqual([3]);
    expect(fake.callsOf('model.party.party.search')).toHaveLength(3);
  });

  it('given a JSON-RPC user error on a write when creating then a validation error with the vendor message comes back, unretried', async () => {
    const { fake, client } = await setup(() => ({
      error: ['UserError', ['A sale needs a party.', '', null]],
    }));
    const error = (await client.create('sale.sale', [{}]).catch((e: unknown) => e)) as ConcordError;
    expect([error.category, error.code, error.message]).toEqual([
      'validation',
      'tryton_user_error',
      'Tryton model.sale.sale.create: A sale needs a party.',
    ]);
    expect(fake.callsOf('model.sale.sale.create')).toHaveLength(1);
  });

  it('given six writes at once when sent then they go one at a time through the write limiter', async () => {
    const { client } = await setup(() => ({ result: null }));
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => client.write('party.party', [i + 1], { name: `p${i}` })),
    );
    expect(client.writes.stats()).toMatchObject({ maxObserved: 1, acquisitions: 6 });
  });
});
