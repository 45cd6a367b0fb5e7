import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Booking } from '@bisang/contracts';
import { useI18n } from '../i18n/i18n';

/** The room of a booking opens this long before its start and closes this long after its end (CONTRACT). */
const OPENS_BEFORE_MS = 10 * 60_000;
const CLOSES_AFTER_MS = 15 * 60_000;
/** A countdown is shown this long before the room opens; earlier, just when it opens. */
const COUNTDOWN_FROM_MS = 24 * 3600_000;

/** The current time, ticking every second while `active`. */
export function useNow(active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** "1:05:09" / "4:09": what is left until a moment. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "입장하기" on a confirmed booking: a link to its room while it is open, a countdown before. */
export function EnterRoom({ booking }: { booking: Pick<Booking, 'id' | 'status' | 'startsAt' | 'endsAt'> }) {
  const { t } = useI18n();
  const opensAt = new Date(booking.startsAt).getTime() - OPENS_BEFORE_MS;
  const closesAt = new Date(booking.endsAt).getTime() + CLOSES_AFTER_MS;
  const relevant = (booking.status === 'confirmed' || booking.status === 'completed') && Date.now() < closesAt;
  const now = useNow(relevant);
  if (!relevant || now > closesAt) return null;
  if (now >= opensAt) {
    return (
      <Link className="button button-small" to={`/rooms/${booking.id}`} data-testid="enter-room">
        {t('room.enter')}
      </Link>
    );
  }
  return (
    <span className="enter-room-wait">
      <button type="button" className="button button-small" disabled aria-describedby={`opens-${booking.id}`}>
        {t('room.enter')}
      </button>{' '}
      <span id={`opens-${booking.id}`} className="muted" role="timer">
        {opensAt - now <= COUNTDOWN_FROM_MS ? t('room.opensIn', { time: countdown(opensAt - now) }) : t('room.opensAt')}
      </span>
    </span>
  );
}
