import { useEffect, useState } from 'react';
import { api } from '../api/client';

/** The signed-in user's unread notification count, shared by the header badge and the notifications page. */
class UnreadCount {
  private value = 0;
  private listeners = new Set<(n: number) => void>();

  get current(): number {
    return this.value;
  }

  set(n: number): void {
    this.value = n;
    for (const l of this.listeners) l(n);
  }

  private reading: Promise<void> | null = null;
  private again = false;

  /**
   * Reads the count from the server (the inbox stores a notification before it is pushed). One read at a time:
   * calls during a read (a burst of replayed notifications) make one more read after it, not one each.
   */
  refresh(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        try {
          this.set((await api.notifications({ unread: true, limit: 1 })).unreadCount);
        } catch {
          // signed out or offline: keep what is shown
        }
      } while (this.again);
    })().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  subscribe(listener: (n: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const unreadCount = new UnreadCount();

export function useUnreadCount(): number {
  const [n, setN] = useState(unreadCount.current);
  useEffect(() => unreadCount.subscribe(setN), []);
  return n;
}
