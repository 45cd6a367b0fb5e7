import type { FollowUpDays } from '@bisang/common';
import type { MailKind } from './mail-jobs';
/**
 * Every BullMQ queue and job of Bisang: names and payloads in one place, so that a typo is a compile error.
 * Payloads carry ids, never entities; every handler is idempotent (BullMQ delivers at least once).
 */
export const QUEUES = {
  fairs: 'fairs',
  coaching: 'coaching',
  outcomes: 'outcomes',
  kpis: 'kpis',
  /** Coaching jobs due at a moment (reminders, session opening, hold expiry): never queued behind a burst of booking decisions. */
  coachingSchedule: 'coaching-schedule',
  /** Mail to send: its own queue, so an SMTP outage delays nothing else. */
  mail: 'mail',
  /** Booth chat's moments: a dropped seeker's grace period, the chat timer's warning and end. */
  boothChat: 'booth-chat',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobMap {
  /** Moves a scheduled fair to live when its start has come. */
  'fair.open': { fairId: string };
  /** Moves a live fair to closed when its end has come. */
  'fair.close': { fairId: string };
  /** Closes a posting whose closesAt has come. */
  'posting.close': { postingId: string };
  /** Reminds a seeker that a posting they saved closes at `closesAt` (a day before; once per deadline). */
  'saved-posting.remind': { seekerId: string; postingId: string; closesAt: string };
  /** Decides a pending coaching booking: confirmed, or rejected with a reason. */
  'coaching.decide': { bookingId: string };
  /** Reminds both sides of a confirmed booking `minutesBefore` its start. */
  'coaching.remind': { bookingId: string; minutesBefore: number };
  /** Opens a confirmed session at its start: both sides get the room. */
  'coaching.open-session': { bookingId: string };
  /** Completes a session its coach did not mark, a day after it ended. */
  'coaching.auto-complete': { bookingId: string };
  /** At a session's end: both sides present in its room for at least half the slot completes it. */
  'coaching.attendance-check': { bookingId: string };
  /** Holds a freed slot for the first waiter of its coach's day. */
  'coaching.offer-slot': { slotId: string };
  /** Ends an unanswered waitlist offer and passes the slot to the next waiter. */
  'coaching.expire-hold': { slotId: string; entryId: string };
  /** Asks a hired seeker, `daysAfterStart` days after the start date, whether they are still employed. */
  'hire.follow-up': { applicationId: string; daysAfterStart: FollowUpDays; startDate: string };
  /** Recomputes a fair's KPIs and tells its organizers when a number changed (coalesced, see KpiSignals). */
  'kpi.refresh': { fairId: string };
  /** Sends one mail about a domain event to one recipient, at most once (see `mailDeliveryId`). */
  /** `userId`: the recipient's account, or for `company-invitation` the invitation's id (see `mailDeliveryId`). */
  'mail.send': { eventId: number; kind: MailKind; userId: string };
  /** At the end of a booth's window, mails its recruiters one digest of the applicants who applied in it. */
  'mail.applicant-digest': { boothId: string; fairId: string; windowStartMs: number };
  /** Mails an announcement to the next page of the fair's registered seekers (after `afterUserId`), then schedules the next page. */
  'mail.announcement': { eventId: number; fairId: string; afterUserId: string | null };
  /** Abandons a queue entry whose seeker dropped at `awaySince` and has not come back (a no-op when they did). */
  'chat.abandon-entry': { entryId: string; awaySince: string };
  /** Warns both sides of a chat that its timer is about to run out. */
  'chat.time-warning': { chatId: string };
  /** Ends a chat whose timer ran out (a no-op when it ended already). */
  'chat.time-up': { chatId: string };
}
export type JobName = keyof JobMap;

/** Which queue carries each job. */
export const QUEUE_OF: { readonly [J in JobName]: QueueName } = {
  'fair.open': QUEUES.fairs,
  'fair.close': QUEUES.fairs,
  'posting.close': QUEUES.fairs,
  'saved-posting.remind': QUEUES.fairs,
  'coaching.decide': QUEUES.coaching,
  'coaching.remind': QUEUES.coachingSchedule,
  'coaching.open-session': QUEUES.coachingSchedule,
  'coaching.auto-complete': QUEUES.coachingSchedule,
  'coaching.attendance-check': QUEUES.coachingSchedule,
  'coaching.offer-slot': QUEUES.coaching,
  'coaching.expire-hold': QUEUES.coachingSchedule,
  'hire.follow-up': QUEUES.outcomes,
  'kpi.refresh': QUEUES.kpis,
  'mail.send': QUEUES.mail,
  'mail.applicant-digest': QUEUES.mail,
  'mail.announcement': QUEUES.mail,
  'chat.abandon-entry': QUEUES.boothChat,
  'chat.time-warning': QUEUES.boothChat,
  'chat.time-up': QUEUES.boothChat,
};

export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);
