import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type Redis from 'ioredis';
import { REDIS } from '@bisang/common';

/**
 * Closes the BullMQ workers before @nestjs/bullmq does. With Redis up, a worker closes gracefully (its running
 * jobs finish first). With Redis unreachable, waiting is pointless (a running job cannot record its outcome,
 * and BullMQ hands it to another worker once its lock expires) and a graceful close never returns: the
 * worker's main loop keeps retrying Redis. Then the workers close by force, so the process still stops
 * within its shutdown grace period; BullExplorer's own close() afterwards finds them closed.
 */
@Injectable()
export class WorkerShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerShutdown.name);

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .flatMap((host) => {
        try {
          return [host.worker];
        } catch {
          return []; // never registered (the process stops during start-up)
        }
      });
    const force = this.redis.status !== 'ready';
    if (force && workers.length) this.logger.warn(`Redis is unreachable (${this.redis.status}): closing ${workers.length} workers without waiting for running jobs`);
    await Promise.allSettled(workers.map((worker) => worker.close(force)));
  }
}
