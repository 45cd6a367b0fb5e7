import type { JobName } from './job-map';

/** Default reminders, in minutes before a session's start. */
export const COACHING_REMINDER_OFFSETS_MINUTES = [24 * 60, 60] as const;

/** Auto-completion of an unmarked session, after its end. */
export const COACHING_AUTO_COMPLETE_AFTER_MS = 24 * 3600 * 1000;

/**
 * Deterministic BullMQ job ids of the coaching engine, derived from the booking (or slot / offer) and the
 * purpose, so that enqueuing twice keeps one job and cancelling finds it. (BullMQ ids may not contain ':'.)
 */
export const coachingJobIds = {
  decide: (bookingId: string) => `decide-${bookingId}`,
  remind: (bookingId: string, minutesBefore: number) => `remind-${minutesBefore}-${bookingId}`,
  openSession: (bookingId: string) => `open-session-${bookingId}`,
  autoComplete: (bookingId: string) => `auto-complete-${bookingId}`,
  offerSlot: (freedByBookingId: string) => `offer-slot-${freedByBookingId}`,
  expireHold: (entryId: string) => `expire-hold-${entryId}`,
} as const;

/** Every job scheduled for a confirmed booking's time: what cancelling (or rescheduling) must remove. */
export function bookingTimeJobs(bookingId: string): { name: JobName; jobId: string }[] {
  return [
    ...COACHING_REMINDER_OFFSETS_MINUTES.map((m) => ({ name: 'coaching.remind' as const, jobId: coachingJobIds.remind(bookingId, m) })),
    { name: 'coaching.open-session', jobId: coachingJobIds.openSession(bookingId) },
    { name: 'coaching.auto-complete', jobId: coachingJobIds.autoComplete(bookingId) },
  ];
}
