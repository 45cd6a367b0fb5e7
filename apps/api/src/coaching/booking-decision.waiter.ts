import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { JobProducer, QUEUES } from '@bisang/queues';

/**
 * Lets a booking request wait briefly for the worker's decision: BullMQ's queue events say when the
 * decide job finished, on whatever node it ran, without polling PostgreSQL.
 */
@Injectable()
export class BookingDecisionWaiter implements OnModuleInit, OnModuleDestroy {
  private events?: QueueEvents;

  constructor(private readonly jobs: JobProducer) {}

  async onModuleInit(): Promise<void> {
    const queue = this.jobs.queue(QUEUES.coaching);
    queue.setMaxListeners(0); // each waiting request listens for the queue closing
    this.events = new QueueEvents(queue.name, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    this.events.setMaxListeners(0);
    this.events.on('error', () => undefined); // reconnects by itself; a missed event only turns a 201 into a 202
    await this.events.waitUntilReady();
  }

  async onModuleDestroy(): Promise<void> {
    await this.events?.close().catch(() => undefined);
  }

  /** Resolves when the job has finished or after `ms`, whichever comes first. */
  async waitForJob(jobId: string, ms: number): Promise<void> {
    if (!this.events || ms <= 0) return;
    const job = await this.jobs.queue(QUEUES.coaching).getJob(jobId);
    if (!job) return;
    try {
      await job.waitUntilFinished(this.events, ms);
    } catch {
      // timed out or failed: the caller reads the booking's state either way
    }
  }
}
