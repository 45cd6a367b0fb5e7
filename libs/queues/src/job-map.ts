/**
 * Every BullMQ queue and job of Bisang: names and payloads in one place, so that a typo is a compile error.
 * Payloads carry ids, never entities; every handler is idempotent (BullMQ delivers at least once).
 */
export const QUEUES = {
  fairs: 'fairs',
  coaching: 'coaching',
  outcomes: 'outcomes',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobMap {
  /** Moves a scheduled fair to live when its start has come. */
  'fair.open': { fairId: string };
  /** Moves a live fair to closed when its end has come. */
  'fair.close': { fairId: string };
  /** Closes a posting whose closesAt has come. */
  'posting.close': { postingId: string };
}
export type JobName = keyof JobMap;

/** Which queue carries each job. */
export const QUEUE_OF: { readonly [J in JobName]: QueueName } = {
  'fair.open': QUEUES.fairs,
  'fair.close': QUEUES.fairs,
  'posting.close': QUEUES.fairs,
};

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);
