import { Link } from 'react-router';
import type { Recommendations as RecommendationList } from '@bisang/contracts';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Loaded, useAsync } from './async';
import { PostingCard } from './PostingCard';

/** "추천 공고" on the fair home for a signed-in seeker: postings that fit their profile, each with why. */
export function Recommendations({ fairId }: { fairId: string }) {
  const { t } = useI18n();
  const state = useAsync<RecommendationList>(() => api.recommendations(fairId), [fairId]);
  return (
    <section aria-labelledby="rec-title" className="recommendations" data-testid="recommendations">
      <h2 id="rec-title">{t('match.title')}</h2>
      <p className="muted">{t('match.hint')}</p>
      <Loaded state={state}>
        {(data) => {
          const fitting = data.items.filter((r) => r.reasons.length > 0);
          if (!fitting.length) {
            return (
              <p className="muted">
                {t('match.empty')} <Link to="/me/profile">{t('match.profileLink')}</Link>
              </p>
            );
          }
          return (
            <div className="cards">
              {fitting.map((r) => (
                <div key={r.posting.id} className="recommendation" data-testid="recommendation">
                  <PostingCard posting={r.posting} />
                  <p className="reasons">
                    <span className="visually-hidden">{t('match.why')}: </span>
                    {r.reasons.join(' · ')}
                  </p>
                </div>
              ))}
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}
