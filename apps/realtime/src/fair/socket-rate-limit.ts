import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import { ErrorAck, SOCKET_ERROR_CODES } from '@bisang/contracts';
import type { FairSocket } from './fair-socket';

/** How long rate-limited events count towards a disconnect. */
const ABUSE_WINDOW_MS = 10_000;

export type Verdict = { ok: true } | { ok: false; retryAfterMs: number; disconnect: boolean };

/**
 * One socket's allowance: a token bucket of `burst` events refilled at `perSecond`, and a count of refused
 * events in the last ABUSE_WINDOW_MS. A client that keeps sending past its refusals is disconnected.
 */
export class EventBucket {
  private tokens: number;
  private refilledAt: number;
  private refused = 0;
  private refusedSince = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly disconnectAfter: number | null,
    now: number,
  ) {
    this.tokens = burst;
    this.refilledAt = now;
  }

  take(now: number): Verdict {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    if (now - this.refusedSince > ABUSE_WINDOW_MS) {
      this.refused = 0;
      this.refusedSince = now;
    }
    this.refused++;
    const retryAfterMs = Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
    return { ok: false, retryAfterMs, disconnect: this.disconnectAfter !== null && this.refused >= this.disconnectAfter };
  }
}

/**
 * The per-socket rate limit of every client event of namespace /fair, present and future: a socket.io
 * middleware (`socket.use`) runs before any handler sees the event. A refused event is dropped; its ack,
 * when the client asked for one, is `{ok: false, code: 'RATE_LIMITED', retryAfterMs}`.
 */
@Injectable()
export class SocketRateLimit {
  private readonly logger = new Logger(SocketRateLimit.name);

  constructor(private readonly config: AppConfig) {}

  apply(socket: FairSocket): void {
    const { eventsPerSecond, burst, disconnectAfter } = this.config.socketLimits;
    if (eventsPerSecond === null) return;
    const bucket = new EventBucket(eventsPerSecond, burst, disconnectAfter, Date.now());
    socket.use((packet, next) => {
      const verdict = bucket.take(Date.now());
      if (verdict.ok) return next();
      const ack: unknown = packet[packet.length - 1];
      if (typeof ack === 'function') {
        const reply: ErrorAck = {
          ok: false,
          code: SOCKET_ERROR_CODES.rateLimited,
          message: '요청이 너무 많습니다. 잠시 후 다시 시도하세요 / Too many events: retry later',
          retryAfterMs: verdict.retryAfterMs,
        };
        (ack as (reply: ErrorAck) => void)(reply);
      }
      if (verdict.disconnect) {
        this.logger.warn(`socket ${socket.id} disconnected: it kept sending past its rate limit`);
        socket.disconnect(true);
      }
    });
  }
}
