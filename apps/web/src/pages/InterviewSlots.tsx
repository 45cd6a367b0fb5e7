import { useRef, useState } from 'react';
import { api } from '../api/client';
import type { Application, Booth, Fair, Slot } from '@bisang/contracts';
import { ErrorNote, Loaded, OkNote, useAsync } from '../components/async';
import { BookingOutcome, useLiveBooking } from '../components/BookingOutcome';
import { bookingStatusText } from '../components/bookingText';
import { AvailabilityForm, type AvailabilityWindow } from '../components/AvailabilityForm';
import { formatDate, formatTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';
import { loadBookings } from './MyBookings';
import { EnterRoom } from '../components/EnterRoom';
import { SeekerSummary } from '../components/SeekerSummary';

/** Every upcoming interview slot of a booth (booked ones included for its staff). */
async function upcomingSlots(boothId: string, available?: boolean): Promise<Slot[]> {
  return (await api.interviewSlots(boothId, { from: new Date().toISOString(), available })).items;
}

/** Booth console: publish interview times in the fair's time zone, withdraw unbooked ones, see who booked. */
export function InterviewSlotsConsole({ booth, fair }: { booth: Booth; fair: Fair }) {
  const { t, lang } = useI18n();
  const slots = useAsync(() => upcomingSlots(booth.id), [booth.id]);
  // The recruiter's interview bookings (GET /me/coaching/bookings), named from the booth's applicants.
  const bookings = useAsync(async () => {
    const [mine, applicants] = await Promise.all([loadBookings(), api.boothApplications(booth.id)]);
    const names = new Map(applicants.items.map((a) => [a.seeker.id, a.seeker.name]));
    return mine.filter((b) => names.has(b.seekerId) && b.status !== 'rejected').map((b) => ({ ...b, name: names.get(b.seekerId)! }));
  }, [booth.id]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<number | null>(null);
  useNotifications((e) => {
    if (!e.type.startsWith('booking.')) return;
    slots.reload();
    bookings.reload();
  });
  useResync(() => {
    slots.reload();
    bookings.reload();
  });
  const publish = async (availability: AvailabilityWindow) => {
    setError(null);
    setCreated(null);
    try {
      const res = await api.publishInterviewAvailability(booth.id, availability);
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
  const when = (s: { startsAt: string; endsAt: string }) =>
    `${formatDate(s.startsAt, fair.timezone, lang)} ${formatTime(s.startsAt, fair.timezone, lang)}–${formatTime(s.endsAt, fair.timezone, lang)}`;
  return (
    <section aria-labelledby="interview-title" className="card">
      <h2 id="interview-title">{t('interview.title')}</h2>
      <p className="muted">{t('interview.hint', { zone: fair.timezone })}</p>
      {booth.status !== 'approved' ? (
        <p className="muted">{t('interview.afterApproval')}</p>
      ) : (
        <AvailabilityForm
          idPrefix="iv"
          timeZone={fair.timezone}
          defaultFrom="14:00"
          defaultTo="16:00"
          slotMinutesLabel={t('interview.slotMinutes')}
          submitLabel={t('interview.publish')}
          formLabel={t('interview.publishForm')}
          onSubmit={(availability) => void publish(availability)}
        />
      )}
      <div aria-live="polite">
        <OkNote>{created !== null && t('interview.created', { n: created })}</OkNote>
        <ErrorNote error={error} />
      </div>
      <h3>{t('interview.slots')}</h3>
      <Loaded state={slots}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('interview.noSlots')}</p>
          ) : (
            <ul className="plain slots">
              {list.map((s) => (
                <li key={s.id} className={`slot-chip ${s.available ? 'slot-chip-open' : 'slot-chip-booked'}`} data-testid="interview-slot">
                  <span>{when(s)}</span>
                  <span className={s.available ? 'visually-hidden' : 'small'}>{s.available ? t('coach.open') : t('coach.booked')}</span>
                  {s.available && (
                    <button type="button" className="linklike small" onClick={() => void withdraw(s.id)} aria-label={t('interview.withdrawLabel', { when: when(s) })}>
                      {t('coach.withdraw')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h3>{t('interview.bookings')}</h3>
      <Loaded state={bookings}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('interview.noBookings')}</p>
          ) : (
            <ul className="plain cards">
              {list.map((b) => (
                <li key={b.id} className="card" data-testid="interview-booking">
                  <p className="card-title">
                    {when(b)} · <span className={`status status-${b.status}`}>{bookingStatusText(b, t)}</span>
                  </p>
                  {b.seeker ? <SeekerSummary seeker={b.seeker} /> : <strong>{b.name}</strong>}
                  <EnterRoom booking={b} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

/** My applications: an application in the interview stage books one of the booth's free interview times. */
export function InterviewBooking({ application }: { application: Application }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = `interview-${application.id}`;
  return (
    <div className="stack small">
      <button type="button" className="button button-small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('interview.book')}
      </button>
      {open && (
        <div id={panelId}>
          <InterviewPicker application={application} />
        </div>
      )}
    </div>
  );
}

function InterviewPicker({ application }: { application: Application }) {
  const { t, lang } = useI18n();
  const state = useAsync(async () => {
    const [fair, slots, mine] = await Promise.all([api.fair(application.fairId), upcomingSlots(application.boothId), api.myBookings()]);
    const ids = new Set(slots.map((s) => s.id));
    const held = mine.items.find((b) => ids.has(b.slotId) && (b.status === 'confirmed' || b.status === 'pending')) ?? null;
    return { zone: fair.timezone, free: slots.filter((s) => s.available), held };
  }, [application.id]);
  const [booking, setBooking] = useLiveBooking(state.reload);
  useResync(state.reload);
  const [error, setError] = useState<unknown>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const book = async (slot: Slot) => {
    setError(null);
    try {
      setBooking(await api.book(slot.id, crypto.randomUUID()));
      outcome.current?.focus();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Loaded state={state}>
      {({ zone, free, held }) => {
        const shown = booking ?? held;
        return (
          <div className="stack">
            <div ref={outcome} tabIndex={-1} aria-live="polite" className="outcome">
              {shown && <BookingOutcome booking={shown} timeZone={zone} />}
            </div>
            <ErrorNote error={error} />
            {free.length === 0 ? (
              <p className="muted">{t('interview.none')}</p>
            ) : (
              <ul className="plain slots" aria-label={t('interview.slotsLabel')}>
                {free.map((s) => (
                  <li key={s.id}>
                    <button
                      type="button"
                      className="slot"
                      data-testid="interview-slot-choice"
                      disabled={booking?.status === 'pending' || held?.status === 'confirmed' || booking?.status === 'confirmed'}
                      onClick={() => void book(s)}
                    >
                      {formatDate(s.startsAt, zone, lang)} {formatTime(s.startsAt, zone, lang)}–{formatTime(s.endsAt, zone, lang)}
                      <span className="visually-hidden"> {t('coaching.book')}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      }}
    </Loaded>
  );
}
