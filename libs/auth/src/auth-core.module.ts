import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@bisang/config';
import { AuthGuard } from './auth.guard';
import { OwnershipGuard } from './ownership';
import { TokenService } from './token.service';

/** Token checking for every HTTP route (global guard) and for socket handshakes. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject, made once: given the secret as a string, jsonwebtoken first tries to parse it as a PEM
      // public key on every sign and verify (about 1 ms of CPU per signed-in request, bench/feed-fanout.ts).
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) }),
    }),
  ],
  providers: [TokenService, OwnershipGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, OwnershipGuard],
})
export class AuthCoreModule {}
