import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Booking } from '@bisang/contracts';
import { formatDate, formatTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';
import { bookingIdOf } from '../realtime/notification-refs';
import { bookingStatusText, reasonText } from './bookingText';

/**
 * A booking just requested (coaching or interview), kept current until it is decided: the decision arrives as
 * a notification, and polling covers a socket that is not connected. `onSettled` runs once it is decided.
 */
export function useLiveBooking(onSettled?: () => void) {
  const [booking, setBooking] = useState<Booking | null>(null);
  useNotifications((e) => {
    if (booking && bookingIdOf(e) === booking.id) void api.booking(booking.id).then(setBooking, () => undefined);
  });
  useResync(() => booking && void api.booking(booking.id).then(setBooking, () => undefined));
  useEffect(() => {
    if (booking?.status !== 'pending') return;
    const timer = setInterval(() => void api.booking(booking.id).then(setBooking, () => undefined), 1500);
    return () => clearInterval(timer);
  }, [booking]);
  useEffect(() => {
    if (booking && booking.status !== 'pending') onSettled?.();
  }, [booking?.status]); // eslint-disable-line react-hooks/exhaustive-deps
  return [booking, setBooking] as const;
}

/** The outcome of a booking in plain words: pending → confirmed, or rejected with the reason. */
export function BookingOutcome({ booking, timeZone }: { booking: Booking; timeZone: string }) {
  const { t, lang } = useI18n();
  return (
    <div className={`note note-${booking.status === 'confirmed' ? 'ok' : booking.status === 'rejected' ? 'error' : 'info'}`} data-testid="booking-outcome" data-status={booking.status}>
      <strong>{bookingStatusText(booking, t)}</strong> {formatDate(booking.startsAt, timeZone, lang)} {formatTime(booking.startsAt, timeZone, lang)}
      {booking.status === 'pending' && <p>{t('coaching.pendingHint')}</p>}
      {booking.status === 'rejected' && <p>{reasonText(booking.reason, t)}</p>}
      {booking.status === 'confirmed' && (
        <p>
          <Link to="/me/bookings">{t('nav.myBookings')}</Link>
        </p>
      )}
    </div>
  );
}
