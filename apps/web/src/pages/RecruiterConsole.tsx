import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, downloadFile, resumeUrl } from '../api/client';
import { APPLICATION_STATUSES, EMPLOYMENT_TYPES, staffMovesFrom, type Booth, type Company, type Fair, type Posting, type StaffApplication } from '@bisang/contracts';
import { oneOf } from '../api/parse';
import { ErrorNote, Loaded, OkNote, useAsync, useFieldErrors } from '../components/async';
import { TableWrap } from '../components/TableWrap';
import { dayKey, formatDateTime } from '../format';
import { FairPicker } from '../components/FairPicker';
import { ReapplyBooth } from '../components/ReapplyBooth';
import { BoothVisibilityNote, EditPosting, SalaryDeadlineFields, readSalaryDeadline } from '../components/PostingFields';
import { useJobCategories } from '../components/useJobCategories';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';
import { InterviewSlotsConsole } from './InterviewSlots';
import { TalentPoolSearch } from '../components/TalentPoolSearch';
import { ChatInbox } from '../components/ChatInbox';

/** The company's booth in a fair, in any status (GET /me/booths lists the caller's own). */
async function findBooth(fair: Fair, company: Company): Promise<Booth | null> {
  return (await api.myBooths(fair.id)).items.find((b) => b.companyId === company.id) ?? null;
}

export function RecruiterConsole() {
  const { t } = useI18n();
  const companies = useAsync(() => api.myCompanies(), []);
  const [fair, setFair] = useState<Fair | null>(null);
  const [companyId, setCompanyId] = useState<string | null>(null);
  return (
    <div className="stack">
      <h1>{t('rec.title')}</h1>
      <MyInvitations onAccepted={companies.reload} />
      <Loaded state={companies}>
        {(list) => {
          if (list.length === 0) return <CreateCompany onCreated={companies.reload} />;
          const company = list.find((c) => c.id === companyId) ?? list[0]!;
          return (
            <>
              {list.length === 1 ? (
                <p className="lead">{company.name}</p>
              ) : (
                <div className="field inline-field">
                  <label htmlFor="company-picker">{t('rec.companyName')}</label>
                  <select id="company-picker" value={company.id} onChange={(e) => setCompanyId(e.target.value)}>
                    {list.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <p className="fair-nav">
                <Link className="button button-secondary" to={`/companies/${company.id}/edit`} data-testid="edit-company-page">
                  {t('company.edit')}
                </Link>{' '}
                <Link to={`/companies/${company.id}`}>{t('company.view')}</Link>
              </p>
              <CompanyStaff key={company.id} company={company} onLeft={companies.reload} />
              <FairPicker value={fair} onChange={setFair} />
              {fair && <BoothConsole key={`${fair.id}:${company.id}`} fair={fair} company={company} />}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

/** Invitations addressed to me: accept to act for the company (nothing of it is shown before), or decline. */
function MyInvitations({ onAccepted }: { onAccepted: () => void }) {
  const { t, lang } = useI18n();
  const state = useAsync(async () => (await api.myInvitations()).items, []);
  const [error, setError] = useState<unknown>(null);
  const answer = async (fn: () => Promise<unknown>, accepted: boolean) => {
    setError(null);
    try {
      await fn();
      state.reload();
      if (accepted) onAccepted();
    } catch (err) {
      setError(err);
    }
  };
  if (!state.data || state.data.length === 0) return state.error ? <ErrorNote error={state.error} /> : null;
  return (
    <section className="card" aria-labelledby="my-invitations" data-testid="my-invitations">
      <h2 id="my-invitations">{t('invite.received')}</h2>
      <ErrorNote error={error} />
      <ul className="plain stack">
        {state.data.map((i) => (
          <li key={i.id} data-testid="invitation">
            <span>{t('invite.from', { company: i.company.name, until: formatDateTime(i.expiresAt, 'Asia/Seoul', lang) })}</span>{' '}
            <button type="button" className="button button-small" onClick={() => void answer(() => api.acceptInvitation(i.id), true)}>
              {t('invite.accept')}
            </button>{' '}
            <button type="button" className="button button-small button-secondary" onClick={() => void answer(() => api.declineInvitation(i.id), false)}>
              {t('invite.decline')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The company's staff: invite a recruiter by e-mail, withdraw a pending invitation, leave the company. */
function CompanyStaff({ company, onLeft }: { company: Company; onLeft: () => void }) {
  const { t, lang } = useI18n();
  const staff = useAsync(() => api.companyStaff(company.id), [company.id]);
  const invitations = useAsync(async () => (await api.companyInvitations(company.id)).items, [company.id]);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    setSent(null);
    try {
      await fn();
      invitations.reload();
      staff.reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  };
  const invite = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const email = String(new FormData(form).get('email')).trim();
    if (await act(() => api.inviteStaff(company.id, email))) {
      form.reset();
      setSent(t('invite.sent', { email }));
    }
  };
  const leave = async () => {
    if (!window.confirm(t('staff.leaveConfirm', { company: company.name }))) return;
    setError(null);
    try {
      await api.leaveCompany(company.id);
      onLeft();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="card" aria-labelledby="company-staff">
      <h2 id="company-staff">{t('staff.title')}</h2>
      <div aria-live="polite">
        <OkNote>{sent}</OkNote>
        <ErrorNote error={error} />
      </div>
      <Loaded state={staff}>
        {(s) => (
          <ul className="plain stack" data-testid="staff-list">
            {s.items.map((m) => (
              <li key={m.userId}>{m.name}</li>
            ))}
          </ul>
        )}
      </Loaded>
      <form className="form-grid" onSubmit={(e) => void invite(e)}>
        <div className="field">
          <label htmlFor="invite-email">{t('invite.email')}</label>
          <input id="invite-email" name="email" type="email" required maxLength={254} aria-describedby="invite-hint" />
          <p id="invite-hint" className="hint">
            {t('invite.hint')}
          </p>
        </div>
        <button type="submit" className="button">
          {t('invite.submit')}
        </button>
      </form>
      {invitations.data && invitations.data.length > 0 && (
        <>
          <h3>{t('invite.pending')}</h3>
          <ul className="plain stack" data-testid="pending-invitations">
            {invitations.data.map((i) => (
              <li key={i.id}>
                {i.email} <span className="muted">({t('invite.until', { until: formatDateTime(i.expiresAt, 'Asia/Seoul', lang) })})</span>{' '}
                <button type="button" className="linklike" onClick={() => void act(() => api.cancelInvitation(company.id, i.id))}>
                  {t('invite.withdraw')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button button-secondary button-small" onClick={() => void leave()}>
        {t('staff.leave')}
      </button>
    </section>
  );
}

function CreateCompany({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    try {
      await api.createCompany({ name: String(data.get('name')).trim(), industry: String(data.get('industry')).trim() || undefined, region: String(data.get('region')).trim() || undefined });
      onCreated();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="company-title" className="card">
      <h2 id="company-title">{t('rec.company')}</h2>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        <div className="field">
          <label htmlFor="c-name">{t('rec.companyName')}</label>
          <input id="c-name" name="name" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="c-industry">{t('rec.industry')}</label>
          <input id="c-industry" name="industry" maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="c-region">{t('rec.region')}</label>
          <input id="c-region" name="region" maxLength={100} defaultValue="대구" />
        </div>
        <ErrorNote error={error} />
        <button type="submit" className="button">
          {t('rec.createCompany')}
        </button>
      </form>
    </section>
  );
}

function BoothConsole({ fair, company }: { fair: Fair; company: Company }) {
  const { t, serverText } = useI18n();
  const booth = useAsync(() => findBooth(fair, company), [fair.id, company.id]);
  useResync(booth.reload);
  const [error, setError] = useState<unknown>(null);
  const apply = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    try {
      await api.applyForBooth(fair.id, { companyId: company.id, headline: String(data.get('headline')).trim(), description: String(data.get('description')).trim() || undefined });
      booth.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Loaded state={booth}>
      {(b) =>
        b === null ? (
          <section aria-labelledby="apply-booth" className="card">
            <h2 id="apply-booth">{t('rec.applyBooth')}</h2>
            <p className="muted">{t('rec.applyHint')}</p>
            <form onSubmit={(e) => void apply(e)} className="stack">
              <div className="field">
                <label htmlFor="b-headline">{t('rec.headline')}</label>
                <input id="b-headline" name="headline" required maxLength={200} />
              </div>
              <div className="field">
                <label htmlFor="b-description">{t('rec.description')}</label>
                <textarea id="b-description" name="description" rows={3} maxLength={5000} />
              </div>
              <ErrorNote error={error} />
              <button type="submit" className="button">
                {t('rec.applySubmit')}
              </button>
            </form>
          </section>
        ) : (
          <div className="stack">
            <section className="card" aria-labelledby="booth-status">
              <h2 id="booth-status">{b.headline}</h2>
              <p>
                <span className={`status status-${b.status}`}>{t(`boothStatus.${b.status}`)}</span>{' '}
                {b.status === 'approved' && <Link to={`/booths/${b.id}`}>{t('rec.viewBooth')}</Link>}
              </p>
              {b.status === 'pending' && <p className="muted">{t('rec.pendingHint')}</p>}
              {b.rejectionReason && <p className="note note-error">{serverText(b.rejectionReason)}</p>}
              {b.status === 'rejected' && <ReapplyBooth booth={b} onDone={booth.reload} />}
            </section>
            {b.status === 'approved' && fair.status === 'live' && <ChatInbox booth={b} />}
            <Postings booth={b} fair={fair} />
            <Pipeline booth={b} fair={fair} />
            {b.status === 'approved' && <InterviewSlotsConsole booth={b} fair={fair} />}
            {b.status === 'approved' && <TalentPoolSearch booth={b} fair={fair} />}
          </div>
        )
      }
    </Loaded>
  );
}

function Postings({ booth, fair }: { booth: Booth; fair: Fair }) {
  const { t, label } = useI18n();
  const categories = useJobCategories();
  const state = useAsync(() => api.boothPostings(booth.id), [booth.id]);
  useResync(state.reload);
  const [error, setError] = useState<unknown>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const fe = useFieldErrors(createError, ['title', 'description', 'openings', 'location', 'salaryMin', 'salaryMax', 'closesAt'], 'new-posting-err');
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setCreateError(null);
    try {
      await api.createPosting(booth.id, {
        title: String(data.get('title')).trim(),
        description: String(data.get('description')).trim(),
        jobCategory: String(data.get('jobCategory')),
        employmentType: oneOf(EMPLOYMENT_TYPES, String(data.get('employmentType'))) ?? 'regular',
        openings: Number(data.get('openings')),
        ...(String(data.get('location')).trim() ? { location: String(data.get('location')).trim() } : {}),
        ...(readSalaryDeadline(data, fair.timezone, false) as { salaryMin?: number; salaryMax?: number; closesAt?: string }),
      });
      form.reset();
      state.reload();
    } catch (err) {
      setCreateError(err);
    }
  };
  return (
    <section aria-labelledby="rec-postings" className="card">
      <h2 id="rec-postings">{t('rec.postings')}</h2>
      <BoothVisibilityNote booth={booth} />
      <ErrorNote error={error} />
      <Loaded state={state}>
        {(postings) =>
          postings.length === 0 ? (
            <p className="muted">{t('rec.noPostings')}</p>
          ) : (
            <TableWrap label={t('rec.postings')}>
              <table className="postings-table">
                <thead>
                  <tr>
                    <th scope="col">{t('rec.postingTitle')}</th>
                    <th scope="col">{t('org.status')}</th>
                    <th scope="col">{t('posting.openingsLabel')}</th>
                    <th scope="col">{t('org.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {postings.map((p: Posting) => (
                    <tr key={p.id} data-testid="rec-posting">
                      <th scope="row">{p.title}</th>
                      <td>
                        <span className={`status status-${p.status}`}>{t(`postingStatus.${p.status}`)}</span>
                      </td>
                      <td>{p.openings}</td>
                      <td>
                        {p.status === 'draft' && (
                          <button type="button" className="button button-small" onClick={() => void act(() => api.publishPosting(p.id))}>
                            {t('rec.publish')}
                          </button>
                        )}
                        {p.status === 'published' && (
                          <button type="button" className="button button-small button-secondary" onClick={() => void act(() => api.closePosting(p.id))}>
                            {t('rec.close')}
                          </button>
                        )}
                        {p.status !== 'closed' && <EditPosting posting={p} fair={fair} onSaved={state.reload} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Loaded>
      <details className="new-posting">
        <summary>{t('rec.newPosting')}</summary>
        <form onSubmit={(e) => void create(e)} className="form-grid">
          <div className="field">
            <label htmlFor="p-title">{t('rec.postingTitle')}</label>
            <input id="p-title" name="title" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="p-category">{t('search.category')}</label>
            <select id="p-category" name="jobCategory" required>
              {categories?.jobCategories.map((c) => (
                <option key={c.code} value={c.code}>
                  {label(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="p-type">{t('search.type')}</label>
            <select id="p-type" name="employmentType" required>
              {categories?.employmentTypes.map((c) => (
                <option key={c.code} value={c.code}>
                  {label(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="p-openings">{t('posting.openingsLabel')}</label>
            <input id="p-openings" name="openings" type="number" min={1} defaultValue={1} required {...fe.input('openings')} />
            {fe.message('openings')}
          </div>
          <div className="field">
            <label htmlFor="p-location">{t('posting.location')}</label>
            <input id="p-location" name="location" maxLength={200} />
          </div>
          <div className="field field-wide">
            <label htmlFor="p-description">{t('rec.postingDescription')}</label>
            <textarea id="p-description" name="description" required rows={4} maxLength={10000} />
          </div>
          <SalaryDeadlineFields id="p" timezone={fair.timezone} fe={fe} />
          <button type="submit" className="button">
            {t('rec.saveDraft')}
          </button>
          <div className="field-wide">
            <ErrorNote error={fe.rest} />
          </div>
        </form>
      </details>
    </section>
  );
}

function Pipeline({ booth, fair }: { booth: Booth; fair: Fair }) {
  const { t } = useI18n();
  const postings = useAsync(() => api.boothPostings(booth.id), [booth.id]);
  const [postingId, setPostingId] = useState('');
  const state = useAsync(() => api.boothApplications(booth.id, postingId || undefined), [booth.id, postingId]);
  // New applicants show up in their column as they apply, not only as a toast; and after a drop the
  // pipeline is read again, whatever moved meanwhile.
  useNotifications((e) => (e.type === 'application.received' || e.type === 'application.offer_answered') && e.data.boothId === booth.id && state.reload());
  useResync(() => {
    state.reload();
    postings.reload();
  });
  const [error, setError] = useState<unknown>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="pipeline-title" className="card">
      <h2 id="pipeline-title">{t('rec.applicants')}</h2>
      <div className="field inline-field">
        <label htmlFor="pipeline-posting">{t('rec.pipelinePosting')}</label>
        <select id="pipeline-posting" value={postingId} onChange={(e) => setPostingId(e.target.value)}>
          <option value="">{t('rec.allPostings')}</option>
          {(postings.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">
        <ErrorNote error={error} />
      </div>
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('rec.noApplicants')}</p>
          ) : (
            <div className="pipeline">
              {APPLICATION_STATUSES.map((status) => {
                const column = page.items.filter((a) => a.status === status);
                if (status === 'withdrawn' && column.length === 0) return null;
                return (
                  <section key={status} className="column" aria-labelledby={`col-${status}`} data-testid={`column-${status}`}>
                    <h3 className="small-title" id={`col-${status}`}>
                      {t(`appStatus.${status}`)} <span className="count">{column.length}</span>
                    </h3>
                    <ul className="plain">
                      {column.map((a) => (
                        <Applicant key={a.id} a={a} fair={fair} act={act} />
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

/** One applicant's card: who, which posting, resume, the private review, and the moves open to staff. */
function Applicant({ a, fair, act }: { a: StaffApplication; fair: Fair; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t, lang } = useI18n();
  // The moves open to staff from this stage, from the pipeline table the server enforces: forward, and reject.
  const moves = staffMovesFrom(a.status);
  const next = moves.find((m) => m !== 'rejected');
  const [startDate, setStartDate] = useState(() => dayKey(new Date(), fair.timezone));
  const saveReview = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const rating = String(data.get('rating'));
    await act(() => api.reviewApplication(a.id, { note: String(data.get('note')).trim() || null, rating: rating ? Number(rating) : null }));
  };
  return (
    <li className="applicant" data-testid="applicant" data-status={a.status}>
      <p className="card-title">
        {a.seeker.name}
        {a.seeker.age !== null && <span className="small muted"> · {t('rec.age', { age: a.seeker.age })}</span>}
      </p>
      <p className="small muted">{a.postingTitle}</p>
      <p className="small muted">{t('rec.appliedOn', { at: formatDateTime(a.appliedAt, fair.timezone, lang) })}</p>
      {a.coverLetter && (
        <details className="small">
          <summary>{t('apply.coverLetter')}</summary>
          <p className="pre">{a.coverLetter}</p>
        </details>
      )}
      {a.resumeId ? (
        <button
          type="button"
          className="linklike small"
          onClick={() => void act(() => downloadFile(resumeUrl(a.resumeId!), `${a.seeker.name}-resume.pdf`))}
        >
          {t('rec.resume')}
        </button>
      ) : (
        <p className="small muted">{t('rec.noResume')}</p>
      )}
      {a.chatReview && (
        <p className="small" data-testid="applicant-chat-review">
          {t('rec.chatReview')}
          {a.chatReview.rating !== null ? ` ${'★'.repeat(a.chatReview.rating)}` : ''}
          {a.chatReview.note ? ` · ${a.chatReview.note}` : ''}
        </p>
      )}
      <details className="small">
        <summary>{t('rec.review')}{a.rating !== null ? ` · ${'★'.repeat(a.rating)}` : ''}</summary>
        <form className="stack" onSubmit={(e) => void saveReview(e)}>
          <p className="muted">{t('rec.reviewPrivate')}</p>
          <div className="field">
            <label htmlFor={`rating-${a.id}`}>{t('rec.rating')}</label>
            <select id={`rating-${a.id}`} name="rating" defaultValue={a.rating ?? ''}>
              <option value="">—</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {'★'.repeat(n)} ({n})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`note-${a.id}`}>{t('rec.note')}</label>
            <textarea id={`note-${a.id}`} name="note" rows={2} maxLength={5000} defaultValue={a.recruiterNote ?? ''} />
          </div>
          <button type="submit" className="button button-small button-secondary">
            {t('rec.saveReview')}
          </button>
        </form>
      </details>
      {next && next !== 'hired' && (
        <button type="button" className="button button-small" onClick={() => void act(() => api.moveApplication(a.id, next))}>
          {t('rec.moveNext', { status: t(`appStatus.${next}`) })}
        </button>
      )}
      {next === 'hired' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.moveApplication(a.id, 'hired', { startDate }));
          }}
        >
          <div className="field">
            <p className={a.offerAcceptedAt ? 'note note-ok' : 'note note-info'} data-testid="offer-answer">
              {a.offerAcceptedAt ? t('rec.offerAccepted') : t('rec.offerWaiting')}
            </p>
            <label htmlFor={`start-${a.id}`}>{t('rec.startDate')}</label>
            <input id={`start-${a.id}`} type="date" required value={startDate} onChange={(e) => setStartDate(e.target.value)} />
          </div>
          <button type="submit" className="button button-small">
            {t('rec.hire')}
          </button>
        </form>
      )}
      {a.status === 'hired' && <HireCorrection a={a} act={act} />}
      {moves.includes('rejected') && (
        <button type="button" className="button button-small button-secondary" onClick={() => window.confirm(t('rec.rejectConfirm', { name: a.seeker.name })) && void act(() => api.moveApplication(a.id, 'rejected'))}>
          {t('rec.reject')}
        </button>
      )}
    </li>
  );
}

/** A hired applicant: correct the start date or employment type, or undo a mistaken hire (after confirming). */
function HireCorrection({ a, act }: { a: StaffApplication; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t, label } = useI18n();
  const categories = useJobCategories();
  const detail = useAsync(() => api.application(a.id), [a.id]);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setSaved(false);
    setError(null);
    try {
      await api.correctHire(a.id, { startDate: String(data.get('startDate')), employmentType: oneOf(EMPLOYMENT_TYPES, String(data.get('employmentType'))) });
      detail.reload();
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  const hire = detail.data?.hire;
  return (
    <div className="stack small" data-testid="hire-terms">
      {hire && <p>{t('rec.hireTerms', { date: hire.startDate, type: label(hire.employmentTypeLabel, hire.employmentType) })}</p>}
      <details>
        <summary>{t('rec.correctHire')}</summary>
        {hire && (
          <form className="stack" onSubmit={(e) => void save(e)} key={`${hire.startDate}:${hire.employmentType}`}>
            <div className="field">
              <label htmlFor={`hire-start-${a.id}`}>{t('rec.startDate')}</label>
              <input id={`hire-start-${a.id}`} name="startDate" type="date" required defaultValue={hire.startDate} />
            </div>
            <div className="field">
              <label htmlFor={`hire-type-${a.id}`}>{t('search.type')}</label>
              <select id={`hire-type-${a.id}`} name="employmentType" required defaultValue={hire.employmentType}>
                {(categories?.employmentTypes ?? [{ code: hire.employmentType, ...hire.employmentTypeLabel }]).map((c) => (
                  <option key={c.code} value={c.code}>
                    {label(c)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-small button-secondary">
              {t('rec.saveHire')}
            </button>
          </form>
        )}
        <div aria-live="polite">
          <OkNote>{saved && t('rec.hireSaved')}</OkNote>
          <ErrorNote error={error} />
        </div>
      </details>
      {confirming ? (
        <div className="note note-info" role="group" aria-labelledby={`undo-q-${a.id}`}>
          <p id={`undo-q-${a.id}`}>{t('rec.undoHireConfirm')}</p>
          <p className="actions">
            <button type="button" className="button button-small" autoFocus onClick={() => void act(() => api.undoHire(a.id))}>
              {t('rec.undoHireYes')}
            </button>
            <button
              type="button"
              className="linklike"
              onClick={() => {
                setConfirming(false);
                setTimeout(() => undoButton.current?.focus());
              }}
            >
              {t('common.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <button type="button" ref={undoButton} className="linklike small" onClick={() => setConfirming(true)}>
          {t('rec.undoHire')}
        </button>
      )}
    </div>
  );
}
