import Redis from 'ioredis';
import { dropDatabase } from '../../database/src/ensure-database';

/** Drops the run's database and deletes its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const prefix = process.env.REDIS_PREFIX;
  if (databaseUrl?.includes('/bisang_test_') && !process.env.KEEP_TEST_DB) await dropDatabase(databaseUrl);
  if (prefix?.startsWith('bt_')) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }
}
