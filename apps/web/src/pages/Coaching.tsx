import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import type { Fair, Slot } from '@bisang/contracts';
import { useAuth } from '../auth/auth';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { BookingOutcome, useLiveBooking } from '../components/BookingOutcome';
import { dayKey, formatDate, formatTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';

const DAYS_AHEAD = 14;

interface DayGroup {
  day: string;
  coaches: { coachId: string; coachName: string; slots: Slot[] }[];
}

function groupByDay(slots: Slot[], timeZone: string): DayGroup[] {
  const days = new Map<string, Map<string, Slot[]>>();
  for (const s of slots) {
    const day = dayKey(s.startsAt, timeZone);
    const coaches = days.get(day) ?? new Map<string, Slot[]>();
    coaches.set(s.coachId, [...(coaches.get(s.coachId) ?? []), s]);
    days.set(day, coaches);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, coaches]) => ({ day, coaches: [...coaches.entries()].map(([coachId, list]) => ({ coachId, coachName: list[0]!.coachName, slots: list })) }));
}

async function allSlots(fairId: string): Promise<Slot[]> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + DAYS_AHEAD * 86_400_000).toISOString();
  const slots: Slot[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 5; i++) {
    const page = await api.slots(fairId, { from, to, cursor });
    slots.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return slots.filter((s) => !s.kind || s.kind === 'coaching');
}

export function Coaching() {
  const { slug = '' } = useParams();
  const state = useAsync(async () => {
    const fair = await api.fair(slug);
    return { fair, slots: await allSlots(fair.id) };
  }, [slug]);
  return <Loaded state={state}>{({ fair, slots }) => <CoachingView fair={fair} slots={slots} reload={state.reload} />}</Loaded>;
}

function CoachingView({ fair, slots, reload }: { fair: Fair; slots: Slot[]; reload: () => void }) {
  const { t, lang } = useI18n();
  const { user, restoring } = useAuth();
  const [booking, setBooking] = useLiveBooking(reload);
  useResync(reload);
  const [error, setError] = useState<unknown>(null);
  const [waitlisted, setWaitlisted] = useState<string | null>(null);
  const days = useMemo(() => groupByDay(slots, fair.timezone), [slots, fair.timezone]);
  // One day at a time (a day picker), not every day's slots one under another on a phone.
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  // Until a day is picked: the first day with a free slot (late in the evening, today's may all be taken or gone).
  const firstFree = days.find((d) => d.coaches.some((c) => c.slots.some((s) => s.available)));
  const shownDay = days.find((d) => d.day === pickedDay)?.day ?? (firstFree ?? days[0])?.day;
  const outcome = useRef<HTMLDivElement>(null);
  const [offer, setOffer] = useState<{ slotId: string; startsAt: string; endsAt: string; expiresAt: string } | null>(null);

  useNotifications((e) => {
    if (e.type !== 'booking.waitlist_offer') return;
    const { slotId, startsAt, endsAt, expiresAt } = e.data;
    setOffer({ slotId, startsAt, endsAt, expiresAt });
  });

  const book = async (slot: Pick<Slot, 'id'>) => {
    setError(null);
    try {
      setBooking(await api.book(slot.id, crypto.randomUUID()));
      outcome.current?.focus();
    } catch (err) {
      setError(err);
    }
  };
  const joinWaitlist = async (coachId: string, day: string) => {
    setError(null);
    try {
      await api.joinWaitlist(fair.id, coachId, day);
      setWaitlisted(`${coachId}:${day}`);
    } catch (err) {
      setError(err);
    }
  };

  const canBook = user?.role === 'seeker';
  const navigate = useNavigate();
  // Visitors may pick a time too: they are taken to sign in and brought back here.
  const choose = (slot: Slot) => (user ? void book(slot) : navigate('/signin', { state: { from: `/fairs/${fair.slug}/coaching` } }));
  return (
    <div className="stack">
      <p className="crumbs">
        <Link to={`/fairs/${fair.slug}`}>{fair.title}</Link>
      </p>
      <h1>{t('coaching.title')}</h1>
      <p className="lead">{t('coaching.lead')}</p>
      {!user && (
        <p className="note note-info">
          <Link to="/signin" state={{ from: `/fairs/${fair.slug}/coaching` }}>
            {t('coaching.signIn')}
          </Link>
        </p>
      )}
      <div ref={outcome} tabIndex={-1} aria-live="polite" className="outcome">
        {booking && <BookingOutcome booking={booking} timeZone={fair.timezone} />}
      </div>
      {offer && (
        <WaitlistOffer
          offer={offer}
          timeZone={fair.timezone}
          onBook={() => {
            setOffer(null);
            void book({ id: offer.slotId });
          }}
        />
      )}
      {canBook && <BookingLimit fair={fair} changed={`${booking?.id ?? ''}:${booking?.status ?? ''}`} />}
      <ErrorNote error={error} />
      {days.length === 0 && <p className="muted">{t('coaching.none')}</p>}
      {days.length > 1 && (
        <div className="day-picker" role="group" aria-label={t('coaching.pickDay')} data-testid="day-picker">
          {days.map((d) => {
            const free = d.coaches.reduce((n, c) => n + c.slots.filter((s) => s.available).length, 0);
            return (
              <button key={d.day} type="button" className="day-chip" aria-pressed={d.day === shownDay} onClick={() => setPickedDay(d.day)}>
                <span>{formatDate(`${d.day}T12:00:00Z`, 'UTC', lang)}</span>
                <span className="small">{t('coaching.freeCount', { n: free })}</span>
              </button>
            );
          })}
        </div>
      )}
      <ol className="plain days">
        {days.filter((d) => d.day === shownDay).map((d) => (
          <li key={d.day} className="day">
            <h2 className="day-title">{formatDate(`${d.day}T12:00:00Z`, 'UTC', lang)}</h2>
            {d.coaches.map((c) => {
              const free = c.slots.filter((s) => s.available);
              return (
                <section key={c.coachId} className="coach-day" aria-label={t('coaching.coachName', { name: c.coachName })}>
                  <h3 className="small-title">{t('coaching.coachName', { name: c.coachName })}</h3>
                  <ul className="plain slots">
                    {c.slots.map((s) => (
                      <li key={s.id}>
                        <button
                          type="button"
                          className={s.available ? 'slot' : 'slot slot-taken'}
                          disabled={!s.available || restoring || (user !== null && !canBook) || booking?.status === 'pending'}
                          onClick={() => choose(s)}
                          data-testid="slot"
                        >
                          {formatTime(s.startsAt, fair.timezone, lang)}–{formatTime(s.endsAt, fair.timezone, lang)}
                          <span className="visually-hidden">{s.available ? ` ${t('coaching.book')}` : ` ${t('coaching.taken')}`}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                  {canBook && free.length === 0 && (
                    waitlisted === `${c.coachId}:${d.day}` ? (
                      <p className="note note-ok">{t('coaching.waitlisted')}</p>
                    ) : (
                      <button type="button" className="button button-secondary" onClick={() => void joinWaitlist(c.coachId, d.day)}>
                        {t('coaching.waitlist')}
                      </button>
                    )
                  )}
                </section>
              );
            })}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** "예약 가능 2건 중 1건 사용": the fair's limit of upcoming coaching bookings, before it bites. */
function BookingLimit({ fair, changed }: { fair: Fair; changed: string }) {
  const { t } = useI18n();
  const state = useAsync(() => api.myBookings(), [changed]);
  useNotifications((e) => e.type.startsWith('booking.') && state.reload());
  if (!state.data) return null;
  const now = Date.now();
  const used = state.data.items.filter(
    (b) => b.fairId === fair.id && b.kind !== 'interview' && (b.status === 'confirmed' || b.status === 'pending') && new Date(b.endsAt).getTime() > now,
  ).length;
  const max = fair.maxUpcomingCoachingPerSeeker;
  return (
    <p className={used >= max ? 'note note-warn' : 'note note-info'} data-testid="booking-limit">
      {t('coaching.limit', { max, used })}
      {used >= max && ` ${t('coaching.limitReached')}`}
    </p>
  );
}

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A freed slot held for this seeker (from the waitlist), with the time left to take it. */
function WaitlistOffer({ offer, timeZone, onBook }: { offer: { startsAt: string; endsAt: string; expiresAt: string }; timeZone: string; onBook: () => void }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const left = Math.max(0, Math.floor((new Date(offer.expiresAt).getTime() - now) / 1000));
  return (
    <div className="note note-warn" role="region" aria-label={t('notify.waitlistOffer')} data-testid="waitlist-offer">
      <p>
        <strong>{t('notify.waitlistOffer')}</strong> {formatDate(offer.startsAt, timeZone, lang)} {formatTime(offer.startsAt, timeZone, lang)}–{formatTime(offer.endsAt, timeZone, lang)}
      </p>
      {left > 0 ? (
        <>
          <p aria-live="off">{t('coaching.countdown', { m: Math.floor(left / 60), s: String(left % 60).padStart(2, '0') })}</p>
          <button type="button" className="button" onClick={onBook}>
            {t('coaching.book')}
          </button>
        </>
      ) : (
        <p>{t('coaching.offerExpired')}</p>
      )}
    </div>
  );
}
