import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthCoreModule } from '@bisang/auth';
import { RedisModule } from '@bisang/common';
import { ConfigModule } from '@bisang/config';
import { DatabaseModule } from '@bisang/database';
import { QueuesModule } from '@bisang/queues';
import { RealtimePublisher } from '@bisang/realtime';
import { OutboxHints } from './outbox-hints';

/**
 * The infrastructure every Bisang process stands on: validated config, one PostgreSQL pool,
 * one Redis connection, BullMQ queues, token checking and the realtime publisher.
 * Apps import this once, at their root, then their features.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(overrides: Record<string, string | number> = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [ConfigModule.forRoot(overrides), DatabaseModule, RedisModule, QueuesModule, AuthCoreModule],
      providers: [RealtimePublisher, OutboxHints],
      exports: [RealtimePublisher],
    };
  }
}
