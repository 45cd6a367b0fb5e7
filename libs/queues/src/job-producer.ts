import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { realDelayMs } from '@bisang/common';
import { JobMap, JobName, QUEUE_OF, QueueName } from './job-map';

export interface EnqueueOptions {
  /** Deterministic id: enqueuing the same id twice keeps one job. */
  jobId?: string;
  /** A delay on the fair clock (libs/common clock.ts); turned into real time for BullMQ. */
  delayMs?: number;
  /** A delay in real time (infrastructure debounces, e.g. the KPI refresh window); not scaled. */
  realDelayMs?: number;
  attempts?: number;
  priority?: number;
  /** First retry delay (doubling); 500 ms unless said. */
  backoffMs?: number;
}

const RETENTION = { removeOnComplete: { age: 24 * 3600, count: 10_000 }, removeOnFail: { age: 7 * 24 * 3600 } } as const;

/** BullMQ's delay (real ms) for a job: `delayMs` is on the fair clock, `realDelayMs` already real. */
export function realJobDelay(options: Pick<EnqueueOptions, 'delayMs' | 'realDelayMs'>): number | undefined {
  const real = options.realDelayMs ?? (options.delayMs !== undefined ? realDelayMs(options.delayMs) : undefined);
  return real && real > 0 ? Math.ceil(real) : undefined;
}

/** The one way to put a job on a queue: typed by job name. */
@Injectable()
export class JobProducer {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  async enqueue<J extends JobName>(name: J, payload: JobMap[J], options: EnqueueOptions = {}): Promise<void> {
    await this.queue(QUEUE_OF[name]).add(name, payload, this.jobOptions(options));
  }

  /** Many jobs of one name in one Redis round trip (deterministic ids dedupe as with `enqueue`). */
  async enqueueMany<J extends JobName>(name: J, jobs: { payload: JobMap[J]; options?: EnqueueOptions }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue(QUEUE_OF[name]).addBulk(jobs.map((j) => ({ name, data: j.payload, opts: this.jobOptions(j.options ?? {}) })));
  }

  private jobOptions(options: EnqueueOptions): JobsOptions {
    return {
      jobId: options.jobId,
      delay: realJobDelay(options),
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 500 },
      priority: options.priority,
      ...RETENTION,
    };
  }

  /**
   * Makes sure the job with this deterministic id will run: enqueued when it does not exist, retried when
   * it failed for good; left alone when it is waiting, delayed, running, or completed (its work is done).
   */
  async ensure<J extends JobName>(name: J, payload: JobMap[J], jobId: string): Promise<'enqueued' | 'retried' | 'present'> {
    const job = await this.queue(QUEUE_OF[name]).getJob(jobId);
    if (!job) {
      await this.enqueue(name, payload, { jobId });
      return 'enqueued';
    }
    if ((await job.getState()) !== 'failed') return 'present';
    try {
      await job.retry('failed');
      return 'retried';
    } catch {
      return 'present'; // retried meanwhile by someone else
    }
  }

  /**
   * A job scheduler (repeatable job) under a fixed id: every process may upsert it, one schedule results.
   * The first run is one interval away, not at once: a worker fetching a scheduler's job keeps retrying
   * the next iteration's upsert while Redis is down, and could not close during that outage.
   */
  async repeatEvery<J extends JobName>(name: J, payload: JobMap[J], schedulerId: string, everyMs: number): Promise<void> {
    await this.queue(QUEUE_OF[name]).upsertJobScheduler(schedulerId, { every: everyMs, startDate: Date.now() + everyMs /* real: BullMQ's scheduler runs on real time */ }, {
      name,
      data: payload,
      opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } }, // a repeated job keeps little history
    });
  }

  /** Removes a scheduled job by its deterministic id (no-op when it is gone or already running). */
  async cancel(name: JobName, jobId: string): Promise<void> {
    const job = await this.queue(QUEUE_OF[name]).getJob(jobId);
    if (!job) return;
    try {
      await job.remove();
    } catch {
      // the job is running or locked; its handler re-checks state and does nothing
    }
  }

  /** Whether a job with this id is waiting or delayed (for tests and operators). */
  async isScheduled(name: JobName, jobId: string): Promise<boolean> {
    const job = await this.queue(QUEUE_OF[name]).getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    return state === 'delayed' || state === 'waiting' || state === 'prioritized' || state === 'waiting-children';
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
