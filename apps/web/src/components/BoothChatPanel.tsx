import { useCallback, useEffect, useState } from 'react';
import type { Chat, QueuePosition } from '@bisang/contracts';
import { ApiError, api } from '../api/client';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { useBoothChatEvents, useResync } from '../realtime/hooks';
import { openChats } from '../realtime/open-chats';
import { ErrorNote, useAsync } from './async';
import { ChatView } from './ChatView';

/** The seeker's side of booth chat: the consent notice, "talk to a recruiter", their place and estimate, then the chat. */
export function BoothChatPanel({ boothId, companyName }: { boothId: string; companyName: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const state = useAsync(async () => {
    const [place, chats] = await Promise.all([
      api.queuePosition(boothId).catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
      api.myChats(),
    ]);
    const chat = chats.items.find((c) => c.boothId === boothId && c.kind === 'live' && c.endedAt === null) ?? null;
    return { place: place as QueuePosition | null, chat: chat as Chat | null };
  }, [boothId]);
  useResync(state.reload);
  const [live, setLive] = useState<QueuePosition | null>(null);
  useBoothChatEvents((e) => {
    if (e.type === 'queue' && e.data.boothId === boothId) setLive({ position: e.data.position, etaSeconds: e.data.etaSeconds });
    if (e.type === 'started' && e.data.boothId === boothId) state.reload();
  });
  const ended = useCallback(() => undefined, []);
  // A chat found open on load: a late "you're next" for this booth is stale (see NotificationToasts).
  const openChat = state.data?.chat ?? null;
  useEffect(() => {
    if (openChat && openChat.endedAt === null) openChats.opened(openChat.id, openChat.boothId);
  }, [openChat]);
  if (!user || user.role !== 'seeker' || !state.data) return null;
  const place = live ?? state.data.place;
  const chat = state.data.chat;

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setLive(null);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="card stack" aria-labelledby="booth-chat" data-testid="booth-chat">
      <h2 id="booth-chat">{t('chat.title')}</h2>
      <ErrorNote error={error} />
      {chat ? (
        <ChatView chat={chat} meId={user.id} title={t('chat.with', { company: companyName })} onEnded={ended} />
      ) : place ? (
        <>
          <p className="lead" role="status" aria-live="polite" data-testid="queue-position">
            {t('chat.position', { n: place.position })}{' '}
            {place.etaSeconds === null ? t('chat.etaUnknown') : t('chat.eta', { minutes: Math.max(1, Math.round(place.etaSeconds / 60)) })}
          </p>
          <p className="small muted">{t('chat.consentActive', { company: companyName })}</p>
          <button type="button" className="button button-secondary" onClick={() => void act(() => api.leaveQueue(boothId))}>
            {t('chat.leave')}
          </button>
        </>
      ) : (
        <>
          <p className="note note-info">{t('chat.consent', { company: companyName })}</p>
          <button type="button" className="button" onClick={() => void act(() => api.joinQueue(boothId))}>
            {t('chat.start')}
          </button>
        </>
      )}
    </section>
  );
}
