import { Module } from '@nestjs/common';
import { FeedSignalSubscriber } from './feed-signal.subscriber';

/** What the worker tells the realtime gateways. */
@Module({ providers: [FeedSignalSubscriber] })
export class RealtimeWorkerModule {}
