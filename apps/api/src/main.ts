import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { serveWebApp } from '@bisang/common';
import { CoreModule, runHttpProcess } from '@bisang/core';
import { ApiModule } from './api.module';

@Module({ imports: [CoreModule.forRoot(), ApiModule] })
class ApiAppModule {}

/** An API node: HTTP, and the web app (dist/web) at `/`. Run `npm run db:migrate` once before starting several. */
void runHttpProcess(ApiAppModule, {
  beforeListen: async (app) => {
    await serveWebApp(app, join(__dirname, '..', '..', '..', 'web'));
  },
});
