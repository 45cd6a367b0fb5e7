import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { EMPLOYMENT_TYPES, type Posting } from '@bisang/contracts';
import { oneOf } from '../api/parse';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { PostingCard } from '../components/PostingCard';
import { useJobCategories } from '../components/useJobCategories';
import { useI18n } from '../i18n/i18n';

export function Search() {
  const { slug = '' } = useParams();
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const categories = useJobCategories();
  const filters = { q: params.get('q') ?? '', jobCategory: params.get('jobCategory') ?? '', employmentType: oneOf(EMPLOYMENT_TYPES, params.get('employmentType')) };
  const [more, setMore] = useState<{ items: Posting[]; cursor: string | null; error: unknown }>({ items: [], cursor: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const state = useAsync(async () => {
    const fair = await api.fair(slug);
    const page = await api.postings(fair.id, filters);
    setMore({ items: [], cursor: page.nextCursor, error: null });
    return { fair, first: page.items };
  }, [slug, filters.q, filters.jobCategory, filters.employmentType]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['q', 'jobCategory', 'employmentType']) {
      const v = String(form.get(key) ?? '').trim();
      if (v) next.set(key, v);
    }
    setParams(next);
  };

  const loadMore = async (fairId: string) => {
    if (!more.cursor) return;
    setLoadingMore(true);
    try {
      const page = await api.postings(fairId, { ...filters, cursor: more.cursor });
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor, error: null }));
    } catch (error) {
      setMore((m) => ({ ...m, error }));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="stack">
      <h1>{t('search.title')}</h1>
      <form className="filters" role="search" onSubmit={submit} key={params.toString()}>
        <div className="field">
          <label htmlFor="q">{t('search.q')}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t('search.qPlaceholder')} />
        </div>
        <div className="field">
          <label htmlFor="jobCategory">{t('search.category')}</label>
          <select id="jobCategory" name="jobCategory" defaultValue={filters.jobCategory}>
            <option value="">{t('search.any')}</option>
            {categories?.jobCategories.map((c) => (
              <option key={c.code} value={c.code}>
                {label(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="employmentType">{t('search.type')}</label>
          <select id="employmentType" name="employmentType" defaultValue={filters.employmentType ?? ''}>
            <option value="">{t('search.any')}</option>
            {categories?.employmentTypes.map((c) => (
              <option key={c.code} value={c.code}>
                {label(c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </form>
      <Loaded state={state}>
        {({ fair, first }) => {
          const items = [...first, ...more.items];
          return (
            <section aria-labelledby="results-title">
              <p className="crumbs">
                <Link to={`/fairs/${fair.slug}`}>{fair.title}</Link>
              </p>
              <h2 id="results-title" aria-live="polite">
                {t('search.results', { n: items.length })}
                {more.cursor ? '+' : ''}
              </h2>
              {items.length === 0 && <p className="muted">{t('search.none')}</p>}
              <div className="cards">
                {items.map((p) => (
                  <PostingCard key={p.id} posting={p} />
                ))}
              </div>
              <ErrorNote error={more.error} />
              {more.cursor && (
                <button type="button" className="button button-secondary" onClick={() => void loadMore(fair.id)} disabled={loadingMore}>
                  {loadingMore ? t('common.loading') : t('search.more')}
                </button>
              )}
            </section>
          );
        }}
      </Loaded>
    </div>
  );
}
