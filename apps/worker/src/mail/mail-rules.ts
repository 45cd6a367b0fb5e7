import type { DomainEvent } from '@bisang/contracts';
import type { MailKind } from '@bisang/queues';

/** The events that mail someone. */
export const MAILING_EVENTS = [
  'account.registered',
  'email_verification.requested',
  'password_reset.requested',
  'company_invitation.created',
  'booking.confirmed',
  'booking.cancelled',
  'booking.reminded',
  'booking.no_show',
  'waitlist.offered',
  'application.moved',
  'follow_up.asked',
  'queue.next',
  'chat.message_posted',
  'pool_invitation.sent',
  'pool_chat_invitation.sent',
  'introduction.made',
  'saved_posting.deadline_near',
  /** Mailed by the paced `mail.announcement` pages when the organizer asked for it (see MailSubscriber). */
  'fair.announced',
  /** Not mailed by itself: it schedules its booth's applicant digest (see MailSubscriber). */
  'application.submitted',
] as const;
export type MailingEvent = (typeof MAILING_EVENTS)[number];

export interface MailTo {
  kind: MailKind;
  userId: string;
}

/** Who gets a mail of an event, and which. Pure. */
export function mailsFor(event: DomainEvent<MailingEvent>): MailTo[] {
  switch (event.type) {
    case 'account.registered':
    case 'email_verification.requested':
      return [{ kind: 'verify-email', userId: event.payload.userId }];
    case 'password_reset.requested':
      return [{ kind: 'password-reset', userId: event.payload.userId }];
    case 'company_invitation.created':
      // To the address, which may have no account: the invitation's id stands for the recipient.
      return [{ kind: 'company-invitation', userId: event.payload.invitationId }];
    case 'booking.confirmed':
      return [event.payload.seekerId, event.payload.coachId].map((userId) => ({ kind: 'booking-confirmed' as const, userId }));
    case 'booking.cancelled':
      // A rescheduling: the new booking's confirmation moves the seeker's calendar entry (same UID, higher SEQUENCE)
      // and says so; a cancellation of that UID next to it could remove the entry, depending on which the client
      // reads last. Only the coach may need it (when the new booking is with another coach: the composer checks).
      if (event.payload.rescheduledTo) return [{ kind: 'booking-cancelled', userId: event.payload.coachId }];
      return [event.payload.seekerId, event.payload.coachId].map((userId) => ({ kind: 'booking-cancelled' as const, userId }));
    case 'booking.reminded':
      return [event.payload.seekerId, event.payload.coachId].map((userId) => ({ kind: 'booking-reminder' as const, userId }));
    case 'booking.no_show':
      return [{ kind: 'booking-no-show', userId: event.payload.seekerId }];
    case 'waitlist.offered':
      return [{ kind: 'waitlist-offer', userId: event.payload.seekerId }];
    case 'follow_up.asked':
      return [{ kind: 'follow-up', userId: event.payload.seekerId }];
    case 'queue.next':
      return [{ kind: 'chat-your-turn', userId: event.payload.seekerId }];
    case 'chat.message_posted':
      // Only a recruiter's answer to a message the seeker left at the booth: a live chat is in front of both.
      return event.payload.kind === 'message' && event.payload.senderId !== event.payload.seekerId ? [{ kind: 'chat-answered', userId: event.payload.seekerId }] : [];
    case 'pool_invitation.sent':
      // Only the seeker: the company learns nothing until they accept. One sent inside a live booth chat is in
      // front of the seeker already (and its mail would wrongly speak of the talent pool).
      return event.payload.chatId ? [] : [{ kind: 'pool-invitation', userId: event.payload.seekerId }];
    case 'pool_chat_invitation.sent':
      return [{ kind: 'pool-invitation', userId: event.payload.seekerId }];
    case 'introduction.made':
      return [{ kind: 'introduction', userId: event.payload.seekerId }];
    case 'saved_posting.deadline_near':
      return [{ kind: 'saved-posting-deadline', userId: event.payload.seekerId }];
    case 'fair.announced':
      return []; // many recipients: paged and paced by the announcement job, not one event's burst
    case 'application.submitted':
      return []; // the recruiters' digest, at most one per booth per window, not a mail per application
    case 'application.moved':
      // A seeker who withdrew knows it already.
      return event.payload.movedBy === event.payload.seekerId ? [] : [{ kind: 'application-moved', userId: event.payload.seekerId }];
  }
}
