import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '@bisang/config';
import './ioredis-disconnect.patch';

export const REDIS = Symbol('REDIS');

/** The one way Bisang opens a Redis connection; honours a db index in the URL. */
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { lazyConnect: false, enableAutoPipelining: true, ...options });
}

/**
 * Ends a connection: QUIT when it is up (pending replies arrive first), at once when it is not. A QUIT sent
 * while Redis is gone waits in the offline queue for a reconnect that may never come, and a process
 * shutting down then hangs until its deadline.
 */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
  else client.disconnect();
}

/** BullMQ loses jobs when Redis evicts keys under memory pressure; say so loudly at start-up. */
export async function checkEvictionPolicy(redis: Redis, logger = new Logger('Redis')): Promise<string | undefined> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply?.[1];
    if (policy && policy !== 'noeviction') {
      logger.warn(
        `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or queued jobs may be lost. ` +
          `Set it with: redis-cli CONFIG SET maxmemory-policy noeviction`,
      );
    }
    return policy;
  } catch {
    logger.warn('Could not read Redis maxmemory-policy (CONFIG GET refused); make sure it is "noeviction" for BullMQ.');
    return undefined;
  }
}

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown() {
    await closeRedis(this.redis);
  }
}

/** One shared Redis connection for commands (rate limits, presence, health, publishing). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = createRedisConnection(config.redisUrl, { maxRetriesPerRequest: 2 });
        redis.on('error', () => undefined); // reconnects by itself; health reports the outage
        await checkEvictionPolicy(redis);
        return redis;
      },
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
