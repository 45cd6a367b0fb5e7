import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

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

  @Transform(toInt)
  @IsInt()
  @Min(30)
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

  /** How long POST /coaching/bookings waits for the worker's decision before answering 202 pending. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  COACHING_DECISION_WAIT_MS = 1500;

  /** How often the worker sweeps bookings left pending (their enqueue was lost) back onto the queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  COACHING_SWEEP_INTERVAL_MS = 30_000;
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
