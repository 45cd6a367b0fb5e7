import { DynamicModule, Module, Provider } from '@nestjs/common';
import { CoreModule } from '@bisang/core';
import { ApiModule } from '../../api/src/api.module';
import { RealtimeModule } from '../../realtime/src/realtime.module';
import { WorkerModule } from '../../worker/src/worker.module';

/** Everything in one process: API, realtime gateway and worker over one set of connections. */
@Module({})
export class BisangModule {
  /** `providers`: more providers in the root module (e.g. a test's domain-event subscriber). */
  static forRoot(overrides: Record<string, string | number> = {}, providers: Provider[] = []): DynamicModule {
    return { module: BisangModule, imports: [CoreModule.forRoot(overrides), ApiModule, RealtimeModule, WorkerModule], providers };
  }
}
