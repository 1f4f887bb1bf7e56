/**
 * Test databases. By default an in-memory PGlite; when `CONCORD_TEST_DATABASE_URL` is set (CI sets
 * it to the machine's PostgreSQL), a fresh schema on that server, dropped again on close, so suites
 * running in parallel never see each other's rows.
 *
 * @example
 * const db = await openTestDatabase(); // migrated, empty
 * afterAll(() => db.close());
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from './db.js';
import { migrate } from './migrations.js';

export const TEST_DATABASE_URL = process.env.CONCORD_TEST_DATABASE_URL;

export async function openTestDatabase(): Promise<Database> {
  if (!TEST_DATABASE_URL) {
    const db = await openDatabase({});
    await migrate(db);
    return db;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 1 });
  await admin.query(`create schema ${schema}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  await migrate(db);
  return {
    ...db,
    kind: db.kind,
    async close() {
      await db.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.close();
    },
  };
}
