import { rmSync } from 'node:fs';
import { dropDatabase } from '../../database/src/ensure-database';
import { deleteRedisKeys } from './processes';
import { workerDatabaseUrl } from './worker-resources';

/** Drops the run's databases (its own and each worker's), deletes its Redis keys and its files (generated secret, uploads). */
export default async function globalTeardown(): Promise<void> {
  const databaseUrl = process.env.BISANG_RUN_DATABASE_URL;
  const prefix = process.env.BISANG_RUN_REDIS_PREFIX;
  const workers = Number(process.env.BISANG_RUN_WORKERS ?? 1);
  if (databaseUrl?.includes('/bisang_test_') && !process.env.KEEP_TEST_DB) {
    await dropDatabase(databaseUrl);
    for (let w = 1; w <= workers; w++) await dropDatabase(workerDatabaseUrl(databaseUrl, String(w)));
  }
  if (prefix?.startsWith('bt_')) {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    await deleteRedisKeys(redisUrl, prefix);
    for (let w = 1; w <= workers; w++) await deleteRedisKeys(redisUrl, `${prefix}_w${w}`);
  }
  const stateDir = process.env.BISANG_RUN_STATE_DIR;
  if (stateDir?.startsWith('/tmp/bisang-test-')) rmSync(stateDir, { recursive: true, force: true });
}
