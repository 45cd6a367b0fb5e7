import { Injectable } from '@nestjs/common';
import { EnvSchema } from './env.schema';

/** Typed, validated configuration. Inject this; never read process.env. */
@Injectable()
export class AppConfig {
  constructor(private readonly env: EnvSchema) {}

  get nodeEnv() {
    return this.env.NODE_ENV;
  }
  get isProduction() {
    return this.env.NODE_ENV === 'production';
  }
  get port() {
    return this.env.PORT;
  }
  get databaseUrl() {
    return this.env.DATABASE_URL;
  }
  get redisUrl() {
    return this.env.REDIS_URL;
  }
  get redisPrefix() {
    return this.env.REDIS_PREFIX;
  }
  get jwtSecret(): string {
    return this.env.JWT_SECRET!;
  }
  get accessTtlSeconds() {
    return this.env.JWT_ACCESS_TTL_SECONDS;
  }
  get refreshTtlSeconds() {
    return this.env.REFRESH_TTL_SECONDS;
  }
  get authRateLimit() {
    return this.env.AUTH_RATE_LIMIT;
  }
  /** `RATE_LIMITS=off`: every per-user and per-socket limit is off. */
  get rateLimitsOn() {
    return this.env.RATE_LIMITS !== 'off';
  }
  /** The limits of a realtime socket (namespace /fair). */
  get socketLimits(): SocketLimits {
    const on = this.rateLimitsOn;
    return {
      eventsPerSecond: on ? this.env.SOCKET_EVENTS_PER_SECOND : null,
      burst: this.env.SOCKET_EVENT_BURST,
      disconnectAfter: on && this.env.SOCKET_ABUSE_DISCONNECT_AFTER > 0 ? this.env.SOCKET_ABUSE_DISCONNECT_AFTER : null,
      replayMax: on ? this.env.FEED_REPLAY_MAX : null,
      maxBufferedPackets: this.env.SOCKET_MAX_BUFFERED_PACKETS,
      presenceBroadcastMs: this.env.PRESENCE_BROADCAST_MS,
    };
  }
  /** False when RATE_LIMITS=off: no per-user or per-socket limit applies. */
  get rateLimitsEnabled() {
    return this.env.RATE_LIMITS !== 'off';
  }
  get trustedProxies() {
    return this.env.TRUSTED_PROXIES;
  }
  get publicUrl() {
    return this.env.PUBLIC_URL;
  }
  get corsOrigins() {
    return this.env.CORS_ORIGINS;
  }
  get logLevel() {
    return this.env.LOG_LEVEL;
  }
  get shutdownTimeoutMs() {
    return this.env.SHUTDOWN_TIMEOUT_MS;
  }
  get workerConcurrency() {
    return this.env.WORKER_CONCURRENCY;
  }
  get coachingCancelCutoffMs() {
    return this.env.COACHING_CANCEL_CUTOFF_MINUTES * 60_000;
  }
  get coachingHoldMs() {
    return this.env.COACHING_HOLD_MINUTES * 60_000;
  }
  /** Booth chat: a dropped seeker's queue place is kept this long. */
  get chatQueueGraceMs() {
    return this.env.CHAT_QUEUE_GRACE_SECONDS * 1000;
  }
  /** Booth chat: both sides are warned this long before the chat timer ends the chat. */
  get chatTimeWarningMs() {
    return this.env.CHAT_TIME_WARNING_SECONDS * 1000;
  }
  get coachingDecisionWaitMs() {
    return this.env.COACHING_DECISION_WAIT_MS;
  }
  /** File storage (resumes): the driver and its settings. */
  get storage(): StorageConfig {
    return {
      driver: this.env.STORAGE_DRIVER,
      dir: this.env.STORAGE_DIR,
      s3: {
        endpoint: this.env.S3_ENDPOINT,
        bucket: this.env.S3_BUCKET ?? '',
        region: this.env.S3_REGION,
        accessKeyId: this.env.S3_ACCESS_KEY_ID,
        secretAccessKey: this.env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: this.env.S3_FORCE_PATH_STYLE === 'true',
      },
    };
  }
  /** The outbox relay's settings (see EnvSchema). */
  get eventRelay() {
    return {
      pollMs: this.env.EVENT_POLL_MS,
      leaseMs: this.env.EVENT_LEASE_MS,
      retryBaseMs: this.env.EVENT_RETRY_BASE_MS,
      maxAttempts: this.env.EVENT_MAX_ATTEMPTS,
    };
  }
  get ice(): IceConfig {
    const list = (v: string | undefined) => (v ? v.split(',').map((u) => u.trim()).filter(Boolean) : []);
    const turnUrls = list(this.env.TURN_URLS);
    return {
      stunUrls: list(this.env.STUN_URLS),
      turn: turnUrls.length && this.env.TURN_SECRET ? { urls: turnUrls, secret: this.env.TURN_SECRET, ttlSeconds: this.env.TURN_TTL_SECONDS } : null,
    };
  }
  /** Mail: `smtpUrl` null means nothing is sent. */
  get mail(): MailConfig {
    const publicUrl = this.env.PUBLIC_URL.replace(/\/+$/, '');
    return {
      smtpUrl: this.env.SMTP_URL ?? null,
      from: this.env.MAIL_FROM,
      publicUrl,
      verificationRequired: (this.env.EMAIL_VERIFICATION ?? (this.env.SMTP_URL ? 'required' : 'off')) === 'required',
      retryBaseMs: this.env.MAIL_RETRY_BASE_MS,
      maxAttempts: this.env.MAIL_MAX_ATTEMPTS,
      digestWindowMs: this.env.MAIL_DIGEST_WINDOW_MS,
      announcementBatch: this.env.MAIL_ANNOUNCEMENT_BATCH,
      announcementPauseMs: this.env.MAIL_ANNOUNCEMENT_PAUSE_MS,
    };
  }
}

/** ICE servers of session rooms; `turn` null: no TURN (local and demo runs). */
export interface IceConfig {
  stunUrls: string[];
  turn: { urls: string[]; secret: string; ttlSeconds: number } | null;
}

/** null: no limit (RATE_LIMITS=off). */
export interface SocketLimits {
  eventsPerSecond: number | null;
  burst: number;
  disconnectAfter: number | null;
  replayMax: number | null;
  /** Kept with RATE_LIMITS=off: it bounds memory, and a client that reads never meets it. */
  maxBufferedPackets: number;
  presenceBroadcastMs: number;
}

export interface StorageConfig {
  driver: 'local' | 's3';
  dir: string;
  s3: {
    endpoint?: string;
    bucket: string;
    region: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  };
}

export interface MailConfig {
  smtpUrl: string | null;
  from: string;
  /** Without a trailing slash. */
  publicUrl: string;
  verificationRequired: boolean;
  retryBaseMs: number;
  maxAttempts: number;
  /** One applicant digest per booth per window. */
  digestWindowMs: number;
  announcementBatch: number;
  announcementPauseMs: number;
}
