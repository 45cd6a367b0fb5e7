import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { AccountsModule, RedisThrottlerStorage, SignInBackoff } from '@bisang/auth';
import { REDIS } from '@bisang/common';
import { AppConfig } from '@bisang/config';
import { AuthController } from './auth.controller';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { AccountMailController } from './account-mail.controller';

@Module({
  imports: [
    AccountsModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        // Named 'default' so that the guard sets the standard Retry-After header (other names get a suffix).
        throttlers: [{ name: 'default', ttl: 60_000, limit: Math.max(1, config.authRateLimit) }],
        storage: new RedisThrottlerStorage(redis, config),
        skipIf: () => config.authRateLimit === 0 || !config.rateLimitsEnabled,
      }),
    }),
  ],
  controllers: [AuthController, SessionsController, AccountMailController],
  providers: [SessionsService, SignInBackoff],
})
export class AuthModule {}
