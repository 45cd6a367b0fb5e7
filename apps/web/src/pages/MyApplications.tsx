import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { isOpenStatus, type Application, type FollowUp } from '@bisang/contracts';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';
import { InterviewBooking } from './InterviewSlots';

/** The seeker's applications with their status, kept current by `application.status_changed` without a reload. */
export function MyApplications() {
  const { t } = useI18n();
  const state = useAsync(() => api.myApplications(), []);
  const { setData, reload } = state;
  const [error, setError] = useState<unknown>(null);
  useNotifications((e) => {
    if (e.type === 'application.status_changed') {
      const { applicationId, to } = e.data;
      // The event says the new status: shown at once; a move of an application not listed yet reloads the list.
      if (state.data?.items.some((a) => a.id === applicationId)) {
        setData((prev) => prev && { ...prev, items: prev.items.map((a) => (a.id === applicationId ? { ...a, status: to } : a)) });
      } else reload();
    }
    if (e.type === 'hire.follow_up') reload();
  });
  // Back after a drop: the missed moves are replayed too, but the list is read again whatever happened.
  useResync(reload);
  const answerOffer = async (a: Application, accept: boolean) => {
    setError(null);
    try {
      const answered = accept ? await api.acceptOffer(a.id) : await api.declineOffer(a.id);
      setData(
        (prev) =>
          prev && { ...prev, items: prev.items.map((x) => (x.id === a.id ? { ...x, status: answered.status, offerAcceptedAt: answered.offerAcceptedAt } : x)) },
      );
    } catch (err) {
      setError(err);
    }
  };
  const withdraw = async (a: Application) => {
    setError(null);
    try {
      const moved = await api.moveApplication(a.id, 'withdrawn');
      setData((prev) => prev && { ...prev, items: prev.items.map((x) => (x.id === a.id ? { ...x, status: moved.status } : x)) });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="stack">
      <h1>{t('applications.title')}</h1>
      <div aria-live="polite">
        <ErrorNote error={error} />
      </div>
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('applications.none')}</p>
          ) : (
            <ul className="plain cards">
              {page.items.map((a) => (
                <ApplicationCard key={a.id} a={a} onWithdraw={() => void withdraw(a)} onAnswerOffer={(accept) => answerOffer(a, accept)} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}

function ApplicationCard({ a, onWithdraw, onAnswerOffer }: { a: Application; onWithdraw: () => void; onAnswerOffer: (accept: boolean) => Promise<void> }) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="card" data-testid="application" data-status={a.status}>
      <p className="card-title">
        <Link to={`/postings/${a.postingId}`}>{a.postingTitle}</Link>
      </p>
      <p className="company">{a.companyName}</p>
      <p>
        <span className={`status status-${a.status}`} data-testid="application-status" aria-live="polite">
          {t(`appStatus.${a.status}`)}
        </span>{' '}
        <span className="small muted">{t('applications.appliedAt', { at: formatDateTime(a.appliedAt, 'Asia/Seoul', lang) })}</span>
      </p>
      {a.status === 'interview' && <InterviewBooking application={a} />}
      {a.status === 'offered' && <OfferAnswer a={a} onAnswer={onAnswerOffer} />}
      {a.status === 'hired' && <FollowUps applicationId={a.id} />}
      {isOpenStatus(a.status) &&
        (confirming ? (
          <p className="actions">
            <span>{t('applications.withdrawConfirm')}</span>
            <button type="button" className="button button-small button-secondary" onClick={onWithdraw}>
              {t('applications.withdrawYes')}
            </button>
            <button type="button" className="linklike" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </p>
        ) : (
          <button type="button" className="linklike small" onClick={() => setConfirming(true)}>
            {t('applications.withdraw')}
          </button>
        ))}
    </li>
  );
}

/** An offer: the seeker accepts it (the company then records the hire) or declines it (after confirming). */
function OfferAnswer({ a, onAnswer }: { a: Application; onAnswer: (accept: boolean) => Promise<void> }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const answer = async (accept: boolean) => {
    if (!accept && !window.confirm(t('applications.declineConfirm', { company: a.companyName }))) return;
    setBusy(true);
    await onAnswer(accept);
    setBusy(false);
  };
  if (a.offerAcceptedAt) {
    return (
      <p className="note note-ok" data-testid="offer-accepted">
        {t('applications.offerAccepted', { at: formatDateTime(a.offerAcceptedAt, 'Asia/Seoul', lang) })}
      </p>
    );
  }
  return (
    <div className="note note-info stack" role="group" aria-label={t('applications.offerTitle')} data-testid="offer">
      <p>{t('applications.offerLead', { company: a.companyName })}</p>
      <p className="actions">
        <button type="button" className="button button-small" disabled={busy} onClick={() => void answer(true)}>
          {t('applications.acceptOffer')}
        </button>
        <button type="button" className="button button-small button-secondary" disabled={busy} onClick={() => void answer(false)}>
          {t('applications.declineOffer')}
        </button>
      </p>
    </div>
  );
}

/** A hired seeker's retention questions: the ones asked so far, answered with one click (answering again replaces). */
function FollowUps({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const state = useAsync(() => api.application(applicationId), [applicationId]);
  const [error, setError] = useState<unknown>(null);
  const answer = async (f: FollowUp, stillEmployed: boolean) => {
    setError(null);
    try {
      await api.answerFollowUp(applicationId, f.daysAfterStart, stillEmployed);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  const hire = state.data?.hire;
  if (!hire) return null;
  const asked = hire.followUps.filter((f) => f.askedAt);
  return (
    <div className="stack small">
      <p>{t('applications.startDate', { date: hire.startDate })}</p>
      {asked.map((f) => (
        <div key={f.daysAfterStart} className="note note-info" data-testid="follow-up" role="group" aria-label={t('applications.followUp', { days: f.daysAfterStart })}>
          <p>{t('applications.followUp', { days: f.daysAfterStart })}</p>
          {f.answeredAt && <p>{f.stillEmployed ? t('applications.answeredYes') : t('applications.answeredNo')}</p>}
          <p className="actions">
            <button type="button" className="button button-small" aria-pressed={f.stillEmployed === true} onClick={() => void answer(f, true)}>
              {t('applications.stillEmployed')}
            </button>
            <button type="button" className="button button-small button-secondary" aria-pressed={f.stillEmployed === false} onClick={() => void answer(f, false)}>
              {t('applications.notEmployed')}
            </button>
          </p>
        </div>
      ))}
      <ErrorNote error={error} />
    </div>
  );
}
