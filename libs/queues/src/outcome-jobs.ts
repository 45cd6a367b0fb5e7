import { DateTime } from 'luxon';
import { FOLLOW_UP_DAYS } from '@bisang/common';
import { jobIds } from './job-ids';
import type { JobMap } from './job-map';

/** Fair-local time of day at which a follow-up is asked. */
export const HIRE_FOLLOW_UP_LOCAL_TIME = { hour: 9, minute: 0 } as const;

export interface HireFollowUpJob {
  name: 'hire.follow-up';
  jobId: string;
  payload: JobMap['hire.follow-up'];
  fireAt: Date;
}

/**
 * The follow-up jobs of a hire starting on `startDate` (YYYY-MM-DD, fair-local): start + 30, 60 and 90 days
 * at 09:00 in the fair's time zone. The start date is part of each job id, so moving it schedules fresh jobs
 * and the old ones are found (and removed) by the old date.
 */
export function hireFollowUpJobs(applicationId: string, startDate: string, timezone: string): HireFollowUpJob[] {
  const start = DateTime.fromISO(startDate, { zone: timezone }).set({ ...HIRE_FOLLOW_UP_LOCAL_TIME, second: 0, millisecond: 0 });
  return FOLLOW_UP_DAYS.map((daysAfterStart) => ({
    name: 'hire.follow-up' as const,
    jobId: jobIds.hireFollowUp(applicationId, daysAfterStart, startDate),
    payload: { applicationId, daysAfterStart, startDate },
    fireAt: start.plus({ days: daysAfterStart }).toJSDate(),
  }));
}
