import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from '@bisang/core';
import { MeModule } from './me/me.module';

/** The HTTP API's features. Infrastructure comes from the process's root module (see CoreModule). */
@Module({
  imports: [HealthModule, AuthModule, MeModule],
})
export class ApiModule {}
