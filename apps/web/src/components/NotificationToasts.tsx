import { useState } from 'react';
import type { NotificationEvent } from '@bisang/contracts';
import { useI18n, type Lang, type Translate } from '../i18n/i18n';
import { formatDateTime } from '../format';
import { useBoothChatEvents, useNotifications } from '../realtime/hooks';
import { openChats } from '../realtime/open-chats';
import { isMessageKey } from '../i18n/ko';

/** A person's sentence for a notification, in the current language. */
export function notificationText(e: NotificationEvent, t: Translate, lang: Lang = 'ko'): string {
  // Which session it is about: coaching or an interview, and when (fairs keep Korean time).
  const what = (kind: string | undefined) => t(kind === 'interview' ? 'notify.whatInterview' : 'notify.whatCoaching');
  const when = (iso: string) => formatDateTime(iso, 'Asia/Seoul', lang);
  switch (e.type) {
    case 'booking.confirmed':
      return t('notify.bookingConfirmedAt', { what: what(e.data.kind), at: when(e.data.startsAt) });
    case 'booking.rejected': {
      const key = `reason.${e.data.reason ?? ''}`;
      return t('notify.bookingRejected', { reason: isMessageKey(key) ? t(key) : (e.data.reason ?? '') });
    }
    case 'booking.cancelled':
      return t('notify.bookingCancelled');
    case 'booking.reminder':
      return t('notify.bookingReminderAt', { at: when(e.data.startsAt) });
    case 'booking.session_open':
      return t('notify.sessionOpen');
    case 'booking.waitlist_offer':
      return t('notify.waitlistOffer');
    case 'application.status_changed': {
      const key = `appStatus.${e.data.to}`;
      return t('notify.applicationStatus', {
        posting: `${e.data.companyName} · ${e.data.postingTitle}`,
        status: isMessageKey(key) ? t(key) : e.data.to,
      });
    }
    case 'application.received':
      return t('notify.applicationReceived', { seeker: e.data.seekerName, posting: e.data.postingTitle });
    case 'application.offer_answered':
      return t(e.data.accepted ? 'notify.offerAccepted' : 'notify.offerDeclined', { seeker: e.data.seekerName, posting: e.data.postingTitle });
    case 'hire.follow_up':
      return t('notify.followUp', { days: e.data.daysAfterStart });
    case 'pool.invitation':
      return t('notify.poolInvitation', { company: e.data.companyName, posting: e.data.postingTitle });
    case 'pool.chat_invitation':
      return t('notify.poolChatInvitation', { company: e.data.companyName });
    case 'pool.chat_accepted':
      return t('notify.poolChatAccepted', { seeker: e.data.seekerName });
    case 'introduction.received':
      return t('notify.introduction', { company: e.data.companyName, posting: e.data.postingTitle });
    case 'queue.next':
      return t('notify.queueNext', { company: e.data.companyName });
    case 'chat.answered':
      return t('notify.chatAnswered');
    case 'posting.deadline_soon':
      return t('notify.deadlineSoon', { company: e.data.companyName, posting: e.data.postingTitle, at: when(e.data.closesAt) });
    case 'chat.slot_offer':
      return t('notify.slotOffer', { company: e.data.companyName, at: when(e.data.startsAt) });
  }
}

/**
 * A toast that would only cover an open chat (on a phone, right over it): "you're next" for a booth whose chat has
 * begun, or an invitation or interview time that the open chat shows with its own button.
 */
const coversOpenChat = (e: NotificationEvent, boothId?: string | null) =>
  (e.type === 'queue.next' && (boothId ? e.data.boothId === boothId : openChats.hasBooth(e.data.boothId))) ||
  (e.type === 'pool.invitation' && !!e.data.chatId && openChats.hasChat(e.data.chatId)) ||
  (e.type === 'chat.slot_offer' && openChats.hasChat(e.data.chatId));

export function NotificationToasts() {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<NotificationEvent[]>([]);
  useBoothChatEvents((e) => {
    if (e.type === 'started') {
      openChats.opened(e.data.chatId, e.data.boothId);
      setItems((prev) => prev.filter((x) => !coversOpenChat(x, e.data.boothId)));
    } else if (e.type === 'ended') {
      openChats.closed(e.data.chatId);
    }
  });
  useNotifications((e) => {
    if (coversOpenChat(e)) return;
    setItems((prev) => [...prev.slice(-3), e]);
    setTimeout(() => setItems((prev) => prev.filter((x) => x.id !== e.id)), 8000);
  });
  return (
    <div className="toasts" role="status" aria-live="polite">
      {items.map((e) => (
        <div key={e.id} className="toast" data-testid="toast">
          {notificationText(e, t, lang)}
        </div>
      ))}
    </div>
  );
}
