import { useEffect, useRef, useState } from 'react';
import type { BoothPresence, FeedEvent, NotificationEvent } from '@bisang/realtime-events';
import { fairSocket, type ConnectionState } from './fair-socket';

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

export function useBoothPresence(boothId: string | undefined): BoothPresence | null {
  const [presence, setPresence] = useState<BoothPresence | null>(null);
  useEffect(() => {
    if (!boothId) return;
    return fairSocket.enterBooth(boothId, (p) => p.boothId === boothId && setPresence(p));
  }, [boothId]);
  return presence;
}
