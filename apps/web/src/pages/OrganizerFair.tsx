import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, downloadFile, exportUrls } from '../api/client';
import type { Booth, Fair, FairCoach, Kpis, PooledSeeker } from '@bisang/contracts';
import { Bars, HiresChart } from '../components/Charts';
import { ErrorNote, Loaded, OkNote, useAsync, useFieldErrors } from '../components/async';
import { TableWrap } from '../components/TableWrap';
import { IntroductionForm } from '../components/IntroductionForm';
import { TalentPoolSearch } from '../components/TalentPoolSearch';
import { dayKey, formatDateTime, formatNumber, formatPercent, zonedToUtc } from '../format';
import { useI18n } from '../i18n/i18n';
import { QUEUE_DASHBOARD_ENTRY } from './QueueDashboard';
import { useKpiUpdates, useResync } from '../realtime/hooks';
import { ProgrammeManager } from '../components/ProgrammeManager';

/** The centre's counsellors search the fair's talent pool and introduce a seeker they pick. */
function PoolAndIntroductions({ fair }: { fair: Fair }) {
  const [picked, setPicked] = useState<PooledSeeker | null>(null);
  return (
    <>
      <TalentPoolSearch fair={fair} onPick={setPicked} />
      <IntroductionForm fair={fair} seeker={picked} />
    </>
  );
}

export function OrganizerFair() {
  const { fairId = '' } = useParams();
  const { t } = useI18n();
  const state = useAsync(() => api.fair(fairId), [fairId]);
  return (
    <Loaded state={state}>
      {(fair) => (
        <div className="stack">
          <p className="crumbs">
            <Link to="/organizer">{t('org.title')}</Link>
          </p>
          <h1>{fair.title}</h1>
          <p>
            <Link to={`/fairs/${fair.slug}`}>{fair.slug}</Link>
          </p>
          <FairSettings fair={fair} onSaved={(saved) => state.setData(() => saved)} />
          <Kpi fair={fair} />
          <Approvals fair={fair} />
          <ApprovedBooths fair={fair} />
          <CoachApprovals fair={fair} />
          <ProgrammeManager fair={fair} />
          <Announce fair={fair} />
          <PoolAndIntroductions fair={fair} />
          <Exports fair={fair} />
        </div>
      )}
    </Loaded>
  );
}

/** The fair's settings: a draft may change its dates too; a published fair its title, description and target. */
function FairSettings({ fair, onSaved }: { fair: Fair; onSaved: (fair: Fair) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const draft = fair.status === 'draft';
  const fe = useFieldErrors(error, ['title', 'description', 'hiringTarget', 'startsAt', 'endsAt'], 'settings-err');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    setSaved(false);
    setBusy(true);
    try {
      const next = await api.updateFair(fair.id, {
        title: String(data.get('title')).trim(),
        description: String(data.get('description')).trim() || null,
        hiringTarget: Number(data.get('hiringTarget')),
        ...(draft
          ? {
              startsAt: zonedToUtc(`${String(data.get('startsOn'))}T00:00`, fair.timezone).toISOString(),
              endsAt: zonedToUtc(`${String(data.get('endsOn'))}T23:59`, fair.timezone).toISOString(),
            }
          : {}),
      });
      onSaved(next);
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="settings-title" className="card">
      <h2 id="settings-title">{t('org.settings')}</h2>
      <p className="muted">{draft ? t('org.settingsDraftHint') : t('org.settingsPublishedHint')}</p>
      <form onSubmit={(e) => void submit(e)} className="form-grid" key={`${fair.id}-${fair.status}`}>
        <div className="field field-wide">
          <label htmlFor="s-title">{t('org.fairTitle')}</label>
          <input id="s-title" name="title" required maxLength={200} defaultValue={fair.title} {...fe.input('title')} />
          {fe.message('title')}
        </div>
        <div className="field field-wide">
          <label htmlFor="s-description">{t('org.description')}</label>
          <textarea id="s-description" name="description" rows={4} maxLength={5000} defaultValue={fair.description ?? ''} {...fe.input('description')} />
          {fe.message('description')}
        </div>
        <div className="field">
          <label htmlFor="s-target">{t('org.target')}</label>
          <input id="s-target" name="hiringTarget" type="number" min={0} required defaultValue={fair.hiringTarget} {...fe.input('hiringTarget')} />
          {fe.message('hiringTarget')}
        </div>
        {draft && (
          <>
            <div className="field">
              <label htmlFor="s-starts">{t('org.startsOn')}</label>
              <input id="s-starts" name="startsOn" type="date" required defaultValue={dayKey(fair.startsAt, fair.timezone)} {...fe.input('startsAt')} />
              {fe.message('startsAt')}
            </div>
            <div className="field">
              <label htmlFor="s-ends">{t('org.endsOn')}</label>
              <input id="s-ends" name="endsOn" type="date" required defaultValue={dayKey(fair.endsAt, fair.timezone)} {...fe.input('endsAt')} />
              {fe.message('endsAt')}
            </div>
          </>
        )}
        <div className="field-wide">
          <OkNote>{saved && t('org.settingsSaved')}</OkNote>
          <ErrorNote error={fe.rest} />
          <button type="submit" className="button" disabled={busy}>
            {t('org.settingsSave')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Approvals({ fair }: { fair: Fair }) {
  const { t, lang } = useI18n();
  const state = useAsync(() => api.booths(fair.id, 'pending'), [fair.id]);
  useResync(state.reload);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);

  const approve = async (b: Booth) => {
    setError(null);
    try {
      await api.approveBooth(b.id);
      setDone(t('org.approved', { name: b.companyName }));
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  const reject = async (e: FormEvent<HTMLFormElement>, b: Booth) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    setError(null);
    try {
      await api.rejectBooth(b.id, reason);
      setDone(t('org.rejected', { name: b.companyName }));
      setRejecting(null);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="approvals-title" className="card">
      <h2 id="approvals-title">{t('org.approvals')}</h2>
      <p className="muted">{t('org.approvalsHint')}</p>
      <div aria-live="polite">
        {done && (
          <p className="note note-ok" data-testid="approval-done">
            {done}
          </p>
        )}
        <ErrorNote error={error} />
      </div>
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('org.noPending')}</p>
          ) : (
            <ul className="plain cards">
              {page.items.map((b) => (
                <li key={b.id} className="card" data-testid="pending-booth">
                  <h3 className="card-title">{b.companyName}</h3>
                  <p>{b.headline}</p>
                  {b.description && <p className="muted">{b.description}</p>}
                  <p className="muted small">{t('org.appliedAt', { at: formatDateTime(b.createdAt, fair.timezone, lang) })}</p>
                  <HiringIntent booth={b} />
                  <div className="actions">
                    <button type="button" className="button" onClick={() => void approve(b)}>
                      {t('org.approve')}
                    </button>
                    <button type="button" className="button button-secondary" aria-expanded={rejecting === b.id} onClick={() => setRejecting(rejecting === b.id ? null : b.id)}>
                      {t('org.reject')}
                    </button>
                  </div>
                  {rejecting === b.id && (
                    <form onSubmit={(e) => void reject(e, b)} className="stack">
                      <div className="field">
                        <label htmlFor={`reason-${b.id}`}>{t('org.rejectReason')}</label>
                        <input id={`reason-${b.id}`} name="reason" required maxLength={500} />
                      </div>
                      <button type="submit" className="button button-danger">
                        {t('org.rejectSubmit')}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

/** Coaches who asked to coach in the fair, to approve; the approved ones below. */
/** The fair's approved booths; an organizer may suspend one, with a reason (it leaves the fair with its postings). */
function ApprovedBooths({ fair }: { fair: Fair }) {
  const { t } = useI18n();
  const state = useAsync(async () => {
    const [approved, suspended] = await Promise.all([api.booths(fair.id), api.booths(fair.id, 'suspended')]);
    return { approved: approved.items, suspended: suspended.items };
  }, [fair.id]);
  useResync(state.reload);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [suspending, setSuspending] = useState<string | null>(null);
  const suspend = async (e: FormEvent<HTMLFormElement>, b: Booth) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    if (!window.confirm(t('org.suspendConfirm', { name: b.companyName }))) return;
    setError(null);
    try {
      await api.suspendBooth(b.id, reason);
      setDone(t('org.suspended', { name: b.companyName }));
      setSuspending(null);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="booths-title" className="card">
      <h2 id="booths-title">{t('org.booths')}</h2>
      <OkNote>{done}</OkNote>
      <ErrorNote error={error} />
      <Loaded state={state}>
        {({ approved, suspended }) => (
          <>
            {approved.length === 0 ? (
              <p className="muted">{t('org.noApprovedBooths')}</p>
            ) : (
              <ul className="plain cards">
                {approved.map((b) => (
                  <li key={b.id} className="card" data-testid="approved-booth">
                    <h3 className="card-title">
                      <Link to={`/booths/${b.id}`}>{b.companyName}</Link>
                    </h3>
                    <p>{b.headline}</p>
                    <p>
                      <Link to={`/companies/${b.companyId}`}>
                        {b.companyName} {t('company.pages')}
                      </Link>
                    </p>
                    <button type="button" className="button button-secondary" aria-expanded={suspending === b.id} onClick={() => setSuspending(suspending === b.id ? null : b.id)}>
                      {t('org.suspend')}
                    </button>
                    {suspending === b.id && (
                      <form onSubmit={(e) => void suspend(e, b)} className="stack">
                        <div className="field">
                          <label htmlFor={`suspend-${b.id}`}>{t('org.suspendReason')}</label>
                          <input id={`suspend-${b.id}`} name="reason" required maxLength={1000} />
                        </div>
                        <button type="submit" className="button button-danger">
                          {t('org.suspendSubmit')}
                        </button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {suspended.length > 0 && (
              <>
                <h3>{t('org.suspendedBooths')}</h3>
                <ul className="plain">
                  {suspended.map((b) => (
                    <li key={b.id} data-testid="suspended-booth">
                      <strong>{b.companyName}</strong>: {b.suspensionReason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function CoachApprovals({ fair }: { fair: Fair }) {
  const { t, lang } = useI18n();
  const state = useAsync(async () => (await api.fairCoaches(fair.id)).items, [fair.id]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const approve = async (coach: FairCoach) => {
    setError(null);
    try {
      await api.approveCoach(fair.id, coach.coachId);
      setDone(t('org.coachApproved', { name: coach.name }));
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="coaches-title" className="card">
      <h2 id="coaches-title">{t('org.coaches')}</h2>
      <p className="muted">{t('org.coachesHint')}</p>
      <div aria-live="polite">
        <OkNote>{done}</OkNote>
        <ErrorNote error={error} />
      </div>
      <Loaded state={state}>
        {(coaches) => {
          const pending = coaches.filter((c) => c.status === 'pending');
          const approved = coaches.filter((c) => c.status === 'approved');
          return (
            <>
              {pending.length === 0 ? (
                <p className="muted">{t('org.noPendingCoaches')}</p>
              ) : (
                <ul className="plain cards">
                  {pending.map((c) => (
                    <li key={c.coachId} className="card" data-testid="pending-coach">
                      <h3 className="card-title">{c.name}</h3>
                      <p className="muted small">
                        {c.email} · {t('org.coachAskedAt', { at: formatDateTime(c.requestedAt, fair.timezone, lang) })}
                      </p>
                      <button type="button" className="button" onClick={() => void approve(c)}>
                        {t('org.approveCoach')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {approved.length > 0 && (
                <p data-testid="approved-coaches">
                  {t('org.approvedCoaches')}: {approved.map((c) => c.name).join(', ')}
                </p>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/** The booth's published, open postings and their openings, when the API lets organizers read them. */
function HiringIntent({ booth }: { booth: Booth }) {
  const { t } = useI18n();
  const state = useAsync(async () => {
    const all = await api.boothPostings(booth.id);
    return all.filter((p) => p.status === 'published' && p.openings > 0 && (!p.closesAt || new Date(p.closesAt).getTime() > Date.now()));
  }, [booth.id]);
  if (state.error) return <p className="muted small">{t('org.intentOnApproval')}</p>;
  if (!state.data) return null;
  const openings = state.data.reduce((n, p) => n + p.openings, 0);
  return (
    <p className={state.data.length ? 'note note-ok' : 'note note-warn'}>
      {state.data.length ? t('org.intent', { postings: state.data.length, openings }) : t('org.noIntent')}
    </p>
  );
}

function Announce({ fair }: { fair: Fair }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const list = useAsync(() => api.announcements(fair.id), [fair.id]);
  useResync(list.reload);
  const [editing, setEditing] = useState<string | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const save = async (e: FormEvent<HTMLFormElement>, id: string) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setListError(null);
    setChanged(null);
    try {
      await api.updateAnnouncement(id, { title: String(data.get('title')).trim(), body: String(data.get('body')).trim() });
      setEditing(null);
      setChanged(t('announcements.updated'));
      list.reload();
    } catch (err) {
      setListError(err);
    }
  };
  const withdraw = async (id: string, title: string) => {
    if (!window.confirm(t('announcements.withdrawConfirm', { title }))) return;
    setListError(null);
    setChanged(null);
    try {
      await api.withdrawAnnouncement(id);
      setChanged(t('announcements.withdrawn'));
      list.reload();
    } catch (err) {
      setListError(err);
    }
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setError(null);
    setSent(false);
    try {
      await api.announce(fair.id, String(data.get('title')).trim(), String(data.get('body')).trim());
      form.reset();
      setSent(true);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="announce-title" className="card">
      <h2 id="announce-title">{t('announcements.new')}</h2>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor="a-title">{t('announcements.titleField')}</label>
          <input id="a-title" name="title" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="a-body">{t('announcements.body')}</label>
          <textarea id="a-body" name="body" required rows={3} maxLength={5000} />
        </div>
        <div aria-live="polite">
          <OkNote>{sent && t('announcements.sent')}</OkNote>
          <ErrorNote error={error} />
        </div>
        <button type="submit" className="button">
          {t('announcements.send')}
        </button>
      </form>
      <h3>{t('announcements.sentList')}</h3>
      <OkNote>{changed}</OkNote>
      <ErrorNote error={listError} />
      <Loaded state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('announcements.none')}</p>
          ) : (
            <ul className="plain cards">
              {page.items.map((a) => (
                <li key={a.id} className="card" data-testid="org-announcement">
                  {editing === a.id ? (
                    <form onSubmit={(e) => void save(e, a.id)} className="stack">
                      <div className="field">
                        <label htmlFor={`ae-title-${a.id}`}>{t('announcements.titleField')}</label>
                        <input id={`ae-title-${a.id}`} name="title" required maxLength={200} defaultValue={a.title} />
                      </div>
                      <div className="field">
                        <label htmlFor={`ae-body-${a.id}`}>{t('announcements.body')}</label>
                        <textarea id={`ae-body-${a.id}`} name="body" required rows={3} maxLength={5000} defaultValue={a.body} />
                      </div>
                      <div className="actions">
                        <button type="submit" className="button">
                          {t('announcements.save')}
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => setEditing(null)}>
                          {t('common.cancel')}
                        </button>
                      </div>
                    </form>
                  ) : (
                    <>
                      <h4 className="card-title">{a.title}</h4>
                      <p className="muted small">{formatDateTime(a.createdAt, fair.timezone, lang)}</p>
                      <p>{a.body}</p>
                      <div className="actions">
                        <button type="button" className="button button-secondary" onClick={() => setEditing(a.id)}>
                          {t('announcements.edit')}
                        </button>
                        <button type="button" className="button button-danger" onClick={() => void withdraw(a.id, a.title)}>
                          {t('announcements.withdraw')}
                        </button>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

/** Loaded once over HTTP, then kept current by `kpi:update` (the newer snapshot wins, whichever arrives first). */
function Kpi({ fair }: { fair: Fair }) {
  const { t, lang } = useI18n();
  const state = useAsync(() => api.kpis(fair.id), [fair.id]);
  const { setData } = state;
  const newer = (kpis: Kpis) => setData((prev) => (prev && prev.asOf > kpis.asOf ? prev : kpis));
  useKpiUpdates(fair.id, (u) => newer(u.kpis));
  // kpi:update sent while the connection was down is gone: read the snapshot again when it is back.
  useResync(() => void api.kpis(fair.id).then(newer, () => undefined));
  return (
    <section aria-labelledby="kpi-title" className="card">
      <h2 id="kpi-title">{t('kpi.title')}</h2>
      <Loaded state={state}>{(k) => <KpiView k={k} fair={fair} lang={lang} />}</Loaded>
    </section>
  );
}

function KpiView({ k, fair, lang }: { k: Kpis; fair: Fair; lang: 'ko' | 'en' }) {
  const { t } = useI18n();
  // `daily` dates are the fair's calendar days (YYYY-MM-DD); each is placed by its distance from the first day.
  // Hires often come after the fair, so the axis runs to the later of the fair's last day and the last row.
  const firstDay = Date.parse(`${dayKey(fair.startsAt, fair.timezone)}T00:00:00Z`);
  const lastFairDay = dayKey(fair.endsAt, fair.timezone);
  const days = [...k.daily]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ label: d.date.slice(5), value: d.hires, at: Math.max(0, Math.round((Date.parse(`${d.date}T00:00:00Z`) - firstDay) / 86_400_000)) }));
  const lastRow = k.daily.length ? [...k.daily].sort((a, b) => a.date.localeCompare(b.date))[k.daily.length - 1]!.date : lastFairDay;
  const endDay = lastRow > lastFairDay ? lastRow : lastFairDay;
  const totalDays = Math.max(1, Math.round((Date.parse(`${endDay}T00:00:00Z`) - firstDay) / 86_400_000));
  return (
    <div className="stack" data-testid="kpis" data-as-of={k.asOf}>
      <dl className="counters">
        <div>
          <dt>{t('kpi.hires')}</dt>
          <dd data-testid="kpi-hires">
            {formatNumber(k.hires, lang)} / {formatNumber(k.hiringTarget, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('kpi.progress')}</dt>
          <dd>{formatPercent(k.targetProgress, lang)}</dd>
        </div>
        <div>
          <dt>{t('kpi.applications')}</dt>
          <dd data-testid="kpi-applications">{formatNumber(k.applications, lang)}</dd>
        </div>
        <div>
          <dt>{t('kpi.coaching')}</dt>
          <dd>
            {formatNumber(k.coachingBookings, lang)}{' '}
            <span className="small muted">({t('kpi.coachingDetail', { done: formatNumber(k.coachingCompletions, lang), noShows: formatNumber(k.coachingNoShows, lang) })})</span>
          </dd>
        </div>
      </dl>
      <div className="columns">
        <div>
          <h3>{t('kpi.overDays')}</h3>
          {days.length ? (
            <HiresChart
              days={days}
              totalDays={totalDays}
              endLabel={endDay.slice(5)}
              target={k.hiringTarget}
              title={t('kpi.overDays')}
              lang={lang}
              targetLabel={t('kpi.target')}
              hiresLabel={t('kpi.hires')}
            />
          ) : (
            <p className="muted">{t('kpi.noDaily', { today: dayKey(new Date(), fair.timezone) })}</p>
          )}
        </div>
        <div>
          <h3>{t('kpi.shares')}</h3>
          <Bars
            fraction
            lang={lang}
            label={t('kpi.shares')}
            items={(
              [
                ['kpi.youth', k.youthHires, k.youthShare, k.targets?.youthShare],
                ['kpi.regular', k.regularHires, k.regularShare, k.targets?.regularShare],
                ['kpi.professional', k.professionalHires, k.professionalShare, k.targets?.professionalShare],
                ['kpi.midCareer', k.midCareerHires, k.midCareerShare, k.targets?.midCareerShare],
                ['kpi.uturn', k.uturnHires, k.uturnShare, k.targets?.uturnShare],
                ['kpi.careerBreak', k.careerBreakHires, k.careerBreakShare, k.targets?.careerBreakShare],
                ['kpi.introduced', k.introducedHires, k.introducedShare, undefined],
              ] as const
            ).map(([key, hires, share, target]) => ({
              // Each share against the organizer's target for it, when one is set.
              label: `${t(key)} (${formatNumber(hires, lang)})${target === undefined ? '' : ` · ${t('kpi.shareTarget', { target: formatPercent(target, lang) })}`}`,
              value: share,
            }))}
          />
          <h3>{t('kpi.funnel')}</h3>
          <Bars
            lang={lang}
            label={t('kpi.funnel')}
            items={[
              { label: t('kpi.applications'), value: k.applications },
              { label: t('kpi.interviews'), value: k.interviews },
              { label: t('kpi.offers'), value: k.offers },
              { label: t('kpi.hires'), value: k.hires },
            ]}
          />
        </div>
      </div>
      {k.companies.length > 0 && (
        <TableWrap label={t('kpi.perCompany')}>
          <table data-testid="kpi-companies">
            <caption>{t('kpi.perCompany')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kpi.company')}</th>
                <th scope="col">{t('kpi.applications')}</th>
                <th scope="col">{t('kpi.interviews')}</th>
                <th scope="col">{t('kpi.offers')}</th>
                <th scope="col">{t('kpi.hires')}</th>
              </tr>
            </thead>
            <tbody>
              {k.companies.map((c) => (
                <tr key={c.companyId} data-testid="kpi-company">
                  <th scope="row">{c.name}</th>
                  <td>{formatNumber(c.applications, lang)}</td>
                  <td>{formatNumber(c.interviews, lang)}</td>
                  <td>{formatNumber(c.offers, lang)}</td>
                  <td>{formatNumber(c.hires, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <TableWrap label={t('kpi.retention')}>
        <table>
          <caption>{t('kpi.retention')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kpi.followUp')}</th>
              <th scope="col">{t('kpi.asked')}</th>
              <th scope="col">{t('kpi.answered')}</th>
              <th scope="col">{t('kpi.stillEmployed')}</th>
              <th scope="col">{t('kpi.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {k.retention.map((r) => (
              <tr key={r.days}>
                <th scope="row">{t('kpi.daysAfter', { days: r.days })}</th>
                <td>{formatNumber(r.asked, lang)}</td>
                <td>{formatNumber(r.answered, lang)}</td>
                <td>{formatNumber(r.stillEmployed, lang)}</td>
                <td>{r.answered ? formatPercent(r.rate, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

function Exports({ fair }: { fair: Fair }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const urls = exportUrls(fair.id);
  const get = async (url: string, name: string) => {
    setError(null);
    try {
      await downloadFile(url, `${fair.slug}-${name}.csv`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="exports-title" className="card">
      <h2 id="exports-title">{t('exports.title')}</h2>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => void get(urls.hires, 'hires')}>
          {t('exports.hires')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void get(urls.applications, 'applications')}>
          {t('exports.applications')}
        </button>
        <Link className="button button-secondary" to={QUEUE_DASHBOARD_ENTRY}>
          {t('org.queues')}
        </Link>
      </div>
      <ErrorNote error={error} />
    </section>
  );
}
