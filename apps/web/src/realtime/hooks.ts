import { useEffect, useRef, useState } from 'react';
import type { BoothPresence, ChatMessage, FeedEvent, KpiUpdate, NotificationEvent } from '@bisang/contracts';
import { fairSocket, type BoothChatEvent, type ConnectionState } from './fair-socket';

export function useConnectionState(): ConnectionState {
  const [state, setState] = useState<ConnectionState>(fairSocket.state);
  useEffect(() => fairSocket.onState(setState), []);
  return state;
}

/** Calls `onEvent` for each new feed event of the fair (none twice, none missed across reconnects). */
export function useFairFeed(fairId: string | undefined, since: number | undefined, onEvent: (e: FeedEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!fairId) return;
    return fairSocket.followFair(fairId, since, (e) => e.fairId === fairId && handler.current(e));
  }, [fairId, since]);
}

export function useNotifications(onEvent: (e: NotificationEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => fairSocket.onNotification((e) => handler.current(e)), []);
}

/**
 * Calls `onResync` when the connection is back after a drop: a page passes what re-reads the data it shows,
 * which may have changed while it was offline.
 */
export function useResync(onResync: () => void): void {
  const handler = useRef(onResync);
  handler.current = onResync;
  useEffect(() => fairSocket.onResync(() => handler.current()), []);
}

export function useBoothPresence(boothId: string | undefined): BoothPresence | null {
  const [presence, setPresence] = useState<BoothPresence | null>(null);
  useEffect(() => {
    if (!boothId) return;
    return fairSocket.enterBooth(boothId, (p) => p.boothId === boothId && setPresence(p));
  }, [boothId]);
  return presence;
}

/**
 * Live KPI snapshots of a fair for an organizer: joins the fair (which puts an organizer's socket in its
 * organizers' room, also after a reconnect) and calls `onUpdate` with each `kpi:update`.
 */
export function useKpiUpdates(fairId: string | undefined, onUpdate: (u: KpiUpdate) => void): void {
  const handler = useRef(onUpdate);
  handler.current = onUpdate;
  useEffect(() => {
    if (!fairId) return;
    const offKpis = fairSocket.onKpiUpdate((u) => u.fairId === fairId && handler.current(u));
    const unfollow = fairSocket.followFair(fairId, undefined, () => undefined);
    return () => {
      offKpis();
      unfollow();
    };
  }, [fairId]);
}

/** Booth chat's private events (queue:update, chat:started, chat:ended, chat:typing, chat:read). */
export function useBoothChatEvents(onEvent: (e: BoothChatEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => fairSocket.onBoothChat((e) => handler.current(e)), []);
}

/** A chat's messages in seq order, each once, kept whole across dropped connections. */
export function useChatMessages(chatId: string | undefined): ChatMessage[] {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  useEffect(() => {
    setMessages([]);
    if (!chatId) return;
    return fairSocket.followChat(chatId, (m) => setMessages((prev) => (prev.some((p) => p.seq === m.seq) ? prev : [...prev, m])));
  }, [chatId]);
  return messages;
}
