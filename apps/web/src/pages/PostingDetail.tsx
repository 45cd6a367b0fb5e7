import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { Application } from '@bisang/contracts';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { SavePostingButton } from '../components/SavePostingButton';
import { useJobCategories } from '../components/useJobCategories';
import { useAuth } from '../auth/auth';
import { formatDateTime, formatSalary } from '../format';
import { useI18n } from '../i18n/i18n';

export function PostingDetail() {
  const { postingId = '' } = useParams();
  const { t, lang, label } = useI18n();
  const categories = useJobCategories();
  const state = useAsync(async () => {
    const posting = await api.posting(postingId);
    return { posting, fair: await api.fair(posting.fairId) };
  }, [postingId]);
  return (
    <Loaded state={state}>
      {({ posting, fair }) => {
        const salary = formatSalary(posting.salaryMin, posting.salaryMax, lang);
        return (
          <div className="stack">
            <p className="crumbs">
              <Link to={`/fairs/${fair.slug}`}>{fair.title}</Link> › <Link to={`/booths/${posting.boothId}`}>{posting.companyName}</Link>
            </p>
            <article className="stack">
              <header>
                <h1>{posting.title}</h1>
                <p className="lead">{posting.companyName}</p>
                {posting.status === 'closed' && <p className="status status-closed">{t('posting.closed')}</p>}
              </header>
              <dl className="facts">
                <dt>{t('posting.type')}</dt>
                <dd>{posting.employmentTypeLabel ? label(posting.employmentTypeLabel) : t(`employment.${posting.employmentType}`)}</dd>
                <dt>{t('posting.category')}</dt>
                <dd>{label(posting.jobCategoryLabel ?? categories?.jobCategories.find((c) => c.code === posting.jobCategory), posting.jobCategory)}</dd>
                <dt>{t('posting.openingsLabel')}</dt>
                <dd>{t('posting.openings', { n: posting.openings })}</dd>
                {posting.location && (
                  <>
                    <dt>{t('posting.location')}</dt>
                    <dd>{posting.location}</dd>
                  </>
                )}
                {salary && (
                  <>
                    <dt>{t('posting.salary')}</dt>
                    <dd>{salary}</dd>
                  </>
                )}
                {posting.publishedAt && (
                  <>
                    <dt>{t('posting.published')}</dt>
                    <dd>{formatDateTime(posting.publishedAt, fair.timezone, lang)}</dd>
                  </>
                )}
                {posting.closesAt && (
                  <>
                    <dt>{t('posting.closes')}</dt>
                    <dd>{formatDateTime(posting.closesAt, fair.timezone, lang)}</dd>
                  </>
                )}
              </dl>
              <div className="prose">{posting.description}</div>
            </article>
            {posting.status === 'published' && <SavePostingButton postingId={posting.id} />}
            {posting.status === 'published' && <ApplyBox postingId={posting.id} />}
          </div>
        );
      }}
    </Loaded>
  );
}

function ApplyBox({ postingId }: { postingId: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const [result, setResult] = useState<{ application?: Application; error?: unknown }>({});
  const [busy, setBusy] = useState(false);
  // A seeker who applied before sees that application's status instead of the form.
  const mine = useAsync(async () => (user?.role === 'seeker' ? (await api.myApplications()).items.find((a) => a.postingId === postingId) ?? null : null), [user?.id, postingId]);
  if (!user) {
    return (
      <p className="note note-info">
        <Link to="/signin">{t('apply.signIn')}</Link>
      </p>
    );
  }
  if (user.role !== 'seeker') return null;
  const applied = result.application ?? mine.data;
  if (applied || (result.error instanceof ApiError && result.error.code === 'ALREADY_APPLIED')) {
    return (
      <p className="note note-ok" role="status" data-testid="applied">
        {applied ? (
          <>
            {t('apply.status')} <span className={`status status-${applied.status}`}>{t(`appStatus.${applied.status}`)}</span>
          </>
        ) : (
          t('apply.done')
        )}{' '}
        <Link to="/me/applications">{t('nav.myApplications')}</Link>
      </p>
    );
  }
  if (mine.data === undefined && !mine.error) return null;
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const coverLetter = String(new FormData(e.currentTarget).get('coverLetter') ?? '').trim();
    setBusy(true);
    try {
      setResult({ application: await api.apply(postingId, coverLetter || undefined) });
    } catch (error) {
      setResult({ error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="apply-title" className="card">
      <h2 id="apply-title">{t('apply.title')}</h2>
      <p className="muted">
        {t('apply.profileHint')} <Link to="/me/profile">{t('nav.profile')}</Link>
      </p>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <div className="field">
          <label htmlFor="coverLetter">{t('apply.coverLetter')}</label>
          <textarea id="coverLetter" name="coverLetter" rows={4} maxLength={5000} />
        </div>
        <ErrorNote error={result.error} />
        <button type="submit" className="button" disabled={busy}>
          {t('apply.submit')}
        </button>
      </form>
    </section>
  );
}
