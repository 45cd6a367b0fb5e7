import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard } from './auth.guard';
import { OwnershipGuard } from './ownership';
import { TokenService } from './token.service';

/** Token checking for every HTTP route (global guard) and for socket handshakes. */
@Global()
@Module({
  imports: [JwtModule.register({})],
  providers: [TokenService, OwnershipGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, OwnershipGuard],
})
export class AuthCoreModule {}
