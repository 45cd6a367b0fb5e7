import { Module } from '@nestjs/common';
import { FairGateway } from './fair/fair.gateway';
import { RealtimeSignals } from './fair/realtime-signals.service';

/** The socket.io gateway's features (namespace /fair). */
@Module({
  providers: [RealtimeSignals, FairGateway],
})
export class RealtimeModule {}
