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
  get coachingSweepIntervalMs() {
    return this.env.COACHING_SWEEP_INTERVAL_MS;
  }
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
