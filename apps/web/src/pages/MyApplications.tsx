import { Link } from 'react-router';
import { api } from '../api/client';
import { Loaded, useAsync } from '../components/async';
import { useI18n } from '../i18n/i18n';
import { useNotifications } from '../realtime/hooks';

export function MyApplications() {
  const { t } = useI18n();
  const state = useAsync(() => api.myApplications(), []);
  // Status changes arrive live; the list is read again so it shows the new status without a reload.
  useNotifications((e) => e.type === 'application.status_changed' && state.reload());
  return (
    <div className="stack">
      <h1>{t('applications.title')}</h1>
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('applications.none')}</p>
          ) : (
            <ul className="plain cards">
              {page.items.map((a) => (
                <li key={a.id} className="card" data-testid="application" data-status={a.status}>
                  <p className="card-title">
                    <Link to={`/postings/${a.postingId}`}>{a.postingTitle ?? a.posting?.title ?? t('applications.posting')}</Link>
                  </p>
                  {(a.companyName ?? a.posting?.companyName) && <p className="company">{a.companyName ?? a.posting?.companyName}</p>}
                  <p>
                    <span className={`status status-${a.status}`}>{t(`appStatus.${a.status}`)}</span>
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
