import { Link } from 'react-router';
import { api } from '../api/client';
import { Loaded, useAsync } from '../components/async';
import { daysLeft, fairsLiveFirst, formatDate } from '../format';
import { useI18n } from '../i18n/i18n';

export function FairsIndex() {
  const { t, lang } = useI18n();
  const state = useAsync(() => api.fairs(), []);
  return (
    <div className="stack">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </section>
      <section aria-labelledby="fairs-title">
        <h2 id="fairs-title">{t('home.fairs')}</h2>
        <Loaded state={state}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{t('home.noFairs')}</p>
            ) : (
              <ul className="plain cards">
                {fairsLiveFirst(page.items).map((f) => (
                  <li key={f.id} className="card" data-testid="fair-card">
                    <h3 className="card-title">
                      <Link to={`/fairs/${f.slug}`}>{f.title}</Link>
                    </h3>
                    <p className="muted">
                      {formatDate(f.startsAt, f.timezone, lang)} – {formatDate(f.endsAt, f.timezone, lang)}
                    </p>
                    <p>
                      <span className={`status status-${f.status}`}>{t(`fairStatus.${f.status}`)}</span>{' '}
                      {f.status === 'live' && t('fair.daysLeft', { n: daysLeft(f.endsAt) })}
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </div>
  );
}
