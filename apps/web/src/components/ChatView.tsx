import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Chat, ChatMessage } from '@bisang/contracts';
import { api } from '../api/client';
import { formatDateTime } from '../format';
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
  const [timeWarning, setTimeWarning] = useState(false);
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
    } else if (e.type === 'timeWarning' && e.data.chatId === chat.id) {
      setTimeWarning(true);
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
    // The box empties at once (the message often shows in the log, by the socket, before the answer comes back);
    // a refused message comes back into the box, unless something new was typed meanwhile.
    setDraft('');
    try {
      await api.postChatMessage(chat.id, body);
      markRead();
    } catch (err) {
      setDraft((now) => (now === '' ? body : now));
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
        {title}{' '}
        {/* Kept in place when read, hidden: the title must not reflow under a finger (marking read happens on the tap's focus). */}
        {unread > 0 ? (
          <span className="tag" aria-label={t('chat.unread', { n: unread })}>
            {unread}
          </span>
        ) : (
          <span className="tag" aria-hidden="true" style={{ visibility: 'hidden' }}>
            0
          </span>
        )}
      </h3>
      {children}
      <div className="chat-log" role="log" aria-live="polite" aria-label={t('chat.log')} tabIndex={0}>
      <ol className="plain chat-list" ref={list}>
        {messages.map((m) => (
          <li key={m.seq} className={m.senderId === meId ? 'chat-mine' : 'chat-theirs'} data-seq={m.seq}>
            <span className="visually-hidden">{m.senderId === meId ? t('chat.me') : t('chat.them')}: </span>
            {/* An act's default body is the server's bilingual text: the card below says it in the page's language. */}
            {m.action?.ownWords !== false && m.body}
            {m.action && <ChatActionCard message={m} mine={m.senderId === meId} />}
          </li>
        ))}
      </ol>
      </div>
      {!ended && chat.endsAt && <ChatTimer endsAt={chat.endsAt} warned={timeWarning} />}
      {/* Always one line: the hint coming and going must not move the box and buttons under a finger or a click. */}
      <p className="small muted" role="status">
        {typing && !ended ? t('chat.typing') : '\u00a0'}
      </p>
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

/** The time left in a chat with a timer, in whole minutes; the warning once the server sent it. */
function ChatTimer({ endsAt, warned }: { endsAt: string; warned: boolean }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const minutes = Math.max(0, Math.ceil((new Date(endsAt).getTime() - now) / 60_000));
  return warned ? (
    <p className="note note-warn small" role="alert" data-testid="time-warning">
      {t('chat.timeWarning')}
    </p>
  ) : (
    <p className="small muted" data-testid="time-left">
      {t('chat.timeLeft', { minutes })}
    </p>
  );
}

/**
 * A recruiter's act carried by a message: an invitation to apply or an interview time. The seeker answers it here
 * with one click (the same acceptance and booking as elsewhere); the recruiter sees what they sent.
 */
function ChatActionCard({ message, mine }: { message: ChatMessage; mine: boolean }) {
  const { t, lang } = useI18n();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const action = message.action!;
  const act = async () => {
    setError(null);
    try {
      if (action.type === 'invitation') await api.answerPoolInvitation(action.invitationId, 'accept');
      else await api.book(action.slotId, `chat-offer-${action.offerId}`);
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  const title =
    action.type === 'invitation'
      ? t('chat.invitation', { posting: action.postingTitle })
      : t('chat.slotOffer', { at: formatDateTime(action.startsAt, 'Asia/Seoul', lang) });
  return (
    <div className="chat-action" data-testid={`action-${action.type}`}>
      <strong className="chat-action-title">{title}</strong>
      {!mine &&
        (done ? (
          <p className="note note-ok small" role="status">
            {t(action.type === 'invitation' ? 'chat.applied' : 'chat.slotBooked')}
          </p>
        ) : (
          <button type="button" className="button button-small" onClick={() => void act()}>
            {t(action.type === 'invitation' ? 'chat.apply' : 'chat.bookSlot')}
          </button>
        ))}
      <ErrorNote error={error} />
    </div>
  );
}
