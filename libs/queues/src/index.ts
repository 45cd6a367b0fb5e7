export { QUEUES, QUEUE_OF, ALL_QUEUES } from './job-map';
export type { JobMap, JobName, QueueName } from './job-map';
export { JobProducer } from './job-producer';
export type { EnqueueOptions } from './job-producer';
export { QueuesModule } from './queues.module';
export { jobIds } from './job-ids';
export { COACHING_REMINDER_OFFSETS_MINUTES, COACHING_AUTO_COMPLETE_AFTER_MS, COACHING_PENDING_SWEEP_AFTER_MS, bookingTimeJobs } from './coaching-jobs';
