import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useAuth } from '../auth/auth';
import { ErrorNote, Loaded, OkNote, useAsync } from '../components/async';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';

/**
 * The public company page: logo, name and the verified badge, introduction, benefits, where people work, photos.
 * The company's staff get a link to edit it; an organizer can confirm the business-registration number.
 */
export function CompanyPage() {
  const { companyId = '' } = useParams();
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const state = useAsync(async () => {
    const [page, mine] = await Promise.all([
      api.companyPage(companyId),
      user?.role === 'recruiter' ? api.myCompanies().catch(() => []) : Promise.resolve([]),
    ]);
    return { page, isStaff: mine.some((c) => c.id === companyId) };
  }, [companyId, user?.id]);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = async () => {
    setError(null);
    try {
      const page = await api.verifyBusinessNumber(companyId);
      state.setData((prev) => prev && { ...prev, page });
      setNote(t('company.verifiedDone'));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Loaded state={state}>
      {({ page, isStaff }) => (
        <div className="stack">
          <section className="hero" aria-labelledby="company-name">
            <div className="company-head">
              {page.logo && <img className="company-logo" src={page.logo.url} alt={t('company.logoAlt', { name: page.name })} width={72} height={72} />}
              <div>
                <h1 id="company-name">{page.name}</h1>
                {page.businessNumberVerified && (
                  <p className="verified" data-testid="verified-badge" title={t('company.verifiedHint')}>
                    <span aria-hidden="true">✓ </span>
                    {t('company.verified')}
                  </p>
                )}
              </div>
            </div>
            {isStaff && (
              <p>
                <Link className="button button-secondary" to={`/companies/${page.id}/edit`}>
                  {t('company.edit')}
                </Link>
              </p>
            )}
          </section>
          <section aria-labelledby="company-facts" className="card">
            <h2 id="company-facts" className="visually-hidden">
              {t('company.facts')}
            </h2>
            <dl className="facts">
              {page.industry && (
                <>
                  <dt>{t('company.industry')}</dt>
                  <dd>{page.industry}</dd>
                </>
              )}
              {page.size && (
                <>
                  <dt>{t('company.size')}</dt>
                  <dd>{page.size}</dd>
                </>
              )}
              {page.region && (
                <>
                  <dt>{t('company.region')}</dt>
                  <dd>{page.region}</dd>
                </>
              )}
              {page.location && (
                <>
                  <dt>{t('company.location')}</dt>
                  <dd data-testid="company-location">{page.location}</dd>
                </>
              )}
              {page.businessNumber && (
                <>
                  <dt>{t('company.businessNumber')}</dt>
                  <dd data-testid="business-number">
                    {page.businessNumber}{' '}
                    {page.businessNumberVerified && page.businessNumberVerifiedAt ? (
                      <span className="muted small">({t('company.verifiedOn', { date: formatDate(page.businessNumberVerifiedAt, 'Asia/Seoul', lang) })})</span>
                    ) : (
                      <span className="muted small">({t('company.unverified')})</span>
                    )}
                  </dd>
                </>
              )}
            </dl>
            {user?.role === 'organizer' && page.businessNumber && !page.businessNumberVerified && (
              <p>
                <button type="button" className="button" onClick={() => void verify()}>
                  {t('company.verify')}
                </button>
              </p>
            )}
            <OkNote>{note}</OkNote>
            <ErrorNote error={error} />
          </section>
          <section aria-labelledby="company-intro">
            <h2 id="company-intro">{t('company.introduction')}</h2>
            {page.introduction ? <p className="prose" data-testid="company-introduction">{page.introduction}</p> : <p className="muted">{t('company.noIntro')}</p>}
          </section>
          {page.benefits.length > 0 && (
            <section aria-labelledby="company-benefits">
              <h2 id="company-benefits">{t('company.benefits')}</h2>
              <ul className="tags" data-testid="company-benefits">
                {page.benefits.map((b) => (
                  <li key={b} className="tag">
                    {b}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {page.photos.length > 0 && (
            <section aria-labelledby="company-photos">
              <h2 id="company-photos">{t('company.photos')}</h2>
              <ul className="photos">
                {page.photos.map((p, i) => (
                  <li key={p.id}>
                    <img src={p.url} alt={t('company.photoAlt', { name: page.name, n: i + 1 })} loading="lazy" />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </Loaded>
  );
}
