import type { DomainEvent, NotificationDataMap, NotificationType } from '@bisang/contracts';

/** One notification to store and push: to whom, of which type, with its typed data. */
export type Notice = { [T in NotificationType]: { userId: string; type: T; data: NotificationDataMap[T] } }[NotificationType];

const notice = <T extends NotificationType>(userId: string, type: T, data: NotificationDataMap[T]): Notice => ({ userId, type, data }) as Notice;

/** The events that notify someone. */
export const NOTIFYING_EVENTS = [
  'booking.confirmed',
  'booking.rejected',
  'booking.cancelled',
  'booking.reminded',
  'booking.session_opened',
  'waitlist.offered',
  'application.submitted',
  'application.moved',
  'application.offer_accepted',
  'application.offer_declined',
  'follow_up.asked',
  'pool_invitation.sent',
  'pool_chat_invitation.sent',
  'pool_chat_invitation.accepted',
  'introduction.made',
  'queue.next',
  'chat.message_posted',
  'saved_posting.deadline_near',
  'chat.slot_offered',
] as const;
export type NotifyingEvent = (typeof NOTIFYING_EVENTS)[number];

/**
 * Who hears of an event, and what they read. Pure: the recipients that are not in the event (a company's staff)
 * come in `staffIds`.
 */
export function noticesFor(event: DomainEvent<NotifyingEvent>, staffIds: readonly string[] = []): Notice[] {
  switch (event.type) {
    case 'booking.confirmed': {
      const p = event.payload;
      const data = {
        bookingId: p.bookingId,
        slotId: p.slotId,
        kind: p.kind,
        status: 'confirmed' as const,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        ...(p.rescheduledFrom ? { rescheduledFrom: p.rescheduledFrom } : {}),
      };
      return [notice(p.seekerId, 'booking.confirmed', { ...data, coachId: p.coachId }), notice(p.coachId, 'booking.confirmed', { ...data, seekerId: p.seekerId })];
    }
    case 'booking.rejected': {
      const p = event.payload;
      return [
        notice(p.seekerId, 'booking.rejected', { bookingId: p.bookingId, slotId: p.slotId, kind: p.kind, status: 'rejected', reason: p.reason, message: p.message }),
      ];
    }
    case 'booking.cancelled': {
      const p = event.payload;
      const data = {
        bookingId: p.bookingId,
        slotId: p.slotId,
        kind: p.kind,
        status: 'cancelled' as const,
        cancelledBy: p.cancelledBy,
        ...(p.rescheduledTo ? { rescheduledTo: p.rescheduledTo } : {}),
        ...(p.reason ? { reason: p.reason } : {}),
      };
      return [notice(p.seekerId, 'booking.cancelled', data), notice(p.coachId, 'booking.cancelled', data)];
    }
    case 'booking.reminded': {
      const p = event.payload;
      const data = { bookingId: p.bookingId, startsAt: p.startsAt, endsAt: p.endsAt, minutesBefore: p.minutesBefore, minutesLeft: p.minutesLeft };
      return [notice(p.seekerId, 'booking.reminder', data), notice(p.coachId, 'booking.reminder', data)];
    }
    case 'booking.session_opened': {
      const p = event.payload;
      const data = {
        bookingId: p.bookingId,
        room: `coaching-session-${p.bookingId}`,
        // The web app's room page (/rooms/:bookingId): it enters POST /coaching/bookings/:bookingId/room.
        link: `/rooms/${p.bookingId}`,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
      };
      return [notice(p.seekerId, 'booking.session_open', data), notice(p.coachId, 'booking.session_open', data)];
    }
    case 'waitlist.offered': {
      const p = event.payload;
      return [
        notice(p.seekerId, 'booking.waitlist_offer', {
          slotId: p.slotId,
          waitlistEntryId: p.entryId,
          startsAt: p.startsAt,
          endsAt: p.endsAt,
          expiresAt: p.expiresAt,
        }),
      ];
    }
    case 'application.submitted': {
      const p = event.payload;
      // The booth's recruiters hear of a new applicant (name only; the rest is behind their console).
      const data = { applicationId: p.applicationId, postingId: p.postingId, postingTitle: p.postingTitle, boothId: p.boothId, seekerName: p.seekerName };
      return staffIds.map((id) => notice(id, 'application.received', data));
    }
    case 'application.moved': {
      const p = event.payload;
      return [
        notice(p.seekerId, 'application.status_changed', {
          applicationId: p.applicationId,
          postingId: p.postingId,
          postingTitle: p.postingTitle,
          companyName: p.companyName,
          from: p.from,
          to: p.to,
        }),
      ];
    }
    case 'application.offer_accepted':
    case 'application.offer_declined': {
      const p = event.payload;
      // The booth's recruiters hear the seeker's answer: an acceptance is their cue to record the hire.
      const data = {
        applicationId: p.applicationId,
        postingId: p.postingId,
        postingTitle: p.postingTitle,
        boothId: p.boothId,
        seekerName: p.seekerName,
        accepted: event.type === 'application.offer_accepted',
      };
      return staffIds.map((id) => notice(id, 'application.offer_answered', data));
    }
    case 'follow_up.asked': {
      const p = event.payload;
      return [notice(p.seekerId, 'hire.follow_up', { applicationId: p.applicationId, daysAfterStart: p.daysAfterStart })];
    }
    case 'pool_invitation.sent': {
      // Only the seeker hears of it: the company learns nothing until they accept.
      const p = event.payload;
      const data = { invitationId: p.invitationId, fairId: p.fairId, postingId: p.postingId, postingTitle: p.postingTitle, companyName: p.companyName, message: p.message };
      return [notice(p.seekerId, 'pool.invitation', p.chatId ? { ...data, chatId: p.chatId } : data)];
    }
    case 'pool_chat_invitation.sent': {
      // As for an invitation to apply: only the seeker hears of it.
      const p = event.payload;
      return [notice(p.seekerId, 'pool.chat_invitation', { invitationId: p.invitationId, fairId: p.fairId, boothId: p.boothId, companyName: p.companyName, message: p.message })];
    }
    case 'pool_chat_invitation.accepted': {
      // The inviting recruiter may not be looking at the console: the open chat waits for them there.
      const p = event.payload;
      return [notice(p.recruiterId, 'pool.chat_accepted', { invitationId: p.invitationId, chatId: p.chatId, boothId: p.boothId, seekerName: p.seekerName })];
    }
    case 'introduction.made': {
      const p = event.payload;
      const data = { introductionId: p.introductionId, fairId: p.fairId, postingId: p.postingId, postingTitle: p.postingTitle, companyName: p.companyName, message: p.message };
      return [notice(p.seekerId, 'introduction.received', data)];
    }
    case 'queue.next': {
      // "You're next": stored, so that a seeker who stepped away finds it (and is pushed it when connected).
      const p = event.payload;
      return [notice(p.seekerId, 'queue.next', { boothId: p.boothId, entryId: p.entryId, companyName: p.companyName })];
    }
    case 'chat.message_posted': {
      // A left message answered by the company's staff; live chats notify nobody (both are in the chat).
      const p = event.payload;
      if (p.kind !== 'message' || p.senderId === p.seekerId) return [];
      return [notice(p.seekerId, 'chat.answered', { chatId: p.chatId, boothId: p.boothId, seq: p.seq })];
    }
    case 'saved_posting.deadline_near': {
      const p = event.payload;
      return [notice(p.seekerId, 'posting.deadline_soon', { postingId: p.postingId, postingTitle: p.postingTitle, companyName: p.companyName, fairId: p.fairId, closesAt: p.closesAt })];
    }
    case 'chat.slot_offered': {
      // Stored, so that a seeker who closed the chat still finds the offered interview slot.
      const p = event.payload;
      const data = { chatId: p.chatId, boothId: p.boothId, offerId: p.offerId, slotId: p.slotId, startsAt: p.startsAt, endsAt: p.endsAt, companyName: p.companyName };
      return [notice(p.seekerId, 'chat.slot_offer', data)];
    }
  }
}
