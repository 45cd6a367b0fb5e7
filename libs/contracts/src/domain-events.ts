/**
 * Every domain event of Bisang: what changed, written in the same transaction as the change (the outbox,
 * table `domain_events`). Everything that follows from a change subscribes to its event: "what happens when
 * a booking is confirmed?" is a search for `'booking.confirmed'`. Payloads carry ids and the facts the
 * consequences need, never entities.
 */
import type { ApplicationStatus, FairStatus, FollowUpDays, RejectionReason, RoomKind, SlotKind } from './vocabulary';

interface BookingFacts {
  bookingId: string;
  slotId: string;
  fairId: string;
  kind: SlotKind;
  seekerId: string;
  coachId: string;
  startsAt: string;
  endsAt: string;
}

/** Attendance in a session room: who came in or went out, when; `bookingId` for a booking's room. */
interface RoomAttendanceFacts {
  roomId: string;
  kind: RoomKind;
  refId: string;
  bookingId: string | null;
  fairId: string | null;
  userId: string;
  at: string;
}

interface ApplicationFacts {
  applicationId: string;
  fairId: string;
  boothId: string;
  companyId: string;
  postingId: string;
  postingTitle: string;
  companyName: string;
  seekerId: string;
}

export interface DomainEventMap {
  /** An account was created: its address gets a verification link. */
  'account.registered': { userId: string };
  /** A seeker deleted their account: its personal data is erased; its records stay only as anonymous counts. */
  'account.deleted': { userId: string };
  /** The user asked for a new verification link. */
  'email_verification.requested': { userId: string };
  /** Someone asked to reset the password of this existing account; the link expires at `expiresAt`. */
  'password_reset.requested': { userId: string; expiresAt: string };
  /** The password was reset with a link: every session was revoked. */
  'password_reset.completed': { userId: string };

  /** An organizer published a fair: its opening and closing are scheduled. */
  'fair.published': { fairId: string; status: FairStatus; startsAt: string; endsAt: string };
  'fair.opened': { fairId: string };
  'fair.closed': { fairId: string };
  /** Company staff invited an address (which may or may not have an account) to join the company: it gets an accept link by mail. */
  'company_invitation.created': { invitationId: string; companyId: string; invitedBy: string; expiresAt: string };
  /** The invitee accepted and joined the company's staff. */
  'company_invitation.accepted': { invitationId: string; companyId: string; userId: string };
  /** A coach asked to coach in a fair; the fair's organizers approve. */
  'fair.coach_requested': { fairId: string; coachId: string };
  /** An organizer approved a coach in a fair: they may publish availability there. */
  'fair.coach_approved': { fairId: string; coachId: string; approvedBy: string | null };
  /** An organizer announced something to the fair (its feed event); with `email`, the fair's seekers get it by mail. */
  'fair.announced': { fairId: string; feedEventId: number; title: string; body: string; email: boolean };
  /** An organizer edited or withdrew an announcement (its feed event says so to live pages). */
  'fair.announcement_updated': { fairId: string; announcementId: string; by: string };
  'fair.announcement_withdrawn': { fairId: string; announcementId: string; by: string };
  'booth.approved': { boothId: string; fairId: string; companyId: string };
  /** An organizer suspended an approved booth: it and its postings left the public fair. */
  'booth.suspended': { boothId: string; fairId: string; companyId: string; reason: string; by: string };
  /** A rejected booth applied again with changes: pending again, waiting for an organizer. */
  'booth.reapplied': { boothId: string; fairId: string; companyId: string };
  /** A draft was written; `closesAt` gets its closing job. */
  'posting.created': { postingId: string; fairId: string; closesAt: string | null };
  'posting.published': { postingId: string; fairId: string; closesAt: string | null };
  'posting.updated': { postingId: string; fairId: string; closesAt: string | null };
  'posting.closed': { postingId: string; fairId: string };
  /** A seeker saved a posting (스크랩): a reminder is scheduled a day before `closesAt`. */
  'posting.saved': { seekerId: string; postingId: string; fairId: string; closesAt: string | null };
  /** A seeker took a posting off their saved list: its reminder is cancelled. */
  'posting.unsaved': { seekerId: string; postingId: string; fairId: string; closesAt: string | null };
  /** A saved posting closes soon (once per deadline): its seeker is told. */
  'saved_posting.deadline_near': { seekerId: string; postingId: string; fairId: string; boothId: string; postingTitle: string; companyName: string; closesAt: string };

  /** A seeker asked for a slot: the request waits for the queue's decision. */
  'booking.requested': { bookingId: string; fairId: string };
  'booking.confirmed': BookingFacts & { rescheduledFrom?: string };
  'booking.rejected': BookingFacts & { reason: RejectionReason | null; message: string | null };
  'booking.cancelled': BookingFacts & { cancelledBy: 'seeker' | 'coach' | 'system'; rescheduledTo?: string; reason?: string };
  'booking.reminded': BookingFacts & { minutesBefore: number; minutesLeft: number };
  'booking.session_opened': BookingFacts;
  /** `auto`: nobody marked it; `attended`: completed because both were in its room for at least half the slot. */
  'booking.completed': BookingFacts & { auto: boolean; attended?: boolean };
  'booking.no_show': BookingFacts;
  /** The seeker shows (`shared`) or stops showing their resume to the coach of this coaching booking. */
  'booking.resume_sharing_changed': BookingFacts & { shared: boolean };
  /** A participant entered a session room (the first of their sockets there). */
  'room.joined': RoomAttendanceFacts;
  /** A participant left a session room (their last socket there left or disconnected). */
  'room.left': RoomAttendanceFacts;
  /** A freed slot is held for a waiter until `expiresAt`. */
  'waitlist.offered': { slotId: string; entryId: string; seekerId: string; fairId: string; startsAt: string; endsAt: string; expiresAt: string };
  /** A waiter left while holding an offer: the slot passes on. */
  'waitlist.hold_released': { slotId: string; entryId: string; fairId: string };

  'application.submitted': ApplicationFacts & { seekerName: string };
  'application.moved': ApplicationFacts & { from: ApplicationStatus; to: ApplicationStatus; movedBy: string };
  /** The seeker accepted an offer in the app (staff then record the hire). */
  'application.offer_accepted': ApplicationFacts & { seekerName: string };
  /** The seeker declined an offer: the application is withdrawn (an `application.moved` to withdrawn comes with it). */
  'application.offer_declined': ApplicationFacts & { seekerName: string };
  'hire.recorded': { applicationId: string; fairId: string; startDate: string; timezone: string };
  'hire.updated': { applicationId: string; fairId: string; startDate: string; previousStartDate: string; timezone: string };
  'hire.undone': { applicationId: string; fairId: string; startDate: string; timezone: string };
  'follow_up.asked': { applicationId: string; fairId: string; seekerId: string; daysAfterStart: FollowUpDays };
  'follow_up.answered': { applicationId: string; fairId: string; daysAfterStart: FollowUpDays; stillEmployed: boolean };

  /** A company invited a pooled seeker to apply to a posting: the seeker is told (and only the seeker). */
  'pool_invitation.sent': PostingOffer & { invitationId: string; companyId: string; message: string | null; chatId?: string | null };
  /** The seeker accepted: the application (`application.submitted`) was made in the same transaction. */
  'pool_invitation.accepted': { invitationId: string; fairId: string; companyId: string; seekerId: string; applicationId: string };
  /** A company invited a pooled seeker to chat at its booth: the seeker is told (and only the seeker). */
  'pool_chat_invitation.sent': { invitationId: string; fairId: string; companyId: string; boothId: string; companyName: string; seekerId: string; message: string | null };
  /**
   * The seeker accepted: the booth chat (`chat.started`) with the inviting recruiter (`recruiterId`) was opened in
   * the same transaction; the seeker's name may reach the company now (they chat).
   */
  'pool_chat_invitation.accepted': {
    invitationId: string;
    fairId: string;
    companyId: string;
    boothId: string;
    seekerId: string;
    seekerName: string;
    recruiterId: string;
    chatId: string;
  };
  /** The centre introduced a seeker to a posting: the seeker is asked whether to apply. */
  'introduction.made': PostingOffer & { introductionId: string; message: string | null };
  /** An organizer set the fair's target shares: the dashboard shows each share against them. */
  'kpi_targets.set': { fairId: string };
  'introduction.accepted': { introductionId: string; fairId: string; seekerId: string; applicationId: string };
  /** A seeker joined a booth's queue (their profile and resume are now shared with the company's staff). */
  'queue.joined': BoothQueueFacts;
  /** A seeker left a booth's queue by themselves. */
  'queue.left': BoothQueueFacts;
  /** A waiting seeker became first in the booth's queue ("you're next"); once per queue entry. */
  'queue.next': BoothQueueFacts & { companyName: string };
  /** A recruiter took a seeker from the queue (or answered a left message): a conversation began. */
  'chat.started': ChatFacts & { entryId: string | null; waitedSeconds: number | null };
  /** A message was stored with its sequence number (the body is in chat_messages, never in the event). */
  'chat.message_posted': ChatFacts & { seq: number; senderId: string; recipientId: string | null; kind: ChatKind };
  /** The chat's recruiter handed it to a colleague at the booth (`recruiterId` is the new one). */
  'chat.handed_over': ChatFacts & { fromRecruiterId: string };
  /** Either side ended the conversation (`endedBy` 'system' when the booth's chat timer ran out). */
  'chat.ended': ChatFacts & { endedBy: string; durationSeconds: number };
  /** The company's staff set their private note or rating of the chat (never told to the seeker; no text here). */
  'chat.reviewed': ChatFacts & { reviewedBy: string };
  /** The chat's recruiter offered one of the booth's interview slots to the seeker (a message in the chat carries it). */
  'chat.slot_offered': ChatFacts & { offerId: string; slotId: string; startsAt: string; endsAt: string; companyName: string; seq: number };
  /** The chat's timer is about to run out: both sides are warned. */
  'chat.time_warning': ChatFacts & { endsAt: string };
  /** Every socket of a waiting seeker went away: their place is kept until `abandonAt`. */
  'queue.away': BoothQueueFacts & { awaySince: string; abandonAt: string };
  /** A seeker who had dropped came back within the grace period. */
  'queue.back': BoothQueueFacts;
  /** A seeker who dropped did not come back within the grace period: the entry is given up. */
  'queue.abandoned': BoothQueueFacts;
}

/** A posting put to one seeker (an invitation or an introduction). */
interface PostingOffer {
  fairId: string;
  postingId: string;
  postingTitle: string;
  companyName: string;
  seekerId: string;
}

/** The facts every booth-queue event carries. */
interface BoothQueueFacts {
  entryId: string;
  boothId: string;
  fairId: string;
  companyId: string;
  seekerId: string;
}

/** `live`: taken from the queue; `message`: a message left while no recruiter was online. */
/** `room`: the chat beside a booking's session room (no booth). */
export type ChatKind = 'live' | 'message' | 'room';

/** The facts every chat event carries. */
interface ChatFacts {
  chatId: string;
  boothId: string | null;
  fairId: string | null;
  companyId: string | null;
  seekerId: string;
  recruiterId: string | null;
}
export type DomainEventName = keyof DomainEventMap;

/** A domain event as the relay hands it to subscribers. `id` is global and unique. */
export type DomainEvent<N extends DomainEventName = DomainEventName> = {
  [T in N]: { id: number; type: T; fairId: string | null; payload: DomainEventMap[T]; occurredAt: string };
}[N];

/** An event to append: its name and payload, typed together. */
export type NewDomainEvent<N extends DomainEventName = DomainEventName> = {
  [T in N]: { type: T; payload: DomainEventMap[T] };
}[N];

export const domainEvent = <T extends DomainEventName>(type: T, payload: DomainEventMap[T]): NewDomainEvent<T> =>
  ({ type, payload }) as NewDomainEvent<T>;
