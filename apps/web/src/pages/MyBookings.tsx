import { useEffect, useState } from 'react';
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
    if (!window.confirm(t('bookings.cancelConfirm'))) return;
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
        {(all) => {
          // Refused attempts do not pile up among the bookings: they are folded away, newest first.
          const refused = all.filter((b) => b.status === 'rejected');
          const coaching = all.filter((b) => b.status !== 'rejected' && b.kind !== 'interview');
          const interviews = all.filter((b) => b.status !== 'rejected' && b.kind === 'interview');
          const list = (items: typeof all) => (
            <ul className="plain cards">
              {items.map((b) => (
                <li key={b.id} className="card booking" data-testid="booking" data-status={b.status}>
                  <p className="card-title">
                    {formatDate(b.startsAt, b.zone, lang)} {formatTime(b.startsAt, b.zone, lang)}–{formatTime(b.endsAt, b.zone, lang)}
                  </p>
                  {b.coach && <p className="small">{t(b.kind === 'interview' ? 'bookings.interviewer' : 'bookings.coach', { name: b.coach.name })}</p>}
                  <p>
                    <span className={`status status-${b.status}`}>{bookingStatusText(b, t)}</span>
                  </p>
                  {b.status === 'rejected' && <p>{reasonText(b.reason, t)}</p>}
                  {b.feedback && (
                    <p>
                      <strong>{t('bookings.feedback')}</strong> {b.feedback}
                    </p>
                  )}
                  {b.kind !== 'interview' && ['pending', 'confirmed', 'completed'].includes(b.status) && (
                    <ShareResume booking={b} onError={setError} />
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
          );
          return all.length === 0 ? (
            <p className="muted">{t('bookings.none')}</p>
          ) : (
            <>
              <section aria-labelledby="bookings-coaching" className="stack">
                <h2 id="bookings-coaching">{t('bookings.coaching')}</h2>
                {coaching.length ? list(coaching) : <p className="muted">{t('bookings.none')}</p>}
              </section>
              {interviews.length > 0 && (
                <section aria-labelledby="bookings-interviews" className="stack">
                  <h2 id="bookings-interviews">{t('bookings.interviews')}</h2>
                  {list(interviews)}
                </section>
              )}
              {refused.length > 0 && (
                <details data-testid="refused-bookings">
                  <summary>{t('bookings.refused', { n: refused.length })}</summary>
                  {list(refused.slice().sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)))}
                </details>
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

/** The seeker's consent to show their resume to the coach of one coaching booking: ticked at once, undone if refused. */
function ShareResume({ booking, onError }: { booking: Booking; onError: (err: unknown) => void }) {
  const { t } = useI18n();
  const [shared, setShared] = useState(booking.resumeShared === true);
  useEffect(() => setShared(booking.resumeShared === true), [booking.resumeShared]);
  const change = async (next: boolean) => {
    onError(null);
    setShared(next);
    try {
      await api.shareResume(booking.id, next);
    } catch (err) {
      setShared(!next);
      onError(err);
    }
  };
  return (
    <label className="radio small">
      <input type="checkbox" checked={shared} data-testid="share-resume" onChange={(e) => void change(e.currentTarget.checked)} />
      {t('bookings.shareResume')}
    </label>
  );
}
