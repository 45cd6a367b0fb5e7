import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Chat } from '@bisang/contracts';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { fairSocket } from '../realtime/fair-socket';
import { useBoothChatEvents, useChatMessages } from '../realtime/hooks';
import { ErrorNote } from './async';

const TYPING_SHOWN_MS = 4000;

/**
 * One conversation: its messages (replayed and live through the socket, none lost across a dropped connection),
 * a box to write in (usable on a 360 px phone), the other side's typing hint, and "end" (not for a session room's
 * chat, which lasts as long as its room: `endable={false}`).
 */
export function ChatView({
  chat,
  meId,
  title,
  onEnded,
  onUnread,
  endable = true,
  className,
  children,
}: {
  chat: Chat;
  meId: string;
  title: string;
  onEnded?: () => void;
  onUnread?: (n: number) => void;
  endable?: boolean;
  className?: string;
  /** Shown under the title (e.g. what the chat is for). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const messages = useChatMessages(chat.id);
  const [ended, setEnded] = useState(chat.endedAt !== null);
  const [typing, setTyping] = useState(false);
  const [readSeq, setReadSeq] = useState(chat.readSeq);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastTypingSent = useRef(0);

  useBoothChatEvents((e) => {
    if (e.type === 'ended' && e.data.chatId === chat.id) {
      setEnded(true);
      onEnded?.();
    } else if (e.type === 'typing' && e.data.chatId === chat.id && e.data.userId !== meId) {
      setTyping(true);
      clearTimeout(typingTimer.current);
      typingTimer.current = setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
    }
  });

  const lastSeq = messages.at(-1)?.seq ?? 0;
  const unread = messages.filter((m) => m.seq > readSeq && m.senderId !== meId).length;
  useEffect(() => onUnread?.(unread), [unread, onUnread]);
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
    const last = messages.at(-1);
    if (last && last.senderId !== meId) setTyping(false);
  }, [messages, meId]);

  const markRead = () => {
    if (lastSeq > readSeq) {
      setReadSeq(lastSeq);
      fairSocket.markRead(chat.id, lastSeq);
    }
  };

  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = draft.trim();
    if (!body) return;
    setError(null);
    try {
      await api.postChatMessage(chat.id, body);
      setDraft('');
      markRead();
    } catch (err) {
      setError(err);
    }
  };

  const end = async () => {
    setError(null);
    try {
      await api.endChat(chat.id);
      setEnded(true);
      onEnded?.();
    } catch (err) {
      setError(err);
    }
  };

  const onDraft = (value: string) => {
    setDraft(value);
    if (Date.now() - lastTypingSent.current > 2000) {
      lastTypingSent.current = Date.now();
      fairSocket.typing(chat.id);
    }
  };

  return (
    <section className={className ? `card chat ${className}` : 'card chat'} aria-label={title} data-testid={`chat-${chat.id}`} onFocus={markRead} onClick={markRead}>
      <h3 className="card-title">
        {title} {unread > 0 && <span className="tag" aria-label={t('chat.unread', { n: unread })}>{unread}</span>}
      </h3>
      {children}
      <div className="chat-log" role="log" aria-live="polite" aria-label={t('chat.log')} tabIndex={0}>
      <ol className="plain chat-list" ref={list}>
        {messages.map((m) => (
          <li key={m.seq} className={m.senderId === meId ? 'chat-mine' : 'chat-theirs'} data-seq={m.seq}>
            <span className="visually-hidden">{m.senderId === meId ? t('chat.me') : t('chat.them')}: </span>
            {m.body}
          </li>
        ))}
      </ol>
      </div>
      {typing && !ended && (
        <p className="small muted" role="status">
          {t('chat.typing')}
        </p>
      )}
      <ErrorNote error={error} />
      {ended ? (
        <p className="note note-info" role="status">
          {t('chat.ended')}
        </p>
      ) : (
        <form className="chat-form" onSubmit={send}>
          <label className="field">
            <span className="visually-hidden">{t('chat.message')}</span>
            <textarea value={draft} maxLength={2000} rows={2} onChange={(e) => onDraft(e.target.value)} placeholder={t('chat.placeholder')} />
          </label>
          <div className="actions">
            <button type="submit" className="button">
              {t('chat.send')}
            </button>
            {endable && (
              <button type="button" className="button button-secondary" onClick={() => void end()}>
                {t('chat.end')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
