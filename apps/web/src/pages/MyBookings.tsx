import { useState } from 'react';
import { api } from '../api/client';
import type { Booking } from '@bisang/contracts';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { bookingStatusText, reasonText } from '../components/bookingText';
import { EnterRoom } from '../components/EnterRoom';
import { fairZone } from '../components/useFairZones';
import { formatDate, formatTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';

export async function loadBookings(): Promise<(Booking & { zone: string })[]> {
  const page = await api.myBookings();
  return Promise.all(page.items.map(async (b) => ({ ...b, zone: await fairZone(b.fairId) })));
}

export function MyBookings() {
  const { t, lang } = useI18n();
  const state = useAsync(loadBookings, []);
  const [error, setError] = useState<unknown>(null);
  useNotifications((e) => e.type.startsWith('booking.') && state.reload());
  useResync(state.reload);
  const cancel = async (b: Booking) => {
    setError(null);
    try {
      await api.cancelBooking(b.id);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="stack">
      <h1>{t('bookings.title')}</h1>
      <ErrorNote error={error} />
      <Loaded state={state}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{t('bookings.none')}</p>
          ) : (
            <ul className="plain cards">
              {items.map((b) => (
                <li key={b.id} className="card booking" data-testid="booking" data-status={b.status}>
                  <p className="card-title">
                    {formatDate(b.startsAt, b.zone, lang)} {formatTime(b.startsAt, b.zone, lang)}–{formatTime(b.endsAt, b.zone, lang)}
                  </p>
                  <p>
                    <span className={`status status-${b.status}`}>{bookingStatusText(b, t)}</span>
                  </p>
                  {b.status === 'rejected' && <p>{reasonText(b.reason, t)}</p>}
                  {b.feedback && (
                    <p>
                      <strong>{t('bookings.feedback')}</strong> {b.feedback}
                    </p>
                  )}
                  {b.status === 'confirmed' && (
                    <div className="actions">
                      <EnterRoom booking={b} />
                      <button type="button" className="button button-secondary" onClick={() => void cancel(b)}>
                        {t('bookings.cancel')}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}
