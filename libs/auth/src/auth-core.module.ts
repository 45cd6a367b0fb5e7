import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard } from './auth.guard';
import { OwnershipGuard } from './ownership';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';

/** Token checking for every HTTP route (global guard) and for socket handshakes. */
@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [TokenService, SessionRevocations, OwnershipGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, SessionRevocations, OwnershipGuard],
})
export class AuthCoreModule {}
