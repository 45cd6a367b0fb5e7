import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { ErrorNote } from '../components/async';
import { useI18n } from '../i18n/i18n';

/** Where the web app sends an organizer to open the queue dashboard (and where the dashboard sends a browser back to). */
export const QUEUE_DASHBOARD_ENTRY = '/organizer/queues';

/**
 * Opens the queue dashboard: a browser cannot carry the Bearer token to /admin/queues, so the signed-in organizer's
 * token is traded for the dashboard's short-lived cookie (POST /admin/queues/session), then the page goes there.
 */
export function OpenQueueDashboard() {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    api.openQueueDashboard().then(
      (session) => !cancelled && window.location.replace(session.dashboard),
      (err: unknown) => !cancelled && setError(err),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <div className="narrow stack">
      <h1>{t('org.queues')}</h1>
      {error ? <ErrorNote error={error} /> : <p role="status">{t('org.queuesOpening')}</p>}
    </div>
  );
}
