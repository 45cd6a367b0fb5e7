import { Module } from '@nestjs/common';
import { CoreModule, HealthModule, runHttpProcess } from '@bisang/core';
import { RealtimeModule } from './realtime.module';
import { RedisIoAdapter } from './redis-io.adapter';

@Module({ imports: [CoreModule.forRoot(), HealthModule, RealtimeModule] })
class RealtimeAppModule {}

/** A realtime gateway node: socket.io on PORT (namespace /fair), plus /health for the load balancer. */
void runHttpProcess(RealtimeAppModule, {
  beforeListen: (app, env) => {
    app.useWebSocketAdapter(new RedisIoAdapter(app, env.REDIS_URL, env.REDIS_PREFIX));
  },
});
