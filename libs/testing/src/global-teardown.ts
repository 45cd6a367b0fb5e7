import { rmSync } from 'node:fs';
import { dropDatabase } from '../../database/src/ensure-database';
import { deleteRedisKeys } from './processes';

/** Drops the run's database, deletes its Redis keys and its files (generated secret, uploads). */
export default async function globalTeardown(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const prefix = process.env.REDIS_PREFIX;
  if (databaseUrl?.includes('/bisang_test_') && !process.env.KEEP_TEST_DB) await dropDatabase(databaseUrl);
  if (prefix?.startsWith('bt_')) await deleteRedisKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix);
  const stateDir = process.env.STATE_DIR;
  if (stateDir?.startsWith('/tmp/bisang-test-')) rmSync(stateDir, { recursive: true, force: true });
}
