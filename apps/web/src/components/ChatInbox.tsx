import { useCallback, useState, type FormEvent } from 'react';
import type { Booth } from '@bisang/contracts';
import { api } from '../api/client';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { fairSocket } from '../realtime/fair-socket';
import { useBoothChatEvents, useResync } from '../realtime/hooks';
import { ErrorNote, useAsync } from './async';
import { ChatDesk } from './ChatDesk';
import { ChatView } from './ChatView';
import { useJobCategories } from './useJobCategories';

/** The booth console's chat inbox: go online with a capacity, the waiting line, "take next", up to 4 chats side by side. */
export function ChatInbox({ booth }: { booth: Booth }) {
  const { t, label } = useI18n();
  const { user } = useAuth();
  const categories = useJobCategories();
  const [capacity, setCapacity] = useState(2);
  const [online, setOnline] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [unread, setUnread] = useState<Record<string, number>>({});
  const state = useAsync(async () => {
    const [queue, chats, settings] = await Promise.all([api.staffQueue(booth.id), api.myChats(), api.boothChatSettings(booth.id)]);
    return {
      queue: queue.items,
      chats: chats.items.filter((c) => c.boothId === booth.id && c.endedAt === null && c.kind === 'live'),
      chatMinutes: settings.chatMinutes,
    };
  }, [booth.id]);
  useResync(state.reload);
  useBoothChatEvents((e) => {
    if (e.type === 'started' || e.type === 'ended') state.reload();
  });
  const onUnread = useCallback((chatId: string, n: number) => setUnread((u) => (u[chatId] === n ? u : { ...u, [chatId]: n })), []);

  const toggle = async () => {
    setError(null);
    const ack = await fairSocket.setOnline(booth.id, online ? null : capacity);
    if (ack.ok) setOnline(!online);
    else setError(new Error(ack.message ?? ack.code));
  };
  const takeNext = async () => {
    setError(null);
    setNote(null);
    try {
      const chat = await api.takeNextChat(booth.id);
      if (!chat) setNote(t('inbox.nobody'));
      state.reload();
    } catch (err) {
      setError(err);
    }
  };

  const saveMinutes = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setNote(null);
    try {
      await api.setBoothChatSettings(booth.id, Number(new FormData(e.currentTarget).get('chatMinutes')));
      setNote(t('inbox.saved'));
    } catch (err) {
      setError(err);
    }
  };

  if (!user) return null;
  const totalUnread = Object.values(unread).reduce((a, b) => a + b, 0);
  return (
    <section className="card stack" aria-labelledby="chat-inbox" data-testid="chat-inbox">
      <h2 id="chat-inbox">
        {t('inbox.title')} {totalUnread > 0 && <span className="tag">{t('chat.unread', { n: totalUnread })}</span>}
      </h2>
      <div className="actions">
        <label className="field inline-field">
          <span>{t('inbox.capacity')}</span>
          <select value={capacity} disabled={online} onChange={(e) => setCapacity(Number(e.target.value))}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={online ? 'button button-secondary' : 'button'} aria-pressed={online} onClick={() => void toggle()}>
          {online ? t('inbox.goOffline') : t('inbox.goOnline')}
        </button>
        <button type="button" className="button" disabled={!online} onClick={() => void takeNext()}>
          {t('inbox.takeNext')}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={state.reload}>
          {t('inbox.refresh')}
        </button>
      </div>
      <ErrorNote error={error} />
      {note && (
        <p className="note note-info" role="status">
          {note}
        </p>
      )}
      {state.data && (
        <>
          <h3 className="small-title">{t('inbox.waiting', { n: state.data.queue.length })}</h3>
          {state.data.queue.length === 0 ? (
            <p className="muted">{t('inbox.empty')}</p>
          ) : (
            <ol className="plain stack" data-testid="waiting-list">
              {state.data.queue.map((w) => (
                <li key={w.entryId} className="queue-preview">
                  <strong>{w.seeker.name}</strong>
                  {w.awaySince && <span className="tag">{t('inbox.away')}</span>}
                  <span className="small muted">
                    {[
                      w.preview.age !== null ? t('rec.age', { age: w.preview.age }) : null,
                      w.preview.region,
                      w.preview.careerYears !== null ? t('poolSearch.years', { n: w.preview.careerYears }) : null,
                      w.preview.education ? t(`education.${w.preview.education}`) : null,
                      w.preview.uturn ? t('poolSearch.uturnTag') : null,
                      ...w.preview.jobCategories.map((code) => label(categories?.jobCategories.find((c) => c.code === code), code)),
                      w.preview.hasResume ? t('inbox.hasResume') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <div className="stack">
            {state.data.chats.map((c) => (
              <div key={c.id} className="chat-desk">
                <ChatView chat={c} meId={user.id} title={c.seekerName} onUnread={(n) => onUnread(c.id, n)} />
                <ChatDesk chat={c} booth={booth} />
              </div>
            ))}
          </div>
          <form className="actions" onSubmit={saveMinutes} data-testid="booth-chat-minutes">
            <label className="field inline-field">
              <span>{t('inbox.chatMinutes')}</span>
              <input name="chatMinutes" type="number" min={1} max={120} inputMode="numeric" defaultValue={state.data.chatMinutes} required />
            </label>
            <button type="submit" className="button button-small button-secondary">
              {t('inbox.saveMinutes')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
