import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Every environment variable Bisang reads, with its default. The only description of the process environment. */
export class EnvSchema {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bisang';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key and channel, so that several deployments or test runs can share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'REDIS_PREFIX must be 1-40 letters, digits, - or _' })
  REDIS_PREFIX = 'bisang';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Access token lifetime; a socket whose token expires loses its private events until it re-authenticates. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  REFRESH_TTL_SECONDS = 30 * 24 * 3600;

  /** Sign-in and registration attempts per minute per client; 0 turns the limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  AUTH_RATE_LIMIT = 20;

  /** `off` turns off every per-user and per-socket limit (load tests, acceptance checks). */
  @IsIn(['on', 'off'], { message: 'RATE_LIMITS must be on or off' })
  RATE_LIMITS: 'on' | 'off' = 'on';

  /** Client events a socket may send per second, on average (namespace /fair, every event counts). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SOCKET_EVENTS_PER_SECOND = 10;

  /** Client events a socket may send at once (the bucket's size), e.g. its rejoins after a reconnect. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SOCKET_EVENT_BURST = 30;

  /** A socket refused this many events (RATE_LIMITED) within 10 s is disconnected; 0 never disconnects. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SOCKET_ABUSE_DISCONNECT_AFTER = 50;

  /** The most feed events `fair:join` replays; further behind, the client catches up over HTTP (REPLAY_TOO_LARGE). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FEED_REPLAY_MAX = 1000;

  /**
   * Packets still waiting in a socket's write buffer after a database round trip beyond which it is a slow
   * consumer and is disconnected (at least one replay page, 500 events).
   */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  SOCKET_MAX_BUFFERED_PACKETS = 2000;

  /** At most one booth:presence per booth per this many ms from each node (the last one has the final count). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  PRESENCE_BROADCAST_MS = 250;

  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated addresses, CIDRs, or `loopback`,
   * `linklocal`, `uniquelocal`). Empty: none, so a client cannot pick its own address for the rate limit.
   */
  @Matches(/^[0-9a-zA-Z.:/, ]*$/, { message: 'TRUSTED_PROXIES must be comma-separated addresses, CIDRs or loopback/linklocal/uniquelocal' })
  TRUSTED_PROXIES = '';

  /**
   * Origins (scheme://host[:port], comma-separated) whose pages may call the API from a browser. Empty: none,
   * only the web app served from the same origin.
   */
  @Matches(/^(\s*https?:\/\/[^\s,/]+\/?\s*)?(,\s*https?:\/\/[^\s,/]+\/?\s*)*$/, {
    message: 'CORS_ORIGINS must be comma-separated origins such as https://jobs.example.kr',
  })
  CORS_ORIGINS = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** How long a shutdown waits for in-flight requests and jobs. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Where local secrets (a generated JWT secret) are kept between local runs. */
  @IsString()
  STATE_DIR = '.bisang';

  /** Worker concurrency per queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  WORKER_CONCURRENCY = 16;

  /** Seekers and coaches may cancel a confirmed coaching booking until this many minutes before its start. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(7 * 24 * 60)
  COACHING_CANCEL_CUTOFF_MINUTES = 60;

  /** How long a freed slot is held for a waiter before it passes to the next one. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  COACHING_HOLD_MINUTES = 15;

  /** Booth chat: how long a queued seeker whose connections all dropped keeps their place before the entry is abandoned. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60 * 60)
  CHAT_QUEUE_GRACE_SECONDS = 120;

  /** Booth chat: how long before the booth's chat timer runs out both sides are warned. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60 * 60)
  CHAT_TIME_WARNING_SECONDS = 60;

  /** How long POST /coaching/bookings waits for the worker's decision before answering 202 pending. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  COACHING_DECISION_WAIT_MS = 1500;

  /**
   * How often the outbox relay looks whether domain events were appended without a commit hint reaching it (a lost
   * hint, a due retry): one query per worker. Committed events wake their subscribers through Redis at once.
   */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(60_000)
  EVENT_POLL_MS = 1000;

  /** A relay process holds a subscription this long per renewal; a crashed one's subscriptions pass on after it. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(300_000)
  EVENT_LEASE_MS = 5000;

  /** A subscriber's failed event is retried after this, doubling each time. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  EVENT_RETRY_BASE_MS = 1000;

  /** After this many failed attempts an event is parked for an organizer to replay. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  EVENT_MAX_ATTEMPTS = 5;

  /** The SMTP server mail goes through (smtp:// or smtps://, credentials in the URL); unset: no mail is sent. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  /** The From of every mail: an address, or `Name <address>`. */
  @Matches(/^[^\r\n<>]*<?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'MAIL_FROM must be an address or "Name <address>"' })
  MAIL_FROM = 'Bisang <no-reply@bisang.local>';

  /**
   * Where people reach this deployment: the base of links in mails (the web app's address). When it is https,
   * responses carry Strict-Transport-Security; over http they do not (a local run must stay reachable over http).
   */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s):// URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** `required`: applying and booking need a verified address. Unset: required when SMTP_URL is set, off otherwise. */
  @IsOptional()
  @IsIn(['required', 'off'], { message: 'EMAIL_VERIFICATION must be required or off' })
  EMAIL_VERIFICATION?: 'required' | 'off' = undefined;

  /** First retry delay of a mail the SMTP server refused or could not take (doubling, up to MAIL_MAX_ATTEMPTS). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  MAIL_RETRY_BASE_MS = 2000;

  /** Attempts per mail before it fails for good (shown in the queue dashboard); 14 doubling from 2 s span about 9 hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 14;

  /** Recruiters' digest of new applicants: at most one mail per booth per window (an hour; shorter in tests). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  MAIL_DIGEST_WINDOW_MS = 3_600_000;

  /** Announcement mails: recipients per page of the paced sending job, and the pause between pages. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MAIL_ANNOUNCEMENT_BATCH = 100;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  MAIL_ANNOUNCEMENT_PAUSE_MS = 1000;

  /** `npm run start:demo` without SMTP_URL: the local demo inbox's SMTP port (127.0.0.1). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  DEMO_SMTP_PORT = 1025;

  /** `npm run start:demo` without SMTP_URL: the local demo inbox's web page port. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  DEMO_INBOX_PORT = 1080;

  /** Where uploaded files (resumes) live: `local` disk under STORAGE_DIR, or an S3-compatible bucket. */
  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local or s3' })
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** The local driver's directory (created when missing). */
  @IsString()
  @MinLength(1)
  STORAGE_DIR = './var/uploads';

  /** S3-compatible endpoint (e.g. http://127.0.0.1:9000 for MinIO); unset for AWS S3 itself. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'S3_ENDPOINT must be an http(s):// URL' })
  S3_ENDPOINT?: string = undefined;

  @ValidateIf((env: EnvSchema) => env.STORAGE_DRIVER === 's3')
  @IsString({ message: 'S3_BUCKET must be set when STORAGE_DRIVER is s3' })
  @MinLength(3, { message: 'S3_BUCKET must be set when STORAGE_DRIVER is s3' })
  S3_BUCKET?: string = undefined;

  @IsString()
  @MinLength(1)
  S3_REGION = 'us-east-1';

  /** With S3_SECRET_ACCESS_KEY; both unset means the SDK's own credential chain (instance role, profile). */
  @ValidateIf((env: EnvSchema) => env.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID must be set together with S3_SECRET_ACCESS_KEY' })
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string = undefined;

  @ValidateIf((env: EnvSchema) => env.S3_ACCESS_KEY_ID !== undefined)
  @IsString({ message: 'S3_SECRET_ACCESS_KEY must be set together with S3_ACCESS_KEY_ID' })
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string = undefined;

  /** Path-style URLs (endpoint/bucket/key), which MinIO and most S3-compatible servers need. */
  @IsIn(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE: 'true' | 'false' = 'true';

  /**
   * Session rooms: STUN servers handed to browsers, comma-separated (`stun:host:3478`). Unset: none, which is
   * what a local or demo run on one machine needs (host candidates connect).
   */
  @IsOptional()
  @Matches(/^stuns?:[^\s,]+(,stuns?:[^\s,]+)*$/, { message: 'STUN_URLS must be comma-separated stun: or stuns: URLs' })
  STUN_URLS?: string = undefined;

  /** TURN servers (coturn), comma-separated (`turn:host:3478?transport=udp,turns:host:5349`); needs TURN_SECRET. */
  @IsOptional()
  @Matches(/^turns?:[^\s,]+(,turns?:[^\s,]+)*$/, { message: 'TURN_URLS must be comma-separated turn: or turns: URLs' })
  TURN_URLS?: string = undefined;

  /** coturn's `static-auth-secret` (use-auth-secret): signs short-lived per-user TURN credentials; never sent to browsers. */
  @ValidateIf((env: EnvSchema) => env.TURN_URLS !== undefined || env.TURN_SECRET !== undefined)
  @IsString({ message: 'TURN_SECRET must be set when TURN_URLS is set' })
  @MinLength(16, { message: 'TURN_SECRET must be at least 16 characters' })
  TURN_SECRET?: string = undefined;

  /** How long a TURN credential handed out on entering a room stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  TURN_TTL_SECONDS = 4 * 3600;
}

export type Env = Readonly<EnvSchema>;

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Validates raw variables (strings) into a typed, defaulted Env, or throws naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): EnvSchema {
  const known = Object.keys(new EnvSchema());
  const picked: Record<string, unknown> = {};
  for (const key of [...known, 'JWT_SECRET']) {
    if (raw[key] !== undefined && raw[key] !== '') picked[key] = raw[key];
  }
  const env = plainToInstance(EnvSchema, picked, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.flatMap((e) => Object.values(e.constraints ?? { invalid: `${e.property} is invalid` })),
    );
  }
  return env;
}
