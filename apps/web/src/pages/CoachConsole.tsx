import { useState } from 'react';
import { api } from '../api/client';
import type { Booking, Fair } from '@bisang/contracts';
import { useAuth } from '../auth/auth';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { bookingStatusText } from '../components/bookingText';
import { FairPicker } from '../components/FairPicker';
import { AvailabilityForm, type AvailabilityWindow } from '../components/AvailabilityForm';
import { dayKey, formatDate, formatTime } from '../format';
import type { Slot } from '@bisang/contracts';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';
import { loadBookings } from './MyBookings';
import { EnterRoom } from '../components/EnterRoom';

function groupByDay(slots: Slot[], timeZone: string): [string, Slot[]][] {
  const days = new Map<string, Slot[]>();
  for (const s of slots) {
    const day = dayKey(s.startsAt, timeZone);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return [...days.entries()];
}

export function CoachConsole() {
  const { t } = useI18n();
  const [fair, setFair] = useState<Fair | null>(null);
  return (
    <div className="stack">
      <h1>{t('coach.title')}</h1>
      <FairPicker value={fair} onChange={setFair} />
      {fair && <FairStanding key={`standing-${fair.id}`} fair={fair} />}
      {fair && <Availability key={fair.id} fair={fair} />}
      <Sessions />
    </div>
  );
}

/** Coaches coach in a fair once an organizer approved them: ask to join, then wait for the approval. */
function FairStanding({ fair }: { fair: Fair }) {
  const { t } = useI18n();
  const state = useAsync(() => api.myFairCoachStatus(fair.id), [fair.id]);
  const [error, setError] = useState<unknown>(null);
  const ask = async () => {
    setError(null);
    try {
      const res = await api.askToCoach(fair.id);
      state.setData((prev) => prev && { ...prev, status: res.status });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Loaded state={state}>
      {(standing) => (
        <section className="card" aria-live="polite" data-testid="coach-standing">
          {standing.status === 'approved' && <p className="note note-ok">{t('coach.approved')}</p>}
          {standing.status === 'pending' && <p className="note">{t('coach.pendingApproval')}</p>}
          {standing.status === 'none' && (
            <>
              <p>{t('coach.askHint')}</p>
              <button type="button" className="button" onClick={() => void ask()}>
                {t('coach.ask')}
              </button>
            </>
          )}
          <ErrorNote error={error} />
        </section>
      )}
    </Loaded>
  );
}

function Availability({ fair }: { fair: Fair }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const slots = useAsync(() => api.slots(fair.id, { coachId: user?.id, from: new Date().toISOString() }), [fair.id, user?.id]);
  useResync(slots.reload);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<number | null>(null);
  const publish = async (availability: AvailabilityWindow) => {
    setError(null);
    setCreated(null);
    try {
      const res = await api.publishAvailability(fair.id, availability);
      setCreated(res.slots.length);
      slots.reload();
    } catch (err) {
      setError(err);
    }
  };
  const withdraw = async (slotId: string) => {
    setError(null);
    try {
      await api.withdrawSlot(slotId);
      slots.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="avail-title" className="card">
      <h2 id="avail-title">{t('coach.availability')}</h2>
      <p className="muted">{t('coach.zone', { zone: fair.timezone })}</p>
      <AvailabilityForm
        idPrefix="av"
        timeZone={fair.timezone}
        defaultFrom="10:00"
        defaultTo="12:00"
        slotMinutesLabel={t('coach.slotMinutes')}
        submitLabel={t('coach.publish')}
        onSubmit={(availability) => void publish(availability)}
      />
      <div aria-live="polite">
        {created !== null && <p className="note note-ok">{t('coach.created', { n: created })}</p>}
        <ErrorNote error={error} />
      </div>
      <h3>{t('coach.mySlots')}</h3>
      <Loaded state={slots}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('coaching.none')}</p>
          ) : (
            <ol className="plain coach-days">
              {groupByDay(page.items, fair.timezone).map(([day, list]) => (
                <li key={day}>
                  <h4 className="small-title">{formatDate(`${day}T12:00:00Z`, 'UTC', lang)}</h4>
                  <ul className="plain slots">
                    {list.map((s) => (
                      <li key={s.id} className={`slot-chip ${s.available ? 'slot-chip-open' : 'slot-chip-booked'}`}>
                        <span>
                          {formatTime(s.startsAt, fair.timezone, lang)}–{formatTime(s.endsAt, fair.timezone, lang)}
                        </span>
                        <span className={s.available ? 'visually-hidden' : 'small'}>{s.available ? t('coach.open') : t('coach.booked')}</span>
                        {s.available && (
                          <button type="button" className="linklike small" onClick={() => void withdraw(s.id)}>
                            {t('coach.withdraw')}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}

function Sessions() {
  const { t, lang } = useI18n();
  const state = useAsync(loadBookings, []);
  const [error, setError] = useState<unknown>(null);
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
          return shown.length === 0 ? (
            <p className="muted">{t('bookings.none')}</p>
          ) : (
            <ul className="plain cards">
              {shown.map((b) => (
                <li key={b.id} className="card" data-testid="session">
                  <p className="card-title">
                    {formatDate(b.startsAt, b.zone, lang)} {formatTime(b.startsAt, b.zone, lang)}–{formatTime(b.endsAt, b.zone, lang)}
                  </p>
                  <p>
                    <span className={`status status-${b.status}`}>{bookingStatusText(b, t)}</span>
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
                      <div className="field">
                        <label htmlFor={`fb-${b.id}`}>{t('coach.feedback')}</label>
                        <textarea id={`fb-${b.id}`} name="feedback" rows={2} maxLength={5000} />
                      </div>
                      <div className="actions">
                        <button type="submit" className="button button-small">
                          {t('coach.complete')}
                        </button>
                        <button type="button" className="button button-small button-secondary" onClick={() => void act(() => api.noShowBooking(b.id))}>
                          {t('coach.noShow')}
                        </button>
                        <button type="button" className="button button-small button-secondary" onClick={() => void act(() => api.cancelBooking(b.id))}>
                          {t('bookings.cancel')}
                        </button>
                      </div>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}
