/**
 * Deterministic job ids: enqueuing the same purpose twice keeps one job, and a job can be found and removed later.
 * Ids that depend on a moment include it, so that moving the moment schedules a fresh job.
 * BullMQ refuses ':' in custom ids.
 */
export const jobIds = {
  fairOpen: (fairId: string) => `fair-open-${fairId}`,
  fairClose: (fairId: string) => `fair-close-${fairId}`,
  postingClose: (postingId: string, closesAt: Date) => `posting-close-${postingId}-${closesAt.getTime()}`,
} as const;
