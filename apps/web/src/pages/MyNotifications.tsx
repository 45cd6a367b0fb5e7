import type { NotificationEvent, NotificationType } from '@bisang/realtime-events';
import { api } from '../api/client';
import type { StoredNotification } from '../api/types';
import { Loaded, useAsync } from '../components/async';
import { notificationText } from '../components/NotificationToasts';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useNotifications } from '../realtime/hooks';

const asEvent = (n: StoredNotification): NotificationEvent => ({ id: n.id, type: n.type as NotificationType, at: n.at ?? n.createdAt ?? '', data: n.data });

/** Stored notifications, newest first; new ones arrive live; opening one marks it read. */
export function MyNotifications() {
  const { t, lang } = useI18n();
  const state = useAsync(() => api.notifications(), []);
  useNotifications(() => state.reload());
  const markRead = async (n: StoredNotification) => {
    if (n.readAt) return;
    await api.markNotificationRead(n.id).catch(() => undefined);
    state.setData((prev) => prev && { ...prev, items: prev.items.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)) });
  };
  return (
    <div className="stack">
      <h1>{t('notifications.title')}</h1>
      <Loaded state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="muted">{t('notifications.none')}</p>
          ) : (
            <ul className="plain cards">
              {page.items.map((n) => (
                <li key={n.id} className={`card${n.readAt ? '' : ' unread'}`}>
                  <p className="card-title">{notificationText(asEvent(n), t)}</p>
                  {(n.at ?? n.createdAt) && <p className="small muted">{formatDateTime((n.at ?? n.createdAt)!, 'Asia/Seoul', lang)}</p>}
                  {!n.readAt && (
                    <button type="button" className="button button-small button-secondary" onClick={() => void markRead(n)}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}
