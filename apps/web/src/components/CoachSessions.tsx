import { useEffect, useRef, useState } from 'react';
import type { Booking } from '@bisang/contracts';
import { api } from '../api/client';
import { formatDate, formatTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';
import { loadBookings } from '../pages/MyBookings';
import { ErrorNote, Loaded, useAsync } from './async';
import { bookingStatusText } from './bookingText';
import { SeekerSummary } from './SeekerSummary';
import { EnterRoom } from './EnterRoom';

/** When a coach may mark a no-show: 10 minutes after the start, if the seeker has not come. */
const NO_SHOW_AFTER_MS = 10 * 60_000;
/** How long a confirmed no-show waits before it is sent (and the seeker told): the coach may undo it meanwhile. */
export const NO_SHOW_UNDO_MS = 8_000;

/**
 * A no-show held back for NO_SHOW_UNDO_MS before it is sent, so a slip can be undone before the seeker hears of it.
 * Leaving the page sends what is pending at once (the coach did confirm it); closing the tab loses it.
 */
function useDelayedNoShow(send: () => void) {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [undone, setUndone] = useState(false);
  const [now, setNow] = useState(Date.now);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(() => {
    if (deadline === null) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [deadline]);
  // Unmounting with a no-show pending: send it now.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        sendRef.current();
      }
    },
    [],
  );
  return {
    pending: deadline !== null,
    undone,
    secondsLeft: deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000)),
    start: () => {
      setUndone(false);
      setNow(Date.now());
      setDeadline(Date.now() + NO_SHOW_UNDO_MS);
      timer.current = setTimeout(() => {
        timer.current = null;
        setDeadline(null);
        sendRef.current();
      }, NO_SHOW_UNDO_MS);
    },
    undo: () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      setDeadline(null);
      setUndone(true);
    },
  };
}

type Session = Booking & { zone: string };

/** The current time, ticking, so that "started" buttons enable themselves when a session begins. */
function useMinuteNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * A coach's sessions: whom they meet (name, age, desired job groups), upcoming first in time order, past ones
 * apart. Complete and no-show are possible once a session has started; no-show and cancel ask first.
 */
export function CoachSessions() {
  const { t } = useI18n();
  const state = useAsync(loadBookings, []);
  const [error, setError] = useState<unknown>(null);
  const now = useMinuteNow();
  useNotifications((e) => e.type.startsWith('booking.') && state.reload());
  useResync(state.reload);
  const act = async (fn: () => Promise<Booking>) => {
    setError(null);
    try {
      await fn();
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="sessions-title" className="card">
      <h2 id="sessions-title">{t('coach.sessions')}</h2>
      <ErrorNote error={error} />
      <Loaded state={state}>
        {(items) => {
          const shown = items.filter((b) => b.status !== 'rejected' && b.status !== 'pending');
          const upcoming = shown
            .filter((b) => b.status === 'confirmed' && new Date(b.endsAt).getTime() > now - 3600_000)
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
          const past = shown.filter((b) => !upcoming.includes(b)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
          return shown.length === 0 ? (
            <p className="muted">{t('bookings.none')}</p>
          ) : (
            <>
              <h3>{t('sessions.upcoming', { n: upcoming.length })}</h3>
              {upcoming.length === 0 ? (
                <p className="muted">{t('sessions.noUpcoming')}</p>
              ) : (
                <ul className="plain cards" data-testid="upcoming-sessions">
                  {upcoming.map((b) => (
                    <SessionCard key={b.id} b={b} now={now} act={act} />
                  ))}
                </ul>
              )}
              {past.length > 0 && (
                <details data-testid="past-sessions">
                  <summary>{t('sessions.past', { n: past.length })}</summary>
                  <ul className="plain cards">
                    {past.map((b) => (
                      <SessionCard key={b.id} b={b} now={now} act={act} />
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function SessionCard({ b, now, act }: { b: Session; now: number; act: (fn: () => Promise<Booking>) => Promise<void> }) {
  const { t, lang } = useI18n();
  const started = new Date(b.startsAt).getTime() <= now;
  // A no-show is the seeker's absence 10 minutes into the session (the server's rule too: NO_SHOW_TOO_EARLY before).
  const noShowFrom = new Date(b.startsAt).getTime() + NO_SHOW_AFTER_MS;
  const noShowOpen = noShowFrom <= now;
  const noShow = useDelayedNoShow(() => void act(() => api.noShowBooking(b.id)));
  return (
    <li className="card" data-testid="session" data-status={b.status}>
      <p className="card-title">
        {formatDate(b.startsAt, b.zone, lang)} {formatTime(b.startsAt, b.zone, lang)}–{formatTime(b.endsAt, b.zone, lang)}
      </p>
      {b.seeker && <SeekerSummary seeker={b.seeker} />}
      <p>
        <span className={`status status-${b.status}`}>{bookingStatusText(b, t)}</span>
        {b.kind === 'interview' && <span className="small muted"> · {t('bookings.interviews')}</span>}
      </p>
      {b.feedback && <p>{b.feedback}</p>}
      <EnterRoom booking={b} />
      {b.status === 'confirmed' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const feedback = String(new FormData(e.currentTarget).get('feedback') ?? '').trim();
            void act(() => api.completeBooking(b.id, feedback || undefined));
          }}
        >
          {started && (
            <div className="field">
              <label htmlFor={`fb-${b.id}`}>{t('coach.feedback')}</label>
              <textarea id={`fb-${b.id}`} name="feedback" rows={2} maxLength={5000} />
            </div>
          )}
          {!started && (
            <p className="small muted" id={`not-started-${b.id}`}>
              {t('sessions.notStarted')}
            </p>
          )}
          {started && !noShowOpen && (
            <p className="small muted" id={`no-show-later-${b.id}`}>
              {t('sessions.noShowFrom', { time: formatTime(new Date(noShowFrom).toISOString(), b.zone, lang) })}
            </p>
          )}
          <p className="small" role="status" data-testid="no-show-pending">
            {noShow.pending
              ? t('sessions.noShowPending', { s: noShow.secondsLeft })
              : noShow.undone
                ? t('sessions.noShowUndone')
                : ''}
          </p>
          <div className="actions">
            <button type="submit" className="button button-small" disabled={!started || noShow.pending} aria-describedby={started ? undefined : `not-started-${b.id}`}>
              {t('coach.complete')}
            </button>
            {noShow.pending ? (
              <button type="button" className="button button-small" onClick={noShow.undo}>
                {t('sessions.noShowUndo')}
              </button>
            ) : (
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={!noShowOpen}
                aria-describedby={!started ? `not-started-${b.id}` : noShowOpen ? undefined : `no-show-later-${b.id}`}
                onClick={() => window.confirm(t('sessions.noShowConfirm', { name: b.seeker?.name ?? '' })) && noShow.start()}
              >
                {t('coach.noShow')}
              </button>
            )}
            {!started && (
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => window.confirm(t('bookings.cancelConfirm')) && void act(() => api.cancelBooking(b.id))}
              >
                {t('bookings.cancel')}
              </button>
            )}
          </div>
        </form>
      )}
    </li>
  );
}
