import { Module } from '@nestjs/common';
import { CoreModule, runHttpProcess } from '@bisang/core';
import { ApiModule } from './api.module';

@Module({ imports: [CoreModule.forRoot(), ApiModule] })
class ApiAppModule {}

/** An API node: HTTP only. Run `npm run db:migrate` once before starting several. */
void runHttpProcess(ApiAppModule);
