import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { Loaded, useAsync } from '../components/async';
import { useI18n } from '../i18n/i18n';

export function BoothList() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const state = useAsync(async () => {
    const fair = await api.fair(slug);
    return { fair, booths: (await api.booths(fair.id)).items };
  }, [slug]);
  return (
    <Loaded state={state}>
      {({ fair, booths }) => (
        <div className="stack">
          <p className="crumbs">
            <Link to={`/fairs/${fair.slug}`}>{fair.title}</Link>
          </p>
          <h1>{t('booths.title')}</h1>
          {booths.length === 0 ? (
            <p className="muted">{t('booths.none')}</p>
          ) : (
            <ul className="plain cards grid">
              {booths.map((b) => (
                <li key={b.id} className="card" data-testid="booth-card">
                  <h2 className="card-title">
                    <Link to={`/booths/${b.id}`}>{b.companyName}</Link>
                  </h2>
                  <p>{b.headline}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Loaded>
  );
}
