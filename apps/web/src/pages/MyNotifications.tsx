import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { StoredNotification } from '@bisang/contracts';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { notificationText } from '../components/NotificationToasts';
import { EnterRoom } from '../components/EnterRoom';
import { unreadCount } from '../components/unread';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';


/** Where a notification leads: the booth console for a new applicant, the applications page for application and hire news, bookings for coaching. */
const linkOf = (n: StoredNotification): string | null =>
  n.type === 'booking.session_open'
    ? `/rooms/${n.data.bookingId}`
    : n.type === 'application.received'
    ? '/recruiter'
    : n.type.startsWith('application.') || n.type.startsWith('hire.') ? '/me/applications' : n.type.startsWith('booking.') ? '/me/bookings' : null;

/** Stored notifications, newest first (also those that came while offline); new ones arrive live. */
export function MyNotifications() {
  const { t, lang } = useI18n();
  const state = useAsync(() => api.notifications(), []);
  const [error, setError] = useState<unknown>(null);
  useNotifications(() => state.reload());
  useResync(state.reload);
  const markRead = async (n: StoredNotification) => {
    setError(null);
    try {
      const read = await api.markNotificationRead(n.id);
      state.setData((prev) => prev && { ...prev, unreadCount: Math.max(0, prev.unreadCount - 1), items: prev.items.map((x) => (x.id === n.id ? read : x)) });
      void unreadCount.refresh();
    } catch (err) {
      setError(err);
    }
  };
  const markAll = async () => {
    setError(null);
    try {
      const { unreadCount: left } = await api.markAllNotificationsRead();
      const now = new Date().toISOString();
      state.setData((prev) => prev && { ...prev, unreadCount: left, items: prev.items.map((x) => (x.readAt ? x : { ...x, readAt: now })) });
      unreadCount.set(left);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="stack">
      <h1>{t('notifications.title')}</h1>
      <div aria-live="polite">
        <ErrorNote error={error} />
      </div>
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('notifications.none')}</p>
          ) : (
            <>
              <p className="actions">
                <span data-testid="unread-total">{t('notifications.unreadN', { n: page.unreadCount })}</span>
                {page.unreadCount > 0 && (
                  <button type="button" className="button button-small button-secondary" onClick={() => void markAll()}>
                    {t('notifications.markAll')}
                  </button>
                )}
              </p>
              <ul className="plain cards">
                {page.items.map((n) => {
                  const to = linkOf(n);
                  return (
                    <li key={n.id} className={`card${n.readAt ? '' : ' unread'}`} data-testid="notification" data-read={n.readAt ? 'yes' : 'no'}>
                      <p className="card-title">
                        {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                        {to ? <Link to={to}>{notificationText(n, t)}</Link> : notificationText(n, t)}
                      </p>
                      <p className="small muted">{formatDateTime(n.at, 'Asia/Seoul', lang)}</p>
                      {(n.type === 'booking.session_open' || n.type === 'booking.reminder') && (
                        <p>
                          <EnterRoom booking={{ id: n.data.bookingId, status: 'confirmed', startsAt: n.data.startsAt, endsAt: n.data.endsAt }} />
                        </p>
                      )}
                      {!n.readAt && (
                        <button type="button" className="button button-small button-secondary" onClick={() => void markRead(n)}>
                          {t('notifications.markRead')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )
        }
      </Loaded>
    </div>
  );
}
