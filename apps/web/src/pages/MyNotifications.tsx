import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { StoredNotification, UserRole } from '@bisang/contracts';
import { useAuth } from '../auth/auth';
import { ErrorNote, Loaded, useAsync } from '../components/async';
import { notificationText } from '../components/NotificationToasts';
import { EnterRoom } from '../components/EnterRoom';
import { unreadCount } from '../components/unread';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications, useResync } from '../realtime/hooks';


/**
 * Where a notification leads, for its reader's role (never to a page they may not open): the booth console for
 * a recruiter (new applicants, answered offers, interview bookings), the coach's sessions for a coach, the
 * seeker's applications or bookings for a seeker.
 */
const linkOf = (n: StoredNotification, role: UserRole | undefined): string | null => {
  if (role === 'recruiter') return n.type.startsWith('application.') || n.type.startsWith('booking.') || n.type === 'pool.chat_accepted' ? '/recruiter' : null;
  if (role === 'coach') return n.type.startsWith('booking.') ? '/coach' : null;
  if (n.type === 'booking.session_open') return `/rooms/${n.data.bookingId}`;
  if (role !== 'seeker') return null;
  if (n.type === 'posting.deadline_soon') return `/postings/${n.data.postingId}`;
  if (n.type.startsWith('application.') || n.type.startsWith('hire.')) return '/me/applications';
  if (n.type.startsWith('pool.') || n.type === 'introduction.received') return '/me/profile#talent-pool';
  return n.type.startsWith('booking.') ? '/me/bookings' : null;
};

/** Stored notifications, newest first (also those that came while offline); new ones arrive live. */
export function MyNotifications() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
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
                  const to = linkOf(n, user?.role);
                  return (
                    <li key={n.id} className={`card${n.readAt ? '' : ' unread'}`} data-testid="notification" data-read={n.readAt ? 'yes' : 'no'}>
                      <p className="card-title">
                        {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                        {to ? (
                          // Opening a notification reads it.
                          <Link to={to} onClick={() => !n.readAt && void api.markNotificationRead(n.id).then(() => unreadCount.refresh(), () => undefined)}>
                            {notificationText(n, t, lang)}
                          </Link>
                        ) : (
                          notificationText(n, t, lang)
                        )}
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
