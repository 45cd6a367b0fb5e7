import { jobIds } from './job-ids';
import type { JobName } from './job-map';

/** Default reminders, in minutes before a session's start. */
export const COACHING_REMINDER_OFFSETS_MINUTES = [24 * 60, 60] as const;

/** Auto-completion of an unmarked session, after its end. */
export const COACHING_AUTO_COMPLETE_AFTER_MS = 24 * 3600 * 1000;

/** Every job scheduled for a confirmed booking's time: what cancelling (or rescheduling) must remove. */
export function bookingTimeJobs(bookingId: string): { name: JobName; jobId: string }[] {
  return [
    ...COACHING_REMINDER_OFFSETS_MINUTES.map((m) => ({ name: 'coaching.remind' as const, jobId: jobIds.remind(bookingId, m) })),
    { name: 'coaching.open-session', jobId: jobIds.openSession(bookingId) },
    { name: 'coaching.auto-complete', jobId: jobIds.autoComplete(bookingId) },
    { name: 'coaching.attendance-check', jobId: jobIds.attendanceCheck(bookingId) },
  ];
}
