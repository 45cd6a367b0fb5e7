import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { EMPLOYMENT_TYPES, POSTING_SORTS, type Posting } from '@bisang/contracts';
import { oneOf } from '../api/parse';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { PostingCard } from '../components/PostingCard';
import { useJobCategories } from '../components/useJobCategories';
import { useI18n } from '../i18n/i18n';

/** Regions offered in the filter: Daegu's districts and the commuting area (any other region in the address still works). */
const REGIONS = ['대구', '대구 중구', '대구 동구', '대구 서구', '대구 남구', '대구 북구', '대구 수성구', '대구 달서구', '대구 달성군', '대구 군위군', '경산', '구미', '영천', '칠곡', '고령', '성주', '청도'];

/** Filters unfold by themselves on a wide screen; on a phone they fold away under their summary. */
const wideScreen = () => typeof window !== 'undefined' && window.matchMedia('(min-width: 48rem)').matches;

export function Search() {
  const { slug = '' } = useParams();
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const categories = useJobCategories();
  const filters = {
    q: params.get('q') ?? '',
    region: params.get('region') ?? '',
    jobCategory: params.get('jobCategory') ?? '',
    employmentType: oneOf(EMPLOYMENT_TYPES, params.get('employmentType')),
    sort: oneOf(POSTING_SORTS, params.get('sort')),
  };
  const query = {
    q: filters.q || undefined,
    region: filters.region || undefined,
    jobCategory: filters.jobCategory || undefined,
    employmentType: filters.employmentType,
    sort: filters.sort,
  };
  const [filtersOpen, setFiltersOpen] = useState(wideScreen);
  const regions = filters.region && !REGIONS.includes(filters.region) ? [filters.region, ...REGIONS] : REGIONS;
  const [more, setMore] = useState<{ items: Posting[]; cursor: string | null; error: unknown }>({ items: [], cursor: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const state = useAsync(async () => {
    const fair = await api.fair(slug);
    const page = await api.postings(fair.id, query);
    setMore({ items: [], cursor: page.nextCursor, error: null });
    return { fair, first: page.items };
  }, [slug, filters.q, filters.region, filters.jobCategory, filters.employmentType, filters.sort]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['q', 'region', 'jobCategory', 'employmentType', 'sort']) {
      const v = String(form.get(key) ?? '').trim();
      if (v) next.set(key, v);
    }
    setParams(next);
  };

  const loadMore = async (fairId: string) => {
    if (!more.cursor) return;
    setLoadingMore(true);
    try {
      const page = await api.postings(fairId, { ...query, cursor: more.cursor });
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
        <details className="filter-fold" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
          <summary>{t('search.filters')}</summary>
          <div className="filter-fields">
            <div className="field">
              <label htmlFor="region">{t('search.region')}</label>
              <select id="region" name="region" defaultValue={filters.region}>
                <option value="">{t('search.any')}</option>
                {regions.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
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
            <div className="field">
              <label htmlFor="sort">{t('search.sort')}</label>
              <select id="sort" name="sort" defaultValue={filters.sort ?? 'newest'}>
                <option value="newest">{t('search.sortNewest')}</option>
                <option value="deadline">{t('search.sortDeadline')}</option>
              </select>
            </div>
          </div>
        </details>
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </form>
      <Loaded state={state}>
        {({ fair, first }) => {
          const items = [...first, ...more.items];
          return (
            <section aria-labelledby="results-title" aria-busy={state.loading} className={state.loading ? 'results loading' : 'results'}>
              <p className="crumbs">
                <Link to={`/fairs/${fair.slug}`}>{fair.title}</Link>
              </p>
              <h2 id="results-title" aria-live="polite">
                {t('search.results', { n: items.length })}
                {more.cursor ? '+' : ''}
              </h2>
              {state.loading && (
                <p className="muted searching" role="status" data-testid="search-loading">
                  {t('search.searching')}
                </p>
              )}
              {!state.loading && items.length === 0 && <p className="muted">{t('search.none')}</p>}
              <div className="cards">
                {items.map((p) => (
                  <PostingCard key={p.id} posting={p} timeZone={fair.timezone} />
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
