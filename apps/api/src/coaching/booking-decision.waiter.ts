import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { JobProducer, QUEUES } from '@bisang/queues';

/**
 * Lets a booking request wait briefly for the worker's decision: BullMQ's queue events say when the
 * decide job finished, on whatever node it ran, without polling PostgreSQL. One listener serves every
 * waiting request (a map from job id to waiters), so waiting costs no Redis call of its own.
 */
@Injectable()
export class BookingDecisionWaiter implements OnModuleInit, OnModuleDestroy {
  private events?: QueueEvents;
  private readonly waiting = new Map<string, Set<() => void>>();

  constructor(private readonly jobs: JobProducer) {}

  async onModuleInit(): Promise<void> {
    const queue = this.jobs.queue(QUEUES.coaching);
    this.events = new QueueEvents(queue.name, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    this.events.on('error', () => undefined); // reconnects by itself; a missed event only turns a 201 into a 202
    const finished = ({ jobId }: { jobId: string }) => this.waiting.get(jobId)?.forEach((wake) => wake());
    this.events.on('completed', finished);
    this.events.on('failed', finished);
    await this.events.waitUntilReady();
  }

  async onModuleDestroy(): Promise<void> {
    await this.events?.close().catch(() => undefined);
  }

  /**
   * Resolves when the job has finished, when `settled()` says the work is already done, or after `ms`, whichever
   * comes first. Listening starts before `settled()` is asked, so a job finishing in between is not missed.
   */
  async waitFor(jobId: string, ms: number, settled: () => Promise<boolean>): Promise<void> {
    if (!this.events || ms <= 0) return;
    let wake!: () => void;
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
    const waiters = this.waiting.get(jobId) ?? new Set();
    waiters.add(wake);
    this.waiting.set(jobId, waiters);
    try {
      if (await settled()) return;
      await done;
    } finally {
      clearTimeout(timer);
      waiters.delete(wake);
      if (waiters.size === 0) this.waiting.delete(jobId);
    }
  }
}
