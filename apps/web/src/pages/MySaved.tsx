import { useState } from 'react';
import { api } from '../api/client';
import { ErrorNote, Loaded, OkNote, useAsync } from '../components/async';
import { PostingCard } from '../components/PostingCard';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';

/** The seeker's saved postings (스크랩), newest save first, each with its deadline (D-day) and a way to remove it. */
export function MySaved() {
  const { t, lang } = useI18n();
  const state = useAsync(() => api.savedPostings(), []);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const remove = async (postingId: string) => {
    setError(null);
    setNote(null);
    try {
      await api.unsavePosting(postingId);
      state.setData((prev) => prev && { ...prev, items: prev.items.filter((s) => s.postingId !== postingId) });
      setNote(t('saved.removedNote'));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="stack">
      <h1>{t('saved.title')}</h1>
      <p className="muted">{t('saved.lead')}</p>
      <OkNote>{note}</OkNote>
      <ErrorNote error={error} />
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('saved.none')}</p>
          ) : (
            <ul className="plain cards" data-testid="saved-postings">
              {page.items.map((s) => (
                <li key={s.postingId} className="stack" data-testid="saved-posting">
                  <PostingCard posting={s.posting} headingLevel={2} />
                  <p className="small muted">
                    {t('saved.savedOn', { date: formatDate(s.savedAt, 'Asia/Seoul', lang) })}
                    {s.posting.status === 'closed' && <> · <span className="status status-closed">{t('saved.closedNote')}</span></>}{' '}
                    <button type="button" className="button button-secondary button-small" onClick={() => void remove(s.postingId)} aria-label={t('saved.removeLabel', { posting: s.posting.title })}>
                      {t('saved.remove')}
                    </button>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}
