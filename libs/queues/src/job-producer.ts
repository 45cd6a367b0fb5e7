import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JobMap, JobName, QUEUE_OF, QueueName } from './job-map';

export interface EnqueueOptions {
  /** Deterministic id: enqueuing the same id twice keeps one job. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  priority?: number;
}

/** The one way to put a job on a queue: typed by job name. */
@Injectable()
export class JobProducer {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  async enqueue<J extends JobName>(name: J, payload: JobMap[J], options: EnqueueOptions = {}): Promise<void> {
    const opts: JobsOptions = {
      jobId: options.jobId,
      delay: options.delayMs && options.delayMs > 0 ? Math.ceil(options.delayMs) : undefined,
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: 500 },
      priority: options.priority,
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    };
    await this.queue(QUEUE_OF[name]).add(name, payload, opts);
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
