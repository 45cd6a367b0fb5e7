import { createEvent } from 'ics';

export interface CalendarBooking {
  /** The first booking of its chain of reschedulings: every later one keeps its UID. */
  bookingId: string;
  /** How many reschedulings led to this booking: a rescheduled invitation outranks the entry it moves. */
  reschedules?: number;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** The fair's IANA zone, named for the calendar (times themselves are UTC instants, unambiguous anywhere). */
  timezone: string;
}

/** The UID of a booking's calendar entry: stable, so a cancellation removes the entry its invitation made. */
export const bookingUid = (bookingId: string) => `booking-${bookingId}@bisang`;

/**
 * An iCalendar invitation (METHOD:REQUEST, SEQUENCE = the reschedulings so far) or its cancellation (METHOD:CANCEL,
 * the same UID, one SEQUENCE higher). A rescheduled booking keeps its first booking's UID, so calendars move the
 * entry instead of adding another. DTSTART/DTEND are UTC, which every client converts to its own zone, so no VTIMEZONE is needed; the fair's
 * zone is named in X-WR-TIMEZONE and the mail's text gives the times in it.
 */
export function bookingCalendar(booking: CalendarBooking, method: 'REQUEST' | 'CANCEL'): string {
  const { error, value } = createEvent({
    uid: bookingUid(booking.bookingId),
    method,
    sequence: (booking.reschedules ?? 0) + (method === 'CANCEL' ? 1 : 0),
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    productId: 'bisang/mail',
    title: booking.title,
    description: booking.description,
    url: booking.url,
    start: new Date(booking.startsAt).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(booking.endsAt).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    organizer: booking.organizer,
    attendees: [{ ...booking.attendee, rsvp: false, partstat: 'ACCEPTED', role: 'REQ-PARTICIPANT' }],
  });
  if (error || !value) throw new Error(`calendar: ${error?.message ?? 'no value'}`);
  return value.replace(/(METHOD:[A-Z]+\r\n)/, `$1X-WR-TIMEZONE:${booking.timezone.replace(/[^A-Za-z0-9_+\-/]/g, '')}\r\n`);
}
