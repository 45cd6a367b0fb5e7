import { useState, type FormEvent } from 'react';
import type { Booth, Fair, Page, PooledSeeker, Posting, TalentPoolQuery } from '@bisang/contracts';
import { EDUCATION_LEVELS } from '@bisang/contracts';
import { api } from '../api/client';
import { oneOf } from '../api/parse';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, Loaded, useAsync } from './async';
import { useJobCategories } from './useJobCategories';

/**
 * A search of the fair's talent pool (seekers who opened their profile). For a booth's staff (`booth`): an invitation
 * to apply to one of the booth's open postings, or to chat at the booth. For the centre's counsellors (`onPick`,
 * organizers): the same filters, and picking a seeker to introduce. The seeker's name shows only if they chose so.
 */
export function TalentPoolSearch({ fair, booth, onPick }: { fair: Fair; booth?: Booth; onPick?: (seeker: PooledSeeker) => void }) {
  const { t, label } = useI18n();
  const categories = useJobCategories();
  const [query, setQuery] = useState<TalentPoolQuery>({});
  const [pages, setPages] = useState<PooledSeeker[]>([]);
  const state = useAsync<Page<PooledSeeker>>(async () => {
    const page = await api.talentPool(fair.id, query);
    setPages([]);
    return page;
  }, [fair.id, JSON.stringify(query)]);
  const postings = useAsync<Posting[]>(async () => (booth ? (await api.boothPostings(booth.id)).filter((p) => p.status === 'published') : []), [booth?.id]);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<Record<string, string>>({});

  const search = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const years = String(data.get('minCareerYears') ?? '').trim();
    const uturn = String(data.get('uturn'));
    setQuery({
      jobCategory: String(data.get('jobCategory')) || undefined,
      region: String(data.get('region')).trim() || undefined,
      uturn: uturn === 'true' ? true : uturn === 'false' ? false : undefined,
      minCareerYears: years === '' ? undefined : Number(years),
      education: oneOf(EDUCATION_LEVELS, String(data.get('education'))),
    });
  };
  const more = async (cursor: string) => {
    try {
      const page = await api.talentPool(fair.id, { ...query, cursor });
      setPages((prev) => [...prev, ...(state.data?.items ?? [])]);
      state.setData(() => page);
    } catch (err) {
      setError(err);
    }
  };
  const invite = async (e: FormEvent<HTMLFormElement>, seekerId: string) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setError(null);
    try {
      await api.inviteFromPool(fair.id, seekerId, { postingId: String(data.get('postingId')), message: String(data.get('message')).trim() || undefined });
      setSent((s) => ({ ...s, [seekerId]: t('poolSearch.invited') }));
    } catch (err) {
      setError(err);
    }
  };
  const inviteToChat = async (form: HTMLFormElement | null, seekerId: string) => {
    if (!booth || !form) return;
    const message = String(new FormData(form).get('message') ?? '').trim();
    setError(null);
    try {
      await api.inviteToChatFromPool(fair.id, seekerId, { boothId: booth.id, message: message || undefined });
      setSent((s) => ({ ...s, [seekerId]: t('poolSearch.invitedChat') }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="card stack" aria-labelledby="pool-search-title" data-testid="pool-search">
      <h2 id="pool-search-title">{t('poolSearch.title')}</h2>
      <p className="muted">{booth ? t('poolSearch.hint') : t('poolSearch.organizerHint')}</p>
      {booth && <p className="muted small">{t('poolSearch.chatHint')}</p>}
      <form className="form-grid" onSubmit={search} role="search" aria-label={t('poolSearch.title')}>
        <div className="field">
          <label htmlFor="ps-category">{t('profile.categories')}</label>
          <select id="ps-category" name="jobCategory" defaultValue="">
            <option value="">{t('poolSearch.any')}</option>
            {categories?.jobCategories.map((c) => (
              <option key={c.code} value={c.code}>
                {label(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ps-region">{t('rec.region')}</label>
          <input id="ps-region" name="region" maxLength={100} placeholder="수성구" />
        </div>
        <div className="field">
          <label htmlFor="ps-years">{t('poolSearch.minYears')}</label>
          <input id="ps-years" name="minCareerYears" type="number" min={0} max={60} inputMode="numeric" />
        </div>
        <div className="field">
          <label htmlFor="ps-education">{t('profile.education')}</label>
          <select id="ps-education" name="education" defaultValue="">
            <option value="">{t('poolSearch.any')}</option>
            {EDUCATION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`education.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ps-uturn">{t('poolSearch.uturn')}</label>
          <select id="ps-uturn" name="uturn" defaultValue="">
            <option value="">{t('poolSearch.any')}</option>
            <option value="true">{t('poolSearch.uturnOnly')}</option>
            <option value="false">{t('poolSearch.uturnNot')}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t('poolSearch.search')}
        </button>
      </form>
      <ErrorNote error={error} />
      <Loaded state={state}>
        {(page) => {
          const seekers = [...pages, ...page.items];
          return seekers.length === 0 ? (
            <p className="muted">{t('poolSearch.none')}</p>
          ) : (
            <>
              <ul className="plain stack" data-testid="pool-results">
                {seekers.map((s) => (
                  <li key={s.seekerId} className="card" data-testid="pool-seeker">
                    <h3 className="card-title">{s.name ?? t('poolSearch.hiddenName')}</h3>
                    <ul className="tags" aria-label={t('poolSearch.facts')}>
                      {s.age !== null && <li className="tag">{t('rec.age', { age: s.age })}</li>}
                      {s.region && <li className="tag">{s.region}</li>}
                      {s.careerYears !== null && <li className="tag">{t('poolSearch.years', { n: s.careerYears })}</li>}
                      {s.education && <li className="tag">{t(`education.${s.education}`)}</li>}
                      {s.uturn && <li className="tag">{t('poolSearch.uturnTag')}</li>}
                      {s.jobCategories.map((code) => (
                        <li key={code} className="tag">
                          {label(categories?.jobCategories.find((c) => c.code === code), code)}
                        </li>
                      ))}
                    </ul>
                    {!booth ? (
                      onPick && (
                        <button type="button" className="button button-secondary" onClick={() => onPick(s)}>
                          {t('poolSearch.introduce')}
                        </button>
                      )
                    ) : sent[s.seekerId] ? (
                      <p className="note note-ok" role="status">
                        {sent[s.seekerId]}
                      </p>
                    ) : (
                      <Loaded state={postings}>
                        {(open) => (
                          <form
                            className="inline-form"
                            onSubmit={(e) => {
                              // Without an open posting, Enter sends the one invitation there is: to chat.
                              if (open.length > 0) return void invite(e, s.seekerId);
                              e.preventDefault();
                              void inviteToChat(e.currentTarget, s.seekerId);
                            }}
                          >
                            {open.length === 0 ? (
                              <p className="muted">{t('poolSearch.noPostings')}</p>
                            ) : (
                              <>
                                <label htmlFor={`inv-${s.seekerId}`}>{t('poolSearch.posting')}</label>
                                <select id={`inv-${s.seekerId}`} name="postingId">
                                  {open.map((p) => (
                                    <option key={p.id} value={p.id}>
                                      {p.title}
                                    </option>
                                  ))}
                                </select>
                              </>
                            )}
                            <label htmlFor={`msg-${s.seekerId}`}>{t('poolSearch.message')}</label>
                            <input id={`msg-${s.seekerId}`} name="message" maxLength={1000} />
                            {open.length > 0 && (
                              <button type="submit" className="button button-secondary">
                                {t('poolSearch.invite')}
                              </button>
                            )}
                            <button type="button" className="button button-secondary" onClick={(e) => void inviteToChat(e.currentTarget.form, s.seekerId)}>
                              {t('poolSearch.inviteChat')}
                            </button>
                          </form>
                        )}
                      </Loaded>
                    )}
                  </li>
                ))}
              </ul>
              {page.nextCursor && (
                <button type="button" className="button button-secondary" onClick={() => void more(page.nextCursor!)}>
                  {t('poolSearch.more')}
                </button>
              )}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
