import type { NotificationEvent } from '@bisang/contracts';

/** The booking a notification is about, narrowed by its type (none for application and hire news). */
export function bookingIdOf(e: NotificationEvent): string | undefined {
  switch (e.type) {
    case 'booking.confirmed':
    case 'booking.rejected':
    case 'booking.cancelled':
    case 'booking.reminder':
    case 'booking.session_open':
      return e.data.bookingId;
    default:
      return undefined;
  }
}
