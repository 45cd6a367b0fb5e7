import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '@bisang/config';
import './ioredis-disconnect.patch';

export const REDIS = Symbol('REDIS');

/** The one way Bisang opens a Redis connection; honours a db index in the URL. */
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { lazyConnect: false, enableAutoPipelining: true, ...options });
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
    await this.redis.quit().catch(() => this.redis.disconnect());
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
