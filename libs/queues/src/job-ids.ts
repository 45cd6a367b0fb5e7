import { mailDeliveryId } from './mail-jobs';
/**
 * Every deterministic BullMQ job id, derived from what the job is about and its purpose: enqueuing the same
 * purpose twice keeps one job, and cancelling finds it. Ids that depend on a moment include it, so that
 * moving the moment schedules a fresh job. BullMQ refuses ':' in custom ids.
 */
export const jobIds = {
  fairOpen: (fairId: string) => `fair-open-${fairId}`,
  fairClose: (fairId: string) => `fair-close-${fairId}`,
  postingClose: (postingId: string, closesAt: Date) => `posting-close-${postingId}-${closesAt.getTime()}`,
  savedPostingReminder: (seekerId: string, postingId: string, closesAt: Date) => `saved-remind-${seekerId}-${postingId}-${closesAt.getTime()}`,
  decideBooking: (bookingId: string) => `decide-${bookingId}`,
  remind: (bookingId: string, minutesBefore: number) => `remind-${minutesBefore}-${bookingId}`,
  openSession: (bookingId: string) => `open-session-${bookingId}`,
  autoComplete: (bookingId: string) => `auto-complete-${bookingId}`,
  attendanceCheck: (bookingId: string) => `attendance-check-${bookingId}`,
  offerSlot: (freedByBookingId: string) => `offer-slot-${freedByBookingId}`,
  expireHold: (entryId: string) => `expire-hold-${entryId}`,
  hireFollowUp: (applicationId: string, daysAfterStart: number, startDate: string) => `hire-follow-up-${applicationId}-${daysAfterStart}-${startDate}`,
  kpiRefresh: (fairId: string, windowStartMs: number) => `kpi-refresh-${fairId}-${windowStartMs}`,
  offerSlotAfterLeave: (leftEntryId: string) => `offer-slot-left-${leftEntryId}`,
  /** The delivery's own id: the same as its `mail_deliveries` row and its Message-ID. */
  mail: mailDeliveryId,
  /** One per booth and window: every application of the window finds the job its first one made. */
  announcementPage: (eventId: number, afterUserId: string | null) => `announcement-${eventId}-${afterUserId ?? 'first'}`,
  applicantDigest: (boothId: string, windowStartMs: number) => `applicant-digest-${boothId}-${windowStartMs}`,
  /** One per drop: a seeker who drops again later gets a fresh grace period. */
  abandonEntry: (entryId: string, awaySince: string) => `abandon-entry-${entryId}-${new Date(awaySince).getTime()}`,
  chatTimeWarning: (chatId: string) => `chat-time-warning-${chatId}`,
  chatTimeUp: (chatId: string) => `chat-time-up-${chatId}`,
} as const;
